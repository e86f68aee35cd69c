#include "http/handler.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json/serialize.hpp>

#include "common/utf8.hpp"

namespace huidig::http {

HttpResponse Json(int status, const boost::json::value& body) {
  HttpResponse r;
  r.status = status;
  r.Set("Content-Type", "application/json");
  r.body = boost::json::serialize(body);
  return r;
}

HttpResponse NoContent() {
  HttpResponse r;
  r.status = 204;
  return r;
}

namespace {

// A parameter's name as it goes back to the caller: short, and valid UTF-8 or "?".
std::string ParamName(std::string_view name) {
  std::string out(name.substr(0, 64));
  return IsValidUtf8(out) ? out : "?";
}

}  // namespace

QueryReader& QueryReader::Text(std::string_view name, std::optional<std::string>& target,
                               std::size_t max_bytes) {
  known_.push_back(name);
  for (const auto& [k, v] : req_.query) {
    if (error_ || k != name) continue;
    if (!IsValidUtf8(v)) error_ = Invalid("invalid_utf8", std::string(name), "R-SEC-4").value();
    else if (v.size() > max_bytes) error_ = Invalid("invalid_query", std::string(name), "R-SEC-4").value();
    else target = v;
  }
  return *this;
}

QueryReader& QueryReader::Int(std::string_view name, std::optional<int>& target, int min, int max) {
  known_.push_back(name);
  for (const auto& [k, v] : req_.query) {
    if (error_ || k != name) continue;
    int n = 0;
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size() || n < min || n > max)
      error_ = Invalid("invalid_query", std::string(name), "R-SEC-4").value();
    else target = n;
  }
  return *this;
}

void QueryReader::Finish() {
  if (error_) return;
  for (const auto& [k, v] : req_.query)
    if (std::find(known_.begin(), known_.end(), k) == known_.end()) {
      error_ = Invalid("invalid_query", ParamName(k), "R-SEC-4").value();
      return;
    }
}

}  // namespace huidig::http
