#pragma once
// R-AUD-1..3 (NEN 7513): who did what to whose record, when, from where, allowed or not.
// Entries are hash-chained per practice: each hash covers the entry and the hash before
// it, so a changed, removed or reordered entry breaks the chain from that point on. The
// hash is an HMAC under a key derived from the master key, which never enters the
// database: someone who can write the database but lacks the key file cannot forge a
// consistent chain after tampering. Entries hold ids, never health data or names (R-AUD-3).

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "crypto/keys.hpp"
#include "domain/access.hpp"
#include "store/audit_repo.hpp"
#include "store/database.hpp"

namespace huidig::audit {

enum class Outcome { kAllowed, kRefused };

struct Entry {
  PracticeId practice;
  UserId actor;
  domain::Role role = domain::Role::kAssistant;
  std::optional<UserId> on_behalf_of;
  std::optional<ClientId> client;
  std::optional<LocationId> location;
  std::string action;       // "read", "create", "update", "search", "login", ...
  std::string object_type;  // "client", "client_list", "session", ...
  std::optional<std::string> object_id;
  std::string remote_addr;
  Outcome outcome = Outcome::kAllowed;
  Instant at{};

  // An entry for `actor` acting now; fill in the rest.
  static Entry For(const domain::Actor& actor, std::string action, std::string object_type,
                   Instant at, Outcome outcome = Outcome::kAllowed);
  // An allowed access to an object of one client's dossier.
  static Entry About(const domain::Actor& actor, std::string action, std::string object_type,
                     const ClientId& client, const LocationId& location, std::string object_id,
                     Instant at);
  template <class Tag>
  static Entry About(const domain::Actor& actor, std::string action, std::string object_type,
                     const ClientId& client, const LocationId& location, const Id<Tag>& object,
                     Instant at) {
    return About(actor, std::move(action), std::move(object_type), client, location, object.value,
                 at);
  }
};

struct VerifyReport {
  bool intact = true;
  long long entries = 0;
  std::optional<long long> first_bad_seq;  // the first entry that does not verify
  std::string reason;
  std::string head_hash;  // note it elsewhere to anchor the chain
};

class AuditLog {
 public:
  // `chain_key`: MasterKey::Derive(kChainKeyPurpose).
  explicit AuditLog(const crypto::Key& chain_key) : key_(chain_key) {}
  static constexpr std::string_view kChainKeyPurpose = "auditlog";

  // Appends in the caller's transaction: the entry commits or rolls back with the change.
  void Append(store::Tx& tx, const Entry& entry) const;
  // Walks the practice's chain from the first entry.
  VerifyReport Verify(store::Tx& tx, const PracticeId& practice) const;
  // The hash of a row given its predecessor's hash (exposed for tests).
  std::string HashOf(const store::AuditRow& row) const;

 private:
  crypto::Key key_;
  store::AuditRepo repo_;
};

}  // namespace huidig::audit
