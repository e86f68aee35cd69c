#include "domain/calendar.hpp"

#include <date/tz.h>

namespace huidig::domain {

Date AmsterdamDate(Instant t) {
  static const date::time_zone* const kZone = date::locate_zone("Europe/Amsterdam");
  const auto local = kZone->to_local(t);
  const auto days = std::chrono::floor<date::days>(local);
  return Date(std::chrono::sys_days(std::chrono::days(days.time_since_epoch().count())));
}

}  // namespace huidig::domain
