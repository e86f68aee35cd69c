#include <stdexcept>

#include "store/migrations.hpp"

namespace huidig::store {

std::vector<std::string> MigrationStatements(std::string_view sql, Dialect dialect) {
  std::vector<std::string> out;
  std::string current;
  bool for_all = true;  // the statements so far are for every engine
  Dialect only = dialect;
  std::size_t pos = 0;
  while (pos < sql.size()) {
    auto end = sql.find('\n', pos);
    if (end == std::string_view::npos) end = sql.size();
    std::string line(sql.substr(pos, end - pos));
    pos = end + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    if (line.compare(first, 3, "--@") == 0) {
      const auto tag = line.substr(first + 3, line.find_last_not_of(" \t\r") - first - 2);
      for_all = tag == "all";
      if (tag == "sqlite") only = Dialect::kSqlite;
      else if (tag == "postgresql") only = Dialect::kPostgres;
      else if (!for_all) throw std::logic_error("migration: unknown engine tag --@" + tag);
      continue;
    }
    if (line.compare(first, 2, "--") == 0) continue;
    current += line + "\n";
    const auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      if (for_all || only == dialect) out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos && (for_all || only == dialect))
    out.push_back(current);
  return out;
}

}  // namespace huidig::store
