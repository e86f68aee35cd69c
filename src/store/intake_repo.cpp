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

namespace {

struct IntakeVars {
  IntakeRow r;
  long long at = 0;
  std::string client, practice;
  void Bind(soci::statement& st) {
    st.exchange(into(r.client.value));
    st.exchange(into(r.version));
    st.exchange(into(r.practice.value));
    st.exchange(into(r.location.value));
    st.exchange(into(r.answers_sealed));
    st.exchange(into(r.author.value));
    st.exchange(into(at));
    st.exchange(use(client));
    st.exchange(use(practice));
  }
};

}  // namespace

std::vector<IntakeRow> IntakeRepo::All(Tx& tx, const PracticeId& practice,
                                       const ClientId& client) const {
  auto& q = tx.Prepared<detail::CachedQuery<IntakeVars>>(
      "SELECT client_id, version, practice_id, location_id, answers_sealed, author_id, "
      "created_at_us FROM intake_versions WHERE client_id = :c AND practice_id = :p ORDER BY version");
  q.client = client.value;
  q.practice = practice.value;
  return detail::FetchAll(q.st, q.r, [&] { q.r.created_at = FromMicros(q.at); });
}

}  // namespace huidig::store
