#include "cli/app.hpp"

#include <algorithm>
#include <iostream>

namespace huidig::cli {

namespace fs = std::filesystem;

service::Context App::Context() const {
  service::Settings s;
  s.login_session.idle = std::chrono::minutes(config.session_idle_minutes);
  s.login_session.max_age = std::chrono::hours(config.session_max_hours);
  s.login.slow_after = config.login_slow_after;
  s.login.lock_after = config.login_lock_after;
  s.login.lock_for = std::chrono::minutes(config.login_lock_minutes);
  return service::Context{*db, clock, *master, *hasher, *audit, s};
}

std::string Describe(const Error& e) { return e.field.empty() ? e.code : e.code + " (" + e.field + ")"; }

std::unique_ptr<App> OpenApp(const fs::path& dir) {
  auto app = std::make_unique<App>();
  auto config = LoadConfig(dir);
  if (!config) {
    std::cerr << "huidig: bad configuration: " << Describe(config.error()) << "\n";
    return nullptr;
  }
  app->config = *config;
  auto master = crypto::MasterKey::Load(dir / "master.key");
  if (!master) {
    std::cerr << "huidig: cannot use the master key: " << Describe(master.error()) << "\n";
    return nullptr;
  }
  app->master = std::move(*master);
  app->audit.emplace(app->master->Derive(audit::AuditLog::kChainKeyPurpose));
  store::DatabaseOptions options;
  options.url = app->config.database;
  options.base_dir = dir;
  options.readers = std::max(2, app->config.workers);
  app->db = store::Database::Open(options, app->clock);
  app->hasher = std::make_unique<crypto::PasswordHasher>(
      crypto::Argon2Params{app->config.argon2_memory_mib, app->config.argon2_iterations});
  return app;
}

}  // namespace huidig::cli
