#pragma once
// A practice with two locations, staff of any role and one client, on either engine, with a
// FakeClock: the start of the dossier service tests.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/fake_clock.hpp"
#include "crypto/crypto.hpp"
#include "service/client_service.hpp"
#include "service/intake_service.hpp"
#include "service/qualification_service.hpp"
#include "service/setup_service.hpp"
#include "testing/engines.hpp"

namespace huidig::service {

class DossierTest : public ::testing::TestWithParam<std::string> {
 protected:
  explicit DossierTest(const char* start)
      : clock_(*ParseRfc3339(start)),
        master_(crypto::MasterKey::FromKey(crypto::Key::Random())),
        hasher_({19, 2}) {}

  void SetUp() override {
    t_ = testing::OpenTestDatabase(GetParam());
    ctx_.emplace(Context{*t_->db, clock_, master_, hasher_, audit_, {}});
    auto created = SetupService(*ctx_).CreatePractice({"Kliniek", true, {"Amsterdam", "Utrecht"}});
    ASSERT_TRUE(created);
    practice_ = created->first.id;
    amsterdam_ = created->second[0].id;
    utrecht_ = created->second[1].id;
    practitioner_ = Actor(domain::Role::kPractitioner, {amsterdam_});
    // R-STAFF-2: qualified for every type of the shipped catalogue since 2010.
    Qualify(practitioner_, {"beauty_specialist", "ipl_laser_certificate", "electrolysis_certificate",
                            "pmu_licence", "physician", "surgeon"});
    domain::ClientChanges ch;
    ch.given_name = "Anna";
    ch.name_prefix = std::optional<std::string>("de");
    ch.family_name = "Vries";
    ch.date_of_birth = "1985-04-12";
    ch.location = amsterdam_.value;
    ch.records_consent = std::optional<std::string>("given");
    auto client = ClientService(*ctx_).Create(practitioner_, ch);
    ASSERT_TRUE(client);
    client_ = client->client.id.value;
    ASSERT_TRUE(IntakeService(*ctx_).Add(practitioner_, client_, {"geen", "", "nee", "", "", ""}));
  }

  // A staff member of the practice acting now (all locations when none are given).
  domain::Actor Actor(domain::Role role, std::vector<LocationId> locations) {
    NewStaff s;
    s.email = "staff" + std::to_string(++staff_count_) + "@kliniek.nl";
    s.role = role;
    s.all_locations = locations.empty();
    s.locations = locations;
    s.must_change_password = false;
    auto staff = SetupService(*ctx_).CreateStaff(practice_, s);
    domain::Actor a;
    a.user = staff->id;
    a.practice = practice_;
    a.role = role;
    a.all_locations = locations.empty();
    a.locations = std::move(locations);
    a.remote_addr = "127.0.0.1";
    return a;
  }

  // Records a qualification of `who` covering `codes`, valid from `from` (an owner adds it).
  void Qualify(const domain::Actor& who, std::vector<std::string> codes, std::string from = "2010-01-01",
               std::optional<std::string> until = std::nullopt) {
    if (!owner_) owner_ = Actor(domain::Role::kOwner, {});
    auto added = QualificationService(*ctx_).Add(*owner_, who.user,
                                                 {"certificate", "Bevoegdheid", std::move(codes), std::nullopt,
                                                  std::move(from), std::move(until)});
    ASSERT_TRUE(added) << added.error().code << " " << added.error().field;
  }

  FakeClock clock_;
  crypto::MasterKey master_;
  crypto::PasswordHasher hasher_;
  audit::AuditLog audit_{crypto::Key::Random()};
  std::unique_ptr<testing::TestDatabase> t_;
  std::optional<Context> ctx_;
  PracticeId practice_;
  LocationId amsterdam_, utrecht_;
  domain::Actor practitioner_;
  std::optional<domain::Actor> owner_;
  std::string client_;

 private:
  int staff_count_ = 0;
};

}  // namespace huidig::service
