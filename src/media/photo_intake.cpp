#include "media/photo_intake.hpp"

#include <vips/vips8>

#include <algorithm>
#include <memory>
#include <mutex>

namespace huidig::media {
namespace {

using vips::VImage;

void EnsureVips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("huidig") != 0) throw std::runtime_error("libvips failed to initialise");
    vips_cache_set_max(0);  // every photo is new: caching operations only holds memory
  });
}

bool Has(std::string_view s, std::size_t at, std::string_view what) {
  return s.size() >= at + what.size() && s.substr(at, what.size()) == what;
}

std::string SaveJpeg(const VImage& img, int quality) {
  VipsBlob* blob = img.jpegsave_buffer(VImage::option()->set("Q", quality)->set("strip", true));
  std::size_t len = 0;
  const void* data = vips_blob_get(blob, &len);
  std::string out(static_cast<const char*>(data), len);
  vips_area_unref(VIPS_AREA(blob));
  return out;
}

Error PhotoError(Errc errc, const char* code) { return Error{errc, code, "photo", "R-PHOTO-1", {}}; }

}  // namespace

std::string_view ToString(ImageType t) {
  switch (t) {
    case ImageType::kJpeg: return "jpeg";
    case ImageType::kPng: return "png";
    case ImageType::kWebp: return "webp";
    case ImageType::kHeif: return "heif";
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

Result<ProcessedPhoto> ProcessPhoto(std::string_view bytes, const IntakeLimits& limits) {
  if (bytes.size() > limits.max_bytes) return Fail(PhotoError(Errc::kTooLarge, "photo_too_large"));
  const auto type = SniffImageType(bytes);
  if (!type) return Fail(PhotoError(Errc::kInvalidArgument, "photo_type_unsupported"));
  EnsureVips();
  try {
    // The header only: the pixel limit is checked before anything is decoded.
    VImage header = VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                            VImage::option()->set("fail_on", VIPS_FAIL_ON_ERROR));
    if (static_cast<std::uint64_t>(header.width()) * static_cast<std::uint64_t>(header.height()) >
        limits.max_pixels)
      return Fail(PhotoError(Errc::kInvalidArgument, "photo_too_many_pixels"));
    VImage img = header.autorot();  // EXIF orientation (HEIF: irot, applied by libheif)
    if (img.get_typeof(VIPS_META_ICC_NAME) != 0) {
      img = img.icc_transform("srgb", VImage::option()->set("embedded", true)->set("intent",
                                                                                     VIPS_INTENT_PERCEPTUAL));
    } else if (img.interpretation() != VIPS_INTERPRETATION_sRGB && img.interpretation() != VIPS_INTERPRETATION_B_W) {
      img = img.colourspace(VIPS_INTERPRETATION_sRGB);
    }
    if (img.has_alpha()) img = img.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
    if (img.format() != VIPS_FORMAT_UCHAR) img = img.cast(VIPS_FORMAT_UCHAR);
    // Decode once; the photo and its thumbnail come from the same pixels.
    img = img.copy_memory();
    ProcessedPhoto out;
    out.source_type = *type;
    out.width = img.width();
    out.height = img.height();
    out.jpeg = SaveJpeg(img, limits.jpeg_quality);
    // A box shrink to about twice the size first: resampling the full 12 MP image with
    // lanczos costs several times the whole JPEG encode.
    const int longest = std::max(img.width(), img.height());
    const int factor = std::max(1, longest / (limits.thumbnail_size * 2));
    const VImage base = factor > 1 ? img.shrink(factor, factor) : img;
    VImage thumb = base.thumbnail_image(limits.thumbnail_size, VImage::option()
                                                                   ->set("height", limits.thumbnail_size)
                                                                   ->set("size", VIPS_SIZE_DOWN));
    out.thumbnail = SaveJpeg(thumb, limits.jpeg_quality);
    return out;
  } catch (const vips::VError&) {
    vips_error_clear();
    return Fail(PhotoError(Errc::kInvalidArgument, "photo_corrupt"));
  }
}

}  // namespace huidig::media
