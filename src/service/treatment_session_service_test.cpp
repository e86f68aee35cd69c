// Session records: drafts, signing under the consent rules, addenda, recall (both engines).
#include <gtest/gtest.h>

#include "crypto/crypto.hpp"
#include "service/client_service.hpp"
#include "service/intake_service.hpp"
#include "service/treatment_session_service.hpp"
#include "service/setup_service.hpp"
#include "service/trajectory_service.hpp"
#include "service/dossier_test_fixture.hpp"
#include "testing/engines.hpp"

namespace huidig::service {
namespace {

using namespace std::chrono_literals;
using domain::ProductKind;
using domain::Role;

class SessionServiceTest : public DossierTest {
 protected:
  SessionServiceTest() : DossierTest("2026-11-23T10:00:00+01:00") {}

  TrajectoryId Trajectory(const std::string& type) {
    TrajectoryInput in;
    in.treatment_type = type;
    in.info = {"Doel", "Resultaat", 3, "Roodheid", "", "", "Zonnebrand"};
    in.intake_reviewed = true;
    return TrajectoryService(*ctx_).Create(practitioner_, client_, in)->id;
  }

  void SignInformedConsent(const TrajectoryId& trajectory) {
    ASSERT_TRUE(TrajectoryService(*ctx_).AddConsent(practitioner_, trajectory,
                                                    {"informed", "Informatie v1", "typed", "Anna de Vries", false}));
  }

  TreatmentSessionInput Record() {
    TreatmentSessionInput in;
    in.record.body_areas = {"voorhoofd", "wangen"};
    in.record.products = {{ProductKind::kProduct, "Dermapen cartridge 12", "LOT-2026-0042"}};
    in.record.device_name = "Dermapen 4";
    in.record.device_settings = "0,5 mm";
    in.record.particulars = "Lichte roodheid";
    in.record.result = "Goed";
    in.record.evaluation = "Na 4 weken";
    in.record.attention_points = "Gevoelige huid";
    in.record.aftercare_advice = "SPF 50";
    return in;
  }

  TreatmentSessionService Sessions() { return TreatmentSessionService(*ctx_); }

};

TEST_P(SessionServiceTest, RTrj2RecordIsKeptSealedAndReadBack) {
  RecordProperty("rule", "R-TRJ-2");
  const auto t = Trajectory("microneedling");
  SignInformedConsent(t);
  auto s = Sessions().Create(practitioner_, t, Record());
  ASSERT_TRUE(s) << s.error().code;
  EXPECT_EQ(s->status, domain::TreatmentSessionStatus::kDraft);
  EXPECT_EQ(s->record.body_areas, (std::vector<std::string>{"voorhoofd", "wangen"}));
  EXPECT_EQ(s->record.products[0].batch, "LOT-2026-0042");
  EXPECT_EQ(s->type.type.key, "microneedling");
  auto back = Sessions().Get(Actor(Role::kAuditor, {}), s->id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->record.aftercare_advice, "SPF 50");
  EXPECT_EQ(Sessions().Get(Actor(Role::kAssistant, {amsterdam_}), s->id).error().code, "forbidden");
  EXPECT_EQ(Sessions().Get(Actor(Role::kPractitioner, {utrecht_}), s->id).error().code, "not_found");
  auto bad = Record();
  bad.record.products[0].name = "";
  EXPECT_EQ(Sessions().Create(practitioner_, t, bad).error().field, "products[0].name");
  EXPECT_EQ(TrajectoryService(*ctx_).Get(practitioner_, t)->sessions.size(), 1u);
}

TEST_P(SessionServiceTest, RDos3SignedRecordsAreAppendOnly) {
  RecordProperty("rule", "R-DOS-3");
  const auto t = Trajectory("microneedling");
  SignInformedConsent(t);
  auto s = Sessions().Create(practitioner_, t, Record());
  ASSERT_TRUE(s);
  auto edited = Record();
  edited.record.result = "Zeer goed";
  ASSERT_TRUE(Sessions().Update(practitioner_, s->id, edited));  // a draft may change
  EXPECT_EQ(Sessions().AddAddendum(practitioner_, s->id, "x", "y").error().code, "session_draft");
  auto signed_session = Sessions().Sign(practitioner_, s->id);
  ASSERT_TRUE(signed_session) << signed_session.error().code;
  EXPECT_EQ(signed_session->status, domain::TreatmentSessionStatus::kSigned);
  EXPECT_EQ(signed_session->signed_by, practitioner_.user);
  edited.record.result = "Anders";
  EXPECT_EQ(Sessions().Update(practitioner_, s->id, edited).error().code, "session_signed");
  EXPECT_EQ(Sessions().Sign(practitioner_, s->id).error().code, "session_signed");
  clock_.Advance(2h);
  auto corrected = Sessions().AddAddendum(practitioner_, s->id, "Verkeerde diepte genoteerd", "Diepte was 0,75 mm");
  ASSERT_TRUE(corrected);
  ASSERT_EQ(corrected->addenda.size(), 1u);
  EXPECT_EQ(corrected->addenda[0].reason, "Verkeerde diepte genoteerd");
  EXPECT_EQ(corrected->addenda[0].author, practitioner_.user);
  EXPECT_EQ(corrected->record.result, "Zeer goed");  // the original stays readable
  EXPECT_EQ(corrected->record.device_settings, "0,5 mm");
}

TEST_P(SessionServiceTest, RConsent4AndRDos1RefuseTheSessionWithTheRule) {
  RecordProperty("rule", "R-CONSENT-4");
  RecordProperty("rule2", "R-DOS-1");
  const auto t = Trajectory("microneedling");
  auto refused = Sessions().Create(practitioner_, t, Record());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "consent_missing");
  EXPECT_EQ(refused.error().rule, "R-CONSENT-4");
  SignInformedConsent(t);
  ASSERT_TRUE(Sessions().Create(practitioner_, t, Record()));
  domain::ClientChanges refuse;
  refuse.records_consent = std::optional<std::string>("refused");
  ASSERT_TRUE(ClientService(*ctx_).Update(practitioner_, client_, refuse));
  EXPECT_EQ(Sessions().Create(practitioner_, t, Record()).error().code, "records_refused");
}

TEST_P(SessionServiceTest, RStaff2OnlyAPractitionerQualifiedOnTheSessionsDaySigns) {
  RecordProperty("rule", "R-STAFF-2");
  const auto t = Trajectory("microneedling");  // needs beauty_specialist
  SignInformedConsent(t);
  const auto newcomer = Actor(Role::kPractitioner, {amsterdam_});
  auto s = Sessions().Create(newcomer, t, Record());
  ASSERT_TRUE(s) << "a draft needs no qualification";
  auto refused = Sessions().Sign(newcomer, s->id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "qualification_missing");
  EXPECT_EQ(refused.error().rule, "R-STAFF-2");
  ASSERT_EQ(refused.error().extra.size(), 1u);
  EXPECT_EQ(std::get<std::string>(refused.error().extra[0].second), "beauty_specialist");
  // Held, but only from tomorrow (the session is today, 23 November): still refused.
  Qualify(newcomer, {"beauty_specialist"}, "2026-11-24");
  EXPECT_EQ(Sessions().Sign(newcomer, s->id).error().code, "qualification_missing");
  // Another code does not help; one valid on the day does.
  Qualify(newcomer, {"pmu_licence"});
  EXPECT_EQ(Sessions().Sign(newcomer, s->id).error().code, "qualification_missing");
  Qualify(newcomer, {"beauty_specialist"}, "2020-01-01", "2026-11-23");
  auto signed_ = Sessions().Sign(newcomer, s->id);
  ASSERT_TRUE(signed_) << signed_.error().code;
  EXPECT_EQ(signed_->signed_by, newcomer.user);
}

TEST_P(SessionServiceTest, RConsent3CosmeticSessionNeedsTheConfirmationOfTheDay) {
  RecordProperty("rule", "R-CONSENT-3");
  const auto t = Trajectory("botulinum_toxin");
  TrajectoryService trajectories(*ctx_);
  ASSERT_TRUE(trajectories.RecordConsult(practitioner_, t, {"2026-11-23T09:00:00+01:00", "v1", "Botox"}));
  ASSERT_TRUE(trajectories.RecordDecision(practitioner_, t, std::nullopt));
  EXPECT_EQ(Sessions().Create(practitioner_, t, Record()).error().code, "confirmation_missing");
  ASSERT_TRUE(trajectories.AddConsent(practitioner_, t, {"confirmation", "Bevestiging", "typed", "Anna de Vries", false}));
  EXPECT_TRUE(Sessions().Create(practitioner_, t, Record()));
}

TEST_P(SessionServiceTest, RTrj2PermanentMakeUpNeedsPigmentAndNeedleBatches) {
  RecordProperty("rule", "R-TRJ-2");
  const auto t = Trajectory("pmu_brows");
  SignInformedConsent(t);
  auto s = Sessions().Create(practitioner_, t, Record());
  ASSERT_TRUE(s);
  auto missing = Sessions().Sign(practitioner_, s->id);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "batch_missing");
  auto full = Record();
  full.record.products = {{ProductKind::kPigment, "Brow Brown", "PG-77"}, {ProductKind::kNeedle, "1RL 0.30", "ND-5"}};
  ASSERT_TRUE(Sessions().Update(practitioner_, s->id, full));
  EXPECT_TRUE(Sessions().Sign(practitioner_, s->id));
}

TEST_P(SessionServiceTest, RTrj4RecallFindsEverySessionWithTheBatchOrDevice) {
  RecordProperty("rule", "R-TRJ-4");
  const auto t = Trajectory("microneedling");
  SignInformedConsent(t);
  ASSERT_TRUE(Sessions().Create(practitioner_, t, Record()));
  clock_.Advance(24h * 7);
  auto other = Record();
  other.record.products = {{ProductKind::kProduct, "Serum", "S-1"}};
  other.record.device_name = "Dermapen 4";
  ASSERT_TRUE(Sessions().Create(practitioner_, t, other));
  auto by_batch = Sessions().Recall(practitioner_, std::string("lot 2026 0042"), std::nullopt);
  ASSERT_TRUE(by_batch);
  ASSERT_EQ(by_batch->size(), 1u);
  EXPECT_EQ((*by_batch)[0].client_name, "Anna de Vries");
  EXPECT_EQ((*by_batch)[0].batch, "LOT-2026-0042");
  auto by_device = Sessions().Recall(Actor(Role::kQuality, {}), std::nullopt, std::string("dermapen 4"));
  ASSERT_TRUE(by_device);
  EXPECT_EQ(by_device->size(), 2u);
  EXPECT_EQ(Sessions().Recall(Actor(Role::kAssistant, {amsterdam_}), std::string("S-1"), std::nullopt).error().code,
            "forbidden");
  EXPECT_EQ(Sessions().Recall(practitioner_, std::string(" - "), std::nullopt).error().code, "required");
}

INSTANTIATE_TEST_SUITE_P(Engines, SessionServiceTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::service
