#pragma once
// R-SEC-1: TOTP second factor (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits, ±1 step), with
// liboath; enrolment QR codes with libqrencode.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace huidig::crypto::totp {

std::string NewSecret();                          // 20 random bytes
std::string Base32(std::string_view secret);      // for manual entry in an app
std::string OtpauthUri(std::string_view secret, std::string_view issuer,
                       std::string_view account);
std::string QrSvg(std::string_view text);         // a scalable QR code of the text

// The 30-second step of `now`.
std::int64_t StepAt(Instant now);
std::string CodeAt(std::string_view secret, std::int64_t step);

// The step the code belongs to, if it is valid within ±1 step of now and newer than
// `last_used_step` (a code is used once only).
std::optional<std::int64_t> Verify(std::string_view secret, std::string_view code, Instant now,
                                   std::int64_t last_used_step);

}  // namespace huidig::crypto::totp
