// R-DOS-1, R-CONSENT-1..4: the trajectory's "missing" list and the refusal of a session are
// one rule. Every combination of facts goes through both paths of the services, on both
// engines, and they must agree: nothing missing and the session is recorded; something
// missing and the session is refused with the first thing on the list.
#include <gtest/gtest.h>

#include "service/dossier_test_fixture.hpp"
#include "service/treatment_session_service.hpp"
#include "service/trajectory_service.hpp"

namespace huidig::service {
namespace {

using namespace std::chrono_literals;

class ReadinessTest : public DossierTest {
 protected:
  ReadinessTest() : DossierTest("2026-11-23T14:30:00+01:00") {}
};

// How far a cosmetic trajectory got: nothing, the consult, the decision, the confirmation.
enum class Cosmetic { kNothing, kConsult, kDecision, kConfirmation };

struct Facts {
  std::string type;
  std::optional<std::string> records;  // given | refused | not asked
  bool informed = false;
  Cosmetic cosmetic = Cosmetic::kNothing;
};

std::string Describe(const Facts& f) {
  return f.type + " records=" + f.records.value_or("-") + " informed=" +
         (f.informed ? "yes" : "no") + " cosmetic=" + std::to_string(static_cast<int>(f.cosmetic));
}

TEST_P(ReadinessTest, RConsent4TheMissingListAndTheSessionRefusalAgreeOnEveryCombination) {
  RecordProperty("rule", "R-CONSENT-4 R-CONSENT-3 R-CONSENT-2 R-CONSENT-1 R-DOS-1");
  std::vector<Facts> all;
  for (const char* type : {"manicure", "chemical_peel", "pmu_brows", "botulinum_toxin"})
    for (const std::optional<std::string>& records :
         {std::optional<std::string>("given"), std::optional<std::string>("refused"),
          std::optional<std::string>()})
      for (bool informed : {false, true})
        for (Cosmetic c : {Cosmetic::kNothing, Cosmetic::kConsult, Cosmetic::kDecision,
                           Cosmetic::kConfirmation}) {
          if (c != Cosmetic::kNothing && std::string(type) != "botulinum_toxin") continue;
          all.push_back({type, records, informed, c});
        }
  TrajectoryService trajectories(*ctx_);
  const auto owner = Actor(domain::Role::kOwner, {});
  TreatmentSessionService sessions(*ctx_);
  int allowed = 0, refused = 0;
  for (const auto& f : all) {
    SCOPED_TRACE(Describe(f));
    domain::ClientChanges ch;
    ch.given_name = "Sanne";
    ch.family_name = "Bakker";
    ch.date_of_birth = "1990-02-01";
    ch.location = amsterdam_.value;
    ch.records_consent = std::optional<std::string>("given");
    auto client = ClientService(*ctx_).Create(practitioner_, ch);
    ASSERT_TRUE(client);
    const std::string id = client->client.id.value;
    ASSERT_TRUE(IntakeService(*ctx_).Add(practitioner_, id, {"geen", "", "nee", "", "", ""}));
    TrajectoryInput in;
    in.treatment_type = f.type;
    in.info = {"Doel", "Resultaat", 1, "Risico's", "Alternatieven", "EUR 100", "Nazorg"};
    in.intake_reviewed = true;
    auto t = trajectories.Create(practitioner_, id, in);
    ASSERT_TRUE(t) << t.error().code;
    if (f.informed)
      ASSERT_TRUE(trajectories.AddConsent(practitioner_, t->id,
                                          {"informed", "Informatie.", "typed", "Sanne Bakker", false}));
    if (f.cosmetic >= Cosmetic::kConsult) {
      const auto ten_days_ago = FormatUtc(clock_.Now() - 240h);
      ASSERT_TRUE(trajectories.RecordConsult(practitioner_, t->id,
                                             {ten_days_ago, "v1", "Botox", "Papieren dossier overgenomen"}));
      ASSERT_TRUE(trajectories.ConfirmConsult(owner, t->id));  // R-CONSENT-1: counts from then
    }
    if (f.cosmetic >= Cosmetic::kDecision)
      ASSERT_TRUE(trajectories.RecordDecision(practitioner_, t->id, std::nullopt));
    if (f.cosmetic >= Cosmetic::kConfirmation)
      ASSERT_TRUE(trajectories.AddConsent(
          practitioner_, t->id, {"confirmation", "Bevestiging.", "typed", "Sanne Bakker", false}));
    domain::ClientChanges records;
    records.records_consent = f.records;
    ASSERT_TRUE(ClientService(*ctx_).Update(practitioner_, id, records));

    const auto view = trajectories.Get(practitioner_, t->id);
    ASSERT_TRUE(view);
    TreatmentSessionInput s;
    s.record.body_areas = {"gezicht"};
    s.record.result = "Goed";
    const auto session = sessions.Create(practitioner_, t->id, s);
    if (view->missing.empty()) {
      EXPECT_TRUE(session) << session.error().code;
      ++allowed;
    } else {
      ASSERT_FALSE(session);
      EXPECT_EQ(session.error().code, view->missing.front());
      ++refused;
    }
  }
  // Both outcomes occur, so the comparison is not vacuous.
  EXPECT_GT(allowed, 4);
  EXPECT_GT(refused, 20);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReadinessTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::service
