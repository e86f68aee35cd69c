#pragma once
// Request bodies into typed structs. A type T is read from JSON by the customisation point
//
//   Result<T> tag_invoke(ReadTag<T>, const boost::json::value& v, const std::string& path);
//
// found by argument-dependent lookup, as Boost.JSON's value_to finds its tag_invoke: each
// area declares the readers of its own request types beside its handlers. Unlike value_to,
// a reader never throws and every error names the field by its path ("signature.kind",
// "products[1].batch"), so a bad request gets the field back (R-SEC-4). Readers only say
// whether the JSON has the right shape; whether a value is allowed is the domain's rule.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "common/result.hpp"
#include "http/json_body.hpp"

namespace huidig::http {

template <class T>
struct ReadTag {};

// The path of a member: "name" at the top, "parent.name" below.
std::string MemberPath(const std::string& parent, std::string_view name);

// Strings, booleans and whole numbers that fit an int; anything else is wrong_type (a whole
// number beyond an int: out_of_range).
Result<std::string> tag_invoke(ReadTag<std::string>, const boost::json::value& v, const std::string& path);
Result<bool> tag_invoke(ReadTag<bool>, const boost::json::value& v, const std::string& path);
Result<int> tag_invoke(ReadTag<int>, const boost::json::value& v, const std::string& path);

template <class T>
Result<T> ReadJson(const boost::json::value& v, const std::string& path) {
  return tag_invoke(ReadTag<T>{}, v, path);
}

template <class T>
Result<std::vector<T>> tag_invoke(ReadTag<std::vector<T>>, const boost::json::value& v,
                                  const std::string& path) {
  const auto* a = v.if_array();
  if (!a) return Invalid("wrong_type", path, "R-SEC-4");
  std::vector<T> out;
  out.reserve(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto item = ReadJson<T>((*a)[i], path + "[" + std::to_string(i) + "]");
    if (!item) return Fail(item.error());
    out.push_back(std::move(*item));
  }
  return out;
}

// Reads the members of one object in turn. The first error is kept and the reads after it
// do nothing, so a reader is a list of fields and one Done() at the end.
class ObjectReader {
 public:
  // Refuses a value that is not an object (wrong_type) and a member not in `allowed`
  // (unknown_field).
  ObjectReader(const boost::json::value& v, std::string path, std::initializer_list<std::string_view> allowed);

  // Absent: the target stays as it is. Present: must read as T (null is wrong_type).
  template <class T>
  ObjectReader& Optional(std::string_view name, T& target) {
    if (const auto* v = Member(name)) Assign(ReadJson<T>(*v, MemberPath(path_, name)), target);
    return *this;
  }
  template <class T>
  ObjectReader& Optional(std::string_view name, std::optional<T>& target) {
    if (const auto* v = Member(name)) {
      auto r = ReadJson<T>(*v, MemberPath(path_, name));
      if (r) target = std::move(*r);
      else Keep(r.error());
    }
    return *this;
  }
  // Absent: required (with `rule`, where a rule asks for it).
  template <class T>
  ObjectReader& Required(std::string_view name, T& target, std::string_view rule = {}) {
    if (!error_ && !Member(name)) error_ = Invalid("required", MemberPath(path_, name), std::string(rule)).value();
    return Optional(name, target);
  }
  // A merge patch's nullable member: absent = nullopt (unchanged), null = an empty value
  // (cleared), otherwise the value.
  template <class T>
  ObjectReader& Nullable(std::string_view name, std::optional<std::optional<T>>& target) {
    const auto* v = Member(name);
    if (!v) return *this;
    if (v->is_null()) {
      target.emplace();
      return *this;
    }
    auto r = ReadJson<T>(*v, MemberPath(path_, name));
    if (r) target.emplace(std::move(*r));
    else Keep(r.error());
    return *this;
  }

  // The member as it is, or null when absent or after an error: for a member read its own way.
  const boost::json::value* Member(std::string_view name) const;
  const std::string& path() const { return path_; }
  void Keep(Error e) {
    if (!error_) error_ = std::move(e);
  }

  // The value read, or the first error.
  template <class T>
  Result<T> Done(T value) {
    if (error_) return Fail(std::move(*error_));
    return value;
  }

 private:
  template <class T>
  void Assign(Result<T> r, T& target) {
    if (r) target = std::move(*r);
    else Keep(r.error());
  }

  const boost::json::object* obj_ = nullptr;
  std::string path_;
  std::optional<Error> error_;
};

// A body that must be one JSON object of type T (ParseObject's checks, then T's reader).
template <class T>
Result<T> ReadBody(std::string_view body) {
  auto obj = ParseObject(body);
  if (!obj) return Fail(obj.error());
  return ReadJson<T>(boost::json::value(std::move(*obj)), "");
}

// As ReadBody, for operations whose body may be left out: an empty body is T{}.
template <class T>
Result<T> ReadOptionalBody(std::string_view body) {
  if (body.empty()) return T{};
  return ReadBody<T>(body);
}

}  // namespace huidig::http
