#pragma once
// The JPEG encoder of the photo intake (R-PHOTO-2), on libjpeg-turbo, using every core.
//
// The image is cut into bands of whole MCU rows (multiples of eight, so restart numbers line up);
// each band is compressed on its own thread with a restart marker after every MCU row, and the
// bands' entropy-coded data are joined behind the first band's header. Every MCU row starts after a
// restart (DC prediction reset, byte aligned) and the tables follow from the quality alone, so
// the result is byte for byte the file one encoder writes with the same settings; a test holds
// it to that.
//
// The file is baseline JPEG with a JFIF header and nothing else: no EXIF, XMP, IPTC, ICC
// profile or comment. Colour images are written 4:2:0.

#include <string>

#include "media/pixel_buffer.hpp"

namespace huidig::media {

struct JpegOptions {
  int quality = 85;
  int orientation = 1;  // EXIF orientation 1..8 of the pixels; the file is written upright
  int threads = 0;      // bands encoded at once; 0: one per core
};

// Width and height once the orientation is applied (5..8 swap them).
int UprightWidth(const PixelBuffer& image, int orientation);
int UprightHeight(const PixelBuffer& image, int orientation);

// Throws std::invalid_argument for options it cannot follow (orientation, quality) and
// std::runtime_error when libjpeg fails (out of memory).
std::string EncodeJpeg(const PixelBuffer& image, const JpegOptions& options);

}  // namespace huidig::media
