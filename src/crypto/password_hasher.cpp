#include "crypto/password_hasher.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "crypto/crypto.hpp"

namespace huidig::crypto {
namespace {

class SlotGuard {
 public:
  explicit SlotGuard(std::counting_semaphore<64>& s) : s_(s) { s_.acquire(); }
  ~SlotGuard() { s_.release(); }

 private:
  std::counting_semaphore<64>& s_;
};

}  // namespace

PasswordHasher::PasswordHasher(Argon2Params params) : params_(params) {
  if (params_.memory_mib < 19 || params_.iterations < 2)
    throw std::invalid_argument("Argon2id below OWASP's minimum (m=19 MiB, t=2)");
  const auto cores = std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 64);
  slots_ = std::make_unique<std::counting_semaphore<64>>(cores);
  RandomBytes(1);  // initialises libsodium
  dummy_ = Hash(RandomToken(16));
}

std::string PasswordHasher::Hash(std::string_view password) const {
  SlotGuard slot(*slots_);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params_.iterations,
                            std::size_t(params_.memory_mib) * 1024 * 1024,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("Argon2id: out of memory");
  return out;
}

bool PasswordHasher::Verify(std::string_view phc, std::string_view password) const {
  if (phc.rfind("$argon2id$", 0) != 0) return false;
  const std::string str(phc);
  SlotGuard slot(*slots_);
  return crypto_pwhash_str_verify(str.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) const { (void)Verify(dummy_, password); }

bool PasswordHasher::NeedsRehash(std::string_view phc) const {
  const std::string str(phc);
  return crypto_pwhash_str_needs_rehash(str.c_str(), params_.iterations,
                                        std::size_t(params_.memory_mib) * 1024 * 1024) != 0;
}

}  // namespace huidig::crypto
