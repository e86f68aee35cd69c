#pragma once
// The decoded pixels of a photo, as the intake's decoder writes them and its JPEG writer reads
// them, and the pool that keeps big ones for the next photo.

#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace huidig::media {

// Freed big pixel buffers (2 MiB aligned), kept for the next photos up to a total size: the
// kernel zeroes every fresh page, which costs a third as much as decoding the photo. A buffer
// is taken by the first request it fits without wasting more than half of it. Thread-safe.
class BufferPool {
 public:
  explicit BufferPool(std::size_t keep_bytes) : keep_bytes_(keep_bytes) {}
  ~BufferPool();
  BufferPool(const BufferPool&) = delete;
  BufferPool& operator=(const BufferPool&) = delete;

  // A kept buffer of at least `bytes` and its real capacity, or {nullptr, 0}.
  std::pair<std::uint8_t*, std::size_t> Take(std::size_t bytes);
  // False when there is no room: the caller frees it.
  bool Keep(std::uint8_t* p, std::size_t capacity);
  std::size_t kept_bytes() const;

 private:
  const std::size_t keep_bytes_;
  mutable std::mutex mu_;
  std::vector<std::pair<std::uint8_t*, std::size_t>> kept_;
  std::size_t kept_total_ = 0;
};

// Decoded 8-bit pixels, interleaved, rows of width * bands bytes; bands is 1 (grey) or 3 (sRGB).
//
// A photo's buffer (36 MB for 12 MP) is written and read across its rows and columns. It lies
// on 2 MiB pages where the kernel offers them (a few page faults instead of thousands, no TLB
// misses) and, given a pool, comes from it and goes back to it. Every pixel of a buffer is
// written before it is read.
class PixelBuffer {
 public:
  static constexpr int kMaxSide = 65500;  // as JPEG allows

  // Throws std::invalid_argument (sizes, bands) and std::bad_alloc. `pool` may be null and
  // must outlive the buffer.
  PixelBuffer(int width, int height, int bands, BufferPool* pool = nullptr);
  PixelBuffer(PixelBuffer&&) = default;
  PixelBuffer& operator=(PixelBuffer&&) = default;

  std::uint8_t* data() { return data_.get(); }
  const std::uint8_t* data() const { return data_.get(); }
  std::size_t size() const { return static_cast<std::size_t>(width_) * height_ * bands_; }
  int width() const { return width_; }
  int height() const { return height_; }
  int bands() const { return bands_; }

 private:
  struct Release {
    std::size_t capacity;  // 0: from malloc
    BufferPool* pool;
    void operator()(std::uint8_t* p) const;
  };
  int width_;
  int height_;
  int bands_;
  std::unique_ptr<std::uint8_t[], Release> data_;
};

}  // namespace huidig::media
