// The intake's JPEG writer (R-PHOTO-2): bands encoded on several threads join into exactly the
// file one encoder writes; every EXIF orientation comes out as libvips' autorot has it; the file
// carries no metadata segment at all.
#include "media/jpeg_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>
#include <vips/vips8>

#include "media/photo_intake.hpp"

namespace huidig::media {
namespace {

using vips::VImage;

class JpegWriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { StartImaging(); }
};

// Gradients with a little noise: real work for the encoder, and every way up looks different.
PixelBuffer Pattern(int width, int height, int bands) {
  PixelBuffer p(width, height, bands);
  std::uint32_t noise = 12345;
  std::uint8_t* d = p.data();
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int b = 0; b < bands; ++b) {
        noise = noise * 1664525 + 1013904223;
        const int v = x * 150 / width + y * 60 / height + b * 10 + static_cast<int>(noise >> 30);
        *d++ = static_cast<std::uint8_t>(v);
      }
  return p;
}

VImage Decode(const std::string& jpeg) {
  return VImage::new_from_buffer(jpeg.data(), jpeg.size(), "",
                                 VImage::option()->set("fail_on", VIPS_FAIL_ON_WARNING))
      .copy_memory();
}

// A view of the buffer: valid while the buffer lives.
VImage AsImage(const PixelBuffer& p) {
  return VImage::new_from_memory(const_cast<std::uint8_t*>(p.data()), p.size(), p.width(),
                                 p.height(), p.bands(), VIPS_FORMAT_UCHAR);
}

// Peak signal-to-noise ratio between two images of one size, in dB.
double Psnr(const VImage& a, const VImage& b) {
  const double mse = (a.cast(VIPS_FORMAT_FLOAT) - b.cast(VIPS_FORMAT_FLOAT)).pow(2).avg();
  return 10 * std::log10(255.0 * 255.0 / std::max(mse, 1e-9));
}

// The markers of a JPEG file up to its scan.
std::vector<int> Markers(const std::string& f) {
  std::vector<int> out;
  std::size_t i = 2;
  while (i + 4 <= f.size() && static_cast<unsigned char>(f[i]) == 0xFF) {
    const int marker = static_cast<unsigned char>(f[i + 1]);
    out.push_back(marker);
    if (marker == 0xDA) break;
    i += 2 + ((static_cast<unsigned char>(f[i + 2]) << 8) | static_cast<unsigned char>(f[i + 3]));
  }
  return out;
}

TEST_F(JpegWriterTest, RPhoto2BandsOnSeveralThreadsMakeTheFileOneEncoderWrites) {
  // Heights that are and are not whole MCU rows, colour (16-row MCUs) and grey (8-row).
  for (const auto& [width, height, bands] : std::vector<std::tuple<int, int, int>>{
           {1000, 2050, 3}, {333, 2048, 3}, {701, 1100, 1}, {17, 9, 3}}) {
    const PixelBuffer pixels = Pattern(width, height, bands);
    const std::string one = EncodeJpeg(pixels, JpegOptions{85, 1, 1});
    for (int threads : {2, 3, 4}) {
      EXPECT_EQ(EncodeJpeg(pixels, JpegOptions{85, 1, threads}), one)
          << width << "x" << height << "x" << bands << " on " << threads << " threads";
    }
    const VImage decoded = Decode(one);
    EXPECT_EQ(decoded.width(), width);
    EXPECT_EQ(decoded.height(), height);
    EXPECT_EQ(decoded.bands(), bands);
    EXPECT_GT(Psnr(decoded, AsImage(pixels)), 30.0) << width << "x" << height;
  }
}

TEST_F(JpegWriterTest, RPhoto2EveryOrientationIsWrittenAsAutorotTurnsIt) {
  // Big enough for several bands once turned, so the turn and the joining are tested together.
  for (int bands : {3, 1}) {
    const PixelBuffer stored = Pattern(1300, 900, bands);
    const VImage image = AsImage(stored);
    for (int orientation = 1; orientation <= 8; ++orientation) {
      VImage tagged = image.copy();
      tagged.set(VIPS_META_ORIENTATION, orientation);
      const VImage expected = tagged.autorot();
      const std::string jpeg = EncodeJpeg(stored, JpegOptions{85, orientation, 2});
      EXPECT_EQ(jpeg, EncodeJpeg(stored, JpegOptions{85, orientation, 1})) << orientation;
      const VImage got = Decode(jpeg);
      ASSERT_EQ(got.width(), expected.width()) << orientation;
      ASSERT_EQ(got.height(), expected.height()) << orientation;
      EXPECT_EQ(got.width(), UprightWidth(stored, orientation));
      EXPECT_EQ(got.height(), UprightHeight(stored, orientation));
      // libvips' own JPEG of the turned pixels, with the same libjpeg settings, decodes to the
      // very same pixels: restart markers change the file, never the image.
      VipsBlob* blob = expected.jpegsave_buffer(VImage::option()->set("Q", 85));
      std::size_t length = 0;
      const auto* data = static_cast<const char*>(vips_blob_get(blob, &length));
      const VImage reference = Decode(std::string(data, length));
      vips_area_unref(VIPS_AREA(blob));
      EXPECT_EQ((got - reference).abs().max(), 0)
          << "orientation " << orientation << ", " << bands << " band(s)";
    }
  }
}

TEST_F(JpegWriterTest, RPhoto2TheFileCarriesNoMetadataSegment) {
  const std::string jpeg = EncodeJpeg(Pattern(640, 480, 3), JpegOptions{});
  // JFIF (APP0), quantisation and Huffman tables, frame, restart interval, scan: nothing else.
  for (int marker : Markers(jpeg)) {
    EXPECT_TRUE(marker == 0xE0 || marker == 0xDB || marker == 0xC4 || marker == 0xC0 ||
                marker == 0xDD || marker == 0xDA)
        << "unexpected marker 0x" << std::hex << marker;
  }
  EXPECT_EQ(Markers(jpeg).back(), 0xDA);
}

TEST(BufferPoolTest, BigBuffersAreKeptForTheNextPhotoUpToTheLimit) {
  BufferPool pool(100 << 20);
  const std::uint8_t* first = nullptr;
  {
    PixelBuffer a(4000, 3000, 3, &pool);  // 36 MB
    first = a.data();
  }
  EXPECT_EQ(pool.kept_bytes(), std::size_t{36} << 20);  // whole 2 MiB pages
  {
    PixelBuffer b(3000, 4000, 3, &pool);  // the same size turned: the kept buffer serves
    EXPECT_EQ(b.data(), first);
    EXPECT_EQ(pool.kept_bytes(), 0u);
    PixelBuffer c(4000, 2995, 3, &pool);  // a second one at the same time: a new buffer
    EXPECT_NE(c.data(), first);
  }
  EXPECT_EQ(pool.kept_bytes(), std::size_t{72} << 20);
  {
    // A smaller photo takes a kept buffer if it wastes at most half of it, and gives back the
    // buffer's whole capacity, not what it asked for.
    PixelBuffer d(3000, 2500, 3, &pool);  // 22.5 MB
    EXPECT_EQ(pool.kept_bytes(), std::size_t{36} << 20);
    PixelBuffer e(1000, 1000, 3, &pool);  // small: from malloc, never kept
  }
  EXPECT_EQ(pool.kept_bytes(), std::size_t{72} << 20);
  {
    PixelBuffer f(6000, 4000, 3, &pool);  // 72 MB: none fits, and on return no room is left
  }
  EXPECT_EQ(pool.kept_bytes(), std::size_t{72} << 20);
}

TEST_F(JpegWriterTest, ImpossibleRequestsAreRefused) {
  EXPECT_THROW(PixelBuffer(0, 10, 3), std::invalid_argument);
  EXPECT_THROW(PixelBuffer(10, 70000, 3), std::invalid_argument);
  EXPECT_THROW(PixelBuffer(10, 10, 2), std::invalid_argument);
  const PixelBuffer pixels = Pattern(32, 32, 3);
  EXPECT_THROW((void)EncodeJpeg(pixels, JpegOptions{85, 9, 1}), std::invalid_argument);
  EXPECT_THROW((void)EncodeJpeg(pixels, JpegOptions{0, 1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace huidig::media
