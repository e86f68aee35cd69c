// A client's history: what a create and a change set, from what to what, and that the
// sealed form gives back exactly that (issue 12).
#include <gtest/gtest.h>

#include "domain/client_history.hpp"

namespace huidig::domain {
namespace {

Client Anna() {
  Client c;
  c.location = LocationId{"loc-a"};
  c.given_name = "Anna";
  c.name_prefix = "de";
  c.family_name = "Vries";
  c.date_of_birth = *ParseIsoDate("1988-03-14");
  c.phone = "0612345678";
  return c;
}

TEST(ClientHistoryTest, ACreateListsEveryFieldItSet) {
  const auto changes = DiffClients(Client{}, Anna());
  EXPECT_EQ(FieldNames(changes), "given_name,name_prefix,family_name,date_of_birth,phone,location");
  EXPECT_FALSE(changes[0].from);
  EXPECT_EQ(changes[3].to, "1988-03-14");
}

TEST(ClientHistoryTest, RDos1AChangeListsOnlyWhatDiffersFromWhatToWhat) {
  Client before = Anna();
  before.records_consent = RecordsConsent::kGiven;
  Client after = before;
  after.phone.reset();
  after.email = "anna@example.nl";
  after.records_consent = RecordsConsent::kRefused;
  after.location = LocationId{"loc-b"};
  const auto changes = DiffClients(before, after);
  ASSERT_EQ(FieldNames(changes), "phone,email,location,records_consent");
  EXPECT_EQ(changes[0].from, "0612345678");
  EXPECT_FALSE(changes[0].to) << "a cleared phone number";
  EXPECT_FALSE(changes[1].from);
  EXPECT_EQ(changes[3].from, "given");
  EXPECT_EQ(changes[3].to, "refused");
  EXPECT_TRUE(IsDossierField(changes[3].field));
  EXPECT_FALSE(IsDossierField(changes[0].field));
  EXPECT_TRUE(DiffClients(after, after).empty());
}

TEST(ClientHistoryTest, EncodedChangesDecodeToTheSameAndOddTextIsRefused) {
  Client after = Anna();
  after.given_name = "An;na, \"x\"";
  after.phone.reset();
  const auto changes = DiffClients(Anna(), after);
  const auto back = DecodeClientChanges(EncodeClientChanges(changes));
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), changes.size());
  for (std::size_t i = 0; i < changes.size(); ++i) {
    EXPECT_EQ((*back)[i].field, changes[i].field);
    EXPECT_EQ((*back)[i].from, changes[i].from);
    EXPECT_EQ((*back)[i].to, changes[i].to);
  }
  EXPECT_FALSE(DecodeClientChanges("rec1;intake"));
  EXPECT_FALSE(DecodeClientChanges("garbage"));
}

}  // namespace
}  // namespace huidig::domain
