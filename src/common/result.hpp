#pragma once
// Result<T>: expected failures as values (STYLE.md). Exceptions are for the unexpected.

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <tl/expected.hpp>

namespace huidig {

enum class Errc {
  kInvalidArgument,     // bad input: 400/422
  kUnauthenticated,     // no valid session or credentials: 401
  kPermissionDenied,    // the role may never do this: 403
  kNotFound,            // unknown or forbidden object (R-SEC-2): 404
  kConflict,            // a unique key or a concurrent change: 409
  kFailedPrecondition,  // a rule refuses it now: 409/422
  kResourceExhausted,   // throttled or locked: 429
  kTooLarge,            // body over the limit: 413
  kUnavailable,         // busy now, try again after Retry-After: 503
  kStorageFull,         // the disk is full: 507, nothing half-written
  kNotImplemented,      // e.g. a transfer coding the server does not speak: 501
  kInternal,            // a bug or a failure without details: 500
};

// One extra member of a problem+json answer (e.g. "earliest": "2026-11-24").
using ErrorExtra = std::pair<std::string, std::variant<std::string, long long>>;

struct Error {
  Errc errc = Errc::kInvalidArgument;
  std::string code;   // stable machine code, e.g. "reflection_period_not_elapsed"
  std::string field;  // the offending field, for validation errors
  std::string rule;   // the SPEC.md rule that refused it, e.g. "R-CONSENT-2"
  std::vector<ErrorExtra> extra;

  Error With(std::string key, std::variant<std::string, long long> value) && {
    extra.emplace_back(std::move(key), std::move(value));
    return std::move(*this);
  }
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> Fail(Errc errc, std::string code, std::string field = {},
                                  std::string rule = {}) {
  return tl::unexpected<Error>(Error{errc, std::move(code), std::move(field), std::move(rule), {}});
}
inline tl::unexpected<Error> Fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

// Shorthands for the common refusals.
inline tl::unexpected<Error> NotFound() { return Fail(Errc::kNotFound, "not_found"); }
inline tl::unexpected<Error> Forbidden(std::string rule = "R-SEC-2") {
  return Fail(Errc::kPermissionDenied, "forbidden", {}, std::move(rule));
}
inline tl::unexpected<Error> Invalid(std::string code, std::string field, std::string rule = {}) {
  return Fail(Errc::kInvalidArgument, std::move(code), std::move(field), std::move(rule));
}

}  // namespace huidig
