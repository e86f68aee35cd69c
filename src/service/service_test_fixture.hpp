#pragma once
// The start of the service tests: a practice with two locations on either engine, staff of
// any role, and a FakeClock.
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
#include "testing/engines.hpp"


namespace huidig::service {

using namespace std::chrono_literals;
using domain::Role;

class ServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  ServiceTest()
      : clock_(*ParseRfc3339("2026-11-23T09:00:00Z")),
        master_(crypto::MasterKey::FromKey(crypto::Key::Random())),
        hasher_({19, 2}) {}

  void SetUp() override {
    t_ = testing::OpenTestDatabase(GetParam());
    Settings settings;
    settings.login = {3, 5, 15min, 60s};
    ctx_.emplace(Context{*t_->db, clock_, master_, hasher_, audit_, settings});
    auto created = Admin().CreatePractice({"Salon Zoë", true, {"Amsterdam", "Utrecht"}});
    ASSERT_TRUE(created);
    practice_ = created->first.id;
    amsterdam_ = created->second[0].id;
    utrecht_ = created->second[1].id;
  }

  SetupService Admin() { return SetupService(*ctx_); }
  AuthService Auth() { return AuthService(*ctx_); }
  ClientService Clients() { return ClientService(*ctx_); }

  CreatedStaff Staff(Role role, std::vector<LocationId> locations, bool must_change = false) {
    NewStaff s;
    s.email = std::string(domain::RoleName(role)) + std::to_string(++n_) + "@salon.nl";
    s.role = role;
    s.all_locations = locations.empty();
    s.locations = locations;
    s.must_change_password = must_change;
    return *Admin().CreateStaff(practice_, s);
  }

  domain::Actor ActorFor(const CreatedStaff& s) {
    auto r = Auth().Login({s.email, s.password, std::nullopt, "127.0.0.1"});
    EXPECT_TRUE(r) << r.error().code;
    auto c = Auth().Authenticate(r->session_token, "127.0.0.1");
    EXPECT_TRUE(c);
    return c->actor;
  }

  domain::ClientChanges NewClient(std::string family, std::optional<std::string> location) {
    domain::ClientChanges ch;
    ch.given_name = "Anna";
    ch.family_name = family;
    ch.date_of_birth = "1985-04-12";
    ch.location = location;
    return ch;
  }

  std::vector<store::AuditRow> AuditRows() {
    std::vector<store::AuditRow> rows;
    t_->db->Read([&](store::Tx& tx) {
      store::AuditRepo().Scan(tx, practice_.value, [&](const store::AuditRow& r) { rows.push_back(r); });
    });
    return rows;
  }

  FakeClock clock_;
  crypto::MasterKey master_;
  crypto::PasswordHasher hasher_;
  audit::AuditLog audit_{master_.Derive(audit::AuditLog::kChainKeyPurpose)};
  std::unique_ptr<testing::TestDatabase> t_;
  std::optional<Context> ctx_;
  PracticeId practice_;
  LocationId amsterdam_, utrecht_;
  int n_ = 0;
};

}  // namespace huidig::service
