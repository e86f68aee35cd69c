#pragma once
// Photos and their sealed blobs (R-PHOTO-3, R-PHOTO-4). On SQLite the blobs are files in the
// data folder (written before the row commits, so a row never points at a missing file); on
// PostgreSQL they are rows of photo_blobs, shared by every server.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/photo_rules.hpp"
#include "store/trajectory_repo.hpp"

namespace huidig::store {

struct PhotoRow {
  DossierRef<PhotoId> ref;
  std::optional<TrajectoryId> trajectory_id;
  std::optional<TreatmentSessionId> session_id;
  domain::PhotoPhase phase = domain::PhotoPhase::kBefore;
  std::string body_area;
  int width = 0;
  int height = 0;
  std::string source_type;
  Instant uploaded_at{};
  UserId uploaded_by;
};

class PhotoRepo {
 public:
  void Insert(Tx& tx, const PhotoRow& row) const;
  std::optional<PhotoRow> Find(Tx& tx, const PracticeId& practice, const PhotoId& id) const;
  std::vector<PhotoRow> ForClient(Tx& tx, const PracticeId& practice, const ClientId& client) const;

  // The sealed bytes as rows of photo_blobs (media::BlobStore on PostgreSQL); kind: "image"
  // or "thumbnail"; sealed: binary.
  void InsertBlob(Tx& tx, const DossierRef<PhotoId>& photo, const std::string& kind, const std::string& sealed) const;
  std::optional<std::string> FindBlob(Tx& tx, const PhotoId& photo_id, const std::string& kind) const;
};

}  // namespace huidig::store
