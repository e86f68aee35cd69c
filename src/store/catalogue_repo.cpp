#include "store/catalogue_repo.hpp"

#include <algorithm>

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
  std::string regime;
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
    st.exchange(into(r.type.qualification));
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
    out.type.device_required = device != 0;
    out.type.medical_act = medical != 0;
    out.retired = retired != 0;
    out.created_at = FromMicros(created);
    return out;
  }
};

std::vector<TreatmentTypeRecord> Query(Tx& tx, const std::string& where,
                                       const std::vector<std::string>& args) {
  TypeOut out;
  soci::statement st(tx.sql());
  out.Bind(st);
  for (const auto& a : args) st.exchange(use(a));
  st.alloc();
  st.prepare(std::string("SELECT ") + kColumns + " FROM treatment_types WHERE " + where);
  st.define_and_bind();
  std::vector<TreatmentTypeRecord> rows;
  if (st.execute(true)) {
    do {
      rows.push_back(out.Get());
    } while (st.fetch());
  }
  return rows;
}

}  // namespace

void CatalogueRepo::Insert(Tx& tx, const PracticeId& practice, const TreatmentTypeRecord& r) const {
  const auto& t = r.type;
  const std::string regime(domain::ToString(t.regime));
  const int visible = t.visible_results, device = t.device_required, medical = t.medical_act,
            retired = r.retired;
  const long long created = ToMicros(r.created_at);
  tx.sql() << "INSERT INTO treatment_types (practice_id, type_key, version, regime, category, "
              "name_nl, name_en, visible_results, qualification, device_required, medical_act, "
              "retired, created_at_us, created_by) VALUES (:p, :k, :v, :r, :c, :nl, :en, :vis, :q, "
              ":dev, :med, :ret, :at, :by)",
      use(practice.value), use(t.key), use(t.version), use(regime), use(t.category), use(t.name_nl),
      use(t.name_en), use(visible), use(t.qualification), use(device), use(medical), use(retired),
      use(created), use(r.created_by);
}

std::vector<TreatmentTypeRecord> CatalogueRepo::Latest(Tx& tx, const PracticeId& practice) const {
  auto rows = Query(tx,
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
  auto rows = version ? Query(tx, "practice_id = :p AND type_key = :k AND version = :v",
                              {practice.value, key, std::to_string(*version)})
                      : Query(tx, "practice_id = :p AND type_key = :k ORDER BY version DESC",
                              {practice.value, key});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

domain::ReflectionPeriods CatalogueRepo::Reflection(Tx& tx, const PracticeId& practice) const {
  domain::ReflectionPeriods p;
  tx.sql() << "SELECT reflection_days_1, reflection_days_2, reflection_days_3 FROM practices "
              "WHERE id = :p",
      into(p.days[0]), into(p.days[1]), into(p.days[2]), use(practice.value);
  return p;
}

void CatalogueRepo::SetReflection(Tx& tx, const PracticeId& practice,
                                  const domain::ReflectionPeriods& p) const {
  tx.sql() << "UPDATE practices SET reflection_days_1 = :a, reflection_days_2 = :b, "
              "reflection_days_3 = :c WHERE id = :p",
      use(p.days[0]), use(p.days[1]), use(p.days[2]), use(practice.value);
}

}  // namespace huidig::store
