#pragma once
// R-TRJ-1: a trajectory records the goal and what was discussed (the information duty), so
// the client can read it back later. R-CONSENT-5: consent signatures.

#include <optional>
#include <string>

#include "common/result.hpp"
#include "domain/record_codec.hpp"

namespace huidig::domain {

struct TrajectoryInfo {
  std::string goal;
  std::string expected_result;
  int planned_sessions = 1;
  std::string risks;          // risks and side effects
  std::string alternatives;
  std::string costs;
  std::string aftercare;
};

// Goal, expected result and risks are required (the heart of the information duty); each
// text at most 4000 characters; 1..100 sessions. Errors name the field.
[[nodiscard]] Result<void> ValidateTrajectoryInfo(const TrajectoryInfo& info);
std::string EncodeTrajectoryInfo(const TrajectoryInfo& info);
std::optional<TrajectoryInfo> DecodeTrajectoryInfo(std::string_view encoded);

enum class ConsentKind { kInformed, kConfirmation };
enum class SignatureKind { kDrawn, kTyped };
std::string_view ToString(ConsentKind k);
std::string_view ToString(SignatureKind k);
std::optional<ConsentKind> ParseConsentKind(std::string_view s);
std::optional<SignatureKind> ParseSignatureKind(std::string_view s);

// The information text shown when signing: required, at most 100 000 characters.
[[nodiscard]] Result<void> ValidateConsentText(std::string_view text);
// A typed signature is the signer's full name (2..200 characters).
[[nodiscard]] Result<void> ValidateTypedSignature(std::string_view name);

}  // namespace huidig::domain
