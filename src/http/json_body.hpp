#pragma once
// Strict parsing of JSON request bodies: valid UTF-8, well-formed, not too deep, one object,
// no key twice (R-SEC-4). json_read.hpp reads the object into a typed struct.

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "common/result.hpp"

namespace huidig::http {

// Parses a body that must be a JSON object (an empty body is not one). A key that appears
// twice in one object is refused (duplicate_key, naming it): which one counts would be a guess.
[[nodiscard]] Result<boost::json::object> ParseObject(std::string_view body);

}  // namespace huidig::http
