#pragma once
// What every service is built from; cli/main.cpp wires it.

#include "audit/audit_log.hpp"
#include "common/clock.hpp"
#include "crypto/keys.hpp"
#include "crypto/password_hasher.hpp"
#include "domain/auth_policy.hpp"
#include "store/database.hpp"

namespace huidig::service {

struct Settings {
  domain::LoginSessionPolicy login_session;
  domain::LoginThrottlePolicy login;
};

struct Context {
  store::Database& db;
  const Clock& clock;
  const crypto::MasterKey& master_key;
  const crypto::PasswordHasher& hasher;
  const audit::AuditLog& audit;
  Settings settings;
};

}  // namespace huidig::service
