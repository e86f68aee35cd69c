// Photos through the service on both engines: sealed at rest, refused by preference,
// unreadable once the client's key is destroyed (R-PHOTO-3, R-DOS-2, R-PHOTO-4).
#include <gtest/gtest.h>

#include <vips/vips8>

#include <filesystem>
#include <fstream>

#include "service/dossier_test_fixture.hpp"
#include "service/photo_service.hpp"

namespace huidig::service {
namespace {

using domain::Role;

class PhotoServiceTest : public DossierTest {
 protected:
  PhotoServiceTest() : DossierTest("2026-11-23T10:00:00+01:00") {}

  void SetUp() override {
    DossierTest::SetUp();
    media::StartImaging();
    vips::VImage img = vips::VImage::black(120, 80, vips::VImage::option()->set("bands", 3)).new_from_image(
        std::vector<double>{200, 120, 90});
    VipsBlob* blob = img.cast(VIPS_FORMAT_UCHAR).jpegsave_buffer();
    std::size_t len = 0;
    const void* data = vips_blob_get(blob, &len);
    jpeg_.assign(static_cast<const char*>(data), len);
    vips_area_unref(VIPS_AREA(blob));
    SetPreference("allowed");
    files_ = media::MakeBlobStore(t_->db->dialect(), t_->dir / "photos");
  }

  void SetPreference(const char* value) {
    domain::ClientChanges ch;
    ch.photo_preference = std::optional<std::string>(value);
    ASSERT_TRUE(ClientService(*ctx_).Update(practitioner_, client_, ch));
  }

  PhotoService Photos() { return PhotoService(*ctx_, *files_, media::IntakeLimits{}); }

  // The files under photos/ (on PostgreSQL the blobs are rows: none).
  std::size_t FileCount() {
    std::size_t n = 0;
    if (std::filesystem::exists(t_->dir / "photos"))
      for (const auto& f : std::filesystem::recursive_directory_iterator(t_->dir / "photos"))
        n += f.is_regular_file();
    return n;
  }

  std::unique_ptr<media::BlobStore> files_;

  std::string jpeg_;
};

TEST_P(PhotoServiceTest, RPhoto3PhotosAreSealedAtRestAndOpenForTheDossier) {
  RecordProperty("rule", "R-PHOTO-3");
  RecordProperty("rule2", "R-PHOTO-4");
  auto photo = Photos().Upload(practitioner_, client_, {"before", "linkerwang", std::nullopt, std::nullopt}, jpeg_);
  ASSERT_TRUE(photo) << photo.error().code;
  EXPECT_EQ(photo->phase, domain::PhotoPhase::kBefore);
  EXPECT_EQ(photo->width, 120);
  auto list = Photos().List(Actor(Role::kAuditor, {}), client_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].body_area, "linkerwang");
  for (const char* kind : {"image", "thumbnail"}) {
    auto image = Photos().Open(practitioner_, photo->id, kind);
    ASSERT_TRUE(image) << image.error().code;
    EXPECT_EQ(image->jpeg.substr(0, 3), "\xFF\xD8\xFF");
  }
  if (GetParam() == "sqlite") {
    int files = 0;
    for (const auto& f : std::filesystem::recursive_directory_iterator(t_->dir / "photos")) {
      if (!f.is_regular_file()) continue;
      ++files;
      std::ifstream in(f.path(), std::ios::binary);
      std::string head(3, '\0');
      in.read(head.data(), 3);
      EXPECT_NE(head, "\xFF\xD8\xFF");  // not a JPEG: sealed
    }
    EXPECT_EQ(files, 2);
  }
  EXPECT_EQ(Photos().Open(Actor(Role::kPractitioner, {utrecht_}), photo->id, "image").error().code, "not_found");
  EXPECT_EQ(Photos().Open(Actor(Role::kAssistant, {amsterdam_}), photo->id, "image").error().code, "forbidden");
  // Crypto-shredding: without the client's key the photo is noise.
  t_->db->Write([&](store::Tx& tx) { store::ClientKeyRepo().Destroy(tx, ClientId{client_}, clock_.Now()); });
  EXPECT_EQ(Photos().Open(practitioner_, photo->id, "image").error().code, "client_key_destroyed");
}

TEST_P(PhotoServiceTest, RDos2RefusedOrOwnPhotosBlockUploads) {
  RecordProperty("rule", "R-DOS-2");
  SetPreference("refused");
  EXPECT_EQ(Photos().Upload(practitioner_, client_, {"before", "wang", std::nullopt, std::nullopt}, jpeg_).error().code,
            "photos_refused");
  SetPreference("own");
  auto own = Photos().Upload(practitioner_, client_, {"before", "wang", std::nullopt, std::nullopt}, jpeg_);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, "photos_own");
  EXPECT_EQ(own.error().rule, "R-DOS-2");
  EXPECT_TRUE(Photos().List(practitioner_, client_)->empty());
  SetPreference("allowed");
  EXPECT_EQ(Photos().Upload(practitioner_, client_, {"sometime", "wang", std::nullopt, std::nullopt}, jpeg_).error().field, "phase");
  EXPECT_EQ(Photos().Upload(practitioner_, client_, {"after", "", std::nullopt, std::nullopt}, jpeg_).error().field, "area");
  EXPECT_EQ(Photos().Upload(practitioner_, client_, {"after", "wang", std::string("x"), std::nullopt}, jpeg_).error().field, "session");
  EXPECT_EQ(Photos().Upload(practitioner_, client_, {"after", "wang", std::nullopt, std::nullopt}, "%PDF-1.4").error().code,
            "photo_type_unsupported");
}

TEST_P(PhotoServiceTest, RPhoto3AnUploadThatDoesNotCommitLeavesNoFile) {
  RecordProperty("rule", "R-PHOTO-3");
  ASSERT_TRUE(Photos().Upload(practitioner_, client_, {"before", "wang", std::nullopt, std::nullopt}, jpeg_));
  const std::size_t files = FileCount();
  // The audit log refuses its entry, so the upload's transaction rolls back.
  testing::BreakAuditLog(*t_);
  EXPECT_ANY_THROW((void)Photos().Upload(practitioner_, client_, {"after", "wang", std::nullopt, std::nullopt}, jpeg_));
  EXPECT_EQ(FileCount(), files);
  testing::BreakAuditLog(*t_, false);
  auto list = Photos().List(practitioner_, client_);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 1u);
  if (GetParam() == "sqlite") EXPECT_EQ(files, 2u);  // the image and its thumbnail
}

INSTANTIATE_TEST_SUITE_P(Engines, PhotoServiceTest, ::testing::ValuesIn(testing::Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace huidig::service
