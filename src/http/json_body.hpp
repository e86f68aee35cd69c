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

// Parses a body that must be a JSON object (an empty body is not one). A key that appears
// twice in one object is refused (duplicate_key, naming it): which one counts would be a guess.
[[nodiscard]] Result<boost::json::object> ParseObject(std::string_view body);

// ParseObject, then refuse any field not in `allowed`.
[[nodiscard]] Result<boost::json::object> ParseObjectOf(std::string_view body,
                                                        std::initializer_list<std::string_view> allowed);

// A JSON integer within [min, max], or the error naming `field`: wrong_type for anything that
// is not a whole number, out_of_range for one outside (also one too large for 64 bits).
[[nodiscard]] Result<int> IntIn(const boost::json::value& v, std::string_view field, int min, int max);

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
  // Absent or null: nullopt. Not an integer: wrong_type. Outside [min, max]: out_of_range.
  [[nodiscard]] Result<std::optional<int>> Int(std::string_view name, int min, int max) const;
  // A required string.
  [[nodiscard]] Result<std::string> RequiredString(std::string_view name) const;

 private:
  const boost::json::object& obj_;
};

}  // namespace huidig::http
