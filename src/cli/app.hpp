#pragma once
// What every verb of `huidig` opens from a data folder: its configuration, master key,
// database, password hasher and audit log.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "audit/audit_log.hpp"
#include "cli/config.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"
#include "crypto/keys.hpp"
#include "crypto/password_hasher.hpp"
#include "service/context.hpp"
#include "store/database.hpp"

namespace huidig::cli {

struct App {
  Config config;
  std::optional<crypto::MasterKey> master;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<crypto::PasswordHasher> hasher;
  SystemClock clock;
  std::optional<audit::AuditLog> audit;

  service::Context Context() const;
};

// "code (field)" for an operator's terminal.
std::string Describe(const Error& e);

// Null, with the reason on stderr, when the folder cannot be opened.
std::unique_ptr<App> OpenApp(const std::filesystem::path& dir);

}  // namespace huidig::cli
