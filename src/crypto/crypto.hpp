#pragma once
// Randomness, encodings and hashing (libsodium and OpenSSL behind plain functions).

#include <string>
#include <string_view>

#include "common/ids.hpp"

namespace huidig::crypto {

std::string RandomBytes(std::size_t n);
std::string NewUuidV4();
// A new random id of one kind: NewId<TrajectoryId>().
template <class IdT>
IdT NewId() {
  return IdT{NewUuidV4()};
}
// n random bytes as unpadded base64url: a session token, a CSRF token.
std::string RandomToken(std::size_t n = 32);

std::string ToBase64(std::string_view bytes);       // standard, padded
std::string ToBase64Url(std::string_view bytes);    // url-safe, unpadded
bool FromBase64(std::string_view text, std::string& out);
bool FromBase64Url(std::string_view text, std::string& out);
// As FromBase64Url, for text that is no secret (a sealed value's ciphertext): a table
// decoder several times faster than the constant-time one, equally strict (the same
// alphabet, no padding, no stray bits).
bool FromBase64UrlPublic(std::string_view text, std::string& out);
std::string ToHex(std::string_view bytes);

// SHA-256 (OpenSSL; the digest is fetched once, so chaining stays cheap).
std::string Sha256(std::string_view data);  // 32 raw bytes
std::string Sha256Hex(std::string_view data);

// HMAC-SHA-256 of data under a 32-byte key, as 64 hex digits.
std::string HmacSha256Hex(std::string_view key32, std::string_view data);

// Compares in constant time.
bool EqualConstantTime(std::string_view a, std::string_view b);

}  // namespace huidig::crypto
