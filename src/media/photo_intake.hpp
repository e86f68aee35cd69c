#pragma once
// R-PHOTO-1, R-PHOTO-2: photo intake with libvips. The type is read from the bytes, never
// the name; limits in bytes and pixels are checked before decoding; the image is decoded,
// turned upright (EXIF orientation, or HEIF's irot), converted to sRGB, and re-encoded as a
// JPEG without any metadata (EXIF, GPS, XMP, IPTC, maker notes, embedded thumbnails,
// comments, ICC profile), with a thumbnail made from the same pixels. Nothing of the
// original file is kept.

#include <cstdint>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "media/pixel_buffer.hpp"

namespace huidig::media {

enum class ImageType { kJpeg, kPng, kWebp, kHeif };
std::string_view ToString(ImageType t);
// From the first bytes; nullopt for anything else (GIF, TIFF, PDF, a renamed text file ...).
std::optional<ImageType> SniffImageType(std::string_view bytes);

struct IntakeLimits {
  std::size_t max_bytes = 25 * 1024 * 1024;
  std::uint64_t max_pixels = 50'000'000;  // 50 MP: every phone camera, no decompression bombs
  int thumbnail_size = 400;                // longest side of the thumbnail
  int jpeg_quality = 85;
};

struct ProcessedPhoto {
  std::string jpeg;       // the stored image
  std::string thumbnail;  // a JPEG too
  int width = 0;
  int height = 0;
  ImageType source_type = ImageType::kJpeg;
};

// Starts libvips once (ProcessPhoto does too); a server calls it when it starts.
void StartImaging();

// Errors (kInvalidArgument unless noted): photo_type_unsupported, photo_too_large
// (kTooLarge), photo_too_many_pixels, photo_corrupt; all name the field "photo". `pool`, when
// given, lends the big pixel buffer and takes it back.
[[nodiscard]] Result<ProcessedPhoto> ProcessPhoto(std::string_view bytes, const IntakeLimits& limits,
                                                  BufferPool* pool = nullptr);

// The intake of a server: ProcessPhoto with buffers kept between photos, and at most one photo
// per core at a time (a 50 MP photo needs some 200 MB while it is decoded; the others wait
// their turn instead of exhausting memory). Starts libvips when it is made.
class PhotoIntake {
 public:
  static constexpr std::size_t kKeptBytes = std::size_t{128} << 20;

  explicit PhotoIntake(IntakeLimits limits);
  PhotoIntake(const PhotoIntake&) = delete;
  PhotoIntake& operator=(const PhotoIntake&) = delete;

  [[nodiscard]] Result<ProcessedPhoto> Process(std::string_view bytes);
  const IntakeLimits& limits() const { return limits_; }

 private:
  IntakeLimits limits_;
  BufferPool pool_{kKeptBytes};
  std::counting_semaphore<256> slots_;
};

}  // namespace huidig::media
