#include "crypto/totp.hpp"

#include <liboath/oath.h>
#include <qrencode.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "crypto/crypto.hpp"

namespace huidig::crypto::totp {
namespace {

constexpr unsigned kStep = 30;
constexpr unsigned kDigits = 6;

void EnsureOath() {
  static const bool ok = oath_init() == OATH_OK;
  if (!ok) throw std::runtime_error("liboath failed to initialise");
}

std::string PercentEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace

std::string NewSecret() { return RandomBytes(20); }

std::string Base32(std::string_view secret) {
  EnsureOath();
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_encode(secret.data(), secret.size(), &out, &len) != OATH_OK)
    throw std::runtime_error("base32 encoding failed");
  std::string s(out, len);
  std::free(out);
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

std::string OtpauthUri(std::string_view secret, std::string_view issuer, std::string_view account) {
  return fmt::format("otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
                     PercentEncode(issuer), PercentEncode(account), Base32(secret),
                     PercentEncode(issuer));
}

std::string QrSvg(std::string_view text) {
  const std::string str(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> qr(
      QRcode_encodeString(str.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!qr) throw std::runtime_error("QR encoding failed");
  const int n = qr->width, quiet = 4, size = n + 2 * quiet;
  std::string path;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if (qr->data[y * n + x] & 1) path += fmt::format("M{} {}h1v1h-1z", x + quiet, y + quiet);
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" "
      "shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"{0}\" height=\"{0}\" "
      "fill=\"#fff\"/><path d=\"{1}\" fill=\"#000\"/></svg>",
      size, path);
}

std::int64_t StepAt(Instant now) {
  return std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() / kStep;
}

std::string CodeAt(std::string_view secret, std::int64_t step) {
  EnsureOath();
  char out[kDigits + 1] = {};
  if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(step * kStep), kStep, 0,
                         kDigits, out) != OATH_OK)
    throw std::runtime_error("TOTP generation failed");
  return out;
}

std::optional<std::int64_t> Verify(std::string_view secret, std::string_view code, Instant now,
                                   std::int64_t last_used_step) {
  EnsureOath();
  if (code.size() != kDigits) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  const std::string otp(code);
  const auto unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  int pos = 0;
  uint64_t counter = 0;
  const int rc = oath_totp_validate3(secret.data(), secret.size(), static_cast<time_t>(unix_now),
                                     kStep, 0, 1, &pos, &counter, otp.c_str());
  if (rc < 0) return std::nullopt;
  const auto step = static_cast<std::int64_t>(counter);
  if (step <= last_used_step) return std::nullopt;  // used once only
  return step;
}

}  // namespace huidig::crypto::totp
