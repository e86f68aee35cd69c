#pragma once
// R-SEC-1: logging in with password and TOTP, sessions, password change, TOTP enrolment,
// and the practice's TOTP setting.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "service/context.hpp"
#include "service/practice_service.hpp"
#include "store/records.hpp"
#include "store/staff_repo.hpp"

namespace huidig::service {

// What the signed-in user sees of themselves (GET /me): never their credentials.
struct Me {
  UserId id;
  std::string email;
  std::string display_name;
  domain::Role role = domain::Role::kAssistant;
  PracticeView practice;
  std::vector<LocationView> locations;  // the locations the user works at
  bool totp_enabled = false;
  bool password_change_required = false;
  bool totp_enrolment_required = false;
  std::string csrf_token;
};

// A request's authenticated caller.
struct Caller {
  domain::Actor actor;
  std::string token_hash;
  std::string csrf_token;
  bool password_change_required = false;
  bool totp_enrolment_required = false;
  bool restricted() const { return password_change_required || totp_enrolment_required; }
};

struct LoginRequest {
  std::string email;
  std::string password;
  std::optional<std::string> totp_code;
  std::string remote_addr;
};

struct LoginResult {
  std::string session_token;  // for the cookie; only its hash is stored
  Me me;
};

struct TotpEnrolment {
  std::string secret_base32;
  std::string otpauth_uri;
  std::string qr_svg;
};

class AuthService {
 public:
  explicit AuthService(Context ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<LoginResult> Login(const LoginRequest& request);
  // The session behind a cookie token; kUnauthenticated when unknown, idle or too old.
  [[nodiscard]] Result<Caller> Authenticate(const std::string& session_token,
                                            const std::string& remote_addr);
  void Logout(const Caller& caller);
  [[nodiscard]] Result<Me> GetMe(const Caller& caller);
  [[nodiscard]] Result<void> ChangePassword(const Caller& caller, const std::string& current,
                                            const std::string& next);
  // Without the password only as the enrolment that follows a login (R-SEC-1): an open session
  // alone neither moves a second factor to another phone nor binds a first one later.
  [[nodiscard]] Result<TotpEnrolment> StartTotpEnrolment(const Caller& caller,
                                                         const std::optional<std::string>& password);
  [[nodiscard]] Result<Me> ConfirmTotpEnrolment(const Caller& caller, const std::string& code);

  // The password asked again for a step that must be the person themselves (signing a
  // session where the practice asks for it): throttled like a login; a wrong one is audited
  // as a refused `action` and answers invalid_value naming `field`.
  [[nodiscard]] Result<void> ConfirmPassword(const domain::Actor& actor, const std::string& password,
                                             const char* field, const char* action);

  // The CSRF token of a session: derived from its token, so nothing more is stored.
  static std::string CsrfTokenFor(const std::string& session_token);
  static std::string TokenHash(const std::string& session_token);

 private:
  Me BuildMe(store::Tx& tx, const store::UserRecord& user, const std::string& csrf);
  // Counts an attempt for the login name before its password is checked (R-SEC-1): in one
  // write the failures so far are read under a lock, the attempt is refused when slowed or
  // locked, and otherwise counted as a failure until the password proves right. So of any
  // number of parallel attempts at most the lock-out's are checked, on both engines and
  // across servers sharing one PostgreSQL.
  Result<void> ClaimAttempt(const std::string& login_hash, Instant now);
  // A refused login (already counted by ClaimAttempt), audited when the account exists.
  Result<LoginResult> Refuse(const std::optional<store::UserRecord>& user, const std::string& remote,
                             Instant now, Error error);
  // The password asked again while signed in counts as a login attempt: slowed, then locked,
  // like the login itself; a wrong one is counted and audited as a refused `action`.
  Result<void> CheckPasswordAgain(const domain::Actor& actor, const store::UserRecord& user,
                                  const std::string& password, const char* field,
                                  const char* action, Instant now);

  Context ctx_;
  store::UserRepo users_;
  store::LoginSessionRepo login_sessions_;
  store::PracticeRepo practices_;
};

}  // namespace huidig::service
