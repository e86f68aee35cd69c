#include "http/json_body.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>

#include "common/utf8.hpp"

namespace huidig::http {
namespace {

constexpr std::size_t kMaxDepth = 16;

// A key as it goes back to the caller: short, and valid UTF-8 or "?".
std::string FieldName(std::string_view key) {
  std::string name(key.substr(0, 64));
  return IsValidUtf8(name) ? name : "?";
}

// A first pass of boost::json::basic_parser that only remembers the keys of each open
// object, to find one given twice (the value parser keeps the last silently).
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::optional<std::string> duplicate;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_array_begin(boost::system::error_code&) { return true; }
  bool on_array_end(std::size_t, boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) {
    open_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, boost::system::error_code&) {
    open_.pop_back();
    return true;
  }
  bool on_string_part(std::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_string(std::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_key_part(std::string_view s, std::size_t, boost::system::error_code&) {
    key_.append(s);
    return true;
  }
  bool on_key(std::string_view s, std::size_t, boost::system::error_code& ec) {
    key_.append(s);
    if (!open_.back().insert(key_).second) {
      duplicate = FieldName(key_);
      ec = boost::json::error::syntax;  // stops the parse; `duplicate` says why
      return false;
    }
    key_.clear();
    return true;
  }
  bool on_number_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, std::string_view, boost::system::error_code&) { return true; }
  bool on_uint64(std::uint64_t, std::string_view, boost::system::error_code&) { return true; }
  bool on_double(double, std::string_view, boost::system::error_code&) { return true; }
  bool on_bool(bool, boost::system::error_code&) { return true; }
  bool on_null(boost::system::error_code&) { return true; }
  bool on_comment_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_comment(std::string_view, boost::system::error_code&) { return true; }

 private:
  std::vector<std::unordered_set<std::string>> open_;
  std::string key_;
};

}  // namespace

Result<boost::json::object> ParseObject(std::string_view body) {
  if (!IsValidUtf8(body)) return Invalid("invalid_utf8", {}, "R-SEC-4");
  boost::json::parse_options opt;
  opt.max_depth = kMaxDepth;
  boost::system::error_code ec;
  {
    boost::json::basic_parser<DuplicateKeyFinder> keys(opt);
    keys.write_some(false, body.data(), body.size(), ec);
    if (keys.handler().duplicate) return Invalid("duplicate_key", *keys.handler().duplicate, "R-SEC-4");
    if (ec) return Invalid("malformed_json", {}, "R-SEC-4");
  }
  boost::json::value v = boost::json::parse(body, ec, {}, opt);
  if (ec || !v.is_object()) return Invalid("malformed_json", {}, "R-SEC-4");
  return std::move(v.as_object());
}

Result<int> IntIn(const boost::json::value& v, std::string_view field, int min, int max) {
  const std::string name(field);
  if (const auto* n = v.if_int64()) {
    if (*n < min || *n > max) return Invalid("out_of_range", name, "R-SEC-4");
    return static_cast<int>(*n);
  }
  // Beyond int64 the parser gives an unsigned or a double; a whole number that large is out
  // of range, a fraction is not a whole number at all.
  if (v.is_uint64() || (v.is_double() && std::abs(v.as_double()) >= 9.2e18))
    return Invalid("out_of_range", name, "R-SEC-4");
  return Invalid("wrong_type", name, "R-SEC-4");
}

Result<boost::json::object> ParseObjectOf(std::string_view body,
                                          std::initializer_list<std::string_view> allowed) {
  auto obj = ParseObject(body);
  if (!obj) return obj;
  if (auto ok = JsonFields(*obj).Only(allowed); !ok) return Fail(ok.error());
  return obj;
}

Result<void> JsonFields::Only(std::initializer_list<std::string_view> allowed) const {
  for (const auto& kv : obj_) {
    bool known = false;
    for (auto a : allowed) known = known || kv.key() == a;
    if (!known) {
      // The name goes back to the caller; it was valid UTF-8, keep it short.
      std::string name(kv.key());
      if (name.size() > 64) name.resize(64);
      return Invalid("unknown_field", IsValidUtf8(name) ? name : "?", "R-SEC-4");
    }
  }
  return {};
}

Result<std::optional<std::string>> JsonFields::String(std::string_view name) const {
  const auto* v = obj_.if_contains(name);
  if (!v) return std::optional<std::string>();
  if (!v->is_string()) return Invalid("wrong_type", std::string(name), "R-SEC-4");
  return std::optional<std::string>(std::string(v->as_string()));
}

Result<std::optional<std::optional<std::string>>> JsonFields::NullableString(
    std::string_view name) const {
  using R = std::optional<std::optional<std::string>>;
  const auto* v = obj_.if_contains(name);
  if (!v) return R();
  if (v->is_null()) return R(std::optional<std::string>());
  if (!v->is_string()) return Invalid("wrong_type", std::string(name), "R-SEC-4");
  return R(std::optional<std::string>(std::string(v->as_string())));
}

Result<std::optional<bool>> JsonFields::Bool(std::string_view name) const {
  const auto* v = obj_.if_contains(name);
  if (!v) return std::optional<bool>();
  if (!v->is_bool()) return Invalid("wrong_type", std::string(name), "R-SEC-4");
  return std::optional<bool>(v->as_bool());
}

Result<std::optional<int>> JsonFields::Int(std::string_view name, int min, int max) const {
  const auto* v = obj_.if_contains(name);
  if (!v || v->is_null()) return std::optional<int>();
  auto n = IntIn(*v, name, min, max);
  if (!n) return Fail(n.error());
  return std::optional<int>(*n);
}

Result<std::string> JsonFields::RequiredString(std::string_view name) const {
  auto v = String(name);
  if (!v) return Fail(v.error());
  if (!*v) return Invalid("required", std::string(name));
  return std::move(**v);
}

}  // namespace huidig::http
