#include "domain/trajectory.hpp"
#include "domain/text.hpp"

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


}  // namespace

Result<void> ValidateTrajectoryInfo(const TrajectoryInfo& info) {
  for (const auto& [name, member] : kTexts) {
    const std::string_view n(name);
    const bool required = n == "goal" || n == "expected_result" || n == "risks";
    if (auto ok = CheckText(info.*member, name, {4000, required, true, 1, "R-TRJ-1"}); !ok)
      return ok;
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
  return CheckText(text, "text", RequiredParagraph(100000, "R-CONSENT-5"));
}

Result<void> ValidateTypedSignature(std::string_view name) {
  // A full name: at least two characters.
  return CheckText(name, "signature", {200, true, false, 2, "R-CONSENT-5"});
}

}  // namespace huidig::domain
