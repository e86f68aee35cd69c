#pragma once
// R-SEC-1: Argon2id password hashes as PHC strings (libsodium).

#include <memory>
#include <semaphore>
#include <string>
#include <string_view>

namespace huidig::crypto {

struct Argon2Params {
  unsigned memory_mib = 64;  // OWASP's floor is 19 MiB with t=2; stronger by default
  unsigned iterations = 2;
};

// Thread-safe. Hashing is memory-hard, so at most one hash per core runs at once: a burst
// of logins queues instead of exhausting memory.
class PasswordHasher {
 public:
  explicit PasswordHasher(Argon2Params params);
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  std::string Hash(std::string_view password) const;
  bool Verify(std::string_view phc, std::string_view password) const;
  // Spends the time of a verification without a hash, so an unknown account answers as
  // slowly as a known one.
  void VerifyDummy(std::string_view password) const;
  bool NeedsRehash(std::string_view phc) const;
  const Argon2Params& params() const { return params_; }

 private:
  Argon2Params params_;
  std::string dummy_;
  mutable std::unique_ptr<std::counting_semaphore<64>> slots_;
};

}  // namespace huidig::crypto
