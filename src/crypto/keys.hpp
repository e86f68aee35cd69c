#pragma once
// R-SEC-3: the practice's master key, per-client data keys wrapped by it, and sealing of
// health fields with XChaCha20-Poly1305.
//
// A client's key exists only wrapped by the master key (in the database). Destroying the
// wrapped key makes every value sealed with it unreadable, backups included
// (crypto-shredding, R-RET-2). The master key lives in the data folder, never in the
// database, so a stolen database backup alone reveals no health data.

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/ids.hpp"
#include "common/result.hpp"

namespace huidig::crypto {

// 32 bytes of key material, wiped when destroyed.
class Key {
 public:
  static constexpr std::size_t kSize = 32;
  static Key Random();
  static std::optional<Key> FromBytes(std::string_view bytes);
  Key(const Key&) = default;
  Key& operator=(const Key&) = default;
  ~Key();
  const unsigned char* data() const { return bytes_.data(); }
  std::string_view view() const {
    return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
  }

 private:
  Key() = default;
  std::array<unsigned char, kSize> bytes_{};
};

// Authenticated encryption; `context` is bound into the tag (associated data) so a sealed
// value moved to another client or field does not open. Output: "s1." + base64url(nonce|ct).
std::string Seal(const Key& key, std::string_view plaintext, std::string_view context);
// nullopt when the key is wrong, the value was changed, or the context differs.
std::optional<std::string> Open(const Key& key, std::string_view sealed, std::string_view context);

// Large values (photos): libsodium secretstream (XChaCha20-Poly1305) in 64 KiB chunks, so a
// truncated, reordered or changed stream does not open. `context` is bound to the first
// chunk. The output is binary: a header, then the chunks.
std::string SealStream(const Key& key, std::string_view plaintext, std::string_view context);
std::optional<std::string> OpenStream(const Key& key, std::string_view sealed, std::string_view context);

class MasterKey {
 public:
  // Creates the key file with mode 0600; fails if it exists.
  static Result<MasterKey> Create(const std::filesystem::path& file);
  // Loads it; refuses a file readable by group or others.
  static Result<MasterKey> Load(const std::filesystem::path& file);
  static MasterKey FromKey(const Key& key) { return MasterKey(key); }

  std::string WrapClientKey(const ClientId& client, const Key& client_key) const;
  std::optional<Key> UnwrapClientKey(const ClientId& client, std::string_view wrapped) const;

  // A key for one purpose, derived from the master key (libsodium KDF); `purpose` is an
  // 8-character label such as "auditlog".
  Key Derive(std::string_view purpose) const;

  // Seals a secret of the practice (a TOTP secret); context names what it is.
  std::string SealSecret(std::string_view secret, std::string_view context) const;
  std::optional<std::string> OpenSecret(std::string_view sealed, std::string_view context) const;

 private:
  explicit MasterKey(const Key& key) : key_(key) {}
  Key key_;
};

}  // namespace huidig::crypto
