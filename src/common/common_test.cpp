#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "common/utf8.hpp"

namespace huidig {
namespace {

TEST(Utf8Test, RSec4RejectsMalformedSequences) {
  RecordProperty("rule", "R-SEC-4");
  EXPECT_TRUE(IsValidUtf8("Cliënt José Ĳssel"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));                // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));            // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));        // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));    // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xFF"));
  EXPECT_EQ(CodePointCount("Cliënt"), 6u);
  EXPECT_TRUE(HasControlCharacters(std::string("a\0b", 3)));
  EXPECT_FALSE(HasControlCharacters("regel\nregel"));
}

TEST(Utf8, BidiControlsAreFoundAndOtherTextIsNot) {
  for (const char* s : {"Jan\u202Eznaj", "\u202Aa", "b\u202C", "\u2066x\u2069", "\u200Fx", "x\u200E",
                        "\u061C"})
    EXPECT_TRUE(HasBidiControls(s)) << s;
  for (const char* s : {"Jansen", "Bregje \u00C7elik-\u00D6zt\u00FCrk", "\u0645\u062D\u0645\u062F",
                        "\u2014 \u2019 \u20AC", "\u2065", "\u202F", "\u200D"})
    EXPECT_FALSE(HasBidiControls(s)) << s;
}

TEST(ClockTest, FormatsAndParsesRfc3339) {
  const auto t = ParseRfc3339("2026-03-29T01:30:00.5+01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatUtc(*t), "2026-03-29T00:30:00.500000Z");
  EXPECT_EQ(ParseRfc3339("2026-03-29T00:30:00.500000Z"), t);
  EXPECT_FALSE(ParseRfc3339("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-03-29 00:30:00"));
  EXPECT_FALSE(ParseRfc3339("2026-03-29T00:30:00+0100"));
}

TEST(IdsTest, AcceptsOnlyCanonicalUuidV4) {
  EXPECT_TRUE(IsUuidV4("3b241101-e2bb-4255-8caf-4136c566a962"));
  EXPECT_FALSE(IsUuidV4("3B241101-E2BB-4255-8CAF-4136C566A962"));
  EXPECT_FALSE(IsUuidV4("3b241101-e2bb-1255-8caf-4136c566a962"));
  EXPECT_FALSE(IsUuidV4("1"));
  EXPECT_FALSE(IsUuidV4("../../etc/passwd"));
}

}  // namespace
}  // namespace huidig
