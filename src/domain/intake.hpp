#pragma once
// R-DOS: the intake (gezondheidsvragenlijst) and its checks. The answers are health data:
// they are stored only sealed with the client's key (R-SEC-3), never logged (R-AUD-3).

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "domain/consent.hpp"

namespace huidig::domain {

// Each answer is free text of at most this many characters; errors name the field.
inline constexpr std::size_t kIntakeAnswerMax = 4000;
[[nodiscard]] Result<void> ValidateIntake(const IntakeAnswers& answers);

// A self-describing, length-prefixed encoding of the answers (what gets sealed).
std::string EncodeIntake(const IntakeAnswers& answers);
std::optional<IntakeAnswers> DecodeIntake(std::string_view encoded);

}  // namespace huidig::domain
