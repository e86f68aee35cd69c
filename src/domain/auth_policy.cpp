#include "domain/auth_policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "common/utf8.hpp"

namespace huidig::domain {
namespace {

// The most used passwords of public breach corpora, with the Dutch favourites; compared
// case-insensitively. A password of 8+ characters on this list is refused (R-SEC-1).
constexpr std::array<std::string_view, 120> kCommonPasswords = {
    "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
    "12345678", "123456789", "1234567890", "12345678910", "87654321", "11111111", "00000000",
    "22222222", "88888888", "99999999", "12341234", "11223344", "123123123", "1q2w3e4r",
    "1q2w3e4r5t", "qwertyui", "qwertyuiop", "qwerty123", "qwerty12", "azertyui", "asdfghjk",
    "asdfghjkl", "zxcvbnm1", "iloveyou", "iloveyou1", "sunshine", "princess", "football",
    "baseball", "welcome1", "welcome123", "abcd1234", "abc12345", "abcdefgh", "letmein1",
    "trustno1", "superman", "starwars", "whatever", "computer", "internet", "michelle",
    "jennifer", "1qaz2wsx", "zaq12wsx", "q1w2e3r4", "changeme", "changeme1", "secret123",
    "administrator", "admin123", "admin1234", "adminadmin", "master12", "monkey12", "dragon12",
    "shadow12", "passpass", "testtest", "test1234", "hello123", "freedom1", "mustang1",
    "samsung1", "google123", "a1b2c3d4", "aa123456", "qazwsxedc", "1234qwer", "qwer1234",
    "wachtwoord", "wachtwoord1", "wachtwoord123", "welkom01", "welkom123", "welkomwelkom",
    "geheim123", "voetbal1", "amsterdam", "amsterdam1", "rotterdam", "nederland", "nederland1",
    "feyenoord", "feyenoord1", "ajaxajax", "ajax1234", "zomer2024", "zomer2025", "zomer2026",
    "winter2025", "winter2026", "lente2026", "herfst2026", "januari2026", "november2026",
    "schoonheid", "beauty123", "salon123", "huidig123", "huidighuidig", "mijnwachtwoord",
    "inloggen", "inloggen1", "hallo123", "hallohallo", "liefde123", "snoepje1", "prinses1",
    "vakantie", "vakantie1", "12qwaszx", "iloveu123",
};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Result<void> CheckNewPassword(std::string_view password, std::string_view email) {
  if (!IsValidUtf8(password)) return Invalid("invalid_utf8", "new_password", "R-SEC-1");
  if (CodePointCount(password) < 8) return Invalid("password_too_short", "new_password", "R-SEC-1");
  if (password.size() > 1024) return Invalid("too_long", "new_password", "R-SEC-1");
  const std::string lower = Lower(password);
  const bool common = std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
                      kCommonPasswords.end();
  const std::string mailbox = Lower(email.substr(0, email.find('@')));
  if (common || lower == Lower(email) || (!mailbox.empty() && lower == mailbox))
    return Invalid("password_too_common", "new_password", "R-SEC-1");
  return {};
}

AttemptCheck CheckLoginAttempt(const LoginFailures& f, Instant now, const LoginThrottlePolicy& p) {
  using std::chrono::ceil;
  using std::chrono::seconds;
  if (f.count == 0 || now - f.last >= p.lock_for) return {};
  if (f.count >= p.lock_after) {
    return {AttemptVerdict::kLocked, ceil<seconds>(f.last + p.lock_for - now)};
  }
  if (f.count >= p.slow_after) {
    const int exponent = std::min(f.count - p.slow_after, 30);
    const seconds wait = std::min<seconds>(seconds(1LL << exponent), p.max_wait);
    if (now < f.last + wait) return {AttemptVerdict::kThrottled, ceil<seconds>(f.last + wait - now)};
  }
  return {};
}

LoginFailures RecordLoginFailure(const LoginFailures& f, Instant now, const LoginThrottlePolicy& p) {
  // Failures older than the lock period are forgotten: a lock ends, and so does slowing.
  const int previous = (f.count > 0 && now - f.last < p.lock_for) ? f.count : 0;
  return {previous + 1, now};
}

bool LoginSessionAlive(Instant created, Instant last_seen, Instant now, const LoginSessionPolicy& p) {
  return now - last_seen < p.idle && now - created < p.max_age;
}

}  // namespace huidig::domain
