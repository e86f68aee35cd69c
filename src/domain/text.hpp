#pragma once
// The one check for every text field a person types, in one order everywhere:
//   invalid_utf8   not UTF-8
//   required       blank (or shorter than min_length code points) where a value is required
//   invalid_value  control characters, bidirectional overrides (they make text read otherwise
//                  than it is stored and searched), and in a one-line field a line break or tab
//   too_long       more than max_length code points
// Errors name the field as the API has it, and the rule of SPEC.md.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace huidig::domain {

struct TextRule {
  std::size_t max_length = 200;
  bool required = false;
  bool multiline = false;      // notes and descriptions; names and codes are one line
  std::size_t min_length = 1;  // when required
  std::string_view rule;       // "R-TRJ-2", or empty
};

[[nodiscard]] Result<void> CheckText(std::string_view value, std::string_view field,
                                     const TextRule& rule);

// Common shapes.
constexpr TextRule Line(std::size_t max, std::string_view rule = {}) {
  return {max, false, false, 1, rule};
}
constexpr TextRule RequiredLine(std::size_t max, std::string_view rule = {}) {
  return {max, true, false, 1, rule};
}
constexpr TextRule Paragraph(std::size_t max, std::string_view rule = {}) {
  return {max, false, true, 1, rule};
}
constexpr TextRule RequiredParagraph(std::size_t max, std::string_view rule = {}) {
  return {max, true, true, 1, rule};
}

}  // namespace huidig::domain
