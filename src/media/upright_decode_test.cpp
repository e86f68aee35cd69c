// The intake's decode (R-PHOTO-2): strips from libvips land upright exactly as autorot turns
// them, for every EXIF orientation, and the thumbnail's box means are right.
#include "media/upright_decode.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "media/photo_intake.hpp"

namespace huidig::media {
namespace {

using vips::VImage;

class UprightDecodeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { StartImaging(); }
};

// Neighbouring pixels all differ, so a pixel in the wrong place shows.
VImage Numbered(int width, int height, int bands) {
  const VImage xy = VImage::xyz(width, height);
  const VImage x = xy.extract_band(0);
  const VImage y = xy.extract_band(1);
  std::vector<VImage> planes;
  for (int b = 0; b < bands; ++b) planes.push_back((x * (7 + b) + y * (13 + 2 * b) + b * 50) % 256);
  return VImage::bandjoin(planes).cast(VIPS_FORMAT_UCHAR).copy_memory();
}

bool SamePixels(const PixelBuffer& got, const VImage& expected) {
  if (got.width() != expected.width() || got.height() != expected.height() ||
      got.bands() != expected.bands())
    return false;
  const VImage memory = expected.copy_memory();
  return std::memcmp(got.data(), memory.data(), got.size()) == 0;
}

TEST_F(UprightDecodeTest, RPhoto2EveryOrientationLandsAsAutorotTurnsIt) {
  // Tall enough for libvips to hand over many strips; sides of no round size.
  for (int bands : {3, 1}) {
    const VImage stored = Numbered(301, 1037, bands);
    for (int orientation = 1; orientation <= 8; ++orientation) {
      VImage tagged = stored.copy();
      tagged.set(VIPS_META_ORIENTATION, orientation);
      const DecodedPhoto decoded = DecodeUpright(stored, orientation, 1);
      EXPECT_TRUE(SamePixels(decoded.upright, tagged.autorot()))
          << "orientation " << orientation << ", " << bands << " band(s)";
      EXPECT_TRUE(SamePixels(decoded.reduced, stored)) << "reduce 1 keeps the stored pixels";
    }
  }
}

TEST_F(UprightDecodeTest, TheThumbnailCopyHoldsTheMeanOfEachBox) {
  // 7 x 5, one band, factor 2: 3 x 2 boxes; the last column and row are left out.
  std::vector<std::uint8_t> bytes(35);
  for (int i = 0; i < 35; ++i) bytes[i] = static_cast<std::uint8_t>(i * 7);
  const VImage stored =
      VImage::new_from_memory(bytes.data(), bytes.size(), 7, 5, 1, VIPS_FORMAT_UCHAR);
  const DecodedPhoto decoded = DecodeUpright(stored, 6, 2);
  ASSERT_EQ(decoded.reduced.width(), 3);
  ASSERT_EQ(decoded.reduced.height(), 2);
  for (int by = 0; by < 2; ++by) {
    for (int bx = 0; bx < 3; ++bx) {
      int sum = 0;
      for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x) sum += bytes[(by * 2 + y) * 7 + bx * 2 + x];
      EXPECT_EQ(decoded.reduced.data()[by * 3 + bx], (sum + 2) / 4) << bx << "," << by;
    }
  }
  EXPECT_EQ(decoded.upright.width(), 5);  // turned: 5 x 7
  EXPECT_EQ(decoded.upright.height(), 7);
}

TEST_F(UprightDecodeTest, RPhoto1ACorruptFileFailsInTheDecode) {
  const VImage good = Numbered(200, 300, 3);
  VipsBlob* blob = good.jpegsave_buffer();
  std::size_t length = 0;
  const auto* data = static_cast<const char*>(vips_blob_get(blob, &length));
  std::string cut(data, length / 2);  // the second half of the scan is missing
  vips_area_unref(VIPS_AREA(blob));
  const VImage truncated = VImage::new_from_buffer(
      cut.data(), cut.size(), "",
      VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL)->set("fail_on", VIPS_FAIL_ON_ERROR));
  EXPECT_THROW((void)DecodeUpright(truncated, 1, 1), vips::VError);
}

}  // namespace
}  // namespace huidig::media
