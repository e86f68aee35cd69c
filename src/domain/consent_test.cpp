// The reflection period and consent rules (seed 002), table-driven, with Amsterdam days.
#include <gtest/gtest.h>

#include <set>

#include "domain/catalogue.hpp"
#include "domain/consent.hpp"
#include "domain/readiness.hpp"

namespace huidig::domain {
namespace {

Instant At(const char* rfc3339) { return *ParseRfc3339(rfc3339); }

std::string Earliest(const Result<void>& r) {
  for (const auto& [k, v] : r.error().extra)
    if (k == "earliest") return std::get<std::string>(v);
  return "";
}

TEST(ConsentTest, RConsent2EarliestDecisionByCategoryAndAmsterdamDay) {
  RecordProperty("rule", "R-CONSENT-2");
  const ReflectionPeriods law;
  struct Row {
    const char* consult;
    int category;
    const char* earliest;
  } rows[] = {
      // 23:30 in Amsterdam (winter, UTC+1) is still the 23rd there.
      {"2026-11-23T23:30:00+01:00", 1, "2026-11-23"},
      {"2026-11-23T23:30:00+01:00", 2, "2026-11-24"},
      {"2026-11-23T23:30:00+01:00", 3, "2026-11-30"},
      // 00:30 in Amsterdam is the next day, although it is still the 23rd in UTC.
      {"2026-11-24T00:30:00+01:00", 2, "2026-11-25"},
      {"2026-11-23T23:30:00Z", 2, "2026-11-25"},
      // Around the switch to summer time (29 March 2026, 02:00 -> 03:00).
      {"2026-03-28T23:30:00+01:00", 2, "2026-03-29"},
      {"2026-03-29T00:30:00+01:00", 2, "2026-03-30"},
      {"2026-03-29T03:30:00+02:00", 3, "2026-04-05"},
      // Around the switch back to winter time (25 October 2026, 03:00 -> 02:00).
      {"2026-10-24T23:30:00+02:00", 2, "2026-10-25"},
      {"2026-10-25T02:30:00+01:00", 2, "2026-10-26"},
      {"2026-10-25T00:30:00+02:00", 3, "2026-11-01"},
  };
  for (const auto& r : rows)
    EXPECT_EQ(FormatDate(EarliestDecisionDate(At(r.consult), r.category, law)), r.earliest)
        << r.consult << " cat " << r.category;
}

TEST(ConsentTest, RConsent2DecisionRefusedInsideThePeriodWithTheEarliestDate) {
  RecordProperty("rule", "R-CONSENT-2");
  const ReflectionPeriods law;
  const Instant consult = At("2026-11-23T23:30:00+01:00");
  // Category 1: the same day is fine.
  EXPECT_TRUE(CheckDecision(consult, At("2026-11-23T23:45:00+01:00"), 1, law));
  // Category 2: the same evening is refused, one minute after midnight is allowed.
  auto same_day = CheckDecision(consult, At("2026-11-23T23:59:00+01:00"), 2, law);
  ASSERT_FALSE(same_day);
  EXPECT_EQ(same_day.error().code, "reflection_period_not_elapsed");
  EXPECT_EQ(same_day.error().rule, "R-CONSENT-2");
  EXPECT_EQ(Earliest(same_day), "2026-11-24");
  EXPECT_TRUE(CheckDecision(consult, At("2026-11-24T00:01:00+01:00"), 2, law));
  // Category 3: a week, counted in Amsterdam days.
  EXPECT_EQ(Earliest(CheckDecision(consult, At("2026-11-29T23:59:00+01:00"), 3, law)), "2026-11-30");
  EXPECT_TRUE(CheckDecision(consult, At("2026-11-30T00:00:00+01:00"), 3, law));
  // A decision before its consult is refused.
  EXPECT_EQ(CheckDecision(consult, At("2026-11-23T20:00:00+01:00"), 1, law).error().code,
            "before_consult");
}

TEST(ConsentTest, RConsent1AConsultOnAnEarlierDayNeedsAReasonAndCountsFromItsRecording) {
  // Recorded at 23:30 Amsterdam time; stated the same evening, or the night before midnight UTC.
  const Instant recorded = At("2026-11-20T23:30:00+01:00");
  EXPECT_FALSE(RecordedAfterwards(At("2026-11-20T09:00:00+01:00"), recorded));
  EXPECT_TRUE(CheckConsultTime(At("2026-11-20T00:05:00+01:00"), recorded, false));
  // 23:50 on the 19th Amsterdam time is 22:50 UTC: an earlier Amsterdam day.
  const Instant yesterday = At("2026-11-19T23:50:00+01:00");
  EXPECT_TRUE(RecordedAfterwards(yesterday, recorded));
  const auto refused = CheckConsultTime(yesterday, recorded, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "required");
  EXPECT_EQ(refused.error().field, "late_reason");
  EXPECT_EQ(refused.error().rule, "R-CONSENT-1");
  EXPECT_TRUE(CheckConsultTime(yesterday, recorded, true));

  // A week back: the reflection period counts from the recording until an owner confirms.
  const Instant week_ago = At("2026-11-13T10:00:00+01:00");
  EXPECT_EQ(ReflectionStart(week_ago, recorded, false), recorded);
  EXPECT_EQ(ReflectionStart(week_ago, recorded, true), week_ago);
  EXPECT_EQ(ReflectionStart(At("2026-11-20T09:00:00+01:00"), recorded, false), At("2026-11-20T09:00:00+01:00"));
  // Category 3 (7 days): unconfirmed, the decision waits until the 27th, not the 20th.
  const ReflectionPeriods law;
  EXPECT_EQ(FormatDate(EarliestDecisionDate(ReflectionStart(week_ago, recorded, false), 3, law)), "2026-11-27");
  EXPECT_EQ(FormatDate(EarliestDecisionDate(ReflectionStart(week_ago, recorded, true), 3, law)), "2026-11-20");
}

TEST(ConsentTest, RConsent2PracticeMaySetLongerNeverShorter) {
  RecordProperty("rule", "R-CONSENT-2");
  auto longer = PracticeReflectionPeriods({1, 3, 14});
  ASSERT_TRUE(longer);
  const Instant consult = At("2026-11-23T10:00:00+01:00");
  EXPECT_FALSE(CheckDecision(consult, At("2026-11-23T18:00:00+01:00"), 1, *longer));
  EXPECT_TRUE(CheckDecision(consult, At("2026-11-24T08:00:00+01:00"), 1, *longer));
  EXPECT_EQ(Earliest(CheckDecision(consult, At("2026-11-25T10:00:00+01:00"), 2, *longer)), "2026-11-26");
  EXPECT_EQ(Earliest(CheckDecision(consult, At("2026-11-30T10:00:00+01:00"), 3, *longer)), "2026-12-07");
  auto shorter = PracticeReflectionPeriods({0, 0, 7});
  ASSERT_FALSE(shorter);
  EXPECT_EQ(shorter.error().code, "shorter_than_law");
  EXPECT_EQ(shorter.error().field, "category_2");
  EXPECT_FALSE(PracticeReflectionPeriods({0, 1, 6}));
}

TEST(ConsentTest, RConsent3CosmeticSessionNeedsAConfirmationOnTheSameDay) {
  RecordProperty("rule", "R-CONSENT-3");
  TreatmentSessionFacts p;
  p.regime = Regime::kCosmetic;
  p.records_consent = RecordsConsent::kGiven;
  p.session_at = At("2026-11-25T09:30:00+01:00");
  EXPECT_EQ(CheckTreatmentSessionAllowed(p).error().code, "consult_missing");
  EXPECT_EQ(CheckTreatmentSessionAllowed(p).error().rule, "R-CONSENT-1");
  p.consult_at = At("2026-11-20T10:00:00+01:00");
  EXPECT_EQ(CheckTreatmentSessionAllowed(p).error().code, "decision_missing");
  p.decision_at = At("2026-11-24T10:00:00+01:00");
  EXPECT_EQ(CheckTreatmentSessionAllowed(p).error().code, "confirmation_missing");
  p.confirmations = {At("2026-11-24T23:59:00+01:00")};  // the evening before: not the day
  EXPECT_EQ(CheckTreatmentSessionAllowed(p).error().rule, "R-CONSENT-3");
  p.confirmations.push_back(At("2026-11-25T00:10:00+01:00"));  // the day of the procedure
  EXPECT_TRUE(CheckTreatmentSessionAllowed(p));
  // A session entered to the minute (09:30) recorded after a confirmation at 09:30:40.
  p.confirmations = {At("2026-11-25T09:30:40+01:00")};
  p.recorded_at = At("2026-11-25T09:31:00+01:00");
  EXPECT_TRUE(CheckTreatmentSessionAllowed(p));
  p.recorded_at.reset();
  EXPECT_FALSE(CheckTreatmentSessionAllowed(p));  // but not one signed after the session was recorded
  p.confirmations = {At("2026-11-24T09:00:00+01:00")};  // before the decision
  p.session_at = At("2026-11-24T11:00:00+01:00");
  EXPECT_FALSE(CheckTreatmentSessionAllowed(p));
}

TEST(ConsentTest, RConsent4WkkgzAndPmuNeedSignedInformedConsent) {
  RecordProperty("rule", "R-CONSENT-4");
  for (Regime r : {Regime::kWkkgz, Regime::kPmu}) {
    TreatmentSessionFacts p;
    p.regime = r;
    p.records_consent = RecordsConsent::kGiven;
    p.session_at = At("2026-11-25T09:30:00+01:00");
    EXPECT_EQ(CheckTreatmentSessionAllowed(p).error().code, "consent_missing");
    p.informed_consents = {At("2026-11-25T09:40:00+01:00")};  // signed after the session
    EXPECT_EQ(CheckTreatmentSessionAllowed(p).error().code, "consent_missing");
    p.informed_consents.push_back(At("2026-11-25T09:00:00+01:00"));
    EXPECT_TRUE(CheckTreatmentSessionAllowed(p));
  }
}

TEST(ConsentTest, RDos1RefusedRecordsAllowBasicTreatmentsOnly) {
  RecordProperty("rule", "R-DOS-1");
  for (Regime r : {Regime::kBasic, Regime::kWkkgz, Regime::kPmu, Regime::kCosmetic}) {
    TreatmentSessionFacts p;
    p.regime = r;
    p.records_consent = RecordsConsent::kRefused;
    p.informed_consents = {p.session_at};
    const auto result = CheckTreatmentSessionAllowed(p);
    if (r == Regime::kBasic) {
      EXPECT_TRUE(result);
    } else {
      ASSERT_FALSE(result);
      EXPECT_EQ(result.error().code, "records_refused");
      EXPECT_EQ(result.error().rule, "R-DOS-1");
    }
  }
}

TEST(ConsentTest, RConsent6ChangedIntakeFieldsAreNamed) {
  RecordProperty("rule", "R-CONSENT-6");
  IntakeAnswers at_consult{"nikkel", "", "nee", "", "", ""};
  IntakeAnswers today = at_consult;
  EXPECT_TRUE(ChangedIntakeFields(at_consult, today).empty());
  today.medication = "isotretinoïne";
  today.pregnancy = "ja";
  EXPECT_EQ(ChangedIntakeFields(at_consult, today), (std::vector<std::string>{"medication", "pregnancy"}));
}

TEST(CatalogueTest, RCatShippedCatalogueHoldsEverySeedExample) {
  RecordProperty("rule", "R-CAT");
  const auto& all = ShippedCatalogue();
  std::set<std::string> keys;
  int per_regime[4] = {}, per_category[4] = {};
  for (const auto& t : all) {
    EXPECT_TRUE(ValidateTreatmentType(t)) << t.key;
    EXPECT_TRUE(keys.insert(t.key).second) << "duplicate " << t.key;
    ++per_regime[static_cast<int>(t.regime)];
    ++per_category[t.category];
    EXPECT_EQ(RecordsRequired(t.regime), t.regime != Regime::kBasic);
  }
  EXPECT_EQ(per_regime[static_cast<int>(Regime::kBasic)], 8);  // seed 000's list
  EXPECT_EQ(per_category[1], 4);
  EXPECT_EQ(per_category[2], 5);
  EXPECT_EQ(per_category[3], 7);
  for (const char* k : {"chemical_peel", "microdermabrasion", "microneedling", "ipl_hair_removal",
                        "electrolysis", "pmu_brows", "botulinum_toxin", "face_neck_lift"})
    EXPECT_TRUE(keys.count(k)) << k;
  TreatmentType bad = all.front();
  bad.regime = Regime::kCosmetic;
  bad.category = 0;
  EXPECT_EQ(ValidateTreatmentType(bad).error().field, "category");
}

}  // namespace
}  // namespace huidig::domain

#include "domain/intake.hpp"

namespace huidig::domain {
namespace {

TEST(IntakeTest, RDosAnswersRoundTripAndAreChecked) {
  RecordProperty("rule", "R-DOS");
  IntakeAnswers a{"nikkel; latex", "", "nee", "eczeem=licht", "geen", "regel 1\nregel 2 ;:="};
  const auto encoded = EncodeIntake(a);
  const auto back = DecodeIntake(encoded);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->allergies, a.allergies);
  EXPECT_EQ(back->skin_conditions, a.skin_conditions);
  EXPECT_EQ(back->notes, a.notes);
  EXPECT_FALSE(DecodeIntake(encoded.substr(0, encoded.size() - 2)));
  EXPECT_FALSE(DecodeIntake("garbage"));
  EXPECT_TRUE(ValidateIntake(a));
  a.medication = std::string(kIntakeAnswerMax + 1, 'x');
  EXPECT_EQ(ValidateIntake(a).error().field, "medication");
  a.medication = "\x01";
  EXPECT_EQ(ValidateIntake(a).error().code, "invalid_value");
}

}  // namespace
}  // namespace huidig::domain

#include "domain/photo_rules.hpp"

namespace huidig::domain {
namespace {

TEST(PhotoRulesTest, RTrj3BeforeAndAfterPhotosOfVisibleResults) {
  RecordProperty("rule", "R-TRJ-3");
  const Instant day1 = *ParseRfc3339("2026-11-01T10:00:00Z");
  const Instant day8 = *ParseRfc3339("2026-11-08T10:00:00Z");
  TrajectoryPhotoFacts f;
  f.visible_results = true;
  f.photos_allowed = true;
  f.planned_sessions = 2;
  EXPECT_EQ(PhotoFlags(f), std::vector<std::string>{"before_photos_missing"});  // a reminder up front
  f.before_photos = {day1 - std::chrono::minutes(5)};
  EXPECT_TRUE(PhotoFlags(f).empty());
  f.sessions = {day1};
  EXPECT_TRUE(PhotoFlags(f).empty());  // between sessions the practitioner decides
  f.sessions.push_back(day8);          // the last planned session is done
  EXPECT_EQ(PhotoFlags(f), std::vector<std::string>{"after_photos_missing"});
  f.after_photos = {day8 + std::chrono::minutes(30)};
  EXPECT_TRUE(PhotoFlags(f).empty());
  f.before_photos = {day8};  // taken only after the first session
  EXPECT_EQ(PhotoFlags(f), std::vector<std::string>{"before_photos_missing"});
  f.photos_allowed = false;  // refused or own photos: no flags
  EXPECT_TRUE(PhotoFlags(f).empty());
  f.photos_allowed = true;
  f.visible_results = false;  // relaxation: nothing to photograph
  EXPECT_TRUE(PhotoFlags(f).empty());
}

}  // namespace
}  // namespace huidig::domain
