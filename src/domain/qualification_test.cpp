// Qualified staff (R-STAFF-1, R-STAFF-2): what a qualification must hold, and that a session
// needs every code of its type covered on its own day.
#include <gtest/gtest.h>

#include "domain/qualification.hpp"

namespace huidig::domain {
namespace {

Date D(const char* iso) { return *ParseIsoDate(iso); }

Qualification Big() {
  Qualification q;
  q.title = "BIG-registratie arts";
  q.kind = QualificationKind::kBigRegistration;
  q.covers = {"physician"};
  q.big_number = "19012345601";
  q.valid_from = D("2020-01-01");
  q.valid_until = D("2026-12-31");
  return q;
}

TEST(QualificationTest, RStaff1ABigRegistrationNeedsItsElevenDigitNumber) {
  EXPECT_TRUE(ValidateQualification(Big()));
  auto q = Big();
  q.big_number.reset();
  EXPECT_EQ(ValidateQualification(q).error().field, "big_number");
  q.big_number = "1901234560";  // ten digits
  EXPECT_EQ(ValidateQualification(q).error().code, "invalid_value");
  q.big_number = "1901234560a";
  EXPECT_EQ(ValidateQualification(q).error().field, "big_number");
  auto diploma = Big();
  diploma.kind = QualificationKind::kDiploma;
  EXPECT_EQ(ValidateQualification(diploma).error().code, "field_not_allowed");
  diploma.big_number.reset();
  EXPECT_TRUE(ValidateQualification(diploma));
  diploma.covers = {"Laser!"};
  EXPECT_EQ(ValidateQualification(diploma).error().field, "covers[0]");
  diploma.covers.clear();
  EXPECT_EQ(ValidateQualification(diploma).error().field, "covers");
  auto backwards = Big();
  backwards.valid_until = D("2019-12-31");
  EXPECT_EQ(ValidateQualification(backwards).error().field, "valid_until");
  EXPECT_EQ(ParseQualificationKind("big_registration"), QualificationKind::kBigRegistration);
  EXPECT_FALSE(ParseQualificationKind("BIG"));
}

TEST(QualificationTest, RStaff2EveryNeededCodeCoveredOnTheSessionsDay) {
  Qualification laser;
  laser.title = "Certificaat laser";
  laser.kind = QualificationKind::kCertificate;
  laser.covers = {"ipl_laser_certificate"};
  laser.valid_from = D("2026-06-01");
  const std::vector<Qualification> held{Big(), laser};
  EXPECT_TRUE(CheckQualified({}, {}, D("2026-12-01")));
  EXPECT_TRUE(CheckQualified({"physician"}, held, D("2026-12-31")));  // the last day counts
  const auto expired = CheckQualified({"physician"}, held, D("2027-01-01"));
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, "qualification_missing");
  EXPECT_EQ(expired.error().rule, "R-STAFF-2");
  const auto before = CheckQualified({"ipl_laser_certificate", "physician"}, held, D("2026-05-31"));
  ASSERT_FALSE(before);
  ASSERT_EQ(before.error().extra.size(), 1u);
  EXPECT_EQ(std::get<std::string>(before.error().extra[0].second), "ipl_laser_certificate");
  const auto none = CheckQualified({"surgeon", "physician"}, {}, D("2026-12-01"));
  EXPECT_EQ(std::get<std::string>(none.error().extra[0].second), "surgeon,physician");
}

TEST(QualificationTest, RStaff1WhatExpiresWithinSixtyDays) {
  EXPECT_TRUE(ExpiresWithin(Big(), D("2026-11-01"), 60));
  EXPECT_TRUE(ExpiresWithin(Big(), D("2026-12-31"), 60));
  EXPECT_FALSE(ExpiresWithin(Big(), D("2026-10-31"), 60)) << "61 days ahead";
  EXPECT_FALSE(ExpiresWithin(Big(), D("2027-01-01"), 60)) << "already ended";
  auto open = Big();
  open.valid_until.reset();
  EXPECT_FALSE(ExpiresWithin(open, D("2026-12-01"), 60));
}

}  // namespace
}  // namespace huidig::domain
