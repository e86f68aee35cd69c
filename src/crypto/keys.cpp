#include "crypto/keys.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "crypto/crypto.hpp"

namespace huidig::crypto {
namespace {

constexpr std::string_view kSealPrefix = "s1.";
constexpr std::string_view kKeyFileHeader = "huidig-master-key-v1 ";

}  // namespace

Key Key::Random() {
  Key k;
  const std::string b = RandomBytes(kSize);
  std::copy(b.begin(), b.end(), k.bytes_.begin());
  return k;
}

std::optional<Key> Key::FromBytes(std::string_view bytes) {
  if (bytes.size() != kSize) return std::nullopt;
  Key k;
  std::copy(bytes.begin(), bytes.end(), k.bytes_.begin());
  return k;
}

Key::~Key() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::string Seal(const Key& key, std::string_view plaintext, std::string_view context) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string buf = RandomBytes(kNonce);
  buf.resize(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long clen = 0;
  auto* out = reinterpret_cast<unsigned char*>(buf.data());
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kNonce, &clen, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(context.data()), context.size(),
      nullptr, out, key.data());
  buf.resize(kNonce + clen);
  return std::string(kSealPrefix) + ToBase64Url(buf);
}

std::optional<std::string> Open(const Key& key, std::string_view sealed, std::string_view context) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (sealed.substr(0, kSealPrefix.size()) != kSealPrefix) return std::nullopt;
  std::string raw;
  if (!FromBase64UrlPublic(sealed.substr(kSealPrefix.size()), raw)) return std::nullopt;
  if (raw.size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) return std::nullopt;
  std::string plain(raw.size() - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long plen = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(raw.data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &plen, nullptr, in + kNonce,
          raw.size() - kNonce, reinterpret_cast<const unsigned char*>(context.data()),
          context.size(), in, key.data()) != 0)
    return std::nullopt;
  plain.resize(plen);
  return plain;
}

namespace {
constexpr std::size_t kStreamChunk = 64 * 1024;
}  // namespace

std::string SealStream(const Key& key, std::string_view plaintext, std::string_view context) {
  crypto_secretstream_xchacha20poly1305_state state;
  std::string out(crypto_secretstream_xchacha20poly1305_HEADERBYTES, '\0');
  crypto_secretstream_xchacha20poly1305_init_push(&state, reinterpret_cast<unsigned char*>(out.data()),
                                                  key.data());
  std::size_t pos = 0;
  bool first = true;
  do {
    const std::size_t n = std::min(kStreamChunk, plaintext.size() - pos);
    const bool last = pos + n == plaintext.size();
    const std::size_t at = out.size();
    out.resize(at + n + crypto_secretstream_xchacha20poly1305_ABYTES);
    crypto_secretstream_xchacha20poly1305_push(
        &state, reinterpret_cast<unsigned char*>(out.data() + at), nullptr,
        reinterpret_cast<const unsigned char*>(plaintext.data() + pos), n,
        first ? reinterpret_cast<const unsigned char*>(context.data()) : nullptr, first ? context.size() : 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    pos += n;
    first = false;
  } while (pos < plaintext.size());
  sodium_memzero(&state, sizeof state);
  return out;
}

std::optional<std::string> OpenStream(const Key& key, std::string_view sealed, std::string_view context) {
  constexpr std::size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  constexpr std::size_t kTag = crypto_secretstream_xchacha20poly1305_ABYTES;
  if (sealed.size() < kHeader + kTag) return std::nullopt;
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, reinterpret_cast<const unsigned char*>(sealed.data()),
                                                      key.data()) != 0)
    return std::nullopt;
  std::string out;
  std::size_t pos = kHeader;
  bool first = true;
  unsigned char tag = 0;
  while (pos < sealed.size()) {
    const std::size_t n = std::min(kStreamChunk + kTag, sealed.size() - pos);
    const std::size_t at = out.size();
    out.resize(at + n - kTag);
    unsigned long long len = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state, reinterpret_cast<unsigned char*>(out.data() + at), &len, &tag,
            reinterpret_cast<const unsigned char*>(sealed.data() + pos), n,
            first ? reinterpret_cast<const unsigned char*>(context.data()) : nullptr, first ? context.size() : 0) != 0)
      return std::nullopt;
    out.resize(at + len);
    pos += n;
    first = false;
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) break;
  }
  // Nothing may follow the final chunk, and the stream must have one (no truncation).
  if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL || pos != sealed.size()) return std::nullopt;
  return out;
}

Result<MasterKey> MasterKey::Create(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Fail(Errc::kConflict, "key_file_exists", file.string());
  const Key key = Key::Random();
  const std::string text = std::string(kKeyFileHeader) + ToBase64(key.view()) + "\n";
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Fail(Errc::kFailedPrecondition, "key_file_write_failed", file.string());
  return MasterKey(key);
}

Result<MasterKey> MasterKey::Load(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return Fail(Errc::kNotFound, "key_file_missing", file.string());
  if (st.st_mode & (S_IRWXG | S_IRWXO))
    return Fail(Errc::kFailedPrecondition, "key_file_permissions", file.string());
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  std::string raw;
  if (line.rfind(kKeyFileHeader, 0) != 0 || !FromBase64(line.substr(kKeyFileHeader.size()), raw))
    return Fail(Errc::kFailedPrecondition, "key_file_corrupt", file.string());
  auto key = Key::FromBytes(raw);
  sodium_memzero(raw.data(), raw.size());
  if (!key) return Fail(Errc::kFailedPrecondition, "key_file_corrupt", file.string());
  return MasterKey(*key);
}

std::string MasterKey::WrapClientKey(const ClientId& client, const Key& client_key) const {
  return Seal(key_, client_key.view(), "client-key:" + client.value);
}

std::optional<Key> MasterKey::UnwrapClientKey(const ClientId& client,
                                              std::string_view wrapped) const {
  auto raw = Open(key_, wrapped, "client-key:" + client.value);
  if (!raw) return std::nullopt;
  auto key = Key::FromBytes(*raw);
  sodium_memzero(raw->data(), raw->size());
  return key;
}

Key MasterKey::Derive(std::string_view purpose) const {
  if (purpose.size() != crypto_kdf_CONTEXTBYTES) throw std::invalid_argument("KDF purpose must be 8 characters");
  std::array<unsigned char, Key::kSize> out{};
  const std::string context(purpose);
  crypto_kdf_derive_from_key(out.data(), out.size(), 1, context.c_str(), key_.data());
  auto k = Key::FromBytes(std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
  sodium_memzero(out.data(), out.size());
  return *k;
}

std::string MasterKey::SealSecret(std::string_view secret, std::string_view context) const {
  return Seal(key_, secret, context);
}

std::optional<std::string> MasterKey::OpenSecret(std::string_view sealed,
                                                 std::string_view context) const {
  return Open(key_, sealed, context);
}

}  // namespace huidig::crypto
