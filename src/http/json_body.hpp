#pragma once
// Strict reading of JSON request bodies: valid UTF-8, an object, only the fields the
// operation knows, each of the right type. Every error names the field (R-SEC-4).

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "common/result.hpp"

namespace huidig::http {

// Parses a body that must be a JSON object (an empty body is not one).
[[nodiscard]] Result<boost::json::object> ParseObject(std::string_view body);

// ParseObject, then refuse any field not in `allowed`.
[[nodiscard]] Result<boost::json::object> ParseObjectOf(std::string_view body,
                                                        std::initializer_list<std::string_view> allowed);

class JsonFields {
 public:
  explicit JsonFields(const boost::json::object& obj) : obj_(obj) {}

  // Refuses the first field that is not in `allowed` (unknown_field).
  [[nodiscard]] Result<void> Only(std::initializer_list<std::string_view> allowed) const;

  // Absent: nullopt. Present but not a string: wrong_type.
  [[nodiscard]] Result<std::optional<std::string>> String(std::string_view name) const;
  // For merge patches: absent = nullopt; null = engaged empty optional; string = value.
  [[nodiscard]] Result<std::optional<std::optional<std::string>>> NullableString(
      std::string_view name) const;
  [[nodiscard]] Result<std::optional<bool>> Bool(std::string_view name) const;
  // A required string.
  [[nodiscard]] Result<std::string> RequiredString(std::string_view name) const;

 private:
  const boost::json::object& obj_;
};

}  // namespace huidig::http
