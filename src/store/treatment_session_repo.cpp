#include "store/treatment_session_repo.hpp"

#include <array>
#include <unordered_map>

#include <fmt/format.h>

#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using detail::MicrosOut;
using detail::NullableMicros;
using detail::NullableText;
using detail::TextOut;
using soci::into;
using soci::use;

constexpr const char* kColumns =
    "id, trajectory_id, practice_id, location_id, client_id, type_key, type_version, status, "
    "performed_at_us, practitioner_id, device_name, record_sealed, signed_at_us, signed_by, "
    "created_at_us, updated_at_us";

void InsertProducts(Tx& tx, const TreatmentSessionRow& r) {
  for (std::size_t i = 0; i < r.products.size(); ++i) {
    const auto& p = r.products[i];
    const int position = static_cast<int>(i);
    const std::string kind(domain::ToString(p.kind));
    const std::string key = domain::NormaliseBatch(p.batch);
    tx.sql() << "INSERT INTO session_products (session_id, position, practice_id, location_id, "
                "client_id, kind, name, batch, batch_key) VALUES (:s, :pos, :p, :l, :c, :k, :n, :b, :bk)",
        use(r.ref.id.value), use(position), use(r.ref.practice.value), use(r.ref.location.value),
        use(r.ref.client.value), use(kind), use(p.name), use(p.batch), use(key);
  }
}

struct ProductVars {
  std::string kind, name, batch;
  std::string session;
  void Bind(soci::statement& st) {
    st.exchange(into(kind));
    st.exchange(into(name));
    st.exchange(into(batch));
    st.exchange(use(session));
  }
};

std::vector<domain::ProductUse> Products(Tx& tx, const std::string& session_id) {
  auto& q = tx.Prepared<detail::CachedQuery<ProductVars>>(
      "SELECT kind, name, batch FROM session_products WHERE session_id = :s ORDER BY position");
  q.session = session_id;
  std::vector<domain::ProductUse> out;
  q.st.execute();
  while (q.st.fetch())
    out.push_back(
        {domain::ParseProductKind(q.kind).value_or(domain::ProductKind::kProduct), q.name, q.batch});
  return out;
}

// The products of every session of a trajectory, in session and position order.
struct TrajectoryProductVars {
  std::string session_id, kind, name, batch;
  std::string trajectory;
  void Bind(soci::statement& st) {
    st.exchange(into(session_id));
    st.exchange(into(kind));
    st.exchange(into(name));
    st.exchange(into(batch));
    st.exchange(use(trajectory));
  }
};

// The columns of kColumns and Args parameters.
template <std::size_t Args>
struct SessionVars {
  TreatmentSessionRow r;
  long long performed = 0, created = 0, updated = 0;
  std::string status;
  TextOut device, signed_by;
  MicrosOut signed_at;
  std::array<std::string, Args> args;
  void Bind(soci::statement& st) {
    for (auto* into_string : {&r.ref.id.value, &r.trajectory_id.value, &r.ref.practice.value,
                              &r.ref.location.value, &r.ref.client.value, &r.type_key})
      st.exchange(into(*into_string));
    st.exchange(into(r.type_version));
    st.exchange(into(status));
    st.exchange(into(performed));
    st.exchange(into(r.practitioner.value));
    st.exchange(into(device.value, device.ind));
    st.exchange(into(r.record_sealed));
    st.exchange(into(signed_at.value, signed_at.ind));
    st.exchange(into(signed_by.value, signed_by.ind));
    st.exchange(into(created));
    st.exchange(into(updated));
    for (auto& a : args) st.exchange(use(a));
  }
};

// The rows of kColumns, without their products.
template <std::size_t Args>
std::vector<TreatmentSessionRow> Query(Tx& tx, const char* where, std::array<std::string, Args> args) {
  auto& q = tx.Prepared<detail::CachedQuery<SessionVars<Args>>>(
      fmt::format("SELECT {} FROM treatment_sessions WHERE {}", kColumns, where));
  q.args = std::move(args);
  auto& r = q.r;
  return detail::FetchAll(q.st, r, [&] {
    r.status = domain::ParseTreatmentSessionStatus(q.status)
                   .value_or(domain::TreatmentSessionStatus::kSigned);
    r.performed_at = FromMicros(q.performed);
    r.device_name = q.device.get();
    r.signed_at = q.signed_at.get();
    r.signed_by = q.signed_by.get() ? std::optional<UserId>(UserId{*q.signed_by.get()}) : std::nullopt;
    r.created_at = FromMicros(q.created);
    r.updated_at = FromMicros(q.updated);
  });
}

struct AddendumVars {
  AddendumRow r;
  long long at = 0;
  std::string arg;
  void Bind(soci::statement& st) {
    st.exchange(into(r.ref.id.value));
    st.exchange(into(r.session_id.value));
    st.exchange(into(r.ref.practice.value));
    st.exchange(into(r.ref.location.value));
    st.exchange(into(r.ref.client.value));
    st.exchange(into(r.author.value));
    st.exchange(into(at));
    st.exchange(into(r.reason_sealed));
    st.exchange(into(r.text_sealed));
    st.exchange(use(arg));
  }
};

}  // namespace

void TreatmentSessionRepo::Insert(Tx& tx, const TreatmentSessionRow& r) const {
  const long long performed = ToMicros(r.performed_at), created = ToMicros(r.created_at),
                  updated = ToMicros(r.updated_at);
  NullableText device(r.device_name);
  NullableMicros signed_at(r.signed_at);
  NullableText signed_by(r.signed_by ? std::optional<std::string>(r.signed_by->value) : std::nullopt);
  const std::string status(domain::ToString(r.status));
  tx.sql() << fmt::format("INSERT INTO treatment_sessions ({}) VALUES (:id, :t, :p, :l, :c, :k, :v, :s, "
                          ":pa, :pr, :d, :r, :sa, :sb, :ca, :ua)",
                          kColumns),
      use(r.ref.id.value), use(r.trajectory_id.value), use(r.ref.practice.value), use(r.ref.location.value),
      use(r.ref.client.value), use(r.type_key), use(r.type_version), use(status), use(performed),
      use(r.practitioner.value), use(device.value, device.ind), use(r.record_sealed),
      use(signed_at.value, signed_at.ind), use(signed_by.value, signed_by.ind), use(created), use(updated);
  InsertProducts(tx, r);
}

bool TreatmentSessionRepo::UpdateDraft(Tx& tx, const TreatmentSessionRow& r) const {
  const long long performed = ToMicros(r.performed_at), updated = ToMicros(r.updated_at);
  NullableText device(r.device_name);
  soci::statement st = (tx.sql().prepare << "UPDATE treatment_sessions SET performed_at_us = :pa, "
                                            "device_name = :d, record_sealed = :r, updated_at_us = :u "
                                            "WHERE id = :id AND status = 'draft'",
                        use(performed), use(device.value, device.ind), use(r.record_sealed), use(updated),
                        use(r.ref.id.value));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  tx.sql() << "DELETE FROM session_products WHERE session_id = :s AND session_id IN (SELECT id FROM "
              "treatment_sessions WHERE status = 'draft')",
      use(r.ref.id.value);
  InsertProducts(tx, r);
  return true;
}

bool TreatmentSessionRepo::Sign(Tx& tx, const TreatmentSessionId& id, const UserId& by, Instant at) const {
  const long long t = ToMicros(at);
  soci::statement st = (tx.sql().prepare << "UPDATE treatment_sessions SET status = 'signed', "
                                            "signed_at_us = :t, signed_by = :b, updated_at_us = :u "
                                            "WHERE id = :id AND status = 'draft'",
                        use(t), use(by.value), use(t), use(id.value));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool TreatmentSessionRepo::DeleteDraft(Tx& tx, const TreatmentSessionId& id) const {
  std::string status;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT status FROM treatment_sessions WHERE id = :id", into(status, ind), use(id.value);
  if (!tx.sql().got_data() || status != "draft") return false;
  tx.sql() << "UPDATE photos SET session_id = NULL WHERE session_id = :id", use(id.value);
  tx.sql() << "DELETE FROM session_products WHERE session_id = :id", use(id.value);
  soci::statement st = (tx.sql().prepare << "DELETE FROM treatment_sessions WHERE id = :id AND status = 'draft'",
                        use(id.value));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<TreatmentSessionRow> TreatmentSessionRepo::Find(Tx& tx, const PracticeId& practice,
                                                     const TreatmentSessionId& id) const {
  auto rows = Query<2>(tx, "id = :id AND practice_id = :p", {id.value, practice.value});
  if (rows.empty()) return std::nullopt;
  rows.front().products = Products(tx, id.value);
  return std::move(rows.front());
}

std::vector<TreatmentSessionRow> TreatmentSessionRepo::ForTrajectory(Tx& tx, const TrajectoryId& trajectory_id) const {
  auto out = Query<1>(tx, "trajectory_id = :t ORDER BY performed_at_us, id", {trajectory_id.value});
  if (out.empty()) return out;
  // The products of every session in one query, not one per session.
  std::unordered_map<std::string, TreatmentSessionRow*> by_id;
  for (auto& row : out) by_id.emplace(row.ref.id.value, &row);
  auto& q = tx.Prepared<detail::CachedQuery<TrajectoryProductVars>>(
      "SELECT session_id, kind, name, batch FROM session_products WHERE session_id IN (SELECT id "
      "FROM treatment_sessions WHERE trajectory_id = :t) ORDER BY session_id, position");
  q.trajectory = trajectory_id.value;
  q.st.execute();
  while (q.st.fetch())
    if (auto it = by_id.find(q.session_id); it != by_id.end())
      it->second->products.push_back(
          {domain::ParseProductKind(q.kind).value_or(domain::ProductKind::kProduct), q.name, q.batch});
  return out;
}

void TreatmentSessionRepo::InsertAddendum(Tx& tx, const AddendumRow& r) const {
  const long long at = ToMicros(r.at);
  tx.sql() << "INSERT INTO session_addenda (id, session_id, practice_id, location_id, client_id, "
              "author_id, at_us, reason_sealed, text_sealed) VALUES (:id, :s, :p, :l, :c, :a, :t, :r, :x)",
      use(r.ref.id.value), use(r.session_id.value), use(r.ref.practice.value), use(r.ref.location.value),
      use(r.ref.client.value), use(r.author.value), use(at), use(r.reason_sealed), use(r.text_sealed);
}

namespace {

std::vector<AddendumRow> QueryAddenda(Tx& tx, const char* where, const std::string& arg) {
  auto& q = tx.Prepared<detail::CachedQuery<AddendumVars>>(
      fmt::format("SELECT id, session_id, practice_id, location_id, client_id, author_id, at_us, "
                  "reason_sealed, text_sealed FROM session_addenda WHERE {} ORDER BY at_us, id",
                  where));
  q.arg = arg;
  return detail::FetchAll(q.st, q.r, [&] { q.r.at = FromMicros(q.at); });
}

}  // namespace

std::vector<AddendumRow> TreatmentSessionRepo::Addenda(Tx& tx, const TreatmentSessionId& session_id) const {
  return QueryAddenda(tx, "session_id = :s", session_id.value);
}

std::vector<AddendumRow> TreatmentSessionRepo::AddendaForTrajectory(
    Tx& tx, const TrajectoryId& trajectory_id) const {
  return QueryAddenda(
      tx, "session_id IN (SELECT id FROM treatment_sessions WHERE trajectory_id = :t)",
      trajectory_id.value);
}

std::vector<RecallHit> TreatmentSessionRepo::Recall(Tx& tx, const PracticeId& practice,
                                                    const std::optional<std::string>& batch,
                                                    const std::optional<std::string>& device) const {
  RecallHit h;
  long long performed = 0;
  TextOut dev;
  std::string product, batch_text;
  const std::string key = batch ? domain::NormaliseBatch(*batch) : std::string();
  const std::string device_name = device.value_or("");
  // Sessions with the batch (one row per product), or sessions with the device.
  soci::statement st =
      (tx.sql().prepare
           << "SELECT s.client_id, s.location_id, s.id, s.trajectory_id, s.performed_at_us, "
              "COALESCE(p.name, ''), COALESCE(p.batch, ''), s.device_name FROM treatment_sessions s "
              "LEFT JOIN session_products p ON p.session_id = s.id AND p.batch_key = :k "
              "WHERE s.practice_id = :pr AND ((:k2 <> '' AND p.batch_key = :k3) OR "
              "(:d <> '' AND LOWER(s.device_name) = LOWER(:d2))) ORDER BY s.performed_at_us, s.id",
       into(h.client.value), into(h.location.value), into(h.session_id.value), into(h.trajectory_id.value), into(performed),
       into(product), into(batch_text), into(dev.value, dev.ind), use(key), use(practice.value), use(key),
       use(key), use(device_name), use(device_name));
  return detail::FetchAll(st, h, [&] {
    h.performed_at = FromMicros(performed);
    h.product = product;
    h.batch = batch_text;
    h.device = dev.get();
  });
}

}  // namespace huidig::store
