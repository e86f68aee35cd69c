#pragma once
// Photos of the dossier: intake (R-PHOTO-1, R-PHOTO-2), sealed with the client's key
// (R-PHOTO-3), tagged with phase, body area and session (R-PHOTO-4), refused when the
// client refused photos or keeps their own (R-DOS-2); every view audited.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "media/photo_intake.hpp"
#include "service/client_keys.hpp"
#include "service/context.hpp"
#include "media/blob_store.hpp"
#include "store/client_repo.hpp"
#include "store/photo_repo.hpp"
#include "store/trajectory_repo.hpp"
#include "store/treatment_session_repo.hpp"

namespace huidig::service {

struct PhotoUpload {
  std::string phase;      // before | during | after
  std::string body_area;
  std::optional<std::string> session_id;
  std::optional<std::string> trajectory_id;  // a before-photo has no session yet
};

struct PhotoView {
  PhotoId id;
  ClientId client;
  std::optional<TrajectoryId> trajectory_id;
  std::optional<TreatmentSessionId> session_id;
  domain::PhotoPhase phase = domain::PhotoPhase::kBefore;
  std::string body_area;
  int width = 0;
  int height = 0;
  Instant uploaded_at{};
  UserId uploaded_by;
};

struct PhotoImage {
  PhotoView photo;
  std::string jpeg;
};

class PhotoService {
 public:
  // Starts the image library, so the first upload does not wait for it.
  // `blobs`: where the sealed files go (media::MakeBlobStore); it outlives the service.
  PhotoService(Context ctx, const media::BlobStore& blobs, media::IntakeLimits limits)
      : ctx_(ctx), blobs_(blobs), intake_(limits) {}

  [[nodiscard]] Result<PhotoView> Upload(const domain::Actor& actor, const std::string& client_id,
                                               const PhotoUpload& upload, std::string_view bytes);
  [[nodiscard]] Result<std::vector<PhotoView>> List(const domain::Actor& actor, const std::string& client_id);
  // kind: "image" or "thumbnail".
  [[nodiscard]] Result<PhotoImage> Open(const domain::Actor& actor, const PhotoId& id, const std::string& kind);

 private:
  Context ctx_;
  ClientKeys keys_{ctx_.master_key};
  const media::BlobStore& blobs_;
  store::PhotoRepo photos_;
  media::PhotoIntake intake_;
  store::ClientRepo clients_;
  store::TreatmentSessionRepo treatment_sessions_;
  store::TrajectoryRepo trajectories_;
};

}  // namespace huidig::service
