#pragma once
// Strong id types: ids are random UUID v4 strings, never sequence numbers.

#include <compare>
#include <string>
#include <string_view>

namespace huidig {

template <class Tag>
struct Id {
  std::string value;
  auto operator<=>(const Id&) const = default;
  bool empty() const { return value.empty(); }
};

using PracticeId = Id<struct PracticeTag>;
using LocationId = Id<struct LocationTag>;
using UserId = Id<struct UserTag>;
using ClientId = Id<struct ClientTag>;
// A client's dossier.
using TrajectoryId = Id<struct TrajectoryTag>;
using ConsultId = Id<struct ConsultTag>;
using DecisionId = Id<struct DecisionTag>;
using ConsentId = Id<struct ConsentTag>;
using TreatmentSessionId = Id<struct TreatmentSessionTag>;
using AddendumId = Id<struct AddendumTag>;
using PhotoId = Id<struct PhotoTag>;

// True for the canonical lower-case form xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx.
bool IsUuidV4(std::string_view s);

}  // namespace huidig
