#include "domain/intake.hpp"
#include "domain/text.hpp"

#include <array>

#include "common/utf8.hpp"
#include "domain/record_codec.hpp"

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
    if (auto ok = CheckText(v, name, Paragraph(kIntakeAnswerMax, "R-DOS")); !ok) return ok;
  }
  return {};
}

std::string EncodeIntake(const IntakeAnswers& a) {
  RecordFields fields;
  for (const auto& [name, member] : kFields) fields.emplace_back(name, a.*member);
  return EncodeRecord("intake", fields);
}

std::optional<IntakeAnswers> DecodeIntake(std::string_view s) {
  const auto fields = DecodeRecord("intake", s);
  if (!fields) return std::nullopt;
  IntakeAnswers a;
  for (const auto& [name, member] : kFields) {
    const auto it = fields->find(name);
    if (it == fields->end()) return std::nullopt;
    a.*member = it->second;
  }
  return a;
}

}  // namespace huidig::domain
