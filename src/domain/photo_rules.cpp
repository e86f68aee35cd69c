#include "domain/photo_rules.hpp"

#include <algorithm>

namespace huidig::domain {

std::string_view ToString(PhotoPhase p) {
  switch (p) {
    case PhotoPhase::kBefore: return "before";
    case PhotoPhase::kDuring: return "during";
    case PhotoPhase::kAfter: return "after";
  }
  return "before";
}

std::optional<PhotoPhase> ParsePhotoPhase(std::string_view s) {
  if (s == "before") return PhotoPhase::kBefore;
  if (s == "during") return PhotoPhase::kDuring;
  if (s == "after") return PhotoPhase::kAfter;
  return std::nullopt;
}

std::vector<std::string> PhotoFlags(const TrajectoryPhotoFacts& f) {
  std::vector<std::string> flags;
  if (!f.visible_results || !f.photos_allowed) return flags;
  const auto first = f.sessions.empty() ? std::optional<Instant>()
                                        : std::optional<Instant>(*std::min_element(f.sessions.begin(), f.sessions.end()));
  const bool before_ok = std::any_of(f.before_photos.begin(), f.before_photos.end(),
                                     [&](Instant t) { return !first || t <= *first; });
  if (!before_ok) flags.emplace_back("before_photos_missing");
  if (!f.sessions.empty() && static_cast<int>(f.sessions.size()) >= f.planned_sessions) {
    const Instant last = *std::max_element(f.sessions.begin(), f.sessions.end());
    const bool after_ok =
        std::any_of(f.after_photos.begin(), f.after_photos.end(), [&](Instant t) { return t >= last; });
    if (!after_ok) flags.emplace_back("after_photos_missing");
  }
  return flags;
}

}  // namespace huidig::domain
