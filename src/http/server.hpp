#pragma once
// The HTTP(S) server: Boost.Beast on Asio with C++20 coroutines. One io_context is run by
// `threads` threads. Each connection lives on its own strand: its reads, writes, timers and
// close never run at once on two threads. A request's handler runs on the connection's
// strand and may block its thread (database) while the other threads go on serving; many
// threads waiting on the same durable commit is what lets the database group their writes.
// Password hashing runs on a separate, bounded pool (see Work::kPasswordHash).
//
// What a stranger can cost is bounded before any authentication: max_connections sockets,
// header_limit bytes of header each for header_timeout, and nothing more unless the
// application admits the request on its headers (Application::Admit).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "http/application.hpp"

namespace huidig::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  std::optional<std::string> tls_certificate;  // PEM files; both set = HTTPS
  std::optional<std::string> tls_key;
  int threads = 64;
  // A connection over this many is closed at once.
  int max_connections = 512;
  // The TLS handshake, a request's header and a keep-alive pause must each end within this.
  std::chrono::seconds header_timeout{10};
  // A request body must be read whole within this.
  std::chrono::seconds body_timeout{120};
  std::size_t header_limit = 16 * 1024;
  // Upload bodies read at once; more get 503 with Retry-After.
  int max_uploads = 4;
  // Password hashing: threads (0: one per core), and requests that may wait for one; more
  // get 503 with Retry-After at once.
  int hash_threads = 0;
  int hash_queue = 16;
};

class Server {
 public:
  // `app` must outlive the server.
  Server(ServerOptions options, const Application& app);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns "http(s)://host:port" with the port actually bound.
  std::string Listen();
  // Serves until Stop() or SIGINT/SIGTERM.
  void Run();
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace huidig::http
