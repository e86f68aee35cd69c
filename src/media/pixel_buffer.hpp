#pragma once
// The decoded pixels of a photo, as the intake's decoder writes them and its JPEG writer reads
// them.

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace huidig::media {

// Decoded 8-bit pixels, interleaved, rows of width * bands bytes; bands is 1 (grey) or 3 (sRGB).
class PixelBuffer {
 public:
  static constexpr int kMaxSide = 65500;  // as JPEG allows

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
  int width_;
  int height_;
  int bands_;
  struct Free {
    void operator()(std::uint8_t* p) const { std::free(p); }
  };
  std::unique_ptr<std::uint8_t[], Free> data_;
};

}  // namespace huidig::media
