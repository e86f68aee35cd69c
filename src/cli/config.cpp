#include "cli/config.hpp"

#include <toml++/toml.h>

namespace huidig::cli {
namespace {

template <class T>
Result<void> Read(const toml::table& t, std::string_view dotted, T& out, long long min, long long max) {
  const auto node = t.at_path(dotted);
  if (!node) return {};
  const auto v = node.value<long long>();
  if (!v || *v < min || *v > max) return Invalid("invalid_value", std::string(dotted));
  out = static_cast<T>(*v);
  return {};
}

Result<void> ReadText(const toml::table& t, std::string_view dotted, std::string& out) {
  const auto node = t.at_path(dotted);
  if (!node) return {};
  const auto v = node.value<std::string>();
  if (!v) return Invalid("wrong_type", std::string(dotted));
  out = *v;
  return {};
}

}  // namespace

Result<Config> LoadConfig(const std::filesystem::path& dir) {
  Config c;
  const auto file = dir / "huidig.toml";
  if (!std::filesystem::exists(file)) return c;
  toml::table t;
  try {
    t = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return Invalid("malformed_toml", "huidig.toml:" + std::to_string(e.source().begin.line));
  }
  std::string cert, key;
  for (auto r : {ReadText(t, "listen", c.listen), ReadText(t, "database", c.database),
                 ReadText(t, "tls.certificate", cert), ReadText(t, "tls.key", key),
                 Read(t, "max_body_bytes", c.max_body_bytes, 1024, 1LL << 30),
                 Read(t, "photos.max_bytes", c.max_photo_bytes, 1024, 1LL << 30),
                 Read(t, "photos.max_pixels", c.max_photo_pixels, 1000, 1LL << 32),
                 Read(t, "workers", c.workers, 1, 512),
                 Read(t, "server.max_connections", c.max_connections, 1, 100000),
                 Read(t, "server.header_timeout_seconds", c.header_timeout_seconds, 1, 600),
                 Read(t, "server.body_timeout_seconds", c.body_timeout_seconds, 1, 3600),
                 Read(t, "server.max_uploads", c.max_uploads, 1, 256),
                 Read(t, "session.idle_minutes", c.session_idle_minutes, 1, 24 * 60),
                 Read(t, "session.max_hours", c.session_max_hours, 1, 24 * 7),
                 Read(t, "login.slow_after", c.login_slow_after, 1, 1000),
                 Read(t, "login.lock_after", c.login_lock_after, 1, 1000),
                 Read(t, "login.lock_minutes", c.login_lock_minutes, 1, 24 * 60),
                 Read(t, "passwords.argon2_memory_mib", c.argon2_memory_mib, 19, 4096),
                 Read(t, "passwords.argon2_iterations", c.argon2_iterations, 2, 100),
                 Read(t, "passwords.hash_threads", c.hash_threads, 0, 64),
                 Read(t, "passwords.hash_queue", c.hash_queue, 0, 10000)})
    if (!r) return Fail(r.error());
  auto resolve = [&](const std::string& p) -> std::optional<std::string> {
    if (p.empty()) return std::nullopt;
    const std::filesystem::path path(p);
    return (path.is_relative() ? dir / path : path).string();
  };
  c.tls_certificate = resolve(cert);
  c.tls_key = resolve(key);
  if (c.tls_certificate.has_value() != c.tls_key.has_value())
    return Invalid("required", c.tls_key ? "tls.certificate" : "tls.key");
  return c;
}

std::string DefaultConfigText() {
  return R"(# Huidig configuration. Every key is optional; the values shown are the defaults.

# Address to serve on. Loopback only unless you say otherwise; serve HTTPS when exposed.
listen = "127.0.0.1:8080"

# "sqlite:FILE" (relative to this folder) or "postgresql://user@host:port/database".
database = "sqlite:huidig.db"

# Largest request body accepted, in bytes.
max_body_bytes = 1048576

# Request threads. Requests that wait on the same durable commit share it, so more
# threads make larger group commits.
workers = 64

[server]
# Open connections at most; one more is closed at once.
max_connections = 512
# Seconds for a TLS handshake, for a request's headers and for a pause between requests.
header_timeout_seconds = 10
# Seconds for a request's body, and for sending an answer.
body_timeout_seconds = 120
# Photo uploads read at once; one more gets "503, try again" (Retry-After).
max_uploads = 4

[tls]
# PEM certificate chain and private key; with both set the server speaks HTTPS only.
certificate = ""
key = ""

[photos]
# Largest photo upload in bytes, and in pixels (width x height).
max_bytes = 26214400
max_pixels = 50000000

[session]
idle_minutes = 30
max_hours = 12

[login]
# After this many failed logins each attempt must wait 1, 2, 4 ... seconds,
slow_after = 3
# and after this many the account is locked for lock_minutes.
lock_after = 10
lock_minutes = 15

[passwords]
# Argon2id cost (OWASP: at least 19 MiB with 2 iterations).
argon2_memory_mib = 64
argon2_iterations = 2
# Threads that hash passwords (0: one per core), and logins that may wait for one; one
# more gets "503, try again" at once, and no other request waits for them.
hash_threads = 0
hash_queue = 16
)";
}

}  // namespace huidig::cli
