#include "media/pixel_buffer.hpp"

#include <sys/mman.h>

#include <new>
#include <stdexcept>

namespace huidig::media {

PixelBuffer::PixelBuffer(int width, int height, int bands) : width_(width), height_(height), bands_(bands) {
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide)
    throw std::invalid_argument("image size out of range");
  if (bands != 1 && bands != 3) throw std::invalid_argument("pixels need 1 or 3 bands");
  // A photo's buffer is written and read across its rows and columns: on 2 MiB pages it costs
  // a few page faults instead of thousands, and no TLB misses (where the kernel offers them).
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  if (size() >= 4 * kHugePage) {
    const std::size_t bytes = (size() + kHugePage - 1) / kHugePage * kHugePage;
    data_.reset(static_cast<std::uint8_t*>(std::aligned_alloc(kHugePage, bytes)));
    if (data_) madvise(data_.get(), bytes, MADV_HUGEPAGE);
  } else {
    data_.reset(static_cast<std::uint8_t*>(std::malloc(size())));
  }
  if (!data_) throw std::bad_alloc();
}

}  // namespace huidig::media
