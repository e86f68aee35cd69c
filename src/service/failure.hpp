#pragma once
// What an exception from below the services means to a caller, where it means something:
// a full disk (or quota) is storage_full, so the answer is 507 and nothing was kept.

#include <exception>
#include <optional>

#include "common/result.hpp"

namespace huidig::service {

std::optional<Error> FailureOf(const std::exception& e);

}  // namespace huidig::service
