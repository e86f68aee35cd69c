#pragma once
// Registering, finding, reading and changing clients. Every read and change writes an
// audit entry (R-AUD-1), refusals included; an unknown and a forbidden client look the same
// (R-SEC-2).

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/client.hpp"
#include "domain/client_history.hpp"
#include "service/client_keys.hpp"
#include "service/context.hpp"
#include "store/client_repo.hpp"
#include "store/staff_repo.hpp"

namespace huidig::service {

// A client as one caller may see it: without the dossier part for the front desk.
struct ClientView {
  domain::Client client;
  bool dossier = false;  // records_consent and photo_preference visible
};

// One create or change of a client as the history shows it.
struct ClientChangeView {
  Instant at{};
  UserId by;
  std::string by_name;  // the author stays named when their account is disabled
  std::vector<domain::ClientFieldChange> changes;  // without dossier fields for the front desk
};

struct ClientSearch {
  std::string q;
  std::optional<std::string> location;
  int limit = 50;
  int offset = 0;
};

class ClientService {
 public:
  explicit ClientService(Context ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<std::vector<ClientView>> Search(const domain::Actor& actor,
                                                       const ClientSearch& search);
  [[nodiscard]] Result<ClientView> Create(const domain::Actor& actor,
                                          const domain::ClientChanges& changes);
  [[nodiscard]] Result<ClientView> Get(const domain::Actor& actor, const std::string& id);
  [[nodiscard]] Result<ClientView> Update(const domain::Actor& actor, const std::string& id,
                                          const domain::ClientChanges& changes);
  // Every create and change, oldest first, with author and time; audited as a read of the
  // client. Errors as Get, and client_key_destroyed.
  [[nodiscard]] Result<std::vector<ClientChangeView>> History(const domain::Actor& actor,
                                                              const std::string& id);

 private:
  // The history row of a create or change, its values sealed with the client's key.
  store::ClientChangeRow ChangeRow(const domain::Actor& actor, const domain::Client& after,
                                   const std::vector<domain::ClientFieldChange>& changes,
                                   const crypto::Key& key, Instant now) const;
  Result<LocationId> ResolveLocation(store::Tx& tx, const domain::Actor& actor,
                                     const std::optional<std::string>& requested);
  // Records a refusal that must stay in the log, and answers with `error`.
  Error Refused(const domain::Actor& actor, std::string action, std::optional<std::string> client,
                Instant now, Error error);
  ClientView View(const domain::Actor& actor, domain::Client c) const;

  Context ctx_;
  store::ClientRepo clients_;
  store::ClientKeyRepo keys_;
  ClientKeys client_keys_{ctx_.master_key};
  store::ClientChangeRepo changes_;
  store::UserRepo users_;
  store::PracticeRepo practices_;
};

}  // namespace huidig::service
