#pragma once
// huidig.toml: every key optional; errors name the key.

#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"

namespace huidig::cli {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string database = "sqlite:huidig.db";
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_photo_bytes = 25 << 20;
  std::uint64_t max_photo_pixels = 50'000'000;
  int workers = 64;  // request threads: many waiting writers make large group commits
  int max_connections = 512;
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 120;
  int max_uploads = 4;
  std::optional<std::string> tls_certificate;  // absolute, or relative to the data folder
  std::optional<std::string> tls_key;
  int session_idle_minutes = 30;
  int session_max_hours = 12;
  int login_slow_after = 3;
  int login_lock_after = 10;
  int login_lock_minutes = 15;
  unsigned argon2_memory_mib = 64;
  unsigned argon2_iterations = 2;
  int hash_threads = 0;  // 0: one per core
  int hash_queue = 16;
};

[[nodiscard]] Result<Config> LoadConfig(const std::filesystem::path& data_dir);
// The commented file `huidig init` writes.
std::string DefaultConfigText();

}  // namespace huidig::cli
