#include "http/server.hpp"

#include "http/wire.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
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
using boost::system::error_code;
constexpr auto kTuple = asio::experimental::as_tuple(asio::use_awaitable);

// How long a refused request's unread body is drained after the answer, so that the
// client reads the answer instead of a connection reset. Bounded by time: it costs a
// connection slot and a small buffer, never memory for the body.
constexpr auto kLingerTime = std::chrono::seconds(2);

bool IsHttpError(const error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category();
}

bool IsResourceShortage(const error_code& ec) {
  return ec == asio::error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system ||
         ec == asio::error::no_buffer_space || ec == asio::error::no_memory;
}

// Decrements a counter when a connection or a request is done with its slot.
class Slot {
 public:
  explicit Slot(std::atomic<int>& count) : count_(&count) {}
  Slot(Slot&& other) noexcept : count_(std::exchange(other.count_, nullptr)) {}
  Slot& operator=(Slot&& other) noexcept {
    if (this != &other) {
      Release();
      count_ = std::exchange(other.count_, nullptr);
    }
    return *this;
  }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  ~Slot() { Release(); }
  // Takes one of `limit` slots, or none when all are taken; atomic, so two requests at once
  // never both take the last.
  static std::optional<Slot> Take(std::atomic<int>& count, int limit) {
    if (count.fetch_add(1) >= limit) {
      count.fetch_sub(1);
      return std::nullopt;
    }
    return Slot(count);
  }

 private:
  void Release() {
    if (count_) std::exchange(count_, nullptr)->fetch_sub(1);
  }
  std::atomic<int>* count_;
};

int HashThreads(const ServerOptions& o) {
  if (o.hash_threads > 0) return o.hash_threads;
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 64u));
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions o, const Application& app)
      : options_(std::move(o)),
        app_(app),
        ioc_(std::max(1, options_.threads)),
        accept_strand_(asio::make_strand(ioc_)),
        ssl_ctx_(ssl::context::tls_server),
        acceptor_(accept_strand_),
        signals_(accept_strand_, SIGINT, SIGTERM),
        hash_threads_(HashThreads(options_)),
        hash_work_(asio::make_work_guard(hash_ioc_)) {
    // Argon2id is meant to be slow and takes a whole core: its threads run at a lower
    // priority, so that the request threads get the cores first during a login flood.
    for (int i = 0; i < hash_threads_; ++i)
      hash_pool_.emplace_back([this] {
        (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
        hash_ioc_.run();
      });
    tls_ = options_.tls_certificate && options_.tls_key;
    if (tls_) {
      ssl_ctx_.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                           ssl::context::single_dh_use);
      ssl_ctx_.use_certificate_chain_file(*options_.tls_certificate);
      ssl_ctx_.use_private_key_file(*options_.tls_key, ssl::context::pem);
    }
  }

  ~Impl() {
    hash_work_.reset();
    hash_ioc_.stop();
    for (auto& t : hash_pool_) t.join();
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
    asio::co_spawn(accept_strand_, Accept(), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < std::max(1, options_.threads); ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
  }

  void Stop() {
    asio::post(accept_strand_, [this] {
      error_code ec;
      acceptor_.close(ec);
      signals_.cancel(ec);
      ioc_.stop();
    });
  }

 private:
  awaitable<void> Accept() {
    asio::steady_timer pause(accept_strand_);
    bool short_of_descriptors = false, at_cap = false;
    for (;;) {
      // Each connection gets its own strand: its handlers, its timer and its close are
      // serialised, whichever of the threads runs them.
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kTuple);
      if (ec == asio::error::operation_aborted) co_return;
      if (IsResourceShortage(ec)) {
        // The connection waits in the backlog; retrying at once would spin. Log once per
        // shortage, not once per try.
        if (!short_of_descriptors) spdlog::warn("accept: {}; pausing new connections", ec.message());
        short_of_descriptors = true;
        pause.expires_after(std::chrono::milliseconds(250));
        co_await pause.async_wait(kTuple);
        continue;
      }
      if (ec) continue;  // e.g. the client gave up before we accepted: serve the others
      if (short_of_descriptors) spdlog::info("accept: descriptors free again; accepting");
      short_of_descriptors = false;
      auto slot = Slot::Take(open_, options_.max_connections);
      if (!slot) {
        if (!at_cap) spdlog::warn("accept: {} connections open; closing new ones", options_.max_connections);
        at_cap = true;
        error_code ignored;
        socket.close(ignored);
        continue;
      }
      at_cap = false;
      error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto ex = socket.get_executor();
      if (tls_) {
        asio::co_spawn(ex, ServeTls(std::move(socket), std::move(*slot)), asio::detached);
      } else {
        asio::co_spawn(ex, ServePlain(std::move(socket), std::move(*slot)), asio::detached);
      }
    }
  }

  awaitable<void> ServePlain(tcp::socket socket, [[maybe_unused]] Slot open) {
    beast::tcp_stream stream(std::move(socket));
    co_await Serve(stream, false);
  }

  awaitable<void> ServeTls(tcp::socket socket, [[maybe_unused]] Slot open) {
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), ssl_ctx_);
    beast::get_lowest_layer(stream).expires_after(options_.header_timeout);
    auto [ec] = co_await stream.async_handshake(ssl::stream_base::server, kTuple);
    if (ec) co_return;
    co_await Serve(stream, true);
  }

  template <class Stream>
  awaitable<void> Serve(Stream& stream, bool tls) {
    auto& tcp_stream = beast::get_lowest_layer(stream);
    error_code ep_ec;
    const auto remote = tcp_stream.socket().remote_endpoint(ep_ec);
    const std::string remote_addr = ep_ec ? "unknown" : remote.address().to_string();
    beast::flat_buffer buffer;
    bool close_gently = true;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
      parser.body_limit(boost::none);  // the application sets the route's limit on the headers
      tcp_stream.expires_after(options_.header_timeout);
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      if (hec) {
        // A closed or timed-out connection gets no answer; a malformed request gets a 400.
        if (IsHttpError(hec) && hec != bhttp::error::end_of_stream && hec != bhttp::error::partial_message) {
          co_await Refuse(stream, hec == bhttp::error::header_limit ? "headers_too_large" : "bad_request",
                          parser.get(), tls);
          close_gently = false;
        }
        break;
      }
      const auto& head = parser.get();
      const bool body_announced = parser.chunked() || parser.content_length().value_or(0) > 0 ||
                                  head.count(bhttp::field::transfer_encoding) > 0;
      if (const auto problem = FramingProblem(head); !problem.empty()) {
        co_await Refuse(stream, problem, head, tls);
        close_gently = false;
        break;
      }
      HttpRequest request = FromBeast(head, remote_addr, tls);
      Admission admission = app_.Admit(request);
      if (!admission.refusal && parser.content_length() && *parser.content_length() > admission.body_limit)
        admission.refusal = app_.Refusal("body_too_large", head[bhttp::field::accept_language], tls);
      std::optional<Slot> work_slot;
      if (!admission.refusal && admission.work == Work::kUpload) {
        work_slot = Slot::Take(uploads_, options_.max_uploads);
        if (!work_slot) admission.refusal = app_.Refusal("server_busy", head[bhttp::field::accept_language], tls);
      }
      if (!admission.refusal && admission.work == Work::kPasswordHash) {
        work_slot = Slot::Take(hashing_, hash_threads_ + options_.hash_queue);
        if (!work_slot) admission.refusal = app_.Refusal("server_busy", head[bhttp::field::accept_language], tls);
      }
      if (admission.refusal) {
        // Answered on the headers: the body is never read, so the connection cannot go on.
        const bool keep_alive = !body_announced && head.keep_alive();
        auto res = ToBeast(std::move(*admission.refusal), head.version(), keep_alive);
        tcp_stream.expires_after(options_.header_timeout);
        auto [wec, wn] = co_await bhttp::async_write(stream, res, kTuple);
        if (wec) break;
        if (keep_alive) continue;
        if (body_announced) {
          co_await Linger(tcp_stream);
          co_return;
        }
        break;
      }
      if (body_announced) {
        if (Lower(head[bhttp::field::expect]) == "100-continue" && head.version() >= 11) {
          bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, 11};
          auto [cec, cn] = co_await bhttp::async_write(stream, go_on, kTuple);
          if (cec) break;
        }
        parser.body_limit(admission.body_limit);  // chunked bodies are counted as they come
        tcp_stream.expires_after(options_.body_timeout);
        auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        if (bec == bhttp::error::body_limit) {
          co_await Refuse(stream, "body_too_large", head, tls);
          close_gently = false;
          break;
        }
        if (bec) {
          if (IsHttpError(bec) && bec != bhttp::error::partial_message) {
            co_await Refuse(stream, "bad_request", head, tls);
            close_gently = false;
          }
          break;
        }
        request.body = std::move(parser.get().body());  // moved, never copied
      }
      const bool keep_alive = head.keep_alive();
      const unsigned version = head.version();
      tcp_stream.expires_never();
      HttpResponse response;
      if (admission.work == Work::kPasswordHash) {
        // Argon2id runs on its own pool; this connection's thread goes on serving others.
        response = co_await asio::co_spawn(
            hash_ioc_, [&]() -> awaitable<HttpResponse> { co_return app_.Handle(request, admission); },
            asio::use_awaitable);
      } else {
        response = app_.Handle(request, admission);
      }
      work_slot.reset();
      auto res = ToBeast(std::move(response), version, keep_alive);
      tcp_stream.expires_after(options_.body_timeout);
      auto [wec, written] = co_await bhttp::async_write(stream, res, kTuple);
      if (wec || !keep_alive) break;
    }
    if (!close_gently) co_return;
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    } else {
      tcp_stream.expires_after(std::chrono::seconds(5));
      co_await stream.async_shutdown(kTuple);
    }
  }

  // Answers a request the server refuses itself, then closes after a short drain.
  template <class Stream>
  awaitable<void> Refuse(Stream& stream, std::string_view code, const bhttp::request_header<>& head, bool tls) {
    auto& tcp_stream = beast::get_lowest_layer(stream);
    const unsigned version = head.version() == 10 ? 10 : 11;
    auto res = ToBeast(app_.Refusal(code, head[bhttp::field::accept_language], tls), version, false);
    tcp_stream.expires_after(options_.header_timeout);
    auto [wec, wn] = co_await bhttp::async_write(stream, res, kTuple);
    if (!wec) co_await Linger(tcp_stream);
  }

  // Half-closes and discards what the client still sends, for a moment, so that the
  // answer is read before the connection goes; costs no memory beyond a small buffer.
  awaitable<void> Linger(beast::tcp_stream& tcp_stream) {
    error_code ignored;
    tcp_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    tcp_stream.expires_after(kLingerTime);
    char sink[4096];
    for (;;) {
      auto [ec, n] = co_await tcp_stream.async_read_some(asio::buffer(sink), kTuple);
      if (ec) break;
    }
    tcp_stream.socket().close(ignored);
  }

  ServerOptions options_;
  const Application& app_;
  asio::io_context ioc_;
  asio::strand<asio::io_context::executor_type> accept_strand_;
  ssl::context ssl_ctx_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  int hash_threads_;
  asio::io_context hash_ioc_;
  asio::executor_work_guard<asio::io_context::executor_type> hash_work_;
  std::vector<std::thread> hash_pool_;
  std::atomic<int> open_{0};
  std::atomic<int> uploads_{0};
  std::atomic<int> hashing_{0};
  bool tls_ = false;
};

Server::Server(ServerOptions options, const Application& app)
    : impl_(std::make_unique<Impl>(std::move(options), app)) {}
Server::~Server() = default;
std::string Server::Listen() { return impl_->Listen(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace huidig::http
