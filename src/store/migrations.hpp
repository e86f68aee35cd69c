#pragma once
// The schema migrations embedded at build time from store/migrations/NNNN_name.sql.
// Append-only once merged.

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace huidig::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& Migrations();

// The statements of a migration for one engine. A statement ends with the line that ends in
// ';'. A line "--@sqlite" or "--@postgresql" makes the statements after it that engine's own,
// "--@all" ends that; every other comment line is dropped.
std::vector<std::string> MigrationStatements(std::string_view sql, Dialect dialect);

}  // namespace huidig::store
