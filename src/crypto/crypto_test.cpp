#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "common/ids.hpp"
#include "crypto/crypto.hpp"
#include "crypto/keys.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/totp.hpp"

namespace huidig::crypto {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("huidig-crypto-" + NewUuidV4())) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(KeysTest, RSec3MasterKeyFileIsOwnerOnlyAndReloads) {
  RecordProperty("rule", "R-SEC-3");
  TempDir dir;
  const auto file = dir.path() / "master.key";
  auto created = MasterKey::Create(file);
  ASSERT_TRUE(created);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(MasterKey::Create(file));  // never overwritten

  const ClientId client{NewUuidV4()};
  const Key client_key = Key::Random();
  const std::string wrapped = created->WrapClientKey(client, client_key);
  auto loaded = MasterKey::Load(file);
  ASSERT_TRUE(loaded);
  auto unwrapped = loaded->UnwrapClientKey(client, wrapped);
  ASSERT_TRUE(unwrapped);
  EXPECT_EQ(unwrapped->view(), client_key.view());
  // A wrapped key moved to another client does not open.
  EXPECT_FALSE(loaded->UnwrapClientKey(ClientId{NewUuidV4()}, wrapped));

  ::chmod(file.c_str(), 0644);
  auto refused = MasterKey::Load(file);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "key_file_permissions");
}

TEST(KeysTest, RSec3SealedHealthFieldsOpenOnlyWithTheClientKey) {
  RecordProperty("rule", "R-SEC-3");
  const Key key = Key::Random();
  const std::string allergy = "Allergie: nikkel, latex";
  const std::string sealed = Seal(key, allergy, "client-1/intake");
  EXPECT_EQ(sealed.find("nikkel"), std::string::npos);
  EXPECT_NE(Seal(key, allergy, "client-1/intake"), sealed);  // a fresh nonce every time
  EXPECT_EQ(Open(key, sealed, "client-1/intake"), allergy);
  EXPECT_FALSE(Open(Key::Random(), sealed, "client-1/intake"));  // another client's key
  EXPECT_FALSE(Open(key, sealed, "client-2/intake"));            // moved to another record
  std::string tampered = sealed;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(Open(key, tampered, "client-1/intake"));
  EXPECT_FALSE(Open(key, "garbage", "client-1/intake"));
}

TEST(KeysTest, RPhoto3StreamsSealLargeValuesAndRefuseDamage) {
  RecordProperty("rule", "R-PHOTO-3");
  const Key key = Key::Random();
  std::string photo(300 * 1024 + 17, '\0');
  for (std::size_t i = 0; i < photo.size(); ++i) photo[i] = static_cast<char>(i * 31 % 251);
  const std::string sealed = SealStream(key, photo, "photo:1");
  EXPECT_EQ(OpenStream(key, sealed, "photo:1"), photo);
  EXPECT_EQ(OpenStream(key, SealStream(key, "", "photo:2"), "photo:2"), "");
  EXPECT_FALSE(OpenStream(Key::Random(), sealed, "photo:1"));
  EXPECT_FALSE(OpenStream(key, sealed, "photo:9"));
  EXPECT_FALSE(OpenStream(key, sealed.substr(0, sealed.size() - 100), "photo:1"));  // truncated
  std::string changed = sealed;
  changed[70000] ^= 1;
  EXPECT_FALSE(OpenStream(key, changed, "photo:1"));
  EXPECT_FALSE(OpenStream(key, sealed + "x", "photo:1"));
}

TEST(PasswordHasherTest, RSec1Argon2idPhcStringAtOwaspStrength) {
  RecordProperty("rule", "R-SEC-1");
  PasswordHasher hasher({19, 2});
  const std::string phc = hasher.Hash("correct horse battery");
  EXPECT_EQ(phc.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << phc;
  EXPECT_TRUE(hasher.Verify(phc, "correct horse battery"));
  EXPECT_FALSE(hasher.Verify(phc, "correct horse batterY"));
  EXPECT_FALSE(hasher.Verify("plain-text", "plain-text"));
  EXPECT_NE(hasher.Hash("correct horse battery"), phc);  // salted
  EXPECT_THROW(PasswordHasher({8, 1}), std::invalid_argument);
  PasswordHasher stronger({32, 2});
  EXPECT_TRUE(stronger.NeedsRehash(phc));
}

TEST(TotpTest, RSec1MatchesRfc6238TestVectors) {
  RecordProperty("rule", "R-SEC-1");
  // RFC 6238 appendix B (SHA-1), last 6 digits.
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(totp::CodeAt(secret, 59 / 30), "287082");
  EXPECT_EQ(totp::CodeAt(secret, 1111111109 / 30), "081804");
  EXPECT_EQ(totp::CodeAt(secret, 2000000000 / 30), "279037");
  EXPECT_EQ(totp::Base32(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST(TotpTest, RSec1AcceptsOneStepEitherSideAndEachCodeOnce) {
  RecordProperty("rule", "R-SEC-1");
  const std::string secret = totp::NewSecret();
  const Instant now = FromMicros(1'795'000'000'000'000);
  const auto step = totp::StepAt(now);
  EXPECT_EQ(totp::Verify(secret, totp::CodeAt(secret, step), now, 0), step);
  EXPECT_EQ(totp::Verify(secret, totp::CodeAt(secret, step - 1), now, 0), step - 1);
  EXPECT_EQ(totp::Verify(secret, totp::CodeAt(secret, step + 1), now, 0), step + 1);
  EXPECT_FALSE(totp::Verify(secret, totp::CodeAt(secret, step + 2), now, 0));
  EXPECT_FALSE(totp::Verify(secret, totp::CodeAt(secret, step - 2), now, 0));
  // Used once only: a code of a step already used (or older) is refused.
  EXPECT_FALSE(totp::Verify(secret, totp::CodeAt(secret, step), now, step));
  EXPECT_FALSE(totp::Verify(secret, "12345", now, 0));
  EXPECT_FALSE(totp::Verify(secret, "abcdef", now, 0));
}

TEST(TotpTest, EnrolmentUriAndQrCode) {
  const std::string secret = "12345678901234567890";
  const auto uri = totp::OtpauthUri(secret, "Huidig Salon Zoë", "anna@salon.nl");
  EXPECT_EQ(uri.rfind("otpauth://totp/Huidig%20Salon%20Zo%C3%AB:anna@salon.nl?secret=GEZDGNBV", 0), 0u)
      << uri;
  const auto svg = totp::QrSvg(uri);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("<path d=\"M"), std::string::npos);
}

TEST(CryptoTest, TokensAndUuidsAreRandomAndWellFormed) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto id = NewUuidV4();
    EXPECT_TRUE(IsUuidV4(id)) << id;
    EXPECT_TRUE(seen.insert(id).second);
  }
  const auto token = RandomToken(32);
  std::string raw;
  ASSERT_TRUE(FromBase64Url(token, raw));
  EXPECT_EQ(raw.size(), 32u);  // 256 bits, more than R-SEC-1's 128
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// The fast decoder of sealed values takes exactly what the constant-time one takes.
TEST(CryptoTest, PublicBase64DecoderAgreesWithTheConstantTimeOne) {
  for (std::size_t n = 0; n < 70; ++n) {
    const std::string bytes = RandomBytes(n);
    const std::string text = ToBase64Url(bytes);
    std::string fast, slow;
    ASSERT_TRUE(FromBase64UrlPublic(text, fast)) << n;
    ASSERT_TRUE(FromBase64Url(text, slow));
    EXPECT_EQ(fast, bytes);
    EXPECT_EQ(slow, bytes);
  }
  const std::string bad[] = {"A", "AAAAA", "AB==", "AB=", "A+B/", "ab cd", "AB\n", "AQ", "AR",
                             "AAB", "AAC", std::string("AA\0A", 4), "\xc3\xa9AA"};
  for (const auto& text : bad) {
    std::string fast, slow;
    const bool ok = FromBase64Url(text, slow);
    EXPECT_EQ(FromBase64UrlPublic(text, fast), ok) << text;
    if (ok) EXPECT_EQ(fast, slow) << text;
  }
  std::string out;
  EXPECT_FALSE(FromBase64UrlPublic("AR", out));  // a stray bit in the last character
  EXPECT_TRUE(FromBase64UrlPublic("AQ", out));
  EXPECT_EQ(out, std::string(1, '\x01'));
}

}  // namespace
}  // namespace huidig::crypto
