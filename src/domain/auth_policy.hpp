#pragma once
// R-SEC-1: passwords, login throttling and session lifetime, as pure rules.

#include <chrono>
#include <string_view>

#include "common/clock.hpp"
#include "common/result.hpp"

namespace huidig::domain {

// At least 8 characters, no composition rules, the most common passwords refused.
// Errors name the field "new_password".
[[nodiscard]] Result<void> CheckNewPassword(std::string_view password, std::string_view email);

struct LoginThrottlePolicy {
  int slow_after = 3;                       // failures before attempts must wait
  int lock_after = 10;                      // failures before the account is locked
  std::chrono::seconds lock_for = std::chrono::minutes(15);
  std::chrono::seconds max_wait = std::chrono::seconds(60);
};

// Failed attempts for one login name (known or not: the answer must not tell).
struct LoginFailures {
  int count = 0;
  Instant last{};
};

enum class AttemptVerdict { kAllowed, kThrottled, kLocked };
struct AttemptCheck {
  AttemptVerdict verdict = AttemptVerdict::kAllowed;
  std::chrono::seconds retry_after{0};
};

AttemptCheck CheckLoginAttempt(const LoginFailures& failures, Instant now,
                               const LoginThrottlePolicy& policy);
LoginFailures RecordLoginFailure(const LoginFailures& failures, Instant now,
                                 const LoginThrottlePolicy& policy);

struct LoginSessionPolicy {
  std::chrono::seconds idle = std::chrono::minutes(30);
  std::chrono::seconds max_age = std::chrono::hours(12);
  // last_seen is written at most this often (a write per request would cost a commit each).
  std::chrono::seconds touch_every = std::chrono::seconds(60);
};

bool LoginSessionAlive(Instant created, Instant last_seen, Instant now, const LoginSessionPolicy& policy);

}  // namespace huidig::domain
