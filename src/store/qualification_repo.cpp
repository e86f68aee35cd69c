#include "store/qualification_repo.hpp"

#include "domain/catalogue.hpp"
#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using detail::NullableText;
using detail::TextOut;
using soci::into;
using soci::use;

constexpr const char* kColumns =
    "SELECT id, practice_id, user_id, kind, title, covers, big_number, valid_from, valid_until, "
    "created_at_us, created_by FROM qualifications ";

std::vector<QualificationRow> Query(Tx& tx, const std::string& where, std::vector<std::string> params) {
  QualificationRow r;
  std::string kind, covers, from;
  TextOut big, until;
  long long created = 0;
  soci::statement st(tx.sql());
  st.exchange(into(r.id));
  st.exchange(into(r.practice.value));
  st.exchange(into(r.user.value));
  st.exchange(into(kind));
  st.exchange(into(r.q.title));
  st.exchange(into(covers));
  st.exchange(into(big.value, big.ind));
  st.exchange(into(from));
  st.exchange(into(until.value, until.ind));
  st.exchange(into(created));
  st.exchange(into(r.created_by.value));
  for (auto& p : params) st.exchange(use(p));
  st.alloc();
  st.prepare(std::string(kColumns) + where);
  st.define_and_bind();
  return detail::FetchAll(st, r, [&] {
    r.q.kind = domain::ParseQualificationKind(kind).value_or(domain::QualificationKind::kDiploma);
    r.q.covers = domain::SplitCodes(covers);
    r.q.big_number = big.get();
    r.q.valid_from = domain::ParseIsoDate(from).value_or(domain::Date{});
    const auto end = until.get();
    r.q.valid_until = end ? domain::ParseIsoDate(*end) : std::nullopt;
    r.created_at = FromMicros(created);
  });
}

}  // namespace

void QualificationRepo::Insert(Tx& tx, const QualificationRow& r) const {
  const std::string kind(domain::ToString(r.q.kind)), covers = domain::JoinCodes(r.q.covers),
      from = domain::FormatDate(r.q.valid_from);
  NullableText big(r.q.big_number),
      until(r.q.valid_until ? std::optional<std::string>(domain::FormatDate(*r.q.valid_until)) : std::nullopt);
  const long long created = ToMicros(r.created_at);
  tx.sql() << "INSERT INTO qualifications (id, practice_id, user_id, kind, title, covers, big_number, "
              "valid_from, valid_until, created_at_us, created_by) VALUES (:id, :p, :u, :k, :t, :c, :b, "
              ":f, :un, :at, :by)",
      use(r.id), use(r.practice.value), use(r.user.value), use(kind), use(r.q.title), use(covers),
      use(big.value, big.ind), use(from), use(until.value, until.ind), use(created), use(r.created_by.value);
}

std::vector<QualificationRow> QualificationRepo::ForUser(Tx& tx, const PracticeId& practice,
                                                         const UserId& user) const {
  return Query(tx, "WHERE practice_id = :p AND user_id = :u ORDER BY valid_from, id", {practice.value, user.value});
}

std::vector<QualificationRow> QualificationRepo::ForPractice(Tx& tx, const PracticeId& practice) const {
  return Query(tx, "WHERE practice_id = :p ORDER BY valid_until IS NULL, valid_until, id", {practice.value});
}

}  // namespace huidig::store
