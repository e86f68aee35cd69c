#pragma once
// The HTTP(S) server: Boost.Beast on Asio with C++20 coroutines. One io_context is run by
// `threads` threads; a request's handler runs on the thread that read it and may block it
// (database, Argon2id) while the other threads go on serving. Many threads waiting on the
// same durable commit is what lets the database group their writes into one commit;
// handing requests to a separate worker pool cost more in thread switches than it saved.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/http_types.hpp"

namespace huidig::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  std::optional<std::string> tls_certificate;  // PEM files; both set = HTTPS
  std::optional<std::string> tls_key;
  std::size_t max_body_bytes = 1 << 20;
  // Requests for which this returns true (photo uploads) may send up to max_upload_bytes.
  std::function<bool(std::string_view method, std::string_view target)> is_upload;
  std::size_t max_upload_bytes = 25 << 20;
  int threads = 64;
};

class Server {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;
  // Renders a refusal made before the request was read whole: (code, Accept-Language, tls).
  using Refusal = std::function<HttpResponse(std::string_view, std::string_view, bool)>;
  Server(ServerOptions options, Handler handler, Refusal refusal);
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
