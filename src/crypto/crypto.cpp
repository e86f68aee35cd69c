#include "crypto/crypto.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace huidig::crypto {
namespace {

void EnsureSodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

std::string Base64(std::string_view bytes, int variant) {
  EnsureSodium();
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool Unbase64(std::string_view text, std::string& out, int variant) {
  EnsureSodium();
  out.assign(text.size(), '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, &end, variant) != 0 ||
      end != text.data() + text.size())
    return false;
  out.resize(len);
  return true;
}

}  // namespace

std::string RandomBytes(std::size_t n) {
  EnsureSodium();
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string NewUuidV4() {
  std::string b = RandomBytes(16);
  b[6] = static_cast<char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<char>((b[8] & 0x3F) | 0x80);
  const std::string hex = ToHex(b);
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20);
}

std::string RandomToken(std::size_t n) { return ToBase64Url(RandomBytes(n)); }

std::string ToBase64(std::string_view b) { return Base64(b, sodium_base64_VARIANT_ORIGINAL); }
std::string ToBase64Url(std::string_view b) {
  return Base64(b, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
bool FromBase64(std::string_view t, std::string& out) {
  return Unbase64(t, out, sodium_base64_VARIANT_ORIGINAL);
}
bool FromBase64Url(std::string_view t, std::string& out) {
  return Unbase64(t, out, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool FromBase64UrlPublic(std::string_view t, std::string& out) {
  static constexpr auto kTable = [] {
    std::array<signed char, 256> table{};
    table.fill(-1);
    constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (std::size_t i = 0; i < kAlphabet.size(); ++i)
      table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return table;
  }();
  if (t.size() % 4 == 1) return false;
  out.resize(t.size() / 4 * 3 + (t.size() % 4 ? t.size() % 4 - 1 : 0));
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : t) {
    const int v = kTable[static_cast<unsigned char>(c)];
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *dst++ = static_cast<unsigned char>(acc >> bits);
      acc &= (1u << bits) - 1;
    }
  }
  return acc == 0;  // the unused bits of the last character are zero, as the encoder writes them
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string Sha256(std::string_view data) {
  struct MdDeleter {
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
  };
  static const std::unique_ptr<EVP_MD, MdDeleter> kSha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
  unsigned char out[32];
  unsigned int len = 0;
  if (!kSha256 || EVP_Digest(data.data(), data.size(), out, &len, kSha256.get(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string Sha256Hex(std::string_view data) { return ToHex(Sha256(data)); }

std::string HmacSha256Hex(std::string_view key32, std::string_view data) {
  EnsureSodium();
  if (key32.size() != crypto_auth_hmacsha256_KEYBYTES) throw std::invalid_argument("HMAC key size");
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                         reinterpret_cast<const unsigned char*>(key32.data()));
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

bool EqualConstantTime(std::string_view a, std::string_view b) {
  EnsureSodium();
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace huidig::crypto
