// Trajectories, consults, decisions and consents through the service, on both engines.
#include <gtest/gtest.h>

#include "crypto/crypto.hpp"
#include "service/auth_service.hpp"
#include "service/client_service.hpp"
#include "service/intake_service.hpp"
#include "service/setup_service.hpp"
#include "service/trajectory_service.hpp"
#include "store/trajectory_repo.hpp"
#include "service/dossier_test_fixture.hpp"
#include "testing/engines.hpp"

namespace huidig::service {
namespace {

using namespace std::chrono_literals;
using domain::Role;

class TrajectoryServiceTest : public DossierTest {
 protected:
  TrajectoryServiceTest() : DossierTest("2026-11-23T23:30:00+01:00") {}

  TrajectoryInput Input(std::string type) {
    TrajectoryInput in;
    in.treatment_type = std::move(type);
    in.info = {"Minder littekenweefsel", "Vlakker litteken", 1, "Zwelling, blauwe plekken",
               "Laserbehandeling", "EUR 850", "Koelen, niet sporten"};
    in.intake_reviewed = true;
    return in;
  }

  TrajectoryService Service() { return TrajectoryService(*ctx_); }
};

std::string Earliest(const Error& e) {
  for (const auto& [k, v] : e.extra)
    if (k == "earliest") return std::get<std::string>(v);
  return "";
}

TEST_P(TrajectoryServiceTest, RTrj1InformationDutyIsRecordedSealedAndReadBack) {
  RecordProperty("rule", "R-TRJ-1");
  auto t = Service().Create(practitioner_, client_, Input("chemical_peel"));
  ASSERT_TRUE(t) << t.error().code;
  EXPECT_EQ(t->info.risks, "Zwelling, blauwe plekken");
  EXPECT_EQ(t->type.type.version, 1);
  EXPECT_EQ(t->intake_version, 1);
  auto back = Service().Get(practitioner_, t->id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->info.aftercare, "Koelen, niet sporten");
  const auto row = t_->db->Read([&](store::Tx& tx) { return store::TrajectoryRepo().Find(tx, practice_, t->id); });
  EXPECT_EQ(row->info_sealed.find("littekenweefsel"), std::string::npos);

  auto missing_goal = Input("chemical_peel");
  missing_goal.info.goal = " ";
  EXPECT_EQ(Service().Create(practitioner_, client_, missing_goal).error().field, "goal");
  auto unreviewed = Input("chemical_peel");
  unreviewed.intake_reviewed = false;
  EXPECT_EQ(Service().Create(practitioner_, client_, unreviewed).error().field, "intake_reviewed");
  EXPECT_EQ(Service().Create(practitioner_, client_, Input("no_such_type")).error().field, "treatment_type");
  EXPECT_EQ(Service().Create(Actor(Role::kAssistant, {amsterdam_}), client_, Input("chemical_peel")).error().code,
            "forbidden");
  EXPECT_EQ(Service().Get(Actor(Role::kPractitioner, {utrecht_}), t->id).error().code, "not_found");
}

TEST_P(TrajectoryServiceTest, RDos1RefusedRecordsAllowOnlyBasicTrajectories) {
  RecordProperty("rule", "R-DOS-1");
  domain::ClientChanges refuse;
  refuse.records_consent = std::optional<std::string>("refused");
  ASSERT_TRUE(ClientService(*ctx_).Update(practitioner_, client_, refuse));
  auto refused = Service().Create(practitioner_, client_, Input("microneedling"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "records_refused");
  EXPECT_EQ(refused.error().rule, "R-DOS-1");
  EXPECT_TRUE(Service().Create(practitioner_, client_, Input("manicure")));
}

TEST_P(TrajectoryServiceTest, RConsent2DecisionAfterTheReflectionPeriodInAmsterdamDays) {
  RecordProperty("rule", "R-CONSENT-2");
  auto t = Service().Create(practitioner_, client_, Input("scar_correction"));  // category 2
  ASSERT_TRUE(t);
  EXPECT_EQ(t->missing, std::vector<std::string>{"consult_missing"});
  EXPECT_EQ(Service().RecordDecision(practitioner_, t->id, std::nullopt).error().code, "consult_missing");
  auto consulted = Service().RecordConsult(practitioner_, t->id,
                                           {"2026-11-23T23:30:00+01:00", "folder-2026-03", "Littekencorrectie"});
  ASSERT_TRUE(consulted) << consulted.error().code;
  EXPECT_EQ(consulted->missing, std::vector<std::string>{"decision_missing"});
  EXPECT_EQ(consulted->earliest_decision, "2026-11-24");
  // The same evening: refused, with the earliest date.
  clock_.Advance(20min);
  auto early = Service().RecordDecision(practitioner_, t->id, std::nullopt);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "reflection_period_not_elapsed");
  EXPECT_EQ(Earliest(early.error()), "2026-11-24");
  // Ten minutes later it is the 24th in Amsterdam.
  clock_.Advance(10min);
  auto decided = Service().RecordDecision(practitioner_, t->id, std::nullopt);
  ASSERT_TRUE(decided) << decided.error().code;
  EXPECT_EQ(decided->missing, std::vector<std::string>{"confirmation_missing"});
  EXPECT_EQ(Service().RecordDecision(practitioner_, t->id, std::nullopt).error().code, "already_decided");
}

TEST_P(TrajectoryServiceTest, RConsent1AConsultRecordedAfterwardsWaitsForAnotherOwner) {
  RecordProperty("rule", "R-CONSENT-1");
  auto t = Service().Create(practitioner_, client_, Input("scar_correction"));  // category 2: 1 day
  ASSERT_TRUE(t);
  const std::string week_ago = "2026-11-16T10:00:00+01:00";
  auto no_reason = Service().RecordConsult(practitioner_, t->id, {week_ago, "v1", "Littekencorrectie"});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, "required");
  EXPECT_EQ(no_reason.error().field, "late_reason");
  // Earlier the same Amsterdam day needs no reason.
  auto late = Service().RecordConsult(practitioner_, t->id,
                                      {week_ago, "v1", "Littekencorrectie", "Op papier vastgelegd, nu ingevoerd"});
  ASSERT_TRUE(late) << late.error().code;
  ASSERT_EQ(late->consults.size(), 1u);
  EXPECT_TRUE(late->consults[0].recorded_afterwards);
  EXPECT_EQ(late->consults[0].late_reason, "Op papier vastgelegd, nu ingevoerd");
  // Counted from today, not from the stated day a week ago.
  EXPECT_EQ(late->earliest_decision, "2026-11-24");
  EXPECT_EQ(Service().RecordDecision(practitioner_, t->id, std::nullopt).error().code, "reflection_period_not_elapsed");

  // Only an owner confirms, and not the one who recorded it.
  EXPECT_EQ(Service().ConfirmConsult(practitioner_, t->id).error().code, "forbidden");
  const auto owner = Actor(domain::Role::kOwner, {});
  auto own = TrajectoryService(*ctx_);
  auto t2 = own.Create(owner, client_, Input("scar_correction"));
  ASSERT_TRUE(t2);
  ASSERT_TRUE(own.RecordConsult(owner, t2->id, {week_ago, "v1", "x", "Achteraf"}));
  EXPECT_EQ(own.ConfirmConsult(owner, t2->id).error().code, "own_consult");

  auto confirmed = Service().ConfirmConsult(owner, t->id);
  ASSERT_TRUE(confirmed) << confirmed.error().code;
  EXPECT_EQ(confirmed->consults[0].confirmed_by, owner.user);
  EXPECT_EQ(confirmed->earliest_decision, "2026-11-17");
  EXPECT_EQ(Service().ConfirmConsult(owner, t->id).error().code, "already_confirmed");
  auto decided = Service().RecordDecision(practitioner_, t->id, std::nullopt);
  ASSERT_TRUE(decided) << decided.error().code;

  // A consult on the same day cannot be "confirmed": there is nothing to confirm.
  auto t3 = Service().Create(practitioner_, client_, Input("scar_correction"));
  ASSERT_TRUE(Service().RecordConsult(practitioner_, t3->id, {"2026-11-23T09:00:00+01:00", "v1", "x"}));
  EXPECT_EQ(Service().ConfirmConsult(owner, t3->id).error().code, "not_recorded_afterwards");
}

TEST_P(TrajectoryServiceTest, RConsent3ConfirmationOnTheDayAndRConsent6IntakeChanges) {
  RecordProperty("rule", "R-CONSENT-3");
  RecordProperty("rule2", "R-CONSENT-6");
  auto t = Service().Create(practitioner_, client_, Input("botulinum_toxin"));  // category 1
  ASSERT_TRUE(t);
  ConsentInput confirm{"confirmation", "U bevestigt vandaag uw toestemming.", "typed", "Anna de Vries", false};
  EXPECT_EQ(Service().AddConsent(practitioner_, t->id, confirm).error().code, "decision_missing");
  ASSERT_TRUE(Service().RecordConsult(practitioner_, t->id, {"2026-11-23T10:00:00+01:00", "v1", "Botox voorhoofd"}));
  ASSERT_TRUE(Service().RecordDecision(practitioner_, t->id, std::nullopt));  // category 1: same day
  // The intake changes after the consult: the confirmation must ask again.
  ASSERT_TRUE(IntakeService(*ctx_).Add(practitioner_, client_, {"geen", "bloedverdunners", "nee", "", "", ""}));
  auto changed = Service().AddConsent(practitioner_, t->id, confirm);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, "intake_changed");
  EXPECT_EQ(changed.error().field, "intake_changes_reviewed");
  EXPECT_EQ(Service().Get(practitioner_, t->id)->intake_changed_since_consult,
            std::vector<std::string>{"medication"});
  confirm.intake_changes_reviewed = true;
  auto ok = Service().AddConsent(practitioner_, t->id, confirm);
  ASSERT_TRUE(ok) << ok.error().code;
  EXPECT_TRUE(ok->missing.empty());
  // The next day the confirmation of yesterday no longer counts.
  clock_.Advance(24h);
  EXPECT_EQ(Service().Get(practitioner_, t->id)->missing, std::vector<std::string>{"confirmation_missing"});
}

TEST_P(TrajectoryServiceTest, RConsent4And5SignedInformedConsentKeepsTheExactText) {
  RecordProperty("rule", "R-CONSENT-4");
  RecordProperty("rule2", "R-CONSENT-5");
  auto t = Service().Create(practitioner_, client_, Input("microneedling"));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->missing, std::vector<std::string>{"consent_missing"});
  EXPECT_EQ(Service().RecordConsult(practitioner_, t->id, {"2026-11-23T10:00:00+01:00", "v1", "x"}).error().code,
            "not_cosmetic");
  const std::string text_v1 = "Microneedling: risico's zijn roodheid en zwelling. Versie 1.";
  ConsentInput informed{"informed", text_v1, "typed", "Anna de Vries", false};
  EXPECT_EQ(Service().AddConsent(practitioner_, t->id, {"informed", text_v1, "typed", "A", false}).error().field,
            "signature");
  EXPECT_EQ(Service().AddConsent(practitioner_, t->id, {"informed", text_v1, "drawn", "data:image/png;base64,AAAA", false})
                .error().field,
            "signature");
  auto signed_v1 = Service().AddConsent(practitioner_, t->id, informed);
  ASSERT_TRUE(signed_v1);
  EXPECT_TRUE(signed_v1->missing.empty());
  ASSERT_EQ(signed_v1->consents.size(), 1u);
  EXPECT_EQ(signed_v1->consents[0].text_sha256, crypto::Sha256Hex(text_v1));
  // A new version of the text never changes what was signed before.
  clock_.Advance(1h);
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(32, '\0');
  ConsentInput drawn{"informed", "Versie 2 van de tekst.", "drawn", "data:image/png;base64," + crypto::ToBase64(png), false};
  auto signed_v2 = Service().AddConsent(practitioner_, t->id, drawn);
  ASSERT_TRUE(signed_v2) << signed_v2.error().code;
  ASSERT_EQ(signed_v2->consents.size(), 2u);
  EXPECT_EQ(signed_v2->consents[0].text, text_v1);
  EXPECT_EQ(signed_v2->consents[0].text_sha256, crypto::Sha256Hex(text_v1));
  EXPECT_EQ(signed_v2->consents[1].signature_kind, domain::SignatureKind::kDrawn);
}

TEST_P(TrajectoryServiceTest, RAud1WhenTheAuditEntryCannotBeWrittenTheChangeIsNotKept) {
  RecordProperty("rule", "R-AUD-1");
  auto kept = Service().Create(practitioner_, client_, Input("botulinum_toxin"));
  ASSERT_TRUE(kept);
  const auto count = [&] {
    return t_->db->Read([&](store::Tx& tx) {
      return store::TrajectoryRepo().ForClient(tx, practice_, ClientId{client_}).size();
    });
  };
  // The audit log refuses every entry, as a full or broken table would.
  testing::BreakAuditLog(*t_);
  EXPECT_ANY_THROW((void)Service().Create(practitioner_, client_, Input("chemical_peel")));
  EXPECT_EQ(count(), 1u);  // the second trajectory went with its entry
  EXPECT_ANY_THROW((void)Service().RecordConsult(practitioner_, kept->id, {FormatUtc(clock_.Now()), "v1", "x"}));
  // A read whose entry cannot be written is not answered either.
  EXPECT_ANY_THROW((void)Service().Get(practitioner_, kept->id));
  testing::BreakAuditLog(*t_, false);
  auto back = Service().Get(practitioner_, kept->id);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->consults.empty());
  EXPECT_TRUE(Service().Create(practitioner_, client_, Input("chemical_peel")));
  EXPECT_EQ(count(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, TrajectoryServiceTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::service
