#include "media/pixel_buffer.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <mutex>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

namespace huidig::media {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kBigBuffer = 4 * kHugePage;  // smaller ones come from malloc

// Freed big buffers, for the next photos: each taken by the first request it fits without
// wasting more than half of it.
class KeptBuffers {
 public:
  std::uint8_t* Take(std::size_t capacity) {
    std::lock_guard lock(mu_);
    for (auto it = kept_.begin(); it != kept_.end(); ++it) {
      if (it->second >= capacity && it->second / 2 < capacity) {
        std::uint8_t* p = it->first;
        kept_bytes_ -= it->second;
        kept_.erase(it);
        return p;
      }
    }
    return nullptr;
  }

  // False when there is no room: the caller frees it.
  bool Keep(std::uint8_t* p, std::size_t capacity) {
    std::lock_guard lock(mu_);
    if (kept_bytes_ + capacity > PixelBuffer::kKeptBytes) return false;
    kept_.emplace_back(p, capacity);
    kept_bytes_ += capacity;
    return true;
  }

 private:
  std::mutex mu_;
  std::vector<std::pair<std::uint8_t*, std::size_t>> kept_;
  std::size_t kept_bytes_ = 0;
};

KeptBuffers& Kept() {
  static KeptBuffers* kept = new KeptBuffers;  // lives as long as the process
  return *kept;
}

}  // namespace

void PixelBuffer::Release::operator()(std::uint8_t* p) const {
  if (capacity == 0 || !Kept().Keep(p, capacity)) std::free(p);
}

PixelBuffer::PixelBuffer(int width, int height, int bands)
    : width_(width), height_(height), bands_(bands), data_(nullptr, Release{0}) {
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide)
    throw std::invalid_argument("image size out of range");
  if (bands != 1 && bands != 3) throw std::invalid_argument("pixels need 1 or 3 bands");
  if (size() < kBigBuffer) {
    data_ = {static_cast<std::uint8_t*>(std::malloc(size())), Release{0}};
  } else {
    const std::size_t capacity = (size() + kHugePage - 1) / kHugePage * kHugePage;
    std::uint8_t* p = Kept().Take(capacity);
    if (p == nullptr) {
      p = static_cast<std::uint8_t*>(std::aligned_alloc(kHugePage, capacity));
      if (p != nullptr) madvise(p, capacity, MADV_HUGEPAGE);
    }
    data_ = {p, Release{capacity}};
  }
  if (!data_) throw std::bad_alloc();
}

}  // namespace huidig::media
