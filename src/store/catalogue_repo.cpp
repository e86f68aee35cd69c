#include "store/catalogue_repo.hpp"

#include <algorithm>
#include <array>

#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using soci::into;
using soci::use;

constexpr const char* kColumns =
    "type_key, version, regime, category, name_nl, name_en, visible_results, qualification, "
    "device_required, medical_act, retired, created_at_us, created_by";

struct TypeOut {
  TreatmentTypeRecord r;
  std::string regime, qualifications;
  int visible = 0, device = 0, medical = 0, retired = 0;
  long long created = 0;

  void Bind(soci::statement& st) {
    st.exchange(into(r.type.key));
    st.exchange(into(r.type.version));
    st.exchange(into(regime));
    st.exchange(into(r.type.category));
    st.exchange(into(r.type.name_nl));
    st.exchange(into(r.type.name_en));
    st.exchange(into(visible));
    st.exchange(into(qualifications));
    st.exchange(into(device));
    st.exchange(into(medical));
    st.exchange(into(retired));
    st.exchange(into(created));
    st.exchange(into(r.created_by));
  }
  TreatmentTypeRecord Get() const {
    TreatmentTypeRecord out = r;
    out.type.regime = domain::ParseRegime(regime).value_or(domain::Regime::kWkkgz);
    out.type.visible_results = visible != 0;
    out.type.qualifications = domain::SplitCodes(qualifications);
    out.type.device_required = device != 0;
    out.type.medical_act = medical != 0;
    out.retired = retired != 0;
    out.created_at = FromMicros(created);
    return out;
  }
};

template <std::size_t Args>
struct TypeVars : TypeOut {
  std::array<std::string, Args> args;
  void Bind(soci::statement& st) {
    TypeOut::Bind(st);
    for (auto& a : args) st.exchange(use(a));
  }
};

template <std::size_t Args>
std::vector<TreatmentTypeRecord> Query(Tx& tx, const char* where, std::array<std::string, Args> args) {
  auto& q = tx.Prepared<detail::CachedQuery<TypeVars<Args>>>(
      std::string("SELECT ") + kColumns + " FROM treatment_types WHERE " + where);
  q.args = std::move(args);
  std::vector<TreatmentTypeRecord> rows;
  q.st.execute();
  while (q.st.fetch()) rows.push_back(q.Get());
  return rows;
}

struct ReflectionVars {
  domain::ReflectionPeriods p;
  std::string practice;
  void Bind(soci::statement& st) {
    for (auto& d : p.days) st.exchange(into(d));
    st.exchange(use(practice));
  }
};

}  // namespace

void CatalogueRepo::Insert(Tx& tx, const PracticeId& practice, const TreatmentTypeRecord& r) const {
  const auto& t = r.type;
  const std::string regime(domain::ToString(t.regime));
  const int visible = t.visible_results, device = t.device_required, medical = t.medical_act,
            retired = r.retired;
  const long long created = ToMicros(r.created_at);
  const std::string qualifications = domain::JoinCodes(t.qualifications);
  tx.sql() << "INSERT INTO treatment_types (practice_id, type_key, version, regime, category, "
              "name_nl, name_en, visible_results, qualification, device_required, medical_act, "
              "retired, created_at_us, created_by) VALUES (:p, :k, :v, :r, :c, :nl, :en, :vis, :q, "
              ":dev, :med, :ret, :at, :by)",
      use(practice.value), use(t.key), use(t.version), use(regime), use(t.category), use(t.name_nl),
      use(t.name_en), use(visible), use(qualifications), use(device), use(medical), use(retired),
      use(created), use(r.created_by);
}

std::vector<TreatmentTypeRecord> CatalogueRepo::Latest(Tx& tx, const PracticeId& practice) const {
  auto rows = Query<1>(tx,
                    "practice_id = :p AND version = (SELECT MAX(t2.version) FROM treatment_types t2 "
                    "WHERE t2.practice_id = treatment_types.practice_id AND t2.type_key = "
                    "treatment_types.type_key)",
                    {practice.value});
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.type.regime, a.type.category, a.type.name_nl) <
           std::tie(b.type.regime, b.type.category, b.type.name_nl);
  });
  return rows;
}

std::optional<TreatmentTypeRecord> CatalogueRepo::Find(Tx& tx, const PracticeId& practice,
                                                       const std::string& key,
                                                       std::optional<int> version) const {
  auto rows = version ? Query<3>(tx, "practice_id = :p AND type_key = :k AND version = :v",
                              {practice.value, key, std::to_string(*version)})
                      : Query<2>(tx, "practice_id = :p AND type_key = :k ORDER BY version DESC",
                              {practice.value, key});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

domain::ReflectionPeriods CatalogueRepo::Reflection(Tx& tx, const PracticeId& practice) const {
  auto& q = tx.Prepared<detail::CachedQuery<ReflectionVars>>(
      "SELECT reflection_days_1, reflection_days_2, reflection_days_3 FROM practices WHERE id = :p");
  q.practice = practice.value;
  q.p = {};
  q.st.execute();
  const bool found = q.st.fetch();
  if (!found) return {};
  domain::ReflectionPeriods p = q.p;
  detail::Finish(q.st);
  return p;
}

void CatalogueRepo::SetReflection(Tx& tx, const PracticeId& practice,
                                  const domain::ReflectionPeriods& p) const {
  tx.sql() << "UPDATE practices SET reflection_days_1 = :a, reflection_days_2 = :b, "
              "reflection_days_3 = :c WHERE id = :p",
      use(p.days[0]), use(p.days[1]), use(p.days[2]), use(practice.value);
}

}  // namespace huidig::store
