#include "service/catalogue_service.hpp"

namespace huidig::service {
namespace {

using domain::Permission;

// Applies changes to a type and validates the result.
Result<domain::TreatmentType> Apply(domain::TreatmentType t, const TreatmentTypeChanges& ch) {
  if (ch.regime) {
    auto r = domain::ParseRegime(*ch.regime);
    if (!r) return Invalid("invalid_value", "regime", "R-CAT");
    t.regime = *r;
  }
  if (ch.category) t.category = *ch.category;
  if (ch.name_nl) t.name_nl = *ch.name_nl;
  if (ch.name_en) t.name_en = *ch.name_en;
  if (ch.visible_results) t.visible_results = *ch.visible_results;
  if (ch.qualification)
    t.qualifications = *ch.qualification && !(*ch.qualification)->empty()
                           ? std::vector<std::string>{**ch.qualification}
                           : std::vector<std::string>{};
  if (ch.qualifications) t.qualifications = *ch.qualifications;
  if (ch.device_required) t.device_required = *ch.device_required;
  if (ch.medical_act) t.medical_act = *ch.medical_act;
  if (auto ok = domain::ValidateTreatmentType(t); !ok) return Fail(ok.error());
  return t;
}

audit::Entry CatalogueEntry(const domain::Actor& actor, std::string action, const std::string& key,
                            Instant now) {
  auto e = audit::Entry::For(actor, std::move(action), "treatment_type", now);
  e.object_id = key;
  return e;
}

}  // namespace

TreatmentTypeView ToView(const store::TreatmentTypeRecord& r) { return {r.type, r.retired}; }

void CatalogueService::SeedShipped(store::Tx& tx, const PracticeId& practice, Instant now) const {
  for (const auto& t : domain::ShippedCatalogue())
    repo_.Insert(tx, practice, {t, false, now, "system"});
}

Result<std::vector<TreatmentTypeView>> CatalogueService::List(const domain::Actor& actor) {
  // Every role of the practice may read its catalogue.
  return ctx_.db.Read([&](store::Tx& tx) {
    std::vector<TreatmentTypeView> out;
    for (const auto& r : repo_.Latest(tx, actor.practice)) out.push_back(ToView(r));
    return out;
  });
}

Result<TreatmentTypeView> CatalogueService::Create(const domain::Actor& actor,
                                                            const TreatmentTypeChanges& ch) {
  if (!actor.May(Permission::kPracticeSettings)) return Forbidden("R-CAT");
  if (!ch.key) return Invalid("required", "id", "R-CAT");
  if (!ch.regime) return Invalid("required", "regime", "R-CAT");
  if (!ch.name_nl) return Invalid("required", "name_nl", "R-CAT");
  if (!ch.name_en) return Invalid("required", "name_en", "R-CAT");
  domain::TreatmentType blank;
  blank.key = *ch.key;
  auto type = Apply(blank, ch);
  if (!type) return Fail(type.error());
  const Instant now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> Result<TreatmentTypeView> {
    if (repo_.Find(tx, actor.practice, type->key)) return Fail(Errc::kConflict, "key_taken", "id", "R-CAT");
    store::TreatmentTypeRecord r{*type, ch.retired.value_or(false), now, actor.user.value};
    repo_.Insert(tx, actor.practice, r);
    ctx_.audit.Append(tx, CatalogueEntry(actor, "create", r.type.key, now));
    return ToView(r);
  });
}

Result<TreatmentTypeView> CatalogueService::Update(const domain::Actor& actor,
                                                            const std::string& key,
                                                            const TreatmentTypeChanges& ch) {
  if (!actor.May(Permission::kPracticeSettings)) return Forbidden("R-CAT");
  if (ch.key && *ch.key != key) return Invalid("field_not_allowed", "id", "R-CAT");
  const Instant now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> Result<TreatmentTypeView> {
    auto current = repo_.Find(tx, actor.practice, key);
    if (!current) return NotFound();
    auto type = Apply(current->type, ch);
    if (!type) return Fail(type.error());
    type->version = current->type.version + 1;  // never in place (R-CAT)
    store::TreatmentTypeRecord r{*type, ch.retired.value_or(current->retired), now, actor.user.value};
    repo_.Insert(tx, actor.practice, r);
    ctx_.audit.Append(tx, CatalogueEntry(actor, "update", key, now));
    return ToView(r);
  });
}

Result<domain::ReflectionPeriods> CatalogueService::Reflection(const domain::Actor& actor) {
  return ctx_.db.Read([&](store::Tx& tx) { return repo_.Reflection(tx, actor.practice); });
}

}  // namespace huidig::service
