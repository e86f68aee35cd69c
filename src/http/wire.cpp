#include "http/wire.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace huidig::http {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// The request line and headers; the body comes later.
HttpRequest FromBeast(const bhttp::request_header<>& in, std::string remote, bool tls) {
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
    r.headers.emplace_back(Lower(field.name_string()), std::string(field.value()));
  }
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

// RFC 9112 §6: the framing a server must refuse, beyond what Beast's parser refuses itself.
// Returns the problem code, or an empty view when the framing is sound.
std::string_view FramingProblem(const bhttp::request_header<>& h) {
  int lengths = 0, hosts = 0;
  std::vector<std::string> codings;
  bool encoded = false;
  for (const auto& f : h) {
    if (f.name() == bhttp::field::content_length) ++lengths;
    if (f.name() == bhttp::field::host) ++hosts;
    if (f.name() != bhttp::field::transfer_encoding) continue;
    encoded = true;
    std::string_view list = f.value();
    while (!list.empty()) {
      const auto comma = list.find(',');
      auto item = list.substr(0, comma);
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      item = item.substr(0, item.find(';'));  // transfer parameters
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
      if (!item.empty()) codings.push_back(Lower(item));
    }
  }
  if (lengths > 1 || hosts > 1 || (h.version() >= 11 && hosts == 0)) return "bad_request";
  if (!encoded) return {};
  if (lengths > 0 || h.version() < 11 || codings.empty()) return "bad_request";
  static constexpr std::string_view kKnown[] = {"chunked", "gzip", "x-gzip", "deflate", "compress", "x-compress"};
  for (const auto& c : codings)
    if (std::find(std::begin(kKnown), std::end(kKnown), c) == std::end(kKnown)) return "transfer_coding_unsupported";
  if (codings.back() != "chunked" || std::count(codings.begin(), codings.end(), "chunked") > 1) return "bad_request";
  if (codings.size() > 1) return "transfer_coding_unsupported";  // we decode no content codings
  return {};
}

}  // namespace huidig::http
