// Photo intake with real files made here: JPEG, PNG, WebP and HEIC with GPS, camera tags,
// XMP, comments, a maker note, an embedded thumbnail and every EXIF orientation; exiftool then
// checks the stored image and thumbnail (R-PHOTO-1, R-PHOTO-2).
#include <gtest/gtest.h>

#include <vips/vips8>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "media/photo_intake.hpp"

namespace huidig::media {
namespace {

namespace fs = std::filesystem;
using vips::VImage;

class MediaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { StartImaging(); }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("huidig-media-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // 64x32, black, with a red 8x8 block at the top left: which way is up stays visible.
  static VImage Upright() {
    VImage black = VImage::black(64, 32, VImage::option()->set("bands", 3));
    VImage red = VImage::black(8, 8, VImage::option()->set("bands", 3)).new_from_image(std::vector<double>{255, 0, 0});
    return black.insert(red, 0, 0).cast(VIPS_FORMAT_UCHAR).copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  }

  fs::path Save(const VImage& img, const std::string& name) {
    const auto path = dir_ / name;
    img.write_to_file(path.c_str());
    return path;
  }

  // Camera metadata as a phone writes it.
  void AddCameraTags(const fs::path& file, int orientation = 1, bool thumbnail = true) {
    const auto thumb = Save(Upright().resize(0.25), "exif-thumb.jpg");
    std::string cmd = "exiftool -q -overwrite_original -n -Orientation=" + std::to_string(orientation) +
                      " -GPSLatitude=52.3676 -GPSLatitudeRef=N -GPSLongitude=4.9041 -GPSLongitudeRef=E"
                      " -Make=Apple -Model='iPhone 15 Pro' -SerialNumber=F2LX12345 -Software=Camera"
                      " -XMP-dc:Creator='Salon Zoe' -Comment='kliniek kamer 2' -Artist=Anna"
                      // a maker-note block (tag 0x927c) as phones write one, with a serial
                      " '-MakerNoteUnknownText=Apple iOS maker note F2LX12345'";
    if (thumbnail) cmd += " '-ThumbnailImage<=" + thumb.string() + "'";
    cmd += " '" + file.string() + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }

  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  std::string WriteBytes(const std::string& bytes, const std::string& name) {
    const auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  // Every tag exiftool finds, one "Group:Tag: value" per line.
  std::string Exif(const std::string& bytes) {
    const auto file = WriteBytes(bytes, "check.jpg");
    const auto out = dir_ / "exif.txt";
    const std::string cmd = "exiftool -a -G1 -s '" + file + "' > '" + out.string() + "' 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    return Read(out);
  }

  void ExpectClean(const std::string& jpeg) {
    const auto tags = Exif(jpeg);
    for (const char* leak : {"GPS", "Apple", "iPhone", "F2LX12345", "Salon Zoe", "kliniek", "Artist",
                             "Orientation", "ThumbnailImage", "XMP", "IPTC", "ICC_Profile", "MakerNote",
                             "Comment"})
      EXPECT_EQ(tags.find(leak), std::string::npos) << leak << " survived:\n" << tags;
  }

  static bool RedAt(const VImage& img, int x, int y) {
    const auto p = img.getpoint(x, y);
    return p[0] > 150 && p[1] < 100 && p[2] < 100;
  }

  fs::path dir_;
};

TEST_F(MediaTest, RPhoto1TypeComesFromTheBytes) {
  RecordProperty("rule", "R-PHOTO-1");
  EXPECT_EQ(SniffImageType("\xFF\xD8\xFF\xE0xxxx"), ImageType::kJpeg);
  EXPECT_EQ(SniffImageType("\x89PNG\r\n\x1a\nxxxx"), ImageType::kPng);
  EXPECT_EQ(SniffImageType(std::string("RIFF\0\0\0\0WEBPVP8 ", 16)), ImageType::kWebp);
  EXPECT_EQ(SniffImageType(std::string("\0\0\0\x18" "ftypheic", 12)), ImageType::kHeif);
  EXPECT_FALSE(SniffImageType("%PDF-1.7"));
  EXPECT_FALSE(SniffImageType("GIF89a"));
  EXPECT_FALSE(SniffImageType(std::string("\0\0\0\x18" "ftypavif", 12)));
  EXPECT_FALSE(SniffImageType("Dit is geen foto.jpg"));
}

TEST_F(MediaTest, RPhoto2JpegFromAPhoneLosesEveryTagAndTurnsUpright) {
  RecordProperty("rule", "R-PHOTO-2");
  // The pixels as a camera stores them for each orientation, so that turning them as the tag
  // says gives the upright picture back.
  const VImage u = Upright();
  const VImage stored[9] = {u,
                            u,
                            u.fliphor(),
                            u.rot(VIPS_ANGLE_D180),
                            u.flipver(),
                            u.rot(VIPS_ANGLE_D90).fliphor(),
                            u.rot(VIPS_ANGLE_D270),
                            u.rot(VIPS_ANGLE_D90).flipver(),
                            u.rot(VIPS_ANGLE_D90)};
  for (int orientation = 1; orientation <= 8; ++orientation) {
    const auto file = Save(stored[orientation], "camera-" + std::to_string(orientation) + ".jpg");
    AddCameraTags(file, orientation);
    ASSERT_NE(Exif(Read(file)).find("GPSLatitude"), std::string::npos);  // the source does leak
    ASSERT_NE(Exif(Read(file)).find("MakerNote"), std::string::npos);
    auto photo = ProcessPhoto(Read(file), IntakeLimits{});
    ASSERT_TRUE(photo) << photo.error().code;
    const VImage out = VImage::new_from_buffer(photo->jpeg.data(), photo->jpeg.size(), "");
    EXPECT_EQ(out.width(), 64) << "orientation " << orientation;
    EXPECT_EQ(out.height(), 32) << "orientation " << orientation;
    EXPECT_TRUE(RedAt(out, 3, 3)) << "orientation " << orientation;
    EXPECT_FALSE(RedAt(out, 60, 28)) << "orientation " << orientation;
    ExpectClean(photo->jpeg);
    ExpectClean(photo->thumbnail);
    for (const std::string* bytes : {&photo->jpeg, &photo->thumbnail})
      EXPECT_EQ(bytes->find("Apple iOS maker note"), std::string::npos) << "the maker note's bytes survived";
  }
}

TEST_F(MediaTest, RPhoto2PngWebpAndHeicAreCleanedToo) {
  RecordProperty("rule", "R-PHOTO-2");
  // PNG with an alpha channel.
  const VImage rgba = Upright().bandjoin(255);
  auto png = ProcessPhoto(Read(Save(rgba, "alpha.png")), IntakeLimits{});
  ASSERT_TRUE(png) << png.error().code;
  EXPECT_EQ(png->source_type, ImageType::kPng);
  // WebP carrying EXIF with GPS (libvips keeps it in WebP output; we store JPEG only).
  const auto webp = Save(Upright(), "camera.webp");
  AddCameraTags(webp, 1, false);
  ASSERT_NE(Exif(Read(webp)).find("GPS"), std::string::npos);
  auto from_webp = ProcessPhoto(Read(webp), IntakeLimits{});
  ASSERT_TRUE(from_webp) << from_webp.error().code;
  EXPECT_EQ(from_webp->source_type, ImageType::kWebp);
  ExpectClean(from_webp->jpeg);
  // HEIC from a phone-like JPEG (heif-enc copies its EXIF, GPS included).
  const auto jpeg = Save(Upright().resize(4), "for-heic.jpg");
  AddCameraTags(jpeg, 1, false);
  const auto heic = dir_ / "camera.heic";
  ASSERT_EQ(std::system(("heif-enc -q 80 -o '" + heic.string() + "' '" + jpeg.string() + "' >/dev/null 2>&1").c_str()), 0);
  auto from_heic = ProcessPhoto(Read(heic), IntakeLimits{});
  ASSERT_TRUE(from_heic) << from_heic.error().code;
  EXPECT_EQ(from_heic->source_type, ImageType::kHeif);
  EXPECT_EQ(from_heic->width, 256);
  ExpectClean(from_heic->jpeg);
  ExpectClean(from_heic->thumbnail);
  const VImage thumb = VImage::new_from_buffer(from_heic->thumbnail.data(), from_heic->thumbnail.size(), "");
  EXPECT_LE(std::max(thumb.width(), thumb.height()), 400);
}

TEST_F(MediaTest, RPhoto1BrokenDisguisedAndOversizedFilesAreRefused) {
  RecordProperty("rule", "R-PHOTO-1");
  const std::string jpeg = Read(Save(Upright().resize(8), "big.jpg"));  // 512x256
  auto code = [](const Result<ProcessedPhoto>& r) { return r ? std::string("ok") : r.error().code; };
  EXPECT_EQ(code(ProcessPhoto("%PDF-1.7\n1 0 obj", IntakeLimits{})), "photo_type_unsupported");
  EXPECT_EQ(code(ProcessPhoto(jpeg.substr(0, jpeg.size() / 2), IntakeLimits{})), "photo_corrupt");
  EXPECT_EQ(code(ProcessPhoto(std::string("\xFF\xD8\xFF\xE0", 4) + std::string(2000, 'x'), IntakeLimits{})),
            "photo_corrupt");
  IntakeLimits small;
  small.max_bytes = jpeg.size() - 1;
  auto too_big = ProcessPhoto(jpeg, small);
  EXPECT_EQ(code(too_big), "photo_too_large");
  EXPECT_EQ(too_big.error().errc, Errc::kTooLarge);
  IntakeLimits few;
  few.max_pixels = 512 * 256 - 1;
  EXPECT_EQ(code(ProcessPhoto(jpeg, few)), "photo_too_many_pixels");
  // Few pixels, but a side longer than a JPEG can have: refused, not a server error.
  const std::string strip = Read(Save(VImage::black(65501, 2), "strip.png"));
  EXPECT_EQ(code(ProcessPhoto(strip, IntakeLimits{})), "photo_too_many_pixels");
  EXPECT_EQ(ProcessPhoto("%PDF", IntakeLimits{}).error().field, "photo");
}

}  // namespace
}  // namespace huidig::media
