#include "store/photo_repo.hpp"


#include <stdexcept>

#include "crypto/crypto.hpp"
#include "store/database.hpp"
#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using detail::NullableText;
using detail::TextOut;
using soci::into;
using soci::use;

constexpr const char* kColumns =
    "id, practice_id, location_id, client_id, trajectory_id, session_id, phase, body_area, width, "
    "height, source_type, uploaded_at_us, uploaded_by";

std::vector<PhotoRow> Query(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  PhotoRow r;
  TextOut trajectory, session;
  std::string phase;
  long long at = 0;
  soci::statement st =
      (tx.sql().prepare << std::string("SELECT ") + kColumns + " FROM photos WHERE " + where,
       into(r.ref.id), into(r.ref.practice.value), into(r.ref.location.value), into(r.ref.client.value),
       into(trajectory.value, trajectory.ind), into(session.value, session.ind), into(phase), into(r.body_area),
       into(r.width), into(r.height), into(r.source_type), into(at), into(r.uploaded_by.value), use(a), use(b));
  return detail::FetchAll(st, r, [&] {
    r.phase = domain::ParsePhotoPhase(phase).value_or(domain::PhotoPhase::kDuring);
    r.trajectory_id = trajectory.get();
    r.session_id = session.get();
    r.uploaded_at = FromMicros(at);
  });
}

}  // namespace

void PhotoRepo::Insert(Tx& tx, const PhotoRow& r) const {
  NullableText trajectory(r.trajectory_id), session(r.session_id);
  const long long at = ToMicros(r.uploaded_at);
  const std::string phase(domain::ToString(r.phase));
  tx.sql() << std::string("INSERT INTO photos (") + kColumns +
                  ") VALUES (:id, :p, :l, :c, :t, :s, :ph, :a, :w, :h, :st, :at, :by)",
      use(r.ref.id), use(r.ref.practice.value), use(r.ref.location.value), use(r.ref.client.value),
      use(trajectory.value, trajectory.ind), use(session.value, session.ind), use(phase), use(r.body_area),
      use(r.width), use(r.height), use(r.source_type), use(at), use(r.uploaded_by.value);
}

std::optional<PhotoRow> PhotoRepo::Find(Tx& tx, const PracticeId& practice, const std::string& id) const {
  auto rows = Query(tx, "id = :id AND practice_id = :p", id, practice.value);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<PhotoRow> PhotoRepo::ForClient(Tx& tx, const PracticeId& practice, const ClientId& client) const {
  return Query(tx, "client_id = :c AND practice_id = :p ORDER BY uploaded_at_us, id", client.value, practice.value);
}

void PhotoRepo::InsertBlob(Tx& tx, const DossierRef& row, const std::string& kind,
                           const std::string& sealed) const {
  const std::string text = crypto::ToBase64(sealed);
  tx.sql() << "INSERT INTO photo_blobs (photo_id, kind, practice_id, location_id, client_id, sealed) VALUES "
              "(:id, :k, :p, :l, :c, :s)",
      use(row.id), use(kind), use(row.practice.value), use(row.location.value),
      use(row.client.value), use(text);
}

std::optional<std::string> PhotoRepo::FindBlob(Tx& tx, const std::string& photo_id,
                                               const std::string& kind) const {
  std::string text;
  tx.sql() << "SELECT sealed FROM photo_blobs WHERE photo_id = :id AND kind = :k", into(text), use(photo_id),
      use(kind);
  if (!tx.sql().got_data()) return std::nullopt;
  std::string raw;
  if (!crypto::FromBase64(text, raw)) return std::nullopt;
  return raw;
}

}  // namespace huidig::store
