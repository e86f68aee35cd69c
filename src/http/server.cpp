#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace huidig::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
using asio::awaitable;
constexpr auto kTuple = asio::experimental::as_tuple(asio::use_awaitable);

HttpRequest FromBeast(const bhttp::request<bhttp::string_body>& in, std::string remote, bool tls) {
  HttpRequest r;
  r.method = std::string(in.method_string());
  r.remote_addr = std::move(remote);
  r.tls = tls;
  auto target = boost::urls::parse_origin_form(in.target());
  if (target) {
    r.path = std::string(target->path());
    for (auto param : target->params()) r.query.emplace_back(param.key, param.value);
  } else {
    r.path = "/invalid";  // answers 404
  }
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    r.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  r.body = in.body();
  return r;
}

bhttp::response<bhttp::string_body> ToBeast(HttpResponse&& in, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::server, "huidig");
  for (auto& [k, v] : in.headers) out.insert(k, v);
  out.body() = std::move(in.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions o, Handler h, Refusal refusal)
      : options_(std::move(o)),
        handler_(std::move(h)),
        refusal_(std::move(refusal)),
        ioc_(std::max(1, options_.threads)),
        ssl_ctx_(ssl::context::tls_server),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM) {
    tls_ = options_.tls_certificate && options_.tls_key;
    if (tls_) {
      ssl_ctx_.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                           ssl::context::single_dh_use);
      ssl_ctx_.use_certificate_chain_file(*options_.tls_certificate);
      ssl_ctx_.use_private_key_file(*options_.tls_key, ssl::context::pem);
    }
  }

  std::string Listen() {
    const tcp::endpoint ep(asio::ip::make_address(options_.host), options_.port);
    acceptor_.open(ep.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    const auto bound = acceptor_.local_endpoint();
    const std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                                     : bound.address().to_string();
    return fmt::format("{}://{}:{}", tls_ ? "https" : "http", host, bound.port());
  }

  void Run() {
    signals_.async_wait([this](auto, int) { Stop(); });
    asio::co_spawn(ioc_, Accept(), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < std::max(1, options_.threads); ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
  }

  void Stop() {
    asio::post(ioc_, [this] {
      boost::system::error_code ec;
      acceptor_.close(ec);
      signals_.cancel(ec);
      ioc_.stop();
    });
  }

 private:
  awaitable<void> Accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(kTuple);
      if (ec) {
        if (ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. too many open files: keep serving the others
      }
      socket.set_option(tcp::no_delay(true));
      if (tls_) {
        asio::co_spawn(ioc_, ServeTls(std::move(socket)), asio::detached);
      } else {
        asio::co_spawn(ioc_, Serve(beast::tcp_stream(std::move(socket)), false), asio::detached);
      }
    }
  }

  awaitable<void> ServeTls(tcp::socket socket) {
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), ssl_ctx_);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(15));
    auto [ec] = co_await stream.async_handshake(ssl::stream_base::server, kTuple);
    if (ec) co_return;
    co_await Serve(std::move(stream), true);
  }

  template <class Stream>
  awaitable<void> Serve(Stream stream, bool tls) {
    boost::system::error_code ep_ec;
    const auto remote = beast::get_lowest_layer(stream).socket().remote_endpoint(ep_ec);
    const std::string remote_addr = ep_ec ? "unknown" : remote.address().to_string();
    beast::flat_buffer buffer;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      // Beast checks a Content-Length against the limit as soon as the header is parsed, so
      // the header is read under the largest limit and the route's own limit applied after.
      parser.body_limit(std::max(options_.max_body_bytes, options_.max_upload_bytes));
      parser.header_limit(16 * 1024);
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(60));
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      boost::system::error_code ec = hec;
      if (!ec) {
        const auto& head = parser.get();
        const bool upload = options_.is_upload && options_.is_upload(head.method_string(), head.target());
        const std::size_t limit = upload ? options_.max_upload_bytes : options_.max_body_bytes;
        if (parser.content_length() && *parser.content_length() > limit) {
          ec = bhttp::error::body_limit;
        } else {
          parser.body_limit(limit);  // for chunked bodies, counted as they arrive
          auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
          ec = bec;
        }
      }
      if (ec == bhttp::error::body_limit || ec == bhttp::error::header_limit) {
        const auto& header = parser.get();
        auto res = ToBeast(refusal_(ec == bhttp::error::body_limit ? "body_too_large" : "headers_too_large",
                                    header[bhttp::field::accept_language], tls),
                           11, false);
        co_await bhttp::async_write(stream, res, kTuple);
        break;
      }
      if (ec) break;  // closed, timed out or not HTTP
      auto& req = parser.get();
      const bool keep_alive = req.keep_alive();
      const unsigned version = req.version();
      HttpRequest request = FromBeast(req, remote_addr, tls);
      // The handler blocks (database, Argon2id) this thread only; the others go on serving.
      HttpResponse response = handler_(request);
      auto res = ToBeast(std::move(response), version, keep_alive);
      auto [wec, written] = co_await bhttp::async_write(stream, res, kTuple);
      if (wec || !keep_alive) break;
    }
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      boost::system::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    } else {
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(5));
      co_await stream.async_shutdown(kTuple);
    }
  }

  ServerOptions options_;
  Handler handler_;
  Refusal refusal_;
  asio::io_context ioc_;
  ssl::context ssl_ctx_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  bool tls_ = false;
};

Server::Server(ServerOptions options, Handler handler, Refusal refusal)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(refusal))) {}
Server::~Server() = default;
std::string Server::Listen() { return impl_->Listen(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace huidig::http
