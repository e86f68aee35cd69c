#pragma once
// R-SEC-3: a client's data key, unwrapped for one use case in its transaction.

#include "common/result.hpp"
#include "crypto/keys.hpp"
#include "store/client_repo.hpp"

namespace huidig::service {

// The client keys of a practice, opened with its master key: a member of every service that
// reads or writes sealed data.
class ClientKeys {
 public:
  explicit ClientKeys(const crypto::MasterKey& master) : master_(master) {}

  // The client's key; kFailedPrecondition "client_key_destroyed" once it was destroyed
  // (crypto-shredding), or when the master key does not open it.
  [[nodiscard]] Result<crypto::Key> Of(store::Tx& tx, const ClientId& client) const {
    const auto wrapped = repo_.Wrapped(tx, client);
    if (!wrapped) return Fail(Errc::kFailedPrecondition, "client_key_destroyed", {}, "R-SEC-3");
    auto key = master_.UnwrapClientKey(client, *wrapped);
    if (!key) return Fail(Errc::kFailedPrecondition, "client_key_destroyed", {}, "R-SEC-3");
    return *key;
  }

 private:
  const crypto::MasterKey& master_;
  store::ClientKeyRepo repo_;
};

}  // namespace huidig::service
