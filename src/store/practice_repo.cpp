// Practices and their locations. Stateless; every method takes its transaction.
#include "store/staff_repo.hpp"

#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using soci::into;
using soci::use;

constexpr const char* kInsertPractice =
    "INSERT INTO practices (id, name, totp_required, created_at_us) VALUES (:id, :n, :t, :c)";
constexpr const char* kSelectPractice =
    "SELECT id, name, totp_required, created_at_us, reflection_days_1, reflection_days_2, "
    "reflection_days_3, sign_requires_password FROM practices";
constexpr const char* kInsertLocation =
    "INSERT INTO locations (id, practice_id, name, created_at_us) VALUES (:id, :p, :n, :c)";
constexpr const char* kSelectLocations =
    "SELECT id, name, closed_at_us FROM locations WHERE practice_id = :p ORDER BY name, id";


PracticeRecord ReadPractice(soci::session& s, const std::string& where, const std::string& arg,
                            bool& found) {
  PracticeRecord p;
  int totp = 0, sign_password = 0;
  long long created = 0;
  s << std::string(kSelectPractice) + where, into(p.id.value), into(p.name), into(totp),
      into(created), into(p.reflection_days[0]), into(p.reflection_days[1]),
      into(p.reflection_days[2]), into(sign_password), use(arg);
  found = s.got_data();
  p.totp_required = totp != 0;
  p.sign_requires_password = sign_password != 0;
  p.created_at = FromMicros(created);
  return p;
}

}  // namespace

void PracticeRepo::Insert(Tx& tx, const PracticeRecord& p) const {
  const int totp = p.totp_required ? 1 : 0;
  const long long created = ToMicros(p.created_at);
  tx.sql() << kInsertPractice, use(p.id.value), use(p.name), use(totp), use(created);
}

std::optional<PracticeRecord> PracticeRepo::Find(Tx& tx, const PracticeId& id) const {
  bool found = false;
  auto p = ReadPractice(tx.sql(), " WHERE id = :id", id.value, found);
  if (!found) return std::nullopt;
  return p;
}

std::vector<PracticeRecord> PracticeRepo::All(Tx& tx) const {
  std::vector<PracticeRecord> out;
  std::string id;
  soci::statement st = (tx.sql().prepare << "SELECT id FROM practices ORDER BY created_at_us, id",
                        into(id));
  st.execute();
  std::vector<std::string> ids;
  while (st.fetch()) ids.push_back(id);
  for (const auto& i : ids)
    if (auto p = Find(tx, PracticeId{i})) out.push_back(*p);
  return out;
}

void PracticeRepo::SetTotpRequired(Tx& tx, const PracticeId& id, bool required) const {
  const int v = required ? 1 : 0;
  tx.sql() << "UPDATE practices SET totp_required = :t WHERE id = :id", use(v), use(id.value);
}

void PracticeRepo::SetSignRequiresPassword(Tx& tx, const PracticeId& id, bool required) const {
  const int v = required ? 1 : 0;
  tx.sql() << "UPDATE practices SET sign_requires_password = :s WHERE id = :id", use(v), use(id.value);
}

void PracticeRepo::InsertLocation(Tx& tx, const LocationRecord& l, Instant now) const {
  const long long created = ToMicros(now);
  tx.sql() << kInsertLocation, use(l.id.value), use(l.practice.value), use(l.name), use(created);
}

std::vector<LocationRecord> PracticeRepo::Locations(Tx& tx, const PracticeId& practice) const {
  LocationRecord l;
  l.practice = practice;
  detail::MicrosOut closed;
  soci::statement st = (tx.sql().prepare << kSelectLocations, into(l.id.value), into(l.name),
                        into(closed.value, closed.ind), use(practice.value));
  return detail::FetchAll(st, l, [&] {
    l.practice = practice;  // the row before was moved out whole
    l.closed_at = closed.get();
  });
}

bool PracticeRepo::UpdateLocation(Tx& tx, const LocationRecord& l) const {
  detail::NullableMicros closed(l.closed_at);
  soci::statement st = (tx.sql().prepare << "UPDATE locations SET name = :n, closed_at_us = :c "
                                            "WHERE id = :id AND practice_id = :p",
                        use(l.name), use(closed.value, closed.ind), use(l.id.value), use(l.practice.value));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace huidig::store
