#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "domain/text.hpp"
#include "domain/access.hpp"
#include "domain/auth_policy.hpp"
#include "domain/client.hpp"

namespace huidig::domain {
namespace {

using namespace std::chrono_literals;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year(2026), month(11), day(23)};

Actor MakeActor(Role role, std::vector<std::string> locations = {"loc-a"}) {
  Actor a;
  a.user = UserId{"u"};
  a.practice = PracticeId{"p"};
  a.role = role;
  a.all_locations = role == Role::kOwner || role == Role::kAuditor || role == Role::kQuality;
  for (auto& l : locations) a.locations.push_back(LocationId{l});
  return a;
}

ClientChanges ValidCreate() {
  ClientChanges ch;
  ch.given_name = "Anna";
  ch.name_prefix = std::optional<std::string>("de");
  ch.family_name = "Vries";
  ch.date_of_birth = "1985-04-12";
  ch.phone = std::optional<std::string>("06 12345678");
  ch.email = std::optional<std::string>("anna@example.nl");
  return ch;
}

TEST(AccessTest, RSec2RoleTableAsInSpec) {
  RecordProperty("rule", "R-SEC-2");
  struct Row {
    Role role;
    Permission p;
    bool may;
  } rows[] = {
      {Role::kOwner, Permission::kPracticeSettings, true},
      {Role::kOwner, Permission::kAuditRead, true},
      {Role::kPractitioner, Permission::kClientDossier, true},
      {Role::kPractitioner, Permission::kPracticeSettings, false},
      {Role::kAssistant, Permission::kClientRead, true},
      {Role::kAssistant, Permission::kClientCreate, true},
      {Role::kAssistant, Permission::kClientDossier, false},  // no health data, notes, photos
      {Role::kQuality, Permission::kClientList, false},
      {Role::kQuality, Permission::kClientCreate, false},
      {Role::kAuditor, Permission::kClientRead, true},
      {Role::kAuditor, Permission::kClientCreate, false},      // read-only
      {Role::kAuditor, Permission::kClientUpdate, false},
      {Role::kAuditor, Permission::kDossierWrite, false},
      {Role::kQuality, Permission::kDossierWrite, false},
      {Role::kAssistant, Permission::kDossierWrite, false},
      {Role::kPractitioner, Permission::kDossierWrite, true},
  };
  for (const auto& r : rows)
    EXPECT_EQ(RoleMay(r.role, r.p), r.may) << RoleName(r.role) << " " << int(r.p);
}

// R-STAFF-3: only the owner manages the team.
TEST(AccessTest, RStaff3OnlyTheOwnerManagesStaff) {
  RecordProperty("rule", "R-STAFF-3");
  EXPECT_TRUE(RoleMay(Role::kOwner, Permission::kStaffManage));
  for (const Role r : {Role::kPractitioner, Role::kAssistant, Role::kQuality, Role::kAuditor}) {
    EXPECT_FALSE(RoleMay(r, Permission::kStaffManage)) << RoleName(r);
    EXPECT_TRUE(RoleMay(r, Permission::kStaffDirectory)) << RoleName(r);
  }
}

TEST(AccessTest, RSec2LocationScopesPractitionerAndAssistant) {
  RecordProperty("rule", "R-SEC-2");
  const LocationId a{"loc-a"}, b{"loc-b"};
  EXPECT_TRUE(MakeActor(Role::kPractitioner).MayReadClient(a, false));
  EXPECT_FALSE(MakeActor(Role::kPractitioner).MayReadClient(b, false));
  EXPECT_FALSE(MakeActor(Role::kAssistant).MayReadClient(b, false));
  EXPECT_TRUE(MakeActor(Role::kOwner, {}).MayReadClient(b, false));
  // The quality officer reads a client only when linked to a case they handle.
  EXPECT_FALSE(MakeActor(Role::kQuality, {}).MayReadClient(a, false));
  EXPECT_TRUE(MakeActor(Role::kQuality, {}).MayReadClient(a, true));
}

TEST(AccessTest, RSec1TotpMandatoryForOwnerAndPractitionerUnlessTurnedOff) {
  RecordProperty("rule", "R-SEC-1");
  EXPECT_TRUE(TotpMandatory(Role::kOwner, true));
  EXPECT_TRUE(TotpMandatory(Role::kPractitioner, true));
  EXPECT_FALSE(TotpMandatory(Role::kAssistant, true));
  EXPECT_FALSE(TotpMandatory(Role::kOwner, false));
}

TEST(AuthPolicyTest, RSec1PasswordLengthAndCommonPasswords) {
  RecordProperty("rule", "R-SEC-1");
  EXPECT_TRUE(CheckNewPassword("paardenbloem-zomer", "a@b.nl"));
  EXPECT_TRUE(CheckNewPassword("ëëëëëëëë", "a@b.nl"));  // 8 characters, 16 bytes
  EXPECT_EQ(CheckNewPassword("kort123", "a@b.nl").error().code, "password_too_short");
  EXPECT_EQ(CheckNewPassword("Wachtwoord123", "a@b.nl").error().code, "password_too_common");
  EXPECT_EQ(CheckNewPassword("12345678", "a@b.nl").error().code, "password_too_common");
  EXPECT_EQ(CheckNewPassword("marieke.jansen", "marieke.jansen@salon.nl").error().code,
            "password_too_common");
  EXPECT_EQ(CheckNewPassword("kort", "a@b.nl").error().field, "new_password");
}

TEST(AuthPolicyTest, RSec1FailedLoginsAreSlowedThenLocked) {
  RecordProperty("rule", "R-SEC-1");
  const LoginThrottlePolicy p{3, 6, 15min, 60s};
  const Instant t0 = FromMicros(1'800'000'000'000'000);
  LoginFailures f;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(CheckLoginAttempt(f, t0, p).verdict, AttemptVerdict::kAllowed);
    f = RecordLoginFailure(f, t0, p);
  }
  // After 3 failures: wait 1 s, then 2 s, 4 s ...
  auto c = CheckLoginAttempt(f, t0 + 500ms, p);
  EXPECT_EQ(c.verdict, AttemptVerdict::kThrottled);
  EXPECT_EQ(c.retry_after, 1s);
  EXPECT_EQ(CheckLoginAttempt(f, t0 + 1s, p).verdict, AttemptVerdict::kAllowed);
  f = RecordLoginFailure(f, t0 + 1s, p);
  EXPECT_EQ(CheckLoginAttempt(f, t0 + 2s, p).verdict, AttemptVerdict::kThrottled);
  EXPECT_EQ(CheckLoginAttempt(f, t0 + 3s, p).verdict, AttemptVerdict::kAllowed);
  f = RecordLoginFailure(f, t0 + 3s, p);
  f = RecordLoginFailure(f, t0 + 10s, p);
  EXPECT_EQ(f.count, 6);
  c = CheckLoginAttempt(f, t0 + 11s, p);
  EXPECT_EQ(c.verdict, AttemptVerdict::kLocked);
  EXPECT_EQ(c.retry_after, 15min - 1s);
  // The lock ends after its period, and the count starts again.
  EXPECT_EQ(CheckLoginAttempt(f, t0 + 10s + 15min, p).verdict, AttemptVerdict::kAllowed);
  EXPECT_EQ(RecordLoginFailure(f, t0 + 10s + 15min, p).count, 1);
}

TEST(AuthPolicyTest, RSec1SessionsEndAfterIdleAndMaximumAge) {
  RecordProperty("rule", "R-SEC-1");
  const LoginSessionPolicy p;
  const Instant t0 = FromMicros(1'800'000'000'000'000);
  EXPECT_TRUE(LoginSessionAlive(t0, t0 + 10min, t0 + 39min, p));
  EXPECT_FALSE(LoginSessionAlive(t0, t0 + 10min, t0 + 40min, p));
  EXPECT_TRUE(LoginSessionAlive(t0, t0 + 11h + 50min, t0 + 11h + 59min, p));
  EXPECT_FALSE(LoginSessionAlive(t0, t0 + 11h + 59min, t0 + 12h, p));
}

TEST(ClientTest, RDos4ValidCreateAndFieldErrors) {
  RecordProperty("rule", "R-DOS-4");
  const auto practitioner = MakeActor(Role::kPractitioner);
  auto c = ApplyClientChanges(Client{}, ValidCreate(), true, kToday, practitioner);
  ASSERT_TRUE(c) << c.error().code << " " << c.error().field;
  EXPECT_EQ(c->name_prefix, "de");
  EXPECT_EQ(FormatDate(c->date_of_birth), "1985-04-12");

  struct Case {
    std::function<void(ClientChanges&)> edit;
    std::string code, field;
  } cases[] = {
      {[](auto& ch) { ch.given_name.reset(); }, "required", "given_name"},
      {[](auto& ch) { ch.given_name = "   "; }, "required", "given_name"},
      {[](auto& ch) { ch.family_name = std::string(101, 'x'); }, "too_long", "family_name"},
      {[](auto& ch) { ch.date_of_birth = "1985-02-30"; }, "invalid_value", "date_of_birth"},
      {[](auto& ch) { ch.date_of_birth = "12-04-1985"; }, "invalid_value", "date_of_birth"},
      {[](auto& ch) { ch.date_of_birth = "2026-11-24"; }, "invalid_value", "date_of_birth"},
      {[](auto& ch) { ch.phone = std::optional<std::string>("bel me"); }, "invalid_value", "phone"},
      {[](auto& ch) { ch.email = std::optional<std::string>("anna@"); }, "invalid_value", "email"},
      {[](auto& ch) { ch.given_name = "An\x01na"; }, "invalid_value", "given_name"},
      {[](auto& ch) { ch.records_consent = std::optional<std::string>("yes"); }, "invalid_value",
       "records_consent"},
      {[](auto& ch) { ch.photo_preference = std::optional<std::string>("maybe"); },
       "invalid_value", "photo_preference"},
  };
  for (auto& k : cases) {
    auto ch = ValidCreate();
    k.edit(ch);
    auto r = ApplyClientChanges(Client{}, ch, true, kToday, practitioner);
    ASSERT_FALSE(r) << k.field;
    EXPECT_EQ(r.error().code, k.code) << k.field;
    EXPECT_EQ(r.error().field, k.field);
  }
}

TEST(ClientTest, RDos1AndRDos2ChoicesAreRecordedAndClearable) {
  RecordProperty("rule", "R-DOS-1");
  RecordProperty("rule2", "R-DOS-2");
  const auto owner = MakeActor(Role::kOwner, {});
  auto ch = ValidCreate();
  ch.records_consent = std::optional<std::string>("refused");
  ch.photo_preference = std::optional<std::string>("own");
  auto c = ApplyClientChanges(Client{}, ch, true, kToday, owner);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->records_consent, RecordsConsent::kRefused);
  EXPECT_EQ(c->photo_preference, PhotoPreference::kOwn);
  ClientChanges clear;
  clear.photo_preference = std::optional<std::string>();
  auto c2 = ApplyClientChanges(*c, clear, false, kToday, owner);
  ASSERT_TRUE(c2);
  EXPECT_FALSE(c2->photo_preference);
  EXPECT_EQ(c2->records_consent, RecordsConsent::kRefused);
}

TEST(ClientTest, RSec2AssistantMayNotSetDossierChoices) {
  RecordProperty("rule", "R-SEC-2");
  auto ch = ValidCreate();
  ch.records_consent = std::optional<std::string>("given");
  auto r = ApplyClientChanges(Client{}, ch, true, kToday, MakeActor(Role::kAssistant));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "field_not_allowed");
  EXPECT_EQ(r.error().field, "records_consent");
}

TEST(ClientTest, DutchSortPutsPrefixedNamesUnderTheirMainName) {
  auto make = [](std::string given, std::optional<std::string> prefix, std::string family) {
    Client c;
    c.given_name = given;
    c.name_prefix = prefix;
    c.family_name = family;
    return c;
  };
  std::vector<Client> cs = {make("Anna", "de", "Vries"), make("Bram", std::nullopt, "Visser"),
                            make("Cas", "van den", "Berg"), make("Dirk", std::nullopt, "Willems"),
                            make("Eva", std::nullopt, "Bakker"), make("Émile", std::nullopt, "Vos")};
  std::sort(cs.begin(), cs.end(),
            [](const Client& a, const Client& b) { return SortKey(a) < SortKey(b); });
  std::vector<std::string> order;
  for (auto& c : cs) order.push_back(c.family_name);
  EXPECT_EQ(order, (std::vector<std::string>{"Bakker", "Berg", "Visser", "Vos", "Vries", "Willems"}));
}

TEST(ClientTest, QueriesAreDatesPhonesOrNameWords) {
  auto q = ParseClientQuery("12-04-1985");
  EXPECT_EQ(q.kind, ClientQuery::Kind::kDateOfBirth);
  EXPECT_EQ(q.value, "1985-04-12");
  q = ParseClientQuery("1985-04-12");
  EXPECT_EQ(q.value, "1985-04-12");
  q = ParseClientQuery("+31 6 1234");
  EXPECT_EQ(q.kind, ClientQuery::Kind::kPhone);
  EXPECT_EQ(q.value, "061234");
  q = ParseClientQuery("  De VRIES ");
  EXPECT_EQ(q.kind, ClientQuery::Kind::kName);
  EXPECT_EQ(q.words, (std::vector<std::string>{"de", "vries"}));
  EXPECT_EQ(ParseClientQuery("").kind, ClientQuery::Kind::kAll);

  Client c;
  c.given_name = "Zoë";
  c.name_prefix = "van 't";
  c.family_name = "Hoff-Özdemir";
  const auto text = SearchText(c);
  EXPECT_TRUE(MatchesNameWords(text, ParseClientQuery("zoe").words));
  EXPECT_TRUE(MatchesNameWords(text, ParseClientQuery("ozdemir").words));
  EXPECT_TRUE(MatchesNameWords(text, ParseClientQuery("zoë hoff").words));
  EXPECT_FALSE(MatchesNameWords(text, ParseClientQuery("demir").words));
  EXPECT_EQ(PhoneDigits("+31 (0)6-1234 5678"), "00612345678");
  EXPECT_EQ(PhoneDigits("+31 6-1234 5678"), "0612345678");
}

}  // namespace
}  // namespace huidig::domain

#include "domain/calendar.hpp"

namespace huidig::domain {
namespace {

TEST(CalendarTest, AmsterdamDateFollowsSummerAndWinterTime) {
  // 23:30 UTC is already the next day in Amsterdam (UTC+1 in winter, UTC+2 in summer).
  EXPECT_EQ(FormatDate(AmsterdamDate(*ParseRfc3339("2026-11-23T22:59:59Z"))), "2026-11-23");
  EXPECT_EQ(FormatDate(AmsterdamDate(*ParseRfc3339("2026-11-23T23:00:00Z"))), "2026-11-24");
  EXPECT_EQ(FormatDate(AmsterdamDate(*ParseRfc3339("2026-07-01T21:59:59Z"))), "2026-07-01");
  EXPECT_EQ(FormatDate(AmsterdamDate(*ParseRfc3339("2026-07-01T22:00:00Z"))), "2026-07-02");
}

}  // namespace
}  // namespace huidig::domain

namespace huidig::domain {
namespace {

TEST(TextTest, OneCheckInOneOrderForEveryField) {
  const TextRule name = RequiredLine(5, "R-CAT");
  EXPECT_EQ(CheckText("\xff", "f", name).error().code, "invalid_utf8");
  EXPECT_EQ(CheckText(" \n", "f", name).error().code, "required");
  EXPECT_EQ(CheckText(" \n", "f", name).error().field, "f");
  EXPECT_EQ(CheckText(" \n", "f", name).error().rule, "R-CAT");
  EXPECT_EQ(CheckText("a\x01", "f", name).error().code, "invalid_value");
  EXPECT_EQ(CheckText("Jan\u202Ez", "f", name).error().code, "invalid_value");
  EXPECT_EQ(CheckText("a\nb", "f", name).error().code, "invalid_value");  // a line has no breaks
  EXPECT_TRUE(CheckText("a\nb", "f", Paragraph(5)));
  EXPECT_EQ(CheckText("abcdef", "f", name).error().code, "too_long");
  EXPECT_TRUE(CheckText("éééé", "f", name));  // code points, not bytes
  EXPECT_TRUE(CheckText("", "f", Line(5)));   // optional: blank is fine
  EXPECT_EQ(CheckText("A", "signature", {200, true, false, 2, {}}).error().code, "required");
}

}  // namespace
}  // namespace huidig::domain
