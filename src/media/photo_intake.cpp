#include "media/photo_intake.hpp"

#include <algorithm>
#include <mutex>
#include <thread>
#include <vips/vips8>

#include "media/jpeg_writer.hpp"
#include "media/upright_decode.hpp"

namespace huidig::media {
namespace {

using vips::VImage;

bool Has(std::string_view s, std::size_t at, std::string_view what) {
  return s.size() >= at + what.size() && s.substr(at, what.size()) == what;
}

// Sequential: libvips decodes top to bottom once, strip by strip (see DecodeUpright).
VImage Load(std::string_view bytes, vips::VOption* options) {
  return VImage::new_from_buffer(
      bytes.data(), bytes.size(), "",
      options->set("access", VIPS_ACCESS_SEQUENTIAL)->set("fail_on", VIPS_FAIL_ON_ERROR));
}

bool HasProfile(const VImage& img) { return img.get_typeof(VIPS_META_ICC_NAME) != 0; }
bool IsSrgbOrGrey(const VImage& img) {
  return img.interpretation() == VIPS_INTERPRETATION_sRGB ||
         img.interpretation() == VIPS_INTERPRETATION_B_W;
}

// 8-bit sRGB (or grey) without alpha, ready for the JPEG writer.
VImage Normalise(VImage img) {
  if (HasProfile(img)) {
    img = img.icc_transform(
        "srgb", VImage::option()->set("embedded", true)->set("intent", VIPS_INTENT_PERCEPTUAL));
  } else if (!IsSrgbOrGrey(img)) {
    img = img.colourspace(VIPS_INTERPRETATION_sRGB);
  }
  if (img.has_alpha())
    img = img.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
  if (img.format() != VIPS_FORMAT_UCHAR) img = img.cast(VIPS_FORMAT_UCHAR);
  if (img.bands() > 3) img = img.extract_band(0, VImage::option()->set("n", 3));
  if (img.bands() == 2) img = img.extract_band(0);
  return img;
}

// A buffer as an image, without a copy: to read from, or to write into when it is ours.
VImage Wrap(const PixelBuffer& pixels) {
  return VImage::new_from_memory(const_cast<std::uint8_t*>(pixels.data()), pixels.size(),
                                 pixels.width(), pixels.height(), pixels.bands(),
                                 VIPS_FORMAT_UCHAR);
}

// The whole factor by which the decode box-shrinks a copy for the thumbnail: to about twice the
// thumbnail's size, from where lanczos makes the thumbnail (resampling all 12 MP with lanczos
// would cost several times the whole JPEG encode).
int ThumbnailReduction(const VImage& img, const IntakeLimits& limits) {
  return std::max(1, std::max(img.width(), img.height()) / (limits.thumbnail_size * 2));
}

std::string Thumbnail(const PixelBuffer& reduced, const IntakeLimits& limits, int orientation) {
  VImage thumb = Wrap(reduced).thumbnail_image(
      limits.thumbnail_size,
      VImage::option()->set("height", limits.thumbnail_size)->set("size", VIPS_SIZE_DOWN));
  if (thumb.format() != VIPS_FORMAT_UCHAR) thumb = thumb.cast(VIPS_FORMAT_UCHAR);
  PixelBuffer pixels(thumb.width(), thumb.height(), thumb.bands());
  thumb.write(Wrap(pixels));
  return EncodeJpeg(pixels, JpegOptions{limits.jpeg_quality, orientation, 1});
}

Error PhotoError(Errc errc, const char* code) {
  return Error{errc, code, "photo", "R-PHOTO-1", {}};
}

}  // namespace

void StartImaging() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("huidig") != 0) throw std::runtime_error("libvips failed to initialise");
    vips_cache_set_max(0);  // every photo is new: caching operations only holds memory
  });
}

std::string_view ToString(ImageType t) {
  switch (t) {
    case ImageType::kJpeg:
      return "jpeg";
    case ImageType::kPng:
      return "png";
    case ImageType::kWebp:
      return "webp";
    case ImageType::kHeif:
      return "heif";
  }
  return "jpeg";
}

std::optional<ImageType> SniffImageType(std::string_view b) {
  if (Has(b, 0, "\xFF\xD8\xFF")) return ImageType::kJpeg;
  if (Has(b, 0, "\x89PNG\r\n\x1a\n")) return ImageType::kPng;
  if (Has(b, 0, "RIFF") && Has(b, 8, "WEBP")) return ImageType::kWebp;
  if (Has(b, 4, "ftyp")) {
    for (std::string_view brand : {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"})
      if (Has(b, 8, brand)) return ImageType::kHeif;
  }
  return std::nullopt;
}

Result<ProcessedPhoto> ProcessPhoto(std::string_view bytes, const IntakeLimits& limits,
                                    BufferPool* pool) {
  if (bytes.size() > limits.max_bytes) return Fail(PhotoError(Errc::kTooLarge, "photo_too_large"));
  const auto type = SniffImageType(bytes);
  if (!type) return Fail(PhotoError(Errc::kInvalidArgument, "photo_type_unsupported"));
  StartImaging();
  try {
    // The header only: the pixel limits are checked before anything is decoded (a side longer
    // than a JPEG may have is refused too, however few pixels the image has).
    VImage header = Load(bytes, VImage::option());
    if (static_cast<std::uint64_t>(header.width()) * static_cast<std::uint64_t>(header.height()) >
            limits.max_pixels ||
        header.width() > PixelBuffer::kMaxSide || header.height() > PixelBuffer::kMaxSide)
      return Fail(PhotoError(Errc::kInvalidArgument, "photo_too_many_pixels"));
    // EXIF orientation, or HEIF's irot (applied by libheif, which then reports 1).
    int orientation = vips_image_get_orientation(header.get_image());
    if (orientation < 1 || orientation > 8) orientation = 1;
    const VImage img = Normalise(header);
    const int workers = HasProfile(header) || !IsSrgbOrGrey(header) ? 0 : 1;  // see DecodeUpright
    const DecodedPhoto decoded =
        DecodeUpright(img, orientation, ThumbnailReduction(img, limits), workers, pool);
    ProcessedPhoto out;
    out.source_type = *type;
    out.width = decoded.upright.width();
    out.height = decoded.upright.height();
    out.jpeg = EncodeJpeg(decoded.upright, JpegOptions{limits.jpeg_quality, 1, 0});
    out.thumbnail = Thumbnail(decoded.reduced, limits, orientation);
    return out;
  } catch (const vips::VError&) {
    vips_error_clear();
    return Fail(PhotoError(Errc::kInvalidArgument, "photo_corrupt"));
  }
}

PhotoIntake::PhotoIntake(IntakeLimits limits)
    : limits_(limits),
      slots_(static_cast<std::ptrdiff_t>(std::clamp(std::thread::hardware_concurrency(), 1u, 256u))) {
  StartImaging();
}

Result<ProcessedPhoto> PhotoIntake::Process(std::string_view bytes) {
  slots_.acquire();
  struct Leave {
    std::counting_semaphore<256>& slots;
    ~Leave() { slots.release(); }
  } leave{slots_};
  return ProcessPhoto(bytes, limits_, &pool_);
}

}  // namespace huidig::media
