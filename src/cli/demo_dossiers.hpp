#pragma once
// The lived-in demo practice of `huidig demo` (issue 12): trajectories in every regime, signed
// sessions with batches, before and after photos, a cosmetic trajectory inside its reflection
// period, and a colleague who left. Fictional people; nothing here is anyone's data.

#include <filesystem>
#include <vector>

#include "common/ids.hpp"
#include "domain/access.hpp"
#include "service/context.hpp"

namespace huidig::cli {

struct DemoTeam {
  domain::Actor owner;
  domain::Actor practitioner;  // Bo Behandelaar: qualified for every shipped type
  std::vector<ClientId> clients;  // in the order they were created
};

// False (with the reason on stderr) when a step is refused.
bool AddDemoDossiers(const service::Context& ctx, const std::filesystem::path& dir, const DemoTeam& team);

}  // namespace huidig::cli
