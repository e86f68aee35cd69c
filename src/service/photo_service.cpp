#include "service/photo_service.hpp"
#include "domain/text.hpp"

#include "common/utf8.hpp"
#include "crypto/crypto.hpp"
#include "crypto/keys.hpp"
#include "service/seal_context.hpp"
#include "service/audited.hpp"
#include "service/client_keys.hpp"

namespace huidig::service {
namespace {

using domain::Permission;

media::BlobRef BlobOf(const store::PhotoRow& row, const std::string& kind) {
  return {row.ref.practice, row.ref.location, row.ref.client, row.ref.id, kind};
}


PhotoView ToView(const store::PhotoRow& p) {
  return {p.ref.id,   p.ref.client, p.trajectory_id, p.session_id,  p.phase,
          p.body_area, p.width,     p.height,        p.uploaded_at, p.uploaded_by};
}

}  // namespace

Result<PhotoView> PhotoService::Upload(const domain::Actor& actor,
                                             const std::string& client_id, const PhotoUpload& up,
                                             std::string_view bytes) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  const auto phase = domain::ParsePhotoPhase(up.phase);
  if (!phase) return Invalid("invalid_value", "phase", "R-PHOTO-4");
  if (auto ok = domain::CheckText(up.body_area, "area", domain::RequiredLine(100, "R-PHOTO-4")); !ok)
    return Fail(ok.error());
  const Instant now = ctx_.clock.Now();
  // Who may upload, and the client's key, before the work of decoding.
  struct Target {
    domain::Client client;
    std::optional<TrajectoryId> trajectory;
    std::optional<TreatmentSessionId> session;
    crypto::Key key;
  };
  bool refused = false;
  auto target = ctx_.db.Read([&](store::Tx& tx) -> Result<Target> {
    auto client =
        IsUuidV4(client_id) ? clients_.Find(tx, actor.practice, ClientId{client_id}) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      refused = true;
      return NotFound();
    }
    // R-DOS-2: refused, or the client keeps their own photos: nothing is stored.
    if (client->photo_preference != domain::PhotoPreference::kAllowed)
      return Fail(Errc::kFailedPrecondition,
                  client->photo_preference == domain::PhotoPreference::kOwn ? "photos_own"
                                                                            : "photos_refused",
                  {}, "R-DOS-2");
    std::optional<TrajectoryId> trajectory;
    std::optional<TreatmentSessionId> session_id;
    if (up.session_id) {
      auto session = IsUuidV4(*up.session_id)
                         ? treatment_sessions_.Find(tx, actor.practice, TreatmentSessionId{*up.session_id})
                         : std::nullopt;
      if (!session || session->ref.client != client->id)
        return Invalid("invalid_value", "session", "R-PHOTO-4");
      trajectory = session->trajectory_id;
      session_id = session->ref.id;
    } else if (up.trajectory_id) {
      auto t = IsUuidV4(*up.trajectory_id)
                   ? trajectories_.Find(tx, actor.practice, TrajectoryId{*up.trajectory_id})
                   : std::nullopt;
      if (!t || t->ref.client != client->id)
        return Invalid("invalid_value", "trajectory", "R-PHOTO-4");
      trajectory = t->ref.id;
    }
    auto key = keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    return Target{*client, trajectory, session_id, *key};
  });
  if (!target) {
    if (refused)
      ctx_.db.Write([&](store::Tx& tx) {
        ctx_.audit.Append(
            tx, audit::Entry::For(actor, "create", "photo", now, audit::Outcome::kRefused));
      });
    return Fail(target.error());
  }
  // Decoding, cleaning and sealing run outside any transaction.
  auto processed = intake_.Process(bytes);
  if (!processed) return Fail(processed.error());
  store::PhotoRow row;
  row.ref = {crypto::NewId<PhotoId>(), actor.practice, target->client.location, target->client.id};
  row.trajectory_id = target->trajectory;
  row.session_id = target->session;
  row.phase = *phase;
  row.body_area = up.body_area;
  row.width = processed->width;
  row.height = processed->height;
  row.source_type = std::string(media::ToString(processed->source_type));
  row.uploaded_at = now;
  row.uploaded_by = actor.user;
  const std::string image =
      crypto::SealStream(target->key, processed->jpeg, seal::Photo(row.ref.id, "image"));
  const std::string thumb =
      crypto::SealStream(target->key, processed->thumbnail, seal::Photo(row.ref.id, "thumbnail"));
  // In the same transaction: the row becomes visible with its blobs or not at all, and the
  // files of a write that does not commit are removed again.
  media::BlobUndo undo;
  ctx_.db.Write([&](store::Tx& tx) {
    photos_.Insert(tx, row);
    blobs_.Put(tx, BlobOf(row, "image"), image, undo);
    blobs_.Put(tx, BlobOf(row, "thumbnail"), thumb, undo);
    ctx_.audit.Append(tx, audit::Entry::About(actor, "create", "photo", target->client.id,
                                              target->client.location, row.ref.id, now));
  });
  undo.Keep();
  return ToView(row);
}

Result<std::vector<PhotoView>> PhotoService::List(const domain::Actor& actor,
                                                  const std::string& client_id) {
  if (!actor.May(Permission::kClientDossier)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedRead(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<std::vector<PhotoView>> {
    auto client =
        IsUuidV4(client_id) ? clients_.Find(tx, actor.practice, ClientId{client_id}) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      notes.Add(audit::Entry::For(actor, "read", "photo_list", now, audit::Outcome::kRefused));
      return NotFound();
    }
    auto rows = photos_.ForClient(tx, actor.practice, client->id);
    auto e = audit::Entry::About(actor, "read", "photo_list", client->id, client->location,
                                 "results:" + std::to_string(rows.size()), now);
    notes.Add(e);
    std::vector<PhotoView> out;
    for (const auto& r : rows) out.push_back(ToView(r));
    return out;
  });
}

Result<PhotoImage> PhotoService::Open(const domain::Actor& actor, const PhotoId& id,
                                      const std::string& kind) {
  if (!actor.May(Permission::kClientDossier)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedRead(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<PhotoImage> {
    auto row = IsUuidV4(id.value) ? photos_.Find(tx, actor.practice, id) : std::nullopt;
    auto client = row ? clients_.Find(tx, actor.practice, row->ref.client) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      notes.Add(audit::Entry::For(actor, "read", "photo", now, audit::Outcome::kRefused));
      return NotFound();
    }
    auto key = keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    const auto sealed = blobs_.Get(tx, BlobOf(*row, kind));
    const auto jpeg =
        sealed ? crypto::OpenStream(*key, *sealed, seal::Photo(row->ref.id, kind)) : std::nullopt;
    if (!jpeg) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-PHOTO-3");
    notes.Add(audit::Entry::About(actor, kind == "image" ? "read" : "read_thumbnail",
                                              "photo", client->id, client->location, id, now));
    return PhotoImage{ToView(*row), *jpeg};
  });
}

}  // namespace huidig::service
