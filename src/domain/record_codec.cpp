#include "domain/record_codec.hpp"

#include <charconv>

namespace huidig::domain {
namespace {

void Put(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
}

std::optional<std::string_view> Take(std::string_view& s) {
  std::size_t len = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), len);
  if (ec != std::errc() || p == s.data() + s.size() || *p != ':') return std::nullopt;
  s.remove_prefix(static_cast<std::size_t>(p - s.data()) + 1);
  if (s.size() < len) return std::nullopt;
  const auto v = s.substr(0, len);
  s.remove_prefix(len);
  return v;
}

}  // namespace

std::string EncodeRecord(std::string_view kind, const RecordFields& fields) {
  std::string out = "rec1;";
  Put(out, kind);
  for (const auto& [k, v] : fields) {
    Put(out, k);
    Put(out, v);
  }
  return out;
}

std::optional<std::map<std::string, std::string>> DecodeRecord(std::string_view kind,
                                                               std::string_view s) {
  if (s.substr(0, 5) != "rec1;") return std::nullopt;
  s.remove_prefix(5);
  const auto k = Take(s);
  if (!k || *k != kind) return std::nullopt;
  std::map<std::string, std::string> out;
  while (!s.empty()) {
    const auto name = Take(s);
    if (!name) return std::nullopt;
    const auto value = Take(s);
    if (!value) return std::nullopt;
    out.emplace(*name, *value);
  }
  return out;
}

}  // namespace huidig::domain
