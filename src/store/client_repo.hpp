#pragma once
// Clients and their wrapped data keys (R-SEC-3). Stateless.

#include <optional>
#include <string>
#include <vector>

#include "domain/client.hpp"
#include "store/database.hpp"

namespace huidig::store {

struct ClientFilter {
  domain::ClientQuery query;
  std::optional<LocationId> location;    // one location only
  std::vector<LocationId> within;        // the caller's locations; empty = all of the practice
  int limit = 50;
  int offset = 0;
};

class ClientRepo {
 public:
  void Insert(Tx& tx, const domain::Client& c) const;
  void Update(Tx& tx, const domain::Client& c) const;
  std::optional<domain::Client> Find(Tx& tx, const PracticeId& practice, const ClientId& id) const;
  // Sorted the Dutch way (family name without prefix, then given name).
  std::vector<domain::Client> Search(Tx& tx, const PracticeId& practice,
                                     const ClientFilter& filter) const;
  long long Count(Tx& tx, const PracticeId& practice) const;
};

// One create or change of a client: the field names in the clear, the values sealed.
struct ClientChangeRow {
  std::string id;
  ClientId client;
  PracticeId practice;
  LocationId location;
  Instant at{};
  UserId by;
  std::string fields;         // "phone,records_consent"
  std::string values_sealed;  // domain::EncodeClientChanges, sealed with the client's key
};

class ClientChangeRepo {
 public:
  void Insert(Tx& tx, const ClientChangeRow& r) const;
  // Oldest first.
  std::vector<ClientChangeRow> ForClient(Tx& tx, const PracticeId& practice, const ClientId& client) const;
};

class ClientKeyRepo {
 public:
  void Insert(Tx& tx, const ClientId& client, const PracticeId& practice,
              const LocationId& location, const std::string& wrapped, Instant now) const;
  // nullopt when there is no key or it was destroyed.
  std::optional<std::string> Wrapped(Tx& tx, const ClientId& client) const;
  // Crypto-shredding: the wrapped key is overwritten; everything sealed with it is lost.
  void Destroy(Tx& tx, const ClientId& client, Instant now) const;
};

}  // namespace huidig::store
