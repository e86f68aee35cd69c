#pragma once
// The schema migrations embedded at build time from store/migrations/NNNN_name.sql.
// Append-only once merged.

#include <string_view>
#include <vector>

namespace huidig::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& Migrations();

}  // namespace huidig::store
