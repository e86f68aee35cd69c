#pragma once
// The decoded pixels of a photo, as the intake's decoder writes them and its JPEG writer reads
// them.

#include <cstdint>
#include <memory>

namespace huidig::media {

// Decoded 8-bit pixels, interleaved, rows of width * bands bytes; bands is 1 (grey) or 3 (sRGB).
//
// A photo's buffer (36 MB for 12 MP) is written and read across its rows and columns. It lies
// on 2 MiB pages where the kernel offers them (a few page faults instead of thousands, no TLB
// misses), and when it is freed it is kept for the next photo (up to kKeptBytes in all): the
// kernel zeroes every fresh page, which here costs a third as much as decoding the photo.
// Every pixel of a buffer is written before it is read.
class PixelBuffer {
 public:
  static constexpr int kMaxSide = 65500;                             // as JPEG allows
  static constexpr std::size_t kKeptBytes = std::size_t{128} << 20;  // kept for later photos

  PixelBuffer(int width, int height, int bands);  // throws std::invalid_argument
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
    void operator()(std::uint8_t* p) const;
  };
  int width_;
  int height_;
  int bands_;
  std::unique_ptr<std::uint8_t[], Release> data_;
};

}  // namespace huidig::media
