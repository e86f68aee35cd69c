#include "store/intake_repo.hpp"

#include "store/soci_util.hpp"

namespace huidig::store {

using soci::into;
using soci::use;

void IntakeRepo::Insert(Tx& tx, const IntakeRow& r) const {
  const long long at = ToMicros(r.created_at);
  tx.sql() << "INSERT INTO intake_versions (client_id, version, practice_id, location_id, "
              "answers_sealed, author_id, created_at_us) VALUES (:c, :v, :p, :l, :a, :u, :t)",
      use(r.client.value), use(r.version), use(r.practice.value), use(r.location.value),
      use(r.answers_sealed), use(r.author.value), use(at);
}

std::vector<IntakeRow> IntakeRepo::All(Tx& tx, const PracticeId& practice,
                                       const ClientId& client) const {
  IntakeRow r;
  long long at = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT client_id, version, practice_id, location_id, answers_sealed, "
                           "author_id, created_at_us FROM intake_versions WHERE client_id = :c AND "
                           "practice_id = :p ORDER BY version",
       into(r.client.value), into(r.version), into(r.practice.value), into(r.location.value),
       into(r.answers_sealed), into(r.author.value), into(at), use(client.value), use(practice.value));
  return detail::FetchAll(st, r, [&] { r.created_at = FromMicros(at); });
}

}  // namespace huidig::store
