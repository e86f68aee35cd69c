// Login, lock-out, login sessions, TOTP and asking the password again, on both engines.
#include "service/service_test_fixture.hpp"

namespace huidig::service {
namespace {

class AuthServiceTest : public ServiceTest {};

TEST_P(AuthServiceTest, RSec1LoginWithPasswordThenWrongAndUnknownLookAlike) {
  RecordProperty("rule", "R-SEC-1");
  const auto s = Staff(Role::kAssistant, {amsterdam_});
  auto ok = Auth().Login({s.email, s.password, std::nullopt, "127.0.0.1"});
  ASSERT_TRUE(ok);
  auto again = Auth().Login({"  " + s.email + " ", s.password, std::nullopt, "127.0.0.1"});
  ASSERT_TRUE(again);
  EXPECT_NE(ok->session_token, again->session_token);  // a new token at every login
  auto wrong = Auth().Login({s.email, "not-the-password", std::nullopt, "127.0.0.1"});
  auto unknown = Auth().Login({"nobody@salon.nl", "not-the-password", std::nullopt, "127.0.0.1"});
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, "invalid_credentials");
  EXPECT_EQ(unknown.error().code, wrong.error().code);
}

TEST_P(AuthServiceTest, RSec1FailedLoginsAreSlowedThenLockedForKnownAndUnknown) {
  RecordProperty("rule", "R-SEC-1");
  const auto s = Staff(Role::kAssistant, {amsterdam_});
  for (const std::string& email : {s.email, std::string("nobody@salon.nl")}) {
    for (int i = 0; i < 3; ++i)
      EXPECT_EQ(Auth().Login({email, "wrong-password", std::nullopt, "x"}).error().code,
                "invalid_credentials");
    EXPECT_EQ(Auth().Login({email, "wrong-password", std::nullopt, "x"}).error().code,
              "login_throttled");
    clock_.Advance(1s);
    EXPECT_EQ(Auth().Login({email, "wrong-password", std::nullopt, "x"}).error().code,
              "invalid_credentials");
    clock_.Advance(2s);
    EXPECT_EQ(Auth().Login({email, "wrong-password", std::nullopt, "x"}).error().code,
              "invalid_credentials");
    // Locked now, even with the right password.
    auto locked = Auth().Login({email, s.password, std::nullopt, "x"});
    EXPECT_EQ(locked.error().code, "account_locked");
    EXPECT_EQ(locked.error().errc, Errc::kResourceExhausted);
  }
  clock_.Advance(15min);
  EXPECT_TRUE(Auth().Login({s.email, s.password, std::nullopt, "x"}));
}

TEST_P(AuthServiceTest, RSec1SessionsExpireWhenIdleAndAfterTwelveHours) {
  RecordProperty("rule", "R-SEC-1");
  const auto s = Staff(Role::kAssistant, {amsterdam_});
  auto login = Auth().Login({s.email, s.password, std::nullopt, "x"});
  ASSERT_TRUE(login);
  const auto token = login->session_token;
  clock_.Advance(29min);
  EXPECT_TRUE(Auth().Authenticate(token, "x"));  // and touched
  clock_.Advance(29min);
  EXPECT_TRUE(Auth().Authenticate(token, "x"));
  clock_.Advance(31min);
  EXPECT_EQ(Auth().Authenticate(token, "x").error().code, "unauthenticated");

  auto login2 = Auth().Login({s.email, s.password, std::nullopt, "x"});
  for (int i = 0; i < 24; ++i) {
    clock_.Advance(29min);
    const auto c = Auth().Authenticate(login2->session_token, "x");
    EXPECT_EQ(c.has_value(), i < 24 && (i + 1) * 29 < 12 * 60) << i;
  }
}

TEST_P(AuthServiceTest, RSec1TotpEnrolmentThenCodeRequiredAndUsedOnce) {
  RecordProperty("rule", "R-SEC-1");
  const auto s = Staff(Role::kPractitioner, {amsterdam_}, true);
  auto login = Auth().Login({s.email, s.password, std::nullopt, "x"});
  ASSERT_TRUE(login);
  EXPECT_TRUE(login->me.password_change_required);
  EXPECT_TRUE(login->me.totp_enrolment_required);
  auto caller = *Auth().Authenticate(login->session_token, "x");
  EXPECT_TRUE(caller.restricted());

  EXPECT_EQ(Auth().ChangePassword(caller, "wrong", "een-lang-nieuw-wachtwoord").error().field,
            "current_password");
  EXPECT_EQ(Auth().ChangePassword(caller, s.password, "kort").error().code, "password_too_short");
  ASSERT_TRUE(Auth().ChangePassword(caller, s.password, "een-lang-nieuw-wachtwoord"));

  auto enrol = Auth().StartTotpEnrolment(caller, std::nullopt);  // the first: no password
  ASSERT_TRUE(enrol);
  EXPECT_NE(enrol->qr_svg.find("<svg"), std::string::npos);
  std::string secret;
  {
    // Decode the base32 secret the way an authenticator app does.
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    unsigned buffer = 0;
    int bits = 0;
    for (char c : enrol->secret_base32) {
      buffer = (buffer << 5) | static_cast<unsigned>(kAlphabet.find(c));
      bits += 5;
      if (bits >= 8) {
        secret += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
        bits -= 8;
      }
    }
  }
  const auto step = crypto::totp::StepAt(clock_.Now());
  EXPECT_FALSE(Auth().ConfirmTotpEnrolment(caller, "000000").has_value() &&
               crypto::totp::CodeAt(secret, step) != "000000");
  auto me = Auth().ConfirmTotpEnrolment(caller, crypto::totp::CodeAt(secret, step));
  ASSERT_TRUE(me);
  EXPECT_FALSE(me->totp_enrolment_required);

  const std::string pw = "een-lang-nieuw-wachtwoord";
  EXPECT_EQ(Auth().Login({s.email, pw, std::nullopt, "x"}).error().code, "totp_required");
  // The code of the enrolment step is spent; the next step's code works once.
  EXPECT_EQ(Auth().Login({s.email, pw, crypto::totp::CodeAt(secret, step), "x"}).error().code,
            "totp_invalid");
  auto next = Auth().Login({s.email, pw, crypto::totp::CodeAt(secret, step + 1), "x"});
  ASSERT_TRUE(next) << next.error().code;
  EXPECT_FALSE(next->me.totp_enrolment_required);
  EXPECT_FALSE(next->me.password_change_required);
  EXPECT_EQ(Auth().Login({s.email, pw, crypto::totp::CodeAt(secret, step + 1), "x"}).error().code,
            "totp_invalid");

  // Moving the second factor to another phone takes the password, not just an open session.
  auto signed_in = *Auth().Authenticate(next->session_token, "x");
  EXPECT_EQ(Auth().StartTotpEnrolment(signed_in, std::nullopt).error().field, "password");
  EXPECT_EQ(Auth().StartTotpEnrolment(signed_in, std::string("geraden")).error().code, "invalid_value");
  ASSERT_TRUE(Auth().StartTotpEnrolment(signed_in, pw));
  // Until a new code confirms it, the old second factor still holds.
  EXPECT_EQ(Auth().Login({s.email, pw, std::nullopt, "x"}).error().code, "totp_required");
}

TEST_P(AuthServiceTest, RSec1PasswordAskedAgainBindsAPhoneAndCountsAsALoginAttempt) {
  RecordProperty("rule", "R-SEC-1");
  // A practice where a second factor is not mandatory: enrolling is the user's own choice.
  ASSERT_TRUE(PracticeService(*ctx_).UpdateSettings(ActorFor(Staff(Role::kOwner, {})), {false, std::nullopt}));
  const auto s = Staff(Role::kPractitioner, {amsterdam_});
  auto login = Auth().Login({s.email, s.password, std::nullopt, "x"});
  ASSERT_TRUE(login);
  auto caller = *Auth().Authenticate(login->session_token, "x");
  ASSERT_FALSE(caller.totp_enrolment_required);
  // Not asked for by a login: an open session alone does not bind a phone to the account.
  EXPECT_EQ(Auth().StartTotpEnrolment(caller, std::nullopt).error().field, "password");
  ASSERT_TRUE(Auth().StartTotpEnrolment(caller, s.password));

  // Wrong passwords asked again are slowed and then locked out like logins, and they count
  // for the login too.
  std::string code;
  int attempts = 0;
  while (attempts < 30 && code != "login_throttled" && code != "account_locked") {
    code = Auth().StartTotpEnrolment(caller, std::string("geraden")).error().code;
    ++attempts;
  }
  EXPECT_TRUE(code == "login_throttled" || code == "account_locked") << code;
  EXPECT_LE(attempts, 4);  // slowed after three failures
  EXPECT_EQ(Auth().StartTotpEnrolment(caller, s.password).error().code, code);
  EXPECT_EQ(Auth().ChangePassword(caller, s.password, "een-lang-nieuw-wachtwoord").error().code, code);
  EXPECT_EQ(Auth().Login({s.email, s.password, std::nullopt, "x"}).error().code, code);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthServiceTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::service
