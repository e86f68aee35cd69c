#pragma once
// What the server asks of the application, in two steps: Admit on the headers alone, then
// Handle once the body is read. A stranger's request is refused by Admit (no session, no
// CSRF token, unknown route, too large) before a byte of its body is read or stored.

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "http/http_types.hpp"

namespace huidig::http {

// Where a request's handler runs.
enum class Work {
  kInline,        // on the connection's thread (database reads and writes)
  kUpload,        // inline too, but at most ServerOptions::max_uploads bodies at once
  kPasswordHash,  // on the bounded password pool (Argon2id), never on a request thread
};

struct Admission {
  std::optional<HttpResponse> refusal;  // answer this at once; the body is not read
  std::size_t body_limit = 0;           // the largest body this request may send
  Work work = Work::kInline;
  std::shared_ptr<const void> state;    // what Admit learnt (route, caller), for Handle
};

class Application {
 public:
  virtual ~Application() = default;
  // `head` has no body yet. Never throws.
  virtual Admission Admit(const HttpRequest& head) const = 0;
  // `admission` is what Admit returned for this request, without a refusal. Never throws.
  virtual HttpResponse Handle(const HttpRequest& request, const Admission& admission) const = 0;
  // A refusal made by the server itself, with a problem code: bad_request (framing),
  // transfer_coding_unsupported, body_too_large, headers_too_large, server_busy.
  virtual HttpResponse Refusal(std::string_view code, std::string_view accept_language, bool tls) const = 0;
};

}  // namespace huidig::http
