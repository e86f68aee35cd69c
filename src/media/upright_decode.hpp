#pragma once
// The decode of the photo intake. libvips computes the image (decode, colour to sRGB) on its
// worker threads and hands it over strip by strip, top to bottom, to one callback on its
// write-behind thread (vips_sink_disc). There each strip is put where it belongs in the upright
// image and box-summed into a small copy for the thumbnail. So the turn and the thumbnail's
// first shrink run on the second core while the first is still decoding, and the upright image
// is the only full-size buffer.

#include <vips/vips8>

#include "media/jpeg_writer.hpp"

namespace huidig::media {

struct DecodedPhoto {
  PixelBuffer upright;  // the whole image, turned by its EXIF orientation
  PixelBuffer reduced;  // box means of reduce x reduce pixels, as stored (not turned)
};

// `image` is 8-bit with 1 or 3 bands; `orientation` 1..8; `reduce` >= 1 (lowered where a side is
// shorter); `workers`: libvips threads computing the strips, 0 for libvips' default. A decode
// that is nothing but a decode is sequential: one worker keeps the decoder's state in one core's
// cache and leaves the other core to the callback (two workers take turns at the decoder and
// cost a quarter more time); a colour transform wants them all. The upright buffer comes from
// `pool` when given. Throws vips::VError when libvips fails (a truncated or corrupt file).
DecodedPhoto DecodeUpright(const vips::VImage& image, int orientation, int reduce, int workers = 0,
                           BufferPool* pool = nullptr);

}  // namespace huidig::media
