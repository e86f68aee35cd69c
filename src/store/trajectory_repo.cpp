#include "store/trajectory_repo.hpp"

#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using detail::MicrosOut;
using detail::NullableMicros;
using detail::NullableText;
using detail::TextOut;
using soci::into;
using soci::use;

constexpr const char* kTrajectoryColumns =
    "id, practice_id, location_id, client_id, type_key, type_version, info_sealed, intake_version, "
    "created_at_us, created_by";

struct TrajectoryVars {
  TrajectoryRow r;
  long long created = 0;
  std::string a, b;
  void Bind(soci::statement& st) {
    st.exchange(into(r.ref.id.value));
    st.exchange(into(r.ref.practice.value));
    st.exchange(into(r.ref.location.value));
    st.exchange(into(r.ref.client.value));
    st.exchange(into(r.type_key));
    st.exchange(into(r.type_version));
    st.exchange(into(r.info_sealed));
    st.exchange(into(r.intake_version));
    st.exchange(into(created));
    st.exchange(into(r.created_by.value));
    st.exchange(use(a));
    st.exchange(use(b));
  }
};

std::vector<TrajectoryRow> QueryTrajectories(Tx& tx, const char* where, const std::string& a,
                                             const std::string& b) {
  auto& q = tx.Prepared<detail::CachedQuery<TrajectoryVars>>(
      std::string("SELECT ") + kTrajectoryColumns + " FROM trajectories WHERE " + where);
  q.a = a;
  q.b = b;
  return detail::FetchAll(q.st, q.r, [&] { q.r.created_at = FromMicros(q.created); });
}

struct ConsultVars {
  ConsultRow r;
  long long at = 0, recorded = 0;
  TextOut late_reason, confirmed_by;
  MicrosOut confirmed_at;
  std::string trajectory;
  void Bind(soci::statement& st) {
    st.exchange(into(r.ref.id.value));
    st.exchange(into(r.trajectory_id.value));
    st.exchange(into(r.ref.practice.value));
    st.exchange(into(r.ref.location.value));
    st.exchange(into(r.ref.client.value));
    st.exchange(into(at));
    st.exchange(into(r.leaflet_version));
    st.exchange(into(r.proposed_sealed));
    st.exchange(into(r.intake_version));
    st.exchange(into(recorded));
    st.exchange(into(r.recorded_by.value));
    st.exchange(into(late_reason.value, late_reason.ind));
    st.exchange(into(confirmed_at.value, confirmed_at.ind));
    st.exchange(into(confirmed_by.value, confirmed_by.ind));
    st.exchange(use(trajectory));
  }
};

struct DecisionVars {
  DecisionRow r;
  long long at = 0, recorded = 0;
  std::string trajectory;
  void Bind(soci::statement& st) {
    st.exchange(into(r.ref.id.value));
    st.exchange(into(r.trajectory_id.value));
    st.exchange(into(r.ref.practice.value));
    st.exchange(into(r.ref.location.value));
    st.exchange(into(r.ref.client.value));
    st.exchange(into(r.consult_id.value));
    st.exchange(into(at));
    st.exchange(into(recorded));
    st.exchange(into(r.recorded_by.value));
    st.exchange(use(trajectory));
  }
};

struct ConsentVars {
  ConsentRow r;
  std::string kind, signature_kind;
  long long at = 0;
  std::string trajectory;
  void Bind(soci::statement& st) {
    st.exchange(into(r.ref.id.value));
    st.exchange(into(r.trajectory_id.value));
    st.exchange(into(r.ref.practice.value));
    st.exchange(into(r.ref.location.value));
    st.exchange(into(r.ref.client.value));
    st.exchange(into(kind));
    st.exchange(into(r.text_sealed));
    st.exchange(into(r.text_sha256));
    st.exchange(into(signature_kind));
    st.exchange(into(r.signature_sealed));
    st.exchange(into(r.intake_version));
    st.exchange(into(at));
    st.exchange(into(r.recorded_by.value));
    st.exchange(use(trajectory));
  }
};

}  // namespace

void TrajectoryRepo::Insert(Tx& tx, const TrajectoryRow& r) const {
  const long long created = ToMicros(r.created_at);
  tx.sql() << std::string("INSERT INTO trajectories (") + kTrajectoryColumns +
                  ") VALUES (:id, :p, :l, :c, :k, :v, :i, :iv, :at, :by)",
      use(r.ref.id.value), use(r.ref.practice.value), use(r.ref.location.value), use(r.ref.client.value),
      use(r.type_key), use(r.type_version), use(r.info_sealed), use(r.intake_version), use(created),
      use(r.created_by.value);
}

std::optional<TrajectoryRow> TrajectoryRepo::Find(Tx& tx, const PracticeId& practice,
                                                  const TrajectoryId& id) const {
  auto rows = QueryTrajectories(tx, "id = :id AND practice_id = :p", id.value, practice.value);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<TrajectoryRow> TrajectoryRepo::ForClient(Tx& tx, const PracticeId& practice,
                                                     const ClientId& client) const {
  return QueryTrajectories(tx, "client_id = :c AND practice_id = :p ORDER BY created_at_us, id",
                           client.value, practice.value);
}

void TrajectoryRepo::InsertConsult(Tx& tx, const ConsultRow& r) const {
  const long long at = ToMicros(r.at), recorded = ToMicros(r.recorded_at);
  NullableText late(r.late_reason_sealed), by(r.confirmed_by);
  NullableMicros confirmed(r.confirmed_at);
  tx.sql() << "INSERT INTO consults (id, trajectory_id, practice_id, location_id, client_id, at_us, "
              "leaflet_version, proposed_sealed, intake_version, recorded_at_us, recorded_by, "
              "late_reason_sealed, confirmed_at_us, confirmed_by) VALUES "
              "(:id, :t, :p, :l, :c, :at, :lv, :ps, :iv, :ra, :rb, :lr, :ca, :cb)",
      use(r.ref.id.value), use(r.trajectory_id.value), use(r.ref.practice.value), use(r.ref.location.value),
      use(r.ref.client.value), use(at), use(r.leaflet_version), use(r.proposed_sealed),
      use(r.intake_version), use(recorded), use(r.recorded_by.value), use(late.value, late.ind),
      use(confirmed.value, confirmed.ind), use(by.value, by.ind);
}

bool TrajectoryRepo::ConfirmConsult(Tx& tx, const ConsultId& id, Instant at, const UserId& by) const {
  const long long t = ToMicros(at);
  soci::statement st = (tx.sql().prepare << "UPDATE consults SET confirmed_at_us = :t, confirmed_by = :b "
                                            "WHERE id = :id AND confirmed_at_us IS NULL",
                        use(t), use(by.value), use(id.value));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<ConsultRow> TrajectoryRepo::Consults(Tx& tx, const TrajectoryId& trajectory_id) const {
  auto& q = tx.Prepared<detail::CachedQuery<ConsultVars>>(
      "SELECT id, trajectory_id, practice_id, location_id, client_id, at_us, leaflet_version, "
      "proposed_sealed, intake_version, recorded_at_us, recorded_by, late_reason_sealed, "
      "confirmed_at_us, confirmed_by FROM consults WHERE "
      "trajectory_id = :t ORDER BY at_us, id");
  q.trajectory = trajectory_id.value;
  return detail::FetchAll(q.st, q.r, [&] {
    q.r.at = FromMicros(q.at);
    q.r.recorded_at = FromMicros(q.recorded);
    q.r.late_reason_sealed = q.late_reason.get();
    q.r.confirmed_at = q.confirmed_at.get();
    q.r.confirmed_by = q.confirmed_by.id<UserId>();
  });
}

void TrajectoryRepo::InsertDecision(Tx& tx, const DecisionRow& r) const {
  const long long at = ToMicros(r.at), recorded = ToMicros(r.recorded_at);
  tx.sql() << "INSERT INTO decisions (id, trajectory_id, practice_id, location_id, client_id, "
              "consult_id, at_us, recorded_at_us, recorded_by) VALUES (:id, :t, :p, :l, :c, :co, :at, "
              ":ra, :rb)",
      use(r.ref.id.value), use(r.trajectory_id.value), use(r.ref.practice.value), use(r.ref.location.value),
      use(r.ref.client.value), use(r.consult_id.value), use(at), use(recorded), use(r.recorded_by.value);
}

std::vector<DecisionRow> TrajectoryRepo::Decisions(Tx& tx, const TrajectoryId& trajectory_id) const {
  auto& q = tx.Prepared<detail::CachedQuery<DecisionVars>>(
      "SELECT id, trajectory_id, practice_id, location_id, client_id, consult_id, at_us, "
      "recorded_at_us, recorded_by FROM decisions WHERE trajectory_id = :t ORDER BY at_us, id");
  q.trajectory = trajectory_id.value;
  return detail::FetchAll(q.st, q.r, [&] {
    q.r.at = FromMicros(q.at);
    q.r.recorded_at = FromMicros(q.recorded);
  });
}

void TrajectoryRepo::InsertConsent(Tx& tx, const ConsentRow& r) const {
  const long long at = ToMicros(r.signed_at);
  const std::string kind(domain::ToString(r.kind)), signature_kind(domain::ToString(r.signature_kind));
  tx.sql() << "INSERT INTO consents (id, trajectory_id, practice_id, location_id, client_id, kind, "
              "text_sealed, text_sha256, signature_kind, signature_sealed, intake_version, "
              "signed_at_us, recorded_by) VALUES (:id, :t, :p, :l, :c, :k, :ts, :th, :sk, :ss, :iv, "
              ":at, :rb)",
      use(r.ref.id.value), use(r.trajectory_id.value), use(r.ref.practice.value), use(r.ref.location.value),
      use(r.ref.client.value), use(kind), use(r.text_sealed), use(r.text_sha256),
      use(signature_kind), use(r.signature_sealed), use(r.intake_version), use(at),
      use(r.recorded_by.value);
}

std::vector<ConsentRow> TrajectoryRepo::Consents(Tx& tx, const TrajectoryId& trajectory_id) const {
  auto& q = tx.Prepared<detail::CachedQuery<ConsentVars>>(
      "SELECT id, trajectory_id, practice_id, location_id, client_id, kind, text_sealed, "
      "text_sha256, signature_kind, signature_sealed, intake_version, signed_at_us, recorded_by "
      "FROM consents WHERE trajectory_id = :t ORDER BY signed_at_us, id");
  q.trajectory = trajectory_id.value;
  return detail::FetchAll(q.st, q.r, [&] {
    q.r.kind = domain::ParseConsentKind(q.kind).value_or(domain::ConsentKind::kInformed);
    q.r.signature_kind =
        domain::ParseSignatureKind(q.signature_kind).value_or(domain::SignatureKind::kTyped);
    q.r.signed_at = FromMicros(q.at);
  });
}

}  // namespace huidig::store
