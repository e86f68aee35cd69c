#include "store/treatment_session_repo.hpp"

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
        use(r.ref.id), use(position), use(r.ref.practice.value), use(r.ref.location.value),
        use(r.ref.client.value), use(kind), use(p.name), use(p.batch), use(key);
  }
}

std::vector<domain::ProductUse> Products(Tx& tx, const std::string& session_id) {
  std::vector<domain::ProductUse> out;
  std::string kind, name, batch;
  soci::statement st = (tx.sql().prepare << "SELECT kind, name, batch FROM session_products WHERE "
                                            "session_id = :s ORDER BY position",
                        into(kind), into(name), into(batch), use(session_id));
  st.execute();
  while (st.fetch())
    out.push_back({domain::ParseProductKind(kind).value_or(domain::ProductKind::kProduct), name, batch});
  return out;
}

// The rows of kColumns, without their products.
std::vector<TreatmentSessionRow> Query(Tx& tx, const std::string& where, const std::vector<std::string>& args) {
  std::vector<TreatmentSessionRow> out;
  TreatmentSessionRow r;
  long long performed = 0, created = 0, updated = 0;
  std::string status;
  TextOut device, signed_by;
  MicrosOut signed_at;
  soci::statement st(tx.sql());
  for (auto* into_string : {&r.ref.id, &r.trajectory_id, &r.ref.practice.value, &r.ref.location.value,
                            &r.ref.client.value, &r.type_key})
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
  for (const auto& a : args) st.exchange(use(a));
  st.alloc();
  st.prepare(fmt::format("SELECT {} FROM treatment_sessions WHERE {}", kColumns, where));
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      r.status = domain::ParseTreatmentSessionStatus(status).value_or(domain::TreatmentSessionStatus::kSigned);
      r.performed_at = FromMicros(performed);
      r.device_name = device.get();
      r.signed_at = signed_at.get();
      r.signed_by = signed_by.get() ? std::optional<UserId>(UserId{*signed_by.get()}) : std::nullopt;
      r.created_at = FromMicros(created);
      r.updated_at = FromMicros(updated);
      out.push_back(r);
    } while (st.fetch());
  }
  return out;
}

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
      use(r.ref.id), use(r.trajectory_id), use(r.ref.practice.value), use(r.ref.location.value),
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
                        use(r.ref.id));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  tx.sql() << "DELETE FROM session_products WHERE session_id = :s AND session_id IN (SELECT id FROM "
              "treatment_sessions WHERE status = 'draft')",
      use(r.ref.id);
  InsertProducts(tx, r);
  return true;
}

bool TreatmentSessionRepo::Sign(Tx& tx, const std::string& id, const UserId& by, Instant at) const {
  const long long t = ToMicros(at);
  soci::statement st = (tx.sql().prepare << "UPDATE treatment_sessions SET status = 'signed', "
                                            "signed_at_us = :t, signed_by = :b, updated_at_us = :u "
                                            "WHERE id = :id AND status = 'draft'",
                        use(t), use(by.value), use(t), use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<TreatmentSessionRow> TreatmentSessionRepo::Find(Tx& tx, const PracticeId& practice,
                                                     const std::string& id) const {
  auto rows = Query(tx, "id = :id AND practice_id = :p", {id, practice.value});
  if (rows.empty()) return std::nullopt;
  rows.front().products = Products(tx, id);
  return std::move(rows.front());
}

std::vector<TreatmentSessionRow> TreatmentSessionRepo::ForTrajectory(Tx& tx, const std::string& trajectory_id) const {
  auto out = Query(tx, "trajectory_id = :t ORDER BY performed_at_us, id", {trajectory_id});
  if (out.empty()) return out;
  // The products of every session in one query, not one per session.
  std::unordered_map<std::string, TreatmentSessionRow*> by_id;
  for (auto& row : out) by_id.emplace(row.ref.id, &row);
  std::string session, kind, name, batch;
  soci::statement st =
      (tx.sql().prepare << "SELECT session_id, kind, name, batch FROM session_products WHERE "
                           "session_id IN (SELECT id FROM treatment_sessions WHERE trajectory_id = :t) "
                           "ORDER BY session_id, position",
       into(session), into(kind), into(name), into(batch), use(trajectory_id));
  st.execute();
  while (st.fetch())
    if (auto it = by_id.find(session); it != by_id.end())
      it->second->products.push_back(
          {domain::ParseProductKind(kind).value_or(domain::ProductKind::kProduct), name, batch});
  return out;
}

void TreatmentSessionRepo::InsertAddendum(Tx& tx, const AddendumRow& r) const {
  const long long at = ToMicros(r.at);
  tx.sql() << "INSERT INTO session_addenda (id, session_id, practice_id, location_id, client_id, "
              "author_id, at_us, reason_sealed, text_sealed) VALUES (:id, :s, :p, :l, :c, :a, :t, :r, :x)",
      use(r.ref.id), use(r.session_id), use(r.ref.practice.value), use(r.ref.location.value),
      use(r.ref.client.value), use(r.author.value), use(at), use(r.reason_sealed), use(r.text_sealed);
}

namespace {

std::vector<AddendumRow> QueryAddenda(Tx& tx, const char* where, const std::string& arg) {
  AddendumRow r;
  long long at = 0;
  soci::statement st =
      (tx.sql().prepare << fmt::format("SELECT id, session_id, practice_id, location_id, client_id, "
                                       "author_id, at_us, reason_sealed, text_sealed FROM "
                                       "session_addenda WHERE {} ORDER BY at_us, id",
                                       where),
       into(r.ref.id), into(r.session_id), into(r.ref.practice.value), into(r.ref.location.value),
       into(r.ref.client.value), into(r.author.value), into(at), into(r.reason_sealed), into(r.text_sealed),
       use(arg));
  return detail::FetchAll(st, r, [&] { r.at = FromMicros(at); });
}

}  // namespace

std::vector<AddendumRow> TreatmentSessionRepo::Addenda(Tx& tx, const std::string& session_id) const {
  return QueryAddenda(tx, "session_id = :s", session_id);
}

std::vector<AddendumRow> TreatmentSessionRepo::AddendaForTrajectory(
    Tx& tx, const std::string& trajectory_id) const {
  return QueryAddenda(
      tx, "session_id IN (SELECT id FROM treatment_sessions WHERE trajectory_id = :t)",
      trajectory_id);
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
       into(h.client.value), into(h.location.value), into(h.session_id), into(h.trajectory_id), into(performed),
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
