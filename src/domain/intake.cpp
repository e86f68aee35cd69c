#include "domain/intake.hpp"

#include <array>
#include <charconv>

#include "common/utf8.hpp"

namespace huidig::domain {
namespace {

using Field = std::pair<const char*, std::string IntakeAnswers::*>;
constexpr std::array<Field, 6> kFields = {{
    {"allergies", &IntakeAnswers::allergies},
    {"medication", &IntakeAnswers::medication},
    {"pregnancy", &IntakeAnswers::pregnancy},
    {"skin_conditions", &IntakeAnswers::skin_conditions},
    {"contra_indications", &IntakeAnswers::contra_indications},
    {"notes", &IntakeAnswers::notes},
}};

}  // namespace

Result<void> ValidateIntake(const IntakeAnswers& a) {
  for (const auto& [name, member] : kFields) {
    const std::string& v = a.*member;
    if (!IsValidUtf8(v)) return Invalid("invalid_utf8", name, "R-DOS");
    if (HasControlCharacters(v)) return Invalid("invalid_value", name, "R-DOS");
    if (CodePointCount(v) > kIntakeAnswerMax) return Invalid("too_long", name, "R-DOS");
  }
  return {};
}

std::string EncodeIntake(const IntakeAnswers& a) {
  std::string out = "intake-v1;";
  for (const auto& [name, member] : kFields) {
    const std::string& v = a.*member;
    out += name;
    out += '=';
    out += std::to_string(v.size());
    out += ':';
    out += v;
    out += ';';
  }
  return out;
}

std::optional<IntakeAnswers> DecodeIntake(std::string_view s) {
  constexpr std::string_view kHeader = "intake-v1;";
  if (s.substr(0, kHeader.size()) != kHeader) return std::nullopt;
  s.remove_prefix(kHeader.size());
  IntakeAnswers a;
  for (const auto& [name, member] : kFields) {
    const std::string_view key(name);
    if (s.substr(0, key.size()) != key || s.size() <= key.size() || s[key.size()] != '=') return std::nullopt;
    s.remove_prefix(key.size() + 1);
    std::size_t len = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), len);
    if (ec != std::errc() || p == s.data() + s.size() || *p != ':') return std::nullopt;
    s.remove_prefix(static_cast<std::size_t>(p - s.data()) + 1);
    if (s.size() < len + 1 || s[len] != ';') return std::nullopt;
    a.*member = std::string(s.substr(0, len));
    s.remove_prefix(len + 1);
  }
  if (!s.empty()) return std::nullopt;
  return a;
}

}  // namespace huidig::domain
