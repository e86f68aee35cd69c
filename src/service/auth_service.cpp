#include "service/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include "crypto/crypto.hpp"
#include "crypto/totp.hpp"

#include "service/seal_context.hpp"

namespace huidig::service {
namespace {

using domain::AttemptVerdict;

std::string NormaliseEmail(std::string_view email) {
  std::string out;
  for (unsigned char c : email)
    if (!std::isspace(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

std::string LoginHash(const std::string& email) { return crypto::Sha256Hex("login|" + email); }


domain::Actor ActorOf(const store::UserRecord& u, const std::string& remote) {
  domain::Actor a;
  a.user = u.id;
  a.practice = u.practice;
  a.role = u.role;
  a.all_locations = u.all_locations;
  a.locations = u.locations;
  a.remote_addr = remote;
  return a;
}

bool AccountUsable(const store::UserRecord& u, Instant now) {
  return !u.disabled && !(u.access_expires_at && now >= *u.access_expires_at);
}

audit::Entry SessionEntry(const store::UserRecord& u, const std::string& remote, std::string action,
                          Instant now, audit::Outcome outcome) {
  auto e = audit::Entry::For(ActorOf(u, remote), std::move(action), "session", now, outcome);
  return e;
}

// Slowed or locked: the same answer for the login and for a password asked again.
Error Throttled(const domain::AttemptCheck& check) {
  const bool locked = check.verdict == AttemptVerdict::kLocked;
  return Error{Errc::kResourceExhausted, locked ? "account_locked" : "login_throttled", {}, "R-SEC-1", {}}
      .With("retry_after", static_cast<long long>(check.retry_after.count()));
}

}  // namespace

std::string AuthService::CsrfTokenFor(const std::string& token) {
  return crypto::ToBase64Url(crypto::Sha256("huidig-csrf|" + token));
}

std::string AuthService::TokenHash(const std::string& token) {
  return crypto::Sha256Hex("huidig-session|" + token);
}

Me AuthService::BuildMe(store::Tx& tx, const store::UserRecord& user, const std::string& csrf) {
  Me me;
  me.id = user.id;
  me.email = user.email;
  me.display_name = user.display_name;
  me.role = user.role;
  me.totp_enabled = user.totp_secret.has_value();
  me.practice = ToView(practices_.Find(tx, user.practice).value_or(store::PracticeRecord{}));
  for (auto& l : practices_.Locations(tx, user.practice))
    if (user.all_locations ||
        std::find(user.locations.begin(), user.locations.end(), l.id) != user.locations.end())
      me.locations.push_back(ToView(l));
  me.password_change_required = user.must_change_password;
  me.totp_enrolment_required =
      domain::TotpMandatory(user.role, me.practice.totp_required) && !user.totp_secret;
  me.csrf_token = csrf;
  return me;
}

Result<void> AuthService::ClaimAttempt(const std::string& login_hash, Instant now) {
  return ctx_.db.Write([&](store::Tx& tx) -> Result<void> {
    const auto f = users_.LockFailures(tx, login_hash);
    const domain::LoginFailures so_far{f.failures, f.last_failure_at};
    const auto check = domain::CheckLoginAttempt(so_far, now, ctx_.settings.login);
    if (check.verdict != AttemptVerdict::kAllowed) return Fail(Throttled(check));
    const auto next = domain::RecordLoginFailure(so_far, now, ctx_.settings.login);
    users_.SetFailures(tx, login_hash, {next.count, next.last});
    return {};
  });
}

Result<LoginResult> AuthService::Refuse(const std::optional<store::UserRecord>& user,
                                        const std::string& remote, Instant now, Error error) {
  if (user)
    ctx_.db.Write([&](store::Tx& tx) {
      ctx_.audit.Append(tx, SessionEntry(*user, remote, "login", now, audit::Outcome::kRefused));
    });
  return Fail(std::move(error));
}

Result<LoginResult> AuthService::Login(const LoginRequest& req) {
  const Instant now = ctx_.clock.Now();
  const std::string email = NormaliseEmail(req.email);
  const std::string login_hash = LoginHash(email);
  // Slowed, then locked: the same for unknown accounts, so the answer tells nothing.
  if (auto claimed = ClaimAttempt(login_hash, now); !claimed) return Fail(claimed.error());
  const auto user = ctx_.db.Read([&](store::Tx& tx) { return users_.FindByEmail(tx, email); });

  // Argon2id runs here, outside any transaction.
  const bool password_ok = user ? ctx_.hasher.Verify(user->password_hash, req.password)
                                : (ctx_.hasher.VerifyDummy(req.password), false);
  if (!password_ok || !AccountUsable(*user, now))
    return Refuse(user, req.remote_addr, now,
                  Error{Errc::kUnauthenticated, "invalid_credentials", {}, "R-SEC-1", {}});

  std::optional<std::int64_t> totp_step;
  if (user->totp_secret) {
    if (!req.totp_code || req.totp_code->empty()) {
      // The password was right: the attempt counted in advance is not a failure.
      ctx_.db.Write([&](store::Tx& tx) { users_.ForgiveFailure(tx, login_hash); });
      return Fail(Errc::kUnauthenticated, "totp_required", "totp_code", "R-SEC-1");
    }
    const auto secret = ctx_.master_key.OpenSecret(*user->totp_secret, seal::TotpSecret(user->id));
    if (secret) totp_step = crypto::totp::Verify(*secret, *req.totp_code, now, user->totp_last_step);
    if (!totp_step)
      return Refuse(user, req.remote_addr, now,
                    Error{Errc::kUnauthenticated, "totp_invalid", "totp_code", "R-SEC-1", {}});
  }

  const std::string token = crypto::RandomToken(32);  // a new session token at every login
  return ctx_.db.Write([&](store::Tx& tx) -> Result<LoginResult> {
    if (totp_step) {
      // Used once only, also against a login racing this one.
      const auto fresh = users_.Find(tx, user->id);
      if (!fresh || *totp_step <= fresh->totp_last_step)
        return Fail(Errc::kUnauthenticated, "totp_invalid", "totp_code", "R-SEC-1");
      users_.SetTotpLastStep(tx, user->id, *totp_step);
    }
    users_.ClearFailures(tx, login_hash);
    login_sessions_.Insert(tx, {TokenHash(token), user->id, user->practice, now, now});
    ctx_.audit.Append(tx, SessionEntry(*user, req.remote_addr, "login", now, audit::Outcome::kAllowed));
    return LoginResult{token, BuildMe(tx, *user, CsrfTokenFor(token))};
  });
}

Result<Caller> AuthService::Authenticate(const std::string& token, const std::string& remote) {
  if (token.empty() || token.size() > 128) return Fail(Errc::kUnauthenticated, "unauthenticated");
  const Instant now = ctx_.clock.Now();
  const std::string hash = TokenHash(token);
  const auto found = ctx_.db.Read([&](store::Tx& tx) { return login_sessions_.FindWithUser(tx, hash); });
  if (!found) return Fail(Errc::kUnauthenticated, "unauthenticated", {}, "R-SEC-1");
  const auto& s = found->session;
  if (!AccountUsable(found->user, now) ||
      !domain::LoginSessionAlive(s.created_at, s.last_seen_at, now, ctx_.settings.login_session)) {
    ctx_.db.Write([&](store::Tx& tx) { login_sessions_.Delete(tx, hash); });
    return Fail(Errc::kUnauthenticated, "unauthenticated", {}, "R-SEC-1");
  }
  if (now - s.last_seen_at >= ctx_.settings.login_session.touch_every)
    ctx_.db.Write([&](store::Tx& tx) { login_sessions_.Touch(tx, hash, now); });
  Caller c;
  c.actor = ActorOf(found->user, remote);
  c.token_hash = hash;
  c.csrf_token = CsrfTokenFor(token);
  c.password_change_required = found->user.must_change_password;
  c.totp_enrolment_required = domain::TotpMandatory(found->user.role, found->practice_totp_required) &&
                              !found->user.totp_secret;
  return c;
}

void AuthService::Logout(const Caller& caller) {
  const Instant now = ctx_.clock.Now();
  ctx_.db.Write([&](store::Tx& tx) {
    login_sessions_.Delete(tx, caller.token_hash);
    ctx_.audit.Append(tx, audit::Entry::For(caller.actor, "logout", "session", now));
  });
}

Result<Me> AuthService::GetMe(const Caller& caller) {
  return ctx_.db.Read([&](store::Tx& tx) -> Result<Me> {
    const auto user = users_.Find(tx, caller.actor.user);
    if (!user) return Fail(Errc::kUnauthenticated, "unauthenticated");
    return BuildMe(tx, *user, caller.csrf_token);
  });
}

Result<void> AuthService::ChangePassword(const Caller& caller, const std::string& current,
                                         const std::string& next) {
  const Instant now = ctx_.clock.Now();
  const auto user = ctx_.db.Read([&](store::Tx& tx) { return users_.Find(tx, caller.actor.user); });
  if (!user) return Fail(Errc::kUnauthenticated, "unauthenticated");
  if (auto ok = CheckPasswordAgain(caller.actor, *user, current, "current_password", "password_change", now);
      !ok)
    return ok;
  if (auto ok = domain::CheckNewPassword(next, user->email); !ok) return ok;
  if (next == current)  // current was checked above: equal is the same password
    return Invalid("password_unchanged", "new_password", "R-SEC-1");
  const std::string hash = ctx_.hasher.Hash(next);
  ctx_.db.Write([&](store::Tx& tx) {
    users_.SetPassword(tx, user->id, hash, false, now);
    // Whoever else is signed in as this user (a stolen session, a forgotten tablet) is out.
    login_sessions_.DeleteOthersOfUser(tx, user->id, caller.token_hash);
    ctx_.audit.Append(tx, audit::Entry::For(caller.actor, "password_change", "user", now));
  });
  return {};
}

Result<void> AuthService::ConfirmPassword(const domain::Actor& actor, const std::string& password,
                                          const char* field, const char* action) {
  const Instant now = ctx_.clock.Now();
  const auto user = ctx_.db.Read([&](store::Tx& tx) { return users_.Find(tx, actor.user); });
  if (!user) return Fail(Errc::kUnauthenticated, "unauthenticated");
  return CheckPasswordAgain(actor, *user, password, field, action, now);
}

Result<void> AuthService::CheckPasswordAgain(const domain::Actor& actor, const store::UserRecord& user,
                                             const std::string& password, const char* field,
                                             const char* action, Instant now) {
  const std::string login_hash = LoginHash(user.email);
  if (auto claimed = ClaimAttempt(login_hash, now); !claimed) return claimed;
  if (ctx_.hasher.Verify(user.password_hash, password)) {
    ctx_.db.Write([&](store::Tx& tx) { users_.ClearFailures(tx, login_hash); });
    return {};
  }
  ctx_.db.Write([&](store::Tx& tx) {
    ctx_.audit.Append(tx, audit::Entry::For(actor, action, "user", now, audit::Outcome::kRefused));
  });
  return Invalid("invalid_value", field, "R-SEC-1");
}

Result<TotpEnrolment> AuthService::StartTotpEnrolment(const Caller& caller,
                                                     const std::optional<std::string>& password) {
  const Instant now = ctx_.clock.Now();
  const auto [user, practice] = ctx_.db.Read([&](store::Tx& tx) {
    return std::make_pair(users_.Find(tx, caller.actor.user), practices_.Find(tx, caller.actor.practice));
  });
  if (!user) return Fail(Errc::kUnauthenticated, "unauthenticated");
  // The enrolment a login asks for (no second factor yet) needs no password again.
  const bool after_login = caller.totp_enrolment_required && !user->totp_secret;
  if (!after_login) {
    if (!password) return Invalid("required", "password", "R-SEC-1");
    if (auto ok = CheckPasswordAgain(caller.actor, *user, *password, "password", "totp_enrolment_start", now);
        !ok)
      return Fail(ok.error());
  }
  const std::string secret = crypto::totp::NewSecret();
  const std::string sealed = ctx_.master_key.SealSecret(secret, seal::TotpSecret(caller.actor.user));
  auto started = ctx_.db.Write([&](store::Tx& tx) -> Result<void> {
    // A second factor confirmed since the check above (another tab finishing the enrolment)
    // takes the password after all.
    const auto fresh = users_.Find(tx, caller.actor.user);
    if (!fresh) return Fail(Errc::kUnauthenticated, "unauthenticated");
    if (after_login && fresh->totp_secret) return Invalid("required", "password", "R-SEC-1");
    users_.SetTotpPending(tx, caller.actor.user, sealed, now);
    ctx_.audit.Append(tx, audit::Entry::For(caller.actor, "totp_enrolment_start", "user", now));
    return {};
  });
  if (!started) return Fail(started.error());
  TotpEnrolment e;
  e.secret_base32 = crypto::totp::Base32(secret);
  const std::string issuer = "Huidig " + (practice ? practice->name : std::string("Huidig"));
  e.otpauth_uri = crypto::totp::OtpauthUri(secret, issuer, user->email);
  e.qr_svg = crypto::totp::QrSvg(e.otpauth_uri);
  return e;
}

Result<Me> AuthService::ConfirmTotpEnrolment(const Caller& caller, const std::string& code) {
  const Instant now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> Result<Me> {
    const auto user = users_.Find(tx, caller.actor.user);
    if (!user) return Fail(Errc::kUnauthenticated, "unauthenticated");
    if (!user->totp_pending_secret) return Fail(Errc::kFailedPrecondition, "totp_not_started", "code");
    const auto secret = ctx_.master_key.OpenSecret(*user->totp_pending_secret, seal::TotpSecret(user->id));
    const auto step = secret ? crypto::totp::Verify(*secret, code, now, 0) : std::nullopt;
    if (!step) return Invalid("totp_invalid", "code", "R-SEC-1");
    users_.EnableTotp(tx, user->id, *user->totp_pending_secret, *step, now);
    ctx_.audit.Append(tx, audit::Entry::For(caller.actor, "totp_enrolment_confirm", "user", now));
    auto fresh = users_.Find(tx, user->id);
    return BuildMe(tx, *fresh, caller.csrf_token);
  });
}

}  // namespace huidig::service
