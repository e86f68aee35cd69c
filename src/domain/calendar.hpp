#pragma once
// Calendar rules run on Europe/Amsterdam days; instants are UTC.

#include "common/clock.hpp"
#include "domain/client.hpp"

namespace huidig::domain {

// The Europe/Amsterdam calendar date of an instant.
Date AmsterdamDate(Instant t);

}  // namespace huidig::domain
