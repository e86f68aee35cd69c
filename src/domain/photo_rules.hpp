#pragma once
// R-TRJ-3: photos before the first and after the last session of a trajectory whose type has
// visible results, while the client allows photos. Between sessions the practitioner decides.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"

namespace huidig::domain {

// R-PHOTO-4: when in the treatment a photo was taken.
enum class PhotoPhase { kBefore, kDuring, kAfter };
std::string_view ToString(PhotoPhase p);
std::optional<PhotoPhase> ParsePhotoPhase(std::string_view s);

struct TrajectoryPhotoFacts {
  bool visible_results = false;
  bool photos_allowed = false;        // the client's preference is "allowed"
  int planned_sessions = 1;
  std::vector<Instant> sessions;      // when each session took place
  std::vector<Instant> before_photos; // uploads tagged "before"
  std::vector<Instant> after_photos;  // uploads tagged "after"
};

// "before_photos_missing": no before-photo at or before the first session (or none yet while
// no session took place); "after_photos_missing": the planned sessions are done and no
// after-photo was taken at or after the last one.
std::vector<std::string> PhotoFlags(const TrajectoryPhotoFacts& facts);

}  // namespace huidig::domain
