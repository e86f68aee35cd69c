#pragma once
// Rows of the hash-chained audit log (R-AUD-1, R-AUD-2). The chain itself is audit/'s.

#include <functional>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace huidig::store {

struct AuditRow {
  std::string practice_id;
  long long seq = 0;
  long long at_us = 0;
  std::string actor_id;
  std::string actor_role;
  std::optional<std::string> on_behalf_of;
  std::optional<std::string> client_id;
  std::optional<std::string> location_id;
  std::string action;
  std::string object_type;
  std::optional<std::string> object_id;
  std::string remote_addr;
  std::string outcome;
  std::string prev_hash;
  std::string hash;
};

struct AuditHead {
  long long seq = 0;
  std::string hash;
};

class AuditRepo {
 public:
  // Locks the practice's chain head for the rest of the transaction (a row lock on
  // PostgreSQL; SQLite has one writer anyway) and returns it; nullopt for an empty chain.
  std::optional<AuditHead> LockHead(Tx& tx, const std::string& practice) const;
  void Append(Tx& tx, const AuditRow& row) const;  // inserts and moves the head
  std::optional<AuditHead> Head(Tx& tx, const std::string& practice) const;
  // Every row of the practice in seq order.
  void Scan(Tx& tx, const std::string& practice,
            const std::function<void(const AuditRow&)>& visit) const;
  std::vector<std::string> Practices(Tx& tx) const;
};

}  // namespace huidig::store
