#pragma once
// R-SEC-3: a client's data key, unwrapped for one use case in its transaction.

#include "common/result.hpp"
#include "crypto/keys.hpp"
#include "store/client_repo.hpp"

namespace huidig::service {

// The client's key; kFailedPrecondition "client_key_destroyed" once it was destroyed
// (crypto-shredding), or when the master key does not open it.
[[nodiscard]] inline Result<crypto::Key> ClientKey(store::Tx& tx, const crypto::MasterKey& master,
                                                   const ClientId& client) {
  const auto wrapped = store::ClientKeyRepo().Wrapped(tx, client);
  if (!wrapped) return Fail(Errc::kFailedPrecondition, "client_key_destroyed", {}, "R-SEC-3");
  auto key = master.UnwrapClientKey(client, *wrapped);
  if (!key) return Fail(Errc::kFailedPrecondition, "client_key_destroyed", {}, "R-SEC-3");
  return *key;
}

}  // namespace huidig::service
