#pragma once
// Path templates ("/api/v1/clients/{id}") to handlers, per method.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_types.hpp"

namespace huidig::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

template <class Handler>
class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler) {
    routes_.push_back({std::move(method), Split(pattern), std::move(pattern), std::move(handler)});
  }

  struct Match {
    const Handler* handler = nullptr;
    PathParams params;
    std::string pattern;
    bool path_known = false;           // some method serves this path
    std::vector<std::string> allowed;  // for 405's Allow header
  };

  Match Find(std::string_view method, std::string_view path) const {
    Match m;
    const auto parts = Split(path);
    for (const auto& r : routes_) {
      PathParams params;
      if (!Matches(r.parts, parts, params)) continue;
      m.path_known = true;
      m.allowed.push_back(r.method);
      if (r.method == method && !m.handler) {
        m.handler = &r.handler;
        m.params = std::move(params);
        m.pattern = r.pattern;
      }
    }
    return m;
  }

 private:
  struct Route {
    std::string method;
    std::vector<std::string> parts;
    std::string pattern;
    Handler handler;
  };

  static std::vector<std::string> Split(std::string_view path) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < path.size()) {
      if (path[pos] == '/') {
        ++pos;
        continue;
      }
      const auto end = std::min(path.find('/', pos), path.size());
      out.emplace_back(path.substr(pos, end - pos));
      pos = end;
    }
    return out;
  }

  static bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& parts,
                      PathParams& params) {
    if (pattern.size() != parts.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto& p = pattern[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') params[p.substr(1, p.size() - 2)] = parts[i];
      else if (p != parts[i]) return false;
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace huidig::http
