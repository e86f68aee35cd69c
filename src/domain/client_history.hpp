#pragma once
// A client's data kept current (issue 12): every create and change as the fields it set,
// from what to what, so that the dossier shows who changed what and when. The values are
// personal data: the service seals them with the client's key (R-SEC-3); only the names of
// the fields stay readable.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/client.hpp"

namespace huidig::domain {

struct ClientFieldChange {
  std::string field;               // the API's name: phone, records_consent, location, ...
  std::optional<std::string> from;  // nullopt: was not set
  std::optional<std::string> to;    // nullopt: cleared
};

// The fields that differ, in the API's order. A create is the diff from a blank client.
std::vector<ClientFieldChange> DiffClients(const Client& before, const Client& after);

// The names of the fields, comma-separated (stored in the clear, no values).
std::string FieldNames(const std::vector<ClientFieldChange>& changes);

std::string EncodeClientChanges(const std::vector<ClientFieldChange>& changes);
std::optional<std::vector<ClientFieldChange>> DecodeClientChanges(std::string_view text);

// Whether a role that may not see the dossier fields may see this change's values.
bool IsDossierField(std::string_view field);

}  // namespace huidig::domain
