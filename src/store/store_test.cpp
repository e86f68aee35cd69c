// Store tests: every test runs on SQLite and on a real PostgreSQL server.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <atomic>
#include <thread>

#include "crypto/crypto.hpp"
#include "store/client_repo.hpp"
#include "store/qualification_repo.hpp"
#include "store/staff_repo.hpp"
#include "testing/engines.hpp"

namespace huidig::store {
namespace {

using namespace std::chrono_literals;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = testing::OpenTestDatabase(GetParam());
    db().Write([&](Tx& tx) {
      practices_.Insert(tx, {practice_, "Salon Zoë", true, now_});
      practices_.InsertLocation(tx, {loc_a_, practice_, "Amsterdam"}, now_);
      practices_.InsertLocation(tx, {loc_b_, practice_, "Utrecht"}, now_);
    });
  }
  Database& db() { return *t_->db; }

  domain::Client MakeClient(std::string given, std::optional<std::string> prefix,
                            std::string family, LocationId loc, std::string dob = "1980-01-02",
                            std::optional<std::string> phone = std::nullopt) {
    domain::Client c;
    c.id = ClientId{crypto::NewUuidV4()};
    c.practice = practice_;
    c.location = loc;
    c.given_name = given;
    c.name_prefix = prefix;
    c.family_name = family;
    c.date_of_birth = *domain::ParseIsoDate(dob);
    c.phone = phone;
    c.created_at = c.updated_at = now_;
    return c;
  }

  std::unique_ptr<testing::TestDatabase> t_;
  PracticeRepo practices_;
  ClientRepo clients_;
  PracticeId practice_{crypto::NewUuidV4()};
  LocationId loc_a_{crypto::NewUuidV4()}, loc_b_{crypto::NewUuidV4()};
  Instant now_ = FromMicros(1'795'000'000'000'000);
};

TEST_P(StoreTest, MigrationsAppliedAndReopenIsIdempotent) {
  EXPECT_EQ(db().SchemaVersion(), Database::LatestSchemaVersion());
  t_->db.reset();
  t_->db = Database::Open(t_->options, t_->clock);
  EXPECT_EQ(db().SchemaVersion(), Database::LatestSchemaVersion());
  auto p = db().Read([&](Tx& tx) { return practices_.Find(tx, practice_); });
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Salon Zoë");
}

TEST_P(StoreTest, RefusesToStartOnASchemaNewerThanTheBinary) {
  t_->db.reset();
  testing::ExecRaw(*t_, "INSERT INTO schema_migrations (version, name, applied_at_us) VALUES (9999, 'future', 0)");
  EXPECT_THROW(Database::Open(t_->options, t_->clock), SchemaTooNew);
}

TEST_P(StoreTest, RDos4ClientRoundTripsEveryField) {
  RecordProperty("rule", "R-DOS-4");
  auto c = MakeClient("Zoë", "van 't", "Hoff", loc_a_, "1985-04-12", "06 12345678");
  c.email = "zoe@example.nl";
  c.records_consent = domain::RecordsConsent::kRefused;
  c.photo_preference = domain::PhotoPreference::kOwn;
  db().Write([&](Tx& tx) { clients_.Insert(tx, c); });
  auto back = db().Read([&](Tx& tx) { return clients_.Find(tx, practice_, c.id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->given_name, "Zoë");
  EXPECT_EQ(back->name_prefix, "van 't");
  EXPECT_EQ(domain::FormatDate(back->date_of_birth), "1985-04-12");
  EXPECT_EQ(back->phone, "06 12345678");
  EXPECT_EQ(back->email, "zoe@example.nl");
  EXPECT_EQ(back->records_consent, domain::RecordsConsent::kRefused);
  EXPECT_EQ(back->photo_preference, domain::PhotoPreference::kOwn);
  EXPECT_EQ(back->location, loc_a_);
  // Another practice does not see it.
  EXPECT_FALSE(db().Read([&](Tx& tx) { return clients_.Find(tx, PracticeId{"other"}, c.id); }));
}

TEST_P(StoreTest, SearchSortsTheDutchWayAndFilters) {
  db().Write([&](Tx& tx) {
    clients_.Insert(tx, MakeClient("Anna", "de", "Vries", loc_a_, "1985-04-12", "06-11112222"));
    clients_.Insert(tx, MakeClient("Bram", std::nullopt, "Visser", loc_a_));
    clients_.Insert(tx, MakeClient("Cas", "van den", "Berg", loc_b_));
    clients_.Insert(tx, MakeClient("Dirk", std::nullopt, "Willems", loc_a_));
    clients_.Insert(tx, MakeClient("Émile", std::nullopt, "Vos", loc_b_));
  });
  auto names = [&](ClientFilter f) {
    return db().Read([&](Tx& tx) {
      std::vector<std::string> out;
      for (auto& c : clients_.Search(tx, practice_, f)) out.push_back(c.family_name);
      return out;
    });
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names({}), (V{"Berg", "Visser", "Vos", "Vries", "Willems"}));
  EXPECT_EQ(names({domain::ParseClientQuery("de vries")}), V{"Vries"});
  EXPECT_EQ(names({domain::ParseClientQuery("emile")}), V{"Vos"});
  // "v" starts "van den Berg" as well: prefixes are searchable.
  EXPECT_EQ(names({domain::ParseClientQuery("v")}), (V{"Berg", "Visser", "Vos", "Vries"}));
  EXPECT_EQ(names({domain::ParseClientQuery("vr")}), V{"Vries"});
  EXPECT_EQ(names({domain::ParseClientQuery("12-04-1985")}), V{"Vries"});
  EXPECT_EQ(names({domain::ParseClientQuery("1111 2222")}), V{"Vries"});
  ClientFilter only_a;
  only_a.within = {loc_a_};
  EXPECT_EQ(names(only_a), (V{"Visser", "Vries", "Willems"}));
  ClientFilter page;
  page.limit = 2;
  page.offset = 1;
  EXPECT_EQ(names(page), (V{"Visser", "Vos"}));
}

TEST_P(StoreTest, SearchIndexFollowsEveryChangeInTheSameTransaction) {
  domain::Client c = MakeClient("Anna", "de", "Vries", loc_a_, "1985-04-12", "06-11112222");
  db().Write([&](Tx& tx) { clients_.Insert(tx, c); });
  auto found = [&](const char* q) {
    return db().Read([&](Tx& tx) { return clients_.Search(tx, practice_, {domain::ParseClientQuery(q)}).size(); });
  };
  EXPECT_EQ(found("vries"), 1u);
  EXPECT_EQ(found("1111222"), 1u);
  // A change that is rolled back leaves the index as it was.
  domain::Client married = c;
  married.name_prefix.reset();
  married.family_name = "Jansen";
  married.phone = "06-33334444";
  EXPECT_FALSE(db().Write([&](Tx& tx) -> Result<void> {
    clients_.Update(tx, married);
    return Fail(Errc::kConflict, "rolled_back");
  }));
  EXPECT_EQ(found("vries"), 1u);
  EXPECT_EQ(found("jansen"), 0u);
  db().Write([&](Tx& tx) { clients_.Update(tx, married); });
  EXPECT_EQ(found("vries"), 0u);
  EXPECT_EQ(found("jansen"), 1u);
  EXPECT_EQ(found("1111222"), 0u);
  EXPECT_EQ(found("33334444"), 1u);
  EXPECT_EQ(found("anna jans"), 1u);
}

TEST_P(StoreTest, RSec4FailedWriteLeavesNothingAndOthersInTheGroupCommit) {
  RecordProperty("rule", "R-SEC-4");
  // Many writers at once share commits; one failing writer takes only its own rows along.
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      try {
        db().Write([&](Tx& tx) {
          clients_.Insert(tx, MakeClient("Klant", std::nullopt, "Nummer" + std::to_string(i), loc_a_));
          if (i % 4 == 0) throw std::runtime_error("fails after its first write");
        });
      } catch (const std::runtime_error&) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 4);
  EXPECT_EQ(db().Read([&](Tx& tx) { return clients_.Count(tx, practice_); }), 12);
  // A Result error rolls back as well.
  auto r = db().Write([&](Tx& tx) -> Result<int> {
    clients_.Insert(tx, MakeClient("Half", std::nullopt, "Geschreven", loc_a_));
    return Invalid("invalid_value", "email");
  });
  EXPECT_FALSE(r);
  EXPECT_EQ(db().Read([&](Tx& tx) { return clients_.Count(tx, practice_); }), 12);
}

TEST_P(StoreTest, RSec3DestroyedClientKeyIsGone) {
  RecordProperty("rule", "R-SEC-3");
  ClientKeyRepo keys;
  const ClientId id{crypto::NewUuidV4()};
  db().Write([&](Tx& tx) { keys.Insert(tx, id, practice_, loc_a_, "s1.wrapped", now_); });
  EXPECT_EQ(db().Read([&](Tx& tx) { return keys.Wrapped(tx, id); }), "s1.wrapped");
  db().Write([&](Tx& tx) { keys.Destroy(tx, id, now_); });
  EXPECT_FALSE(db().Read([&](Tx& tx) { return keys.Wrapped(tx, id); }));
}

TEST_P(StoreTest, UsersSessionsAndLoginFailures) {
  UserRepo users;
  LoginSessionRepo sessions;
  UserRecord u;
  u.id = UserId{crypto::NewUuidV4()};
  u.practice = practice_;
  u.email = "anna@salon.nl";
  u.display_name = "Anna";
  u.role = domain::Role::kPractitioner;
  u.locations = {loc_a_, loc_b_};
  u.password_hash = "$argon2id$x";
  u.created_at = u.updated_at = now_;
  db().Write([&](Tx& tx) { users.Insert(tx, u); });
  auto back = db().Read([&](Tx& tx) { return users.FindByEmail(tx, "anna@salon.nl"); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->role, domain::Role::kPractitioner);
  EXPECT_EQ(back->locations.size(), 2u);
  EXPECT_FALSE(back->totp_secret);
  // The email is unique.
  u.id = UserId{crypto::NewUuidV4()};
  u.locations.clear();
  EXPECT_ANY_THROW(db().Write([&](Tx& tx) { users.Insert(tx, u); }));

  db().Write([&](Tx& tx) { users.SetFailures(tx, "h", {3, now_}); });
  EXPECT_EQ(db().Read([&](Tx& tx) { return users.Failures(tx, "h"); })->failures, 3);
  db().Write([&](Tx& tx) { users.ClearFailures(tx, "h"); });
  EXPECT_FALSE(db().Read([&](Tx& tx) { return users.Failures(tx, "h"); }));

  db().Write([&](Tx& tx) { sessions.Insert(tx, {"tok", back->id, practice_, now_, now_}); });
  db().Write([&](Tx& tx) { sessions.Touch(tx, "tok", now_ + 5min); });
  EXPECT_EQ(db().Read([&](Tx& tx) { return sessions.Find(tx, "tok"); })->last_seen_at, now_ + 5min);
  db().Write([&](Tx& tx) { sessions.DeleteForUser(tx, back->id); });
  EXPECT_FALSE(db().Read([&](Tx& tx) { return sessions.Find(tx, "tok"); }));
}

TEST_P(StoreTest, LocationsAreRenamedClosedAndReopenedAndEveryRowKeepsItsPractice) {
  db().Write([&](Tx& tx) {
    EXPECT_TRUE(practices_.UpdateLocation(tx, {loc_b_, practice_, "Utrecht Centrum", now_}));
    EXPECT_TRUE(practices_.UpdateLocation(tx, {loc_a_, practice_, "Amsterdam", std::nullopt}));
    // Another practice's location is not found by its id alone.
    EXPECT_FALSE(practices_.UpdateLocation(tx, {loc_a_, PracticeId{crypto::NewUuidV4()}, "X", now_}));
  });
  const auto all = db().Read([&](Tx& tx) { return practices_.Locations(tx, practice_); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Amsterdam");
  EXPECT_FALSE(all[0].closed_at);
  EXPECT_EQ(all[1].name, "Utrecht Centrum");
  EXPECT_EQ(all[1].closed_at, now_);
  for (const auto& l : all) EXPECT_EQ(l.practice, practice_) << l.name;
  db().Write([&](Tx& tx) { practices_.UpdateLocation(tx, {loc_b_, practice_, "Utrecht Centrum", std::nullopt}); });
  EXPECT_FALSE(db().Read([&](Tx& tx) { return practices_.Locations(tx, practice_); })[1].closed_at);
}

TEST_P(StoreTest, RStaff3AccessChangesAndASecondFactorReset) {
  UserRepo users;
  UserRecord u;
  u.id = UserId{crypto::NewUuidV4()};
  u.practice = practice_;
  u.email = "bo@salon.nl";
  u.display_name = "Bo";
  u.role = domain::Role::kPractitioner;
  u.locations = {loc_a_, loc_b_};
  u.password_hash = "$argon2id$x";
  u.totp_secret = "sealed-secret";
  u.created_at = u.updated_at = now_;
  db().Write([&](Tx& tx) { users.Insert(tx, u); });

  u.role = domain::Role::kAuditor;
  u.all_locations = true;
  u.locations.clear();
  u.disabled = true;
  u.access_expires_at = now_ + 24h;
  u.updated_at = now_ + 1min;
  EXPECT_TRUE(db().Write([&](Tx& tx) { return users.UpdateAccess(tx, u); }));
  auto back = db().Read([&](Tx& tx) { return users.Find(tx, u.id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->role, domain::Role::kAuditor);
  EXPECT_TRUE(back->all_locations);
  EXPECT_TRUE(back->locations.empty());
  EXPECT_TRUE(back->disabled);
  EXPECT_EQ(back->access_expires_at, now_ + 24h);
  EXPECT_EQ(back->password_hash, "$argon2id$x") << "access changes leave the credentials";
  EXPECT_EQ(back->totp_secret, "sealed-secret");

  u.role = domain::Role::kAssistant;
  u.all_locations = false;
  u.locations = {loc_b_};
  u.disabled = false;
  u.access_expires_at.reset();
  db().Write([&](Tx& tx) { users.UpdateAccess(tx, u); users.ClearTotp(tx, u.id, now_ + 2min); });
  back = db().Read([&](Tx& tx) { return users.Find(tx, u.id); });
  EXPECT_EQ(back->locations, std::vector<LocationId>{loc_b_});
  EXPECT_FALSE(back->disabled);
  EXPECT_FALSE(back->access_expires_at);
  EXPECT_FALSE(back->totp_secret);
  EXPECT_FALSE(back->totp_pending_secret);

  UserRecord nobody = u;
  nobody.id = UserId{crypto::NewUuidV4()};
  EXPECT_FALSE(db().Write([&](Tx& tx) { return users.UpdateAccess(tx, nobody); }));
}

TEST_P(StoreTest, RStaff1QualificationsRoundTripEveryField) {
  UserRepo users;
  QualificationRepo repo;
  UserRecord u;
  u.id = UserId{crypto::NewUuidV4()};
  u.practice = practice_;
  u.email = "arts@salon.nl";
  u.display_name = "Arts";
  u.role = domain::Role::kPractitioner;
  u.all_locations = true;
  u.password_hash = "$argon2id$x";
  u.created_at = u.updated_at = now_;
  db().Write([&](Tx& tx) { users.Insert(tx, u); });
  QualificationRow big{crypto::NewUuidV4(), practice_, u.id, {}, now_, u.id};
  big.q.title = "BIG-registratie arts";
  big.q.kind = domain::QualificationKind::kBigRegistration;
  big.q.covers = {"physician", "surgeon"};
  big.q.big_number = "19012345601";
  big.q.valid_from = *domain::ParseIsoDate("2012-06-01");
  QualificationRow laser{crypto::NewUuidV4(), practice_, u.id, {}, now_, u.id};
  laser.q.title = "Certificaat laser";
  laser.q.kind = domain::QualificationKind::kCertificate;
  laser.q.covers = {"ipl_laser_certificate"};
  laser.q.valid_from = *domain::ParseIsoDate("2022-03-01");
  laser.q.valid_until = *domain::ParseIsoDate("2027-02-28");
  db().Write([&](Tx& tx) { repo.Insert(tx, laser); repo.Insert(tx, big); });
  const auto mine = db().Read([&](Tx& tx) { return repo.ForUser(tx, practice_, u.id); });
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].q.title, "BIG-registratie arts") << "by the day they start";
  EXPECT_EQ(mine[0].q.kind, domain::QualificationKind::kBigRegistration);
  EXPECT_EQ(mine[0].q.covers, (std::vector<std::string>{"physician", "surgeon"}));
  EXPECT_EQ(mine[0].q.big_number, "19012345601");
  EXPECT_FALSE(mine[0].q.valid_until);
  EXPECT_EQ(mine[1].q.valid_until, domain::ParseIsoDate("2027-02-28"));
  EXPECT_FALSE(mine[1].q.big_number);
  EXPECT_EQ(mine[1].user, u.id);
  EXPECT_EQ(mine[1].practice, practice_);
  const auto all = db().Read([&](Tx& tx) { return repo.ForPractice(tx, practice_); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].q.title, "Certificaat laser") << "the one that ends first, open-ended last";
  EXPECT_TRUE(db().Read([&](Tx& tx) { return repo.ForUser(tx, PracticeId{crypto::NewUuidV4()}, u.id); }).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::store
