#include "media/pixel_buffer.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <new>
#include <stdexcept>

namespace huidig::media {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kBigBuffer = 4 * kHugePage;  // smaller ones come from malloc

}  // namespace

BufferPool::~BufferPool() {
  for (auto& [p, capacity] : kept_) std::free(p);
}

std::pair<std::uint8_t*, std::size_t> BufferPool::Take(std::size_t bytes) {
  std::lock_guard lock(mu_);
  for (auto it = kept_.begin(); it != kept_.end(); ++it) {
    if (it->second >= bytes && it->second / 2 < bytes) {
      const auto taken = *it;
      kept_total_ -= taken.second;
      kept_.erase(it);
      return taken;
    }
  }
  return {nullptr, 0};
}

bool BufferPool::Keep(std::uint8_t* p, std::size_t capacity) {
  std::lock_guard lock(mu_);
  if (kept_total_ + capacity > keep_bytes_) return false;
  kept_.emplace_back(p, capacity);
  kept_total_ += capacity;
  return true;
}

std::size_t BufferPool::kept_bytes() const {
  std::lock_guard lock(mu_);
  return kept_total_;
}

void PixelBuffer::Release::operator()(std::uint8_t* p) const {
  if (capacity == 0 || pool == nullptr || !pool->Keep(p, capacity)) std::free(p);
}

PixelBuffer::PixelBuffer(int width, int height, int bands, BufferPool* pool)
    : width_(width), height_(height), bands_(bands), data_(nullptr, Release{0, nullptr}) {
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide)
    throw std::invalid_argument("image size out of range");
  if (bands != 1 && bands != 3) throw std::invalid_argument("pixels need 1 or 3 bands");
  if (size() < kBigBuffer) {
    data_ = {static_cast<std::uint8_t*>(std::malloc(size())), Release{0, nullptr}};
  } else {
    const std::size_t wanted = (size() + kHugePage - 1) / kHugePage * kHugePage;
    auto [p, capacity] = pool ? pool->Take(wanted) : std::pair<std::uint8_t*, std::size_t>{nullptr, 0};
    if (p == nullptr) {
      capacity = wanted;
      p = static_cast<std::uint8_t*>(std::aligned_alloc(kHugePage, capacity));
      if (p != nullptr) madvise(p, capacity, MADV_HUGEPAGE);
    }
    data_ = {p, Release{capacity, pool}};
  }
  if (!data_) throw std::bad_alloc();
}

}  // namespace huidig::media
