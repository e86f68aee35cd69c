// Service tests: use cases end to end on both engines, with a FakeClock.
#include <gtest/gtest.h>

#include "common/fake_clock.hpp"
#include "crypto/crypto.hpp"
#include "crypto/totp.hpp"
#include "service/auth_service.hpp"
#include "service/catalogue_service.hpp"
#include "service/practice_service.hpp"
#include "service/client_service.hpp"
#include "service/intake_service.hpp"
#include "service/setup_service.hpp"
#include "store/audit_repo.hpp"
#include "store/intake_repo.hpp"
#include "testing/engines.hpp"
#include "service/service_test_fixture.hpp"

namespace huidig::service {
namespace {

TEST_P(ServiceTest, RSec2EveryRoleAgainstEveryClientUseCase) {
  RecordProperty("rule", "R-SEC-2");
  const auto owner = ActorFor(Staff(Role::kOwner, {}));
  const auto practitioner = ActorFor(Staff(Role::kPractitioner, {amsterdam_}));
  const auto assistant = ActorFor(Staff(Role::kAssistant, {amsterdam_}));
  const auto quality = ActorFor(Staff(Role::kQuality, {}));
  const auto auditor = ActorFor(Staff(Role::kAuditor, {}));

  auto in_amsterdam = Clients().Create(owner, NewClient("Vries", amsterdam_.value));
  auto in_utrecht = Clients().Create(owner, NewClient("Bakker", utrecht_.value));
  ASSERT_TRUE(in_amsterdam);
  ASSERT_TRUE(in_utrecht);
  const auto a = in_amsterdam->client.id.value, u = in_utrecht->client.id.value;
  const auto unknown = crypto::NewUuidV4();
  domain::ClientChanges phone;
  phone.phone = std::optional<std::string>("06 12345678");

  // Practitioner: own location only; the other location looks like an unknown id.
  EXPECT_TRUE(Clients().Get(practitioner, a));
  EXPECT_EQ(Clients().Get(practitioner, u).error().code, "not_found");
  EXPECT_EQ(Clients().Get(practitioner, unknown).error().code, "not_found");
  EXPECT_EQ(Clients().Update(practitioner, u, phone).error().code, "not_found");
  EXPECT_EQ(Clients().Search(practitioner, {})->size(), 1u);
  EXPECT_EQ(Clients().Create(practitioner, NewClient("X", utrecht_.value)).error().field, "location");
  EXPECT_TRUE(Clients().Create(practitioner, NewClient("Jansen", std::nullopt)));  // own location
  // Assistant: identity and contact only.
  auto seen = Clients().Get(assistant, a);
  ASSERT_TRUE(seen);
  EXPECT_FALSE(seen->dossier);
  EXPECT_TRUE(Clients().Update(assistant, a, phone));
  domain::ClientChanges consent;
  consent.records_consent = std::optional<std::string>("refused");
  EXPECT_EQ(Clients().Update(assistant, a, consent).error().code, "field_not_allowed");
  EXPECT_TRUE(Clients().Update(practitioner, a, consent));
  // Quality officer: no list, no create or change, and no client unless linked to a case.
  EXPECT_EQ(Clients().Search(quality, {}).error().code, "forbidden");
  EXPECT_EQ(Clients().Create(quality, NewClient("Q", std::nullopt)).error().code, "forbidden");
  EXPECT_EQ(Clients().Get(quality, a).error().code, "not_found");
  EXPECT_EQ(Clients().Update(quality, a, phone).error().code, "forbidden");
  // Auditor: reads everything, changes nothing.
  EXPECT_TRUE(Clients().Get(auditor, u));
  EXPECT_EQ(Clients().Search(auditor, {})->size(), 3u);
  EXPECT_EQ(Clients().Update(auditor, a, phone).error().code, "forbidden");
  EXPECT_EQ(Clients().Create(auditor, NewClient("A", utrecht_.value)).error().code, "forbidden");
  // Owner: everything.
  EXPECT_TRUE(Clients().Update(owner, u, phone));
}

TEST_P(ServiceTest, RAud1ReadsChangesAndRefusalsAreLoggedWithoutPersonalData) {
  RecordProperty("rule", "R-AUD-1");
  RecordProperty("rule2", "R-AUD-3");
  const auto owner = ActorFor(Staff(Role::kOwner, {}));
  const auto practitioner = ActorFor(Staff(Role::kPractitioner, {amsterdam_}));
  auto c = Clients().Create(owner, NewClient("Vries", utrecht_.value));
  ASSERT_TRUE(c);
  const auto before = AuditRows().size();
  ASSERT_TRUE(Clients().Get(owner, c->client.id.value));
  ASSERT_FALSE(Clients().Get(practitioner, c->client.id.value));
  ASSERT_TRUE(Clients().Search(owner, {"Vries", std::nullopt}));
  const auto rows = AuditRows();
  ASSERT_EQ(rows.size(), before + 3);
  const auto& read = rows[before];
  EXPECT_EQ(read.action, "read");
  EXPECT_EQ(read.client_id, c->client.id.value);
  EXPECT_EQ(read.outcome, "allowed");
  EXPECT_EQ(read.actor_role, "owner");
  EXPECT_EQ(rows[before + 1].outcome, "refused");
  EXPECT_EQ(rows[before + 1].actor_role, "practitioner");
  EXPECT_EQ(rows[before + 2].action, "search");
  for (const auto& r : rows) {
    for (const auto* field : {&r.action, &r.object_type, &r.actor_id, &r.remote_addr})
      EXPECT_EQ(field->find("Vries"), std::string::npos);
    EXPECT_EQ(r.object_id.value_or("").find("Vries"), std::string::npos);
    EXPECT_EQ(r.object_id.value_or("").find("1985"), std::string::npos);
  }
  const auto verify = t_->db->Read([&](store::Tx& tx) { return audit_.Verify(tx, practice_); });
  EXPECT_TRUE(verify.intact) << verify.reason;
}

TEST_P(ServiceTest, RSec4InvalidClientWritesNothing) {
  RecordProperty("rule", "R-SEC-4");
  const auto owner = ActorFor(Staff(Role::kOwner, {}));
  auto bad = NewClient("Vries", amsterdam_.value);
  bad.date_of_birth = "1985-13-01";
  const auto before = AuditRows().size();
  auto r = Clients().Create(owner, bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "date_of_birth");
  EXPECT_EQ(Clients().Search(owner, {})->size(), 0u);
  auto no_location = NewClient("Vries", std::nullopt);  // two locations: must say which
  EXPECT_EQ(Clients().Create(owner, no_location).error().field, "location");
  EXPECT_EQ(AuditRows().size(), before + 1);  // only the search
}

TEST_P(ServiceTest, RSec1OwnerTurnsMandatoryTotpOff) {
  RecordProperty("rule", "R-SEC-1");
  const auto owner_staff = Staff(Role::kOwner, {});
  auto login = Auth().Login({owner_staff.email, owner_staff.password, std::nullopt, "x"});
  ASSERT_TRUE(login);
  EXPECT_TRUE(login->me.totp_enrolment_required);
  auto caller = *Auth().Authenticate(login->session_token, "x");
  auto changed = PracticeService(*ctx_).UpdateSettings(caller.actor, {false, std::nullopt});
  ASSERT_TRUE(changed);
  EXPECT_FALSE(changed->totp_required);
  EXPECT_FALSE(Auth().GetMe(caller)->totp_enrolment_required);
}

TEST_P(ServiceTest, RCatShippedCatalogueAndVersionedEdits) {
  RecordProperty("rule", "R-CAT");
  CatalogueService catalogue(*ctx_);
  const auto owner = ActorFor(Staff(Role::kOwner, {}));
  const auto assistant = ActorFor(Staff(Role::kAssistant, {amsterdam_}));
  auto all = catalogue.List(assistant);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), domain::ShippedCatalogue().size());

  TreatmentTypeChanges peel;
  peel.name_nl = "Chemische peeling (TCA 15%)";
  EXPECT_EQ(catalogue.Update(assistant, "chemical_peel", peel).error().code, "forbidden");
  auto v2 = catalogue.Update(owner, "chemical_peel", peel);
  ASSERT_TRUE(v2);
  EXPECT_EQ(v2->type.version, 2);
  EXPECT_EQ(v2->type.name_en, "Chemical peel");  // unchanged fields carried over
  // The first version stays as it was, for the sessions that used it.
  store::CatalogueRepo repo;
  const auto v1 = t_->db->Read([&](store::Tx& tx) { return repo.Find(tx, practice_, "chemical_peel", 1); });
  ASSERT_TRUE(v1);
  EXPECT_EQ(v1->type.name_nl, "Chemische peeling");
  EXPECT_EQ(catalogue.List(owner)->size(), domain::ShippedCatalogue().size());

  TreatmentTypeChanges own;
  own.key = "lash_lift";
  own.regime = "wkkgz";
  own.name_nl = "Wimperlift";
  own.name_en = "Lash lift";
  own.visible_results = true;
  auto created = catalogue.Create(owner, own);
  ASSERT_TRUE(created) << created.error().code;
  EXPECT_EQ(catalogue.Create(owner, own).error().code, "key_taken");
  own.key = "bad_category";
  own.category = 2;  // only cosmetic types have a category
  EXPECT_EQ(catalogue.Create(owner, own).error().field, "category");
}

TEST_P(ServiceTest, RConsent2PracticeReflectionPeriodsLongerNeverShorter) {
  RecordProperty("rule", "R-CONSENT-2");
  CatalogueService catalogue(*ctx_);
  PracticeService practice(*ctx_);
  const auto owner = ActorFor(Staff(Role::kOwner, {}));
  EXPECT_EQ(catalogue.Reflection(owner)->days, (std::array<int, 3>{0, 1, 7}));
  auto longer = practice.UpdateSettings(owner, {std::nullopt, std::array<int, 3>{1, 2, 14}});
  ASSERT_TRUE(longer);
  EXPECT_EQ(longer->reflection_days, (std::array<int, 3>{1, 2, 14}));
  EXPECT_EQ(catalogue.Reflection(owner)->days, (std::array<int, 3>{1, 2, 14}));
  auto shorter = practice.UpdateSettings(owner, {std::nullopt, std::array<int, 3>{0, 0, 7}});
  ASSERT_FALSE(shorter);
  EXPECT_EQ(shorter.error().code, "shorter_than_law");
  EXPECT_EQ(shorter.error().field, "reflection_days");
  EXPECT_EQ(catalogue.Reflection(owner)->days, (std::array<int, 3>{1, 2, 14}));
  // One change, one transaction: a refused period leaves the second factor as it was too.
  ASSERT_TRUE(practice.UpdateSettings(owner, {true, std::nullopt}));
  ASSERT_FALSE(practice.UpdateSettings(owner, {false, std::array<int, 3>{0, 0, 7}}));
  auto after = practice.UpdateSettings(owner, {std::nullopt, std::array<int, 3>{1, 2, 14}});
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->totp_required) << "the refused change turned the second factor off";
  auto both = practice.UpdateSettings(owner, {false, std::array<int, 3>{2, 3, 21}});
  ASSERT_TRUE(both);
  EXPECT_FALSE(both->totp_required);
  EXPECT_EQ(both->reflection_days, (std::array<int, 3>{2, 3, 21}));
  EXPECT_EQ(practice.UpdateSettings(owner, {}).error().code, "required");
  const auto practitioner = ActorFor(Staff(Role::kPractitioner, {amsterdam_}));
  EXPECT_EQ(practice.UpdateSettings(practitioner, {std::nullopt, std::array<int, 3>{1, 2, 14}}).error().code,
            "forbidden");
}

TEST_P(ServiceTest, RDosIntakeIsVersionedSealedAndAudited) {
  RecordProperty("rule", "R-DOS");
  RecordProperty("rule2", "R-SEC-3");
  IntakeService intake(*ctx_);
  const auto owner = ActorFor(Staff(Role::kOwner, {}));
  const auto practitioner = ActorFor(Staff(Role::kPractitioner, {amsterdam_}));
  const auto utrecht = ActorFor(Staff(Role::kPractitioner, {utrecht_}));
  const auto assistant = ActorFor(Staff(Role::kAssistant, {amsterdam_}));
  const auto auditor = ActorFor(Staff(Role::kAuditor, {}));
  auto c = Clients().Create(owner, NewClient("Vries", amsterdam_.value));
  ASSERT_TRUE(c);
  const auto id = c->client.id.value;

  EXPECT_TRUE(intake.History(practitioner, id)->versions.empty());
  domain::IntakeAnswers first{"Nikkelallergie", "", "nee", "", "", ""};
  ASSERT_TRUE(intake.Add(practitioner, id, first));
  clock_.Advance(std::chrono::hours(24));
  domain::IntakeAnswers second = first;
  second.medication = "Isotretinoïne sinds oktober";
  auto v2 = intake.Add(practitioner, id, second);
  ASSERT_TRUE(v2);
  EXPECT_EQ(v2->version, 2);

  auto history = intake.History(auditor, id);  // the inspector reads, never writes
  ASSERT_TRUE(history);
  ASSERT_EQ(history->versions.size(), 2u);
  EXPECT_EQ(history->versions[0].answers.medication, "");  // the old version stays readable
  EXPECT_EQ(history->versions[1].answers.medication, "Isotretinoïne sinds oktober");
  EXPECT_EQ(history->versions[1].author, practitioner.user);
  EXPECT_EQ(intake.Add(auditor, id, second).error().code, "forbidden");
  EXPECT_EQ(intake.History(assistant, id).error().code, "forbidden");  // no health data at the desk
  EXPECT_EQ(intake.History(utrecht, id).error().code, "not_found");
  EXPECT_EQ(intake.Add(utrecht, id, second).error().code, "not_found");
  auto too_long = second;
  too_long.notes = std::string(5000, 'x');
  EXPECT_EQ(intake.Add(practitioner, id, too_long).error().field, "notes");

  // At rest the answers are sealed: the database holds no plain text of them.
  const auto rows = t_->db->Read([&](store::Tx& tx) {
    return store::IntakeRepo().All(tx, practice_, ClientId{id});
  });
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& r : rows) {
    EXPECT_EQ(r.answers_sealed.find("Nikkel"), std::string::npos);
    EXPECT_EQ(r.answers_sealed.rfind("s1.", 0), 0u);
  }
  const auto audit_rows = AuditRows();
  for (const auto& r : audit_rows) EXPECT_EQ(r.object_id.value_or("").find("Nikkel"), std::string::npos);

  // Crypto-shredding: with the client's key destroyed, nothing of the intake can be read.
  t_->db->Write([&](store::Tx& tx) { store::ClientKeyRepo().Destroy(tx, ClientId{id}, clock_.Now()); });
  EXPECT_EQ(intake.History(owner, id).error().code, "client_key_destroyed");
}

TEST_P(ServiceTest, RSec3DestroyingAClientKeyMakesItsSealedDataUnreadable) {
  RecordProperty("rule", "R-SEC-3");
  const auto owner = ActorFor(Staff(Role::kOwner, {}));
  auto c = Clients().Create(owner, NewClient("Vries", amsterdam_.value));
  ASSERT_TRUE(c);
  const std::string id = c->client.id.value;
  IntakeService intake(*ctx_);
  ASSERT_TRUE(intake.Add(owner, id, {"Nikkel", "", "nee", "", "", ""}));
  auto before = intake.History(owner, id);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->versions.at(0).answers.allergies, "Nikkel");
  const auto sealed = t_->db->Read([&](store::Tx& tx) {
    return store::IntakeRepo().All(tx, practice_, ClientId{id}).at(0).answers_sealed;
  });

  t_->db->Write([&](store::Tx& tx) { store::ClientKeyRepo().Destroy(tx, ClientId{id}, clock_.Now()); });
  // The same client's data, through the service and with what the database still holds.
  EXPECT_EQ(intake.History(owner, id).error().code, "client_key_destroyed");
  EXPECT_FALSE(t_->db->Read([&](store::Tx& tx) { return store::ClientKeyRepo().Wrapped(tx, ClientId{id}); }));
  const auto still = t_->db->Read([&](store::Tx& tx) {
    return store::IntakeRepo().All(tx, practice_, ClientId{id}).at(0).answers_sealed;
  });
  EXPECT_EQ(still, sealed);  // the record stays, unreadable
  EXPECT_EQ(still.find("Nikkel"), std::string::npos);
  // Another client's key, which the master key still opens, does not open it either.
  auto other = Clients().Create(owner, NewClient("Bakker", amsterdam_.value));
  const auto other_key = master_.UnwrapClientKey(
      other->client.id, *t_->db->Read([&](store::Tx& tx) { return store::ClientKeyRepo().Wrapped(tx, other->client.id); }));
  ASSERT_TRUE(other_key);
  EXPECT_FALSE(crypto::Open(*other_key, still, "intake:" + id + ":1"));
  EXPECT_TRUE(intake.History(owner, other->client.id.value));
}

INSTANTIATE_TEST_SUITE_P(Engines, ServiceTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::service
