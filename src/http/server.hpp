#pragma once
// The HTTP(S) server: Boost.Beast on Asio with C++20 coroutines. Connections are served on
// a few I/O threads; each request runs on a worker pool (handlers block on the database),
// and the response is written back on the connection's I/O thread.

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
  int io_threads = 2;
  int workers = 16;
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
