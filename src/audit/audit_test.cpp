// The audit chain on both engines: appends, verification, and tampering found (R-AUD-2).
#include <gtest/gtest.h>

#include "audit/audit_log.hpp"
#include "crypto/crypto.hpp"
#include "store/staff_repo.hpp"
#include "testing/engines.hpp"

namespace huidig::audit {
namespace {

class AuditLogTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = testing::OpenTestDatabase(GetParam());
    t_->db->Write([&](store::Tx& tx) {
      store::PracticeRepo().Insert(tx, {practice_, "Salon", true, FromMicros(0)});
    });
    actor_.user = UserId{crypto::NewUuidV4()};
    actor_.practice = practice_;
    actor_.role = domain::Role::kPractitioner;
    actor_.remote_addr = "127.0.0.1";
    for (int i = 0; i < 5; ++i) {
      t_->db->Write([&](store::Tx& tx) {
        auto e = Entry::For(actor_, i == 3 ? "update" : "read", "client", FromMicros(1000 + i),
                            i == 2 ? Outcome::kRefused : Outcome::kAllowed);
        e.client = ClientId{"client-" + std::to_string(i)};
        log_.Append(tx, e);
      });
    }
  }
  VerifyReport Verify() {
    return t_->db->Read([&](store::Tx& tx) { return log_.Verify(tx, practice_); });
  }

  std::unique_ptr<testing::TestDatabase> t_;
  PracticeId practice_{crypto::NewUuidV4()};
  domain::Actor actor_;
  AuditLog log_{crypto::Key::Random()};
};

TEST_P(AuditLogTest, RAud2IntactChainVerifies) {
  RecordProperty("rule", "R-AUD-2");
  const auto r = Verify();
  EXPECT_TRUE(r.intact) << r.reason;
  EXPECT_EQ(r.entries, 5);
  EXPECT_EQ(r.head_hash.size(), 64u);
}

TEST_P(AuditLogTest, RAud2ChangedEntryIsFound) {
  RecordProperty("rule", "R-AUD-2");
  testing::ExecRaw(*t_, "UPDATE audit_log SET outcome = 'allowed' WHERE seq = 3");
  const auto r = Verify();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 3);
}

TEST_P(AuditLogTest, RAud2RemovedEntryIsFound) {
  RecordProperty("rule", "R-AUD-2");
  testing::ExecRaw(*t_, "DELETE FROM audit_log WHERE seq = 2");
  const auto r = Verify();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 3);
}

TEST_P(AuditLogTest, RAud2RemovedLastEntryIsFound) {
  RecordProperty("rule", "R-AUD-2");
  testing::ExecRaw(*t_, "DELETE FROM audit_log WHERE seq = 5");
  const auto r = Verify();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 5);
}

TEST_P(AuditLogTest, RAud2ReorderedEntriesAreFound) {
  RecordProperty("rule", "R-AUD-2");
  testing::ExecRaw(*t_, "UPDATE audit_log SET seq = 100 WHERE seq = 2");
  testing::ExecRaw(*t_, "UPDATE audit_log SET seq = 2 WHERE seq = 3");
  testing::ExecRaw(*t_, "UPDATE audit_log SET seq = 3 WHERE seq = 100");
  const auto r = Verify();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 2);
}

TEST_P(AuditLogTest, RAud1EntriesCarryWhoWhatWhenAndOutcome) {
  RecordProperty("rule", "R-AUD-1");
  std::vector<store::AuditRow> rows;
  t_->db->Read([&](store::Tx& tx) {
    store::AuditRepo().Scan(tx, practice_.value, [&](const store::AuditRow& r) { rows.push_back(r); });
  });
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[2].outcome, "refused");
  EXPECT_EQ(rows[3].action, "update");
  EXPECT_EQ(rows[0].actor_role, "practitioner");
  EXPECT_EQ(rows[0].remote_addr, "127.0.0.1");
  EXPECT_EQ(rows[1].client_id, "client-1");
  EXPECT_EQ(rows[4].prev_hash, rows[3].hash);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditLogTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::audit

namespace huidig::audit {
namespace {

TEST_P(AuditLogTest, RAud2ARewrittenChainDoesNotVerifyWithoutTheKey) {
  RecordProperty("rule", "R-AUD-2");
  // Someone with write access to the database recomputes every hash after a change, but
  // without the key file: the HMACs do not match.
  AuditLog forger{crypto::Key::Random()};
  std::vector<store::AuditRow> rows;
  t_->db->Read([&](store::Tx& tx) {
    store::AuditRepo().Scan(tx, practice_.value, [&](const store::AuditRow& r) { rows.push_back(r); });
  });
  rows[2].outcome = "allowed";
  std::string prev = rows[1].hash;
  for (std::size_t i = 2; i < rows.size(); ++i) {
    rows[i].prev_hash = prev;
    rows[i].hash = forger.HashOf(rows[i]);
    prev = rows[i].hash;
    testing::ExecRaw(*t_, "UPDATE audit_log SET outcome = '" + rows[i].outcome + "', prev_hash = '" +
                              rows[i].prev_hash + "', hash = '" + rows[i].hash + "' WHERE seq = " +
                              std::to_string(rows[i].seq));
  }
  testing::ExecRaw(*t_, "UPDATE audit_heads SET hash = '" + prev + "'");
  const auto r = Verify();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 3);
}

}  // namespace
}  // namespace huidig::audit
