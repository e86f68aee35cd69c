#pragma once
// Our own request and response: handlers and their tests need no sockets and no Beast.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace huidig::http {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path, no query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string remote_addr;
  bool tls = false;

  std::optional<std::string_view> Header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
      if (k == lower_name) return std::string_view(v);
    return std::nullopt;
  }
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  HttpResponse& Set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  std::optional<std::string_view> Header(std::string_view name) const {
    for (const auto& [k, v] : headers)
      if (k == name) return std::string_view(v);
    return std::nullopt;
  }
};

}  // namespace huidig::http
