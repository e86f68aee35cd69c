#pragma once
// Rows of the staff side of the schema, as the repositories return them.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "domain/access.hpp"

namespace huidig::store {

struct PracticeRecord {
  PracticeId id;
  std::string name;
  bool totp_required = true;
  Instant created_at{};
  std::array<int, 3> reflection_days{0, 1, 7};  // per cosmetic category (R-CONSENT-2)
  bool sign_requires_password = false;           // the signer types their password to sign
};

struct LocationRecord {
  LocationId id;
  PracticeId practice;
  std::string name;
  std::optional<Instant> closed_at;  // closed: no new clients there
};

struct UserRecord {
  UserId id;
  PracticeId practice;
  std::string email;  // lower-case
  std::string display_name;
  domain::Role role = domain::Role::kAssistant;
  bool all_locations = false;
  std::vector<LocationId> locations;
  std::string password_hash;
  bool must_change_password = false;
  std::optional<std::string> totp_secret;          // sealed with the master key
  std::optional<std::string> totp_pending_secret;  // sealed, while enrolling
  std::int64_t totp_last_step = 0;
  bool disabled = false;
  std::optional<Instant> access_expires_at;
  Instant created_at{};
  Instant updated_at{};
};

struct LoginSessionRecord {
  std::string token_hash;
  UserId user;
  PracticeId practice;
  Instant created_at{};
  Instant last_seen_at{};
};

struct LoginFailureRecord {
  int failures = 0;
  Instant last_failure_at{};
};

}  // namespace huidig::store
