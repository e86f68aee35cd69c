#include "http/error_mapping.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace huidig::http {

int StatusFor(const Error& e) {
  switch (e.errc) {
    case Errc::kInvalidArgument:
      // Not understood at all: 400. Understood but not acceptable: 422.
      if (e.code == "malformed_json" || e.code == "invalid_utf8" || e.code == "unknown_field" ||
          e.code == "invalid_query" || e.code == "bad_request" || e.code == "duplicate_key")
        return 400;
      if (e.code == "unsupported_media_type") return 415;
      return 422;
    case Errc::kUnauthenticated: return 401;
    case Errc::kPermissionDenied: return 403;
    case Errc::kNotFound: return e.code == "method_not_allowed" ? 405 : 404;
    case Errc::kConflict: return 409;
    case Errc::kFailedPrecondition: return 409;
    case Errc::kResourceExhausted: return 429;
    case Errc::kTooLarge: return e.code == "headers_too_large" ? 431 : 413;
    case Errc::kUnavailable: return 503;
    case Errc::kStorageFull: return 507;
    case Errc::kNotImplemented: return 501;
    case Errc::kInternal: return 500;
  }
  return 500;
}

Error ServerRefusal(std::string_view code) {
  Error e{Errc::kInvalidArgument, std::string(code), {}, "R-SEC-4", {}};
  if (code == "body_too_large" || code == "headers_too_large") e.errc = Errc::kTooLarge;
  if (code == "transfer_coding_unsupported") e.errc = Errc::kNotImplemented;
  if (code == "server_busy") e = std::move(e).With("retry_after", 1LL), e.errc = Errc::kUnavailable;
  if (code == "internal") e.errc = Errc::kInternal, e.rule.clear();
  return e;
}

HttpResponse ProblemResponse(const Error& e, Lang lang) {
  const int status = StatusFor(e);
  std::string date;
  for (const auto& [key, value] : e.extra)
    if (key == "earliest") date = std::get<std::string>(value);
    else if (key == "missing") date = QualificationLabels(std::get<std::string>(value), lang);
  const auto text = MessageFor(e.code, e.field, lang, date);
  boost::json::object body;
  body["type"] = "urn:huidig:problem:" + e.code;
  body["title"] = text.title;
  body["status"] = status;
  body["detail"] = text.detail;
  body["code"] = e.code;
  if (!e.field.empty()) body["field"] = e.field;
  if (!e.rule.empty()) body["rule"] = e.rule;
  HttpResponse r;
  r.status = status;
  for (const auto& [key, value] : e.extra) {
    if (const auto* s = std::get_if<std::string>(&value)) body[key] = *s;
    else body[key] = std::get<long long>(value);
    if (key == "retry_after") r.Set("Retry-After", std::to_string(std::get<long long>(value)));
  }
  r.Set("Content-Type", "application/problem+json");
  r.Set("Content-Language", lang == Lang::kEn ? "en" : "nl");
  r.body = boost::json::serialize(body);
  return r;
}

}  // namespace huidig::http
