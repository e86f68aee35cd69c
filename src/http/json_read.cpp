#include "http/json_read.hpp"

#include <cmath>
#include <limits>

#include "common/utf8.hpp"

namespace huidig::http {

namespace json = boost::json;

std::string MemberPath(const std::string& parent, std::string_view name) {
  return parent.empty() ? std::string(name) : parent + "." + std::string(name);
}

Result<std::string> tag_invoke(ReadTag<std::string>, const json::value& v, const std::string& path) {
  if (!v.is_string()) return Invalid("wrong_type", path, "R-SEC-4");
  return std::string(v.as_string());
}

Result<bool> tag_invoke(ReadTag<bool>, const json::value& v, const std::string& path) {
  if (!v.is_bool()) return Invalid("wrong_type", path, "R-SEC-4");
  return v.as_bool();
}

Result<int> tag_invoke(ReadTag<int>, const json::value& v, const std::string& path) {
  if (const auto* n = v.if_int64()) {
    if (*n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max())
      return Invalid("out_of_range", path, "R-SEC-4");
    return static_cast<int>(*n);
  }
  // Beyond int64 the parser gives an unsigned or a double; a whole number that large is out
  // of range, a fraction is not a whole number at all.
  if (v.is_uint64() || (v.is_double() && std::abs(v.as_double()) >= 9.2e18))
    return Invalid("out_of_range", path, "R-SEC-4");
  return Invalid("wrong_type", path, "R-SEC-4");
}

ObjectReader::ObjectReader(const json::value& v, std::string path,
                           std::initializer_list<std::string_view> allowed)
    : obj_(v.if_object()), path_(std::move(path)) {
  if (!obj_) {
    error_ = Invalid("wrong_type", path_, "R-SEC-4").value();
    return;
  }
  for (const auto& kv : *obj_) {
    bool known = false;
    for (auto a : allowed) known = known || kv.key() == a;
    if (!known) {
      // The name goes back to the caller: short, and valid UTF-8 or "?".
      std::string name(kv.key().substr(0, 64));
      error_ = Invalid("unknown_field", MemberPath(path_, IsValidUtf8(name) ? name : "?"), "R-SEC-4").value();
      return;
    }
  }
}

const json::value* ObjectReader::Member(std::string_view name) const {
  if (error_ || !obj_) return nullptr;
  return obj_->if_contains(name);
}

}  // namespace huidig::http
