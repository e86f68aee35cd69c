#include "domain/trajectory.hpp"

#include <charconv>

#include "common/utf8.hpp"

namespace huidig::domain {
namespace {

using TextField = std::pair<const char*, std::string TrajectoryInfo::*>;
constexpr TextField kTexts[] = {
    {"goal", &TrajectoryInfo::goal},         {"expected_result", &TrajectoryInfo::expected_result},
    {"risks", &TrajectoryInfo::risks},       {"alternatives", &TrajectoryInfo::alternatives},
    {"costs", &TrajectoryInfo::costs},       {"aftercare", &TrajectoryInfo::aftercare},
};

Result<void> CheckText(std::string_view v, const char* field, std::size_t max, bool required) {
  if (!IsValidUtf8(v)) return Invalid("invalid_utf8", field);
  if (required && v.find_first_not_of(" \t\r\n") == std::string_view::npos) return Invalid("required", field);
  if (HasControlCharacters(v)) return Invalid("invalid_value", field);
  if (CodePointCount(v) > max) return Invalid("too_long", field);
  return {};
}

}  // namespace

Result<void> ValidateTrajectoryInfo(const TrajectoryInfo& info) {
  for (const auto& [name, member] : kTexts) {
    const std::string_view n(name);
    const bool required = n == "goal" || n == "expected_result" || n == "risks";
    if (auto ok = CheckText(info.*member, name, 4000, required); !ok) {
      auto e = ok.error();
      e.rule = "R-TRJ-1";
      return Fail(e);
    }
  }
  if (info.planned_sessions < 1 || info.planned_sessions > 100)
    return Invalid("out_of_range", "planned_sessions", "R-TRJ-1");
  return {};
}

std::string EncodeTrajectoryInfo(const TrajectoryInfo& info) {
  RecordFields fields;
  for (const auto& [name, member] : kTexts) fields.emplace_back(name, info.*member);
  fields.emplace_back("planned_sessions", std::to_string(info.planned_sessions));
  return EncodeRecord("trajectory", fields);
}

std::optional<TrajectoryInfo> DecodeTrajectoryInfo(std::string_view encoded) {
  const auto fields = DecodeRecord("trajectory", encoded);
  if (!fields) return std::nullopt;
  TrajectoryInfo info;
  for (const auto& [name, member] : kTexts) {
    const auto it = fields->find(name);
    if (it == fields->end()) return std::nullopt;
    info.*member = it->second;
  }
  const auto it = fields->find("planned_sessions");
  if (it == fields->end()) return std::nullopt;
  std::from_chars(it->second.data(), it->second.data() + it->second.size(), info.planned_sessions);
  return info;
}

std::string_view ToString(ConsentKind k) { return k == ConsentKind::kInformed ? "informed" : "confirmation"; }
std::string_view ToString(SignatureKind k) { return k == SignatureKind::kDrawn ? "drawn" : "typed"; }
std::optional<ConsentKind> ParseConsentKind(std::string_view s) {
  if (s == "informed") return ConsentKind::kInformed;
  if (s == "confirmation") return ConsentKind::kConfirmation;
  return std::nullopt;
}
std::optional<SignatureKind> ParseSignatureKind(std::string_view s) {
  if (s == "drawn") return SignatureKind::kDrawn;
  if (s == "typed") return SignatureKind::kTyped;
  return std::nullopt;
}

Result<void> ValidateConsentText(std::string_view text) {
  return CheckText(text, "text", 100000, true).or_else([](Error e) -> Result<void> {
    e.rule = "R-CONSENT-5";
    return Fail(e);
  });
}

Result<void> ValidateTypedSignature(std::string_view name) {
  if (!IsValidUtf8(name) || HasControlCharacters(name) || HasBidiControls(name))
    return Invalid("invalid_value", "signature", "R-CONSENT-5");
  const auto n = CodePointCount(name);
  if (name.find_first_not_of(' ') == std::string_view::npos || n < 2) return Invalid("required", "signature", "R-CONSENT-5");
  if (n > 200) return Invalid("too_long", "signature", "R-CONSENT-5");
  return {};
}

}  // namespace huidig::domain
