#include "http/json_body.hpp"

#include <boost/json/parse.hpp>

#include "common/utf8.hpp"

namespace huidig::http {

Result<boost::json::object> ParseObject(std::string_view body) {
  if (!IsValidUtf8(body)) return Invalid("invalid_utf8", {}, "R-SEC-4");
  boost::json::parse_options opt;
  opt.max_depth = 16;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec, {}, opt);
  if (ec || !v.is_object()) return Invalid("malformed_json", {}, "R-SEC-4");
  return std::move(v.as_object());
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

Result<std::string> JsonFields::RequiredString(std::string_view name) const {
  auto v = String(name);
  if (!v) return Fail(v.error());
  if (!*v) return Invalid("required", std::string(name));
  return std::move(**v);
}

}  // namespace huidig::http
