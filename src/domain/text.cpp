#include "domain/text.hpp"

#include "common/utf8.hpp"

namespace huidig::domain {

Result<void> CheckText(std::string_view v, std::string_view field, const TextRule& r) {
  const auto invalid = [&](const char* code) {
    return Invalid(code, std::string(field), std::string(r.rule));
  };
  if (!IsValidUtf8(v)) return invalid("invalid_utf8");
  const auto first = v.find_first_not_of(" \t\r\n");
  if (r.required && (first == std::string_view::npos || CodePointCount(v) < r.min_length))
    return invalid("required");
  if (HasControlCharacters(v) || HasBidiControls(v)) return invalid("invalid_value");
  if (!r.multiline && v.find_first_of("\t\r\n") != std::string_view::npos)
    return invalid("invalid_value");
  if (CodePointCount(v) > r.max_length) return invalid("too_long");
  return {};
}

}  // namespace huidig::domain
