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

struct PhotoVars {
  PhotoRow r;
  TextOut trajectory, session;
  std::string phase;
  long long at = 0;
  std::string a, b;
  void Bind(soci::statement& st) {
    st.exchange(into(r.ref.id.value));
    st.exchange(into(r.ref.practice.value));
    st.exchange(into(r.ref.location.value));
    st.exchange(into(r.ref.client.value));
    st.exchange(into(trajectory.value, trajectory.ind));
    st.exchange(into(session.value, session.ind));
    st.exchange(into(phase));
    st.exchange(into(r.body_area));
    st.exchange(into(r.width));
    st.exchange(into(r.height));
    st.exchange(into(r.source_type));
    st.exchange(into(at));
    st.exchange(into(r.uploaded_by.value));
    st.exchange(use(a));
    st.exchange(use(b));
  }
};

std::vector<PhotoRow> Query(Tx& tx, const char* where, const std::string& a, const std::string& b) {
  auto& q = tx.Prepared<detail::CachedQuery<PhotoVars>>(std::string("SELECT ") + kColumns +
                                                        " FROM photos WHERE " + where);
  q.a = a;
  q.b = b;
  return detail::FetchAll(q.st, q.r, [&] {
    q.r.phase = domain::ParsePhotoPhase(q.phase).value_or(domain::PhotoPhase::kDuring);
    q.r.trajectory_id = q.trajectory.id<TrajectoryId>();
    q.r.session_id = q.session.id<TreatmentSessionId>();
    q.r.uploaded_at = FromMicros(q.at);
  });
}

}  // namespace

void PhotoRepo::Insert(Tx& tx, const PhotoRow& r) const {
  NullableText trajectory(r.trajectory_id), session(r.session_id);
  const long long at = ToMicros(r.uploaded_at);
  const std::string phase(domain::ToString(r.phase));
  tx.sql() << std::string("INSERT INTO photos (") + kColumns +
                  ") VALUES (:id, :p, :l, :c, :t, :s, :ph, :a, :w, :h, :st, :at, :by)",
      use(r.ref.id.value), use(r.ref.practice.value), use(r.ref.location.value), use(r.ref.client.value),
      use(trajectory.value, trajectory.ind), use(session.value, session.ind), use(phase), use(r.body_area),
      use(r.width), use(r.height), use(r.source_type), use(at), use(r.uploaded_by.value);
}

std::optional<PhotoRow> PhotoRepo::Find(Tx& tx, const PracticeId& practice, const PhotoId& id) const {
  auto rows = Query(tx, "id = :id AND practice_id = :p", id.value, practice.value);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<PhotoRow> PhotoRepo::ForClient(Tx& tx, const PracticeId& practice, const ClientId& client) const {
  return Query(tx, "client_id = :c AND practice_id = :p ORDER BY uploaded_at_us, id", client.value, practice.value);
}

void PhotoRepo::InsertBlob(Tx& tx, const DossierRef<PhotoId>& row, const std::string& kind,
                           const std::string& sealed) const {
  const std::string text = crypto::ToBase64(sealed);
  tx.sql() << "INSERT INTO photo_blobs (photo_id, kind, practice_id, location_id, client_id, sealed) VALUES "
              "(:id, :k, :p, :l, :c, :s)",
      use(row.id.value), use(kind), use(row.practice.value), use(row.location.value),
      use(row.client.value), use(text);
}

std::optional<std::string> PhotoRepo::FindBlob(Tx& tx, const PhotoId& photo_id,
                                               const std::string& kind) const {
  std::string text;
  tx.sql() << "SELECT sealed FROM photo_blobs WHERE photo_id = :id AND kind = :k", into(text), use(photo_id.value),
      use(kind);
  if (!tx.sql().got_data()) return std::nullopt;
  std::string raw;
  if (!crypto::FromBase64(text, raw)) return std::nullopt;
  return raw;
}

}  // namespace huidig::store
