#pragma once
// The eight EXIF orientations as linear maps between the pixels as stored (W x H) and the
// upright image (W x H, or H x W for 5..8): index = base + a * step_a + b * step_b, in pixels.

#include <cstddef>
#include <stdexcept>

namespace huidig::media {

struct PixelMap {
  std::ptrdiff_t base;
  std::ptrdiff_t dx;  // per step along a row of the image walked
  std::ptrdiff_t dy;  // per step down a column of the image walked
};

inline bool SwapsSides(int orientation) { return orientation >= 5; }

// Where upright pixel (x, y) lies in the stored image.
inline PixelMap UprightToStored(int orientation, std::ptrdiff_t w, std::ptrdiff_t h) {
  // clang-format off
  switch (orientation) {
    case 1: return {0, 1, w};                      // as stored
    case 2: return {w - 1, -1, w};                 // mirrored left-right
    case 3: return {(h - 1) * w + w - 1, -1, -w};  // turned 180 degrees
    case 4: return {(h - 1) * w, 1, -w};           // mirrored top-bottom
    case 5: return {0, w, 1};                      // transposed
    case 6: return {(h - 1) * w, -w, 1};           // to be turned 90 degrees clockwise
    case 7: return {(h - 1) * w + w - 1, -w, -1};  // transversed
    case 8: return {w - 1, w, -1};                 // to be turned 90 degrees anticlockwise
    default: throw std::invalid_argument("EXIF orientation must be 1..8");
  }
  // clang-format on
}

// Where stored pixel (x, y) lands in the upright image: the inverse of UprightToStored.
inline PixelMap StoredToUpright(int orientation, std::ptrdiff_t w, std::ptrdiff_t h) {
  const std::ptrdiff_t uw = SwapsSides(orientation) ? h : w;  // upright width
  // clang-format off
  switch (orientation) {
    case 1: return {0, 1, uw};
    case 2: return {w - 1, -1, uw};
    case 3: return {(h - 1) * uw + w - 1, -1, -uw};
    case 4: return {(h - 1) * uw, 1, -uw};
    case 5: return {0, uw, 1};
    case 6: return {h - 1, uw, -1};
    case 7: return {(w - 1) * uw + h - 1, -uw, -1};
    case 8: return {(w - 1) * uw, -uw, 1};
    default: throw std::invalid_argument("EXIF orientation must be 1..8");
  }
  // clang-format on
}

}  // namespace huidig::media
