#pragma once
// Photos and their sealed blobs (R-PHOTO-3, R-PHOTO-4). On SQLite the blobs are files in the
// data folder (written before the row commits, so a row never points at a missing file); on
// PostgreSQL they are rows of photo_blobs, shared by every server.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/trajectory_repo.hpp"

namespace huidig::store {

struct PhotoRow {
  DossierRef ref;
  std::optional<std::string> trajectory_id;
  std::optional<std::string> session_id;
  std::string phase;  // before | during | after
  std::string body_area;
  int width = 0;
  int height = 0;
  std::string source_type;
  Instant uploaded_at{};
  UserId uploaded_by;
};

class PhotoRepo {
 public:
  // `folder`: where SQLite deployments keep blob files (the data folder's photos/).
  explicit PhotoRepo(std::filesystem::path folder) : folder_(std::move(folder)) {}

  void Insert(Tx& tx, const PhotoRow& row) const;
  std::optional<PhotoRow> Find(Tx& tx, const PracticeId& practice, const std::string& id) const;
  std::vector<PhotoRow> ForClient(Tx& tx, const PracticeId& practice, const ClientId& client) const;

  // kind: "image" or "thumbnail"; sealed: binary.
  void PutBlob(Tx& tx, const PhotoRow& row, const std::string& kind, const std::string& sealed) const;
  std::optional<std::string> GetBlob(Tx& tx, const PhotoRow& row, const std::string& kind) const;

 private:
  std::filesystem::path File(const PhotoRow& row, const std::string& kind) const;
  std::filesystem::path folder_;
};

}  // namespace huidig::store
