#include "service/trajectory_service.hpp"
#include "domain/text.hpp"

#include <algorithm>

#include "common/utf8.hpp"
#include "crypto/crypto.hpp"
#include "crypto/keys.hpp"
#include "domain/calendar.hpp"
#include "domain/consent.hpp"
#include "domain/intake.hpp"
#include "domain/photo_rules.hpp"
#include "domain/readiness.hpp"
#include "service/seal_context.hpp"
#include "service/audited.hpp"
#include "service/client_keys.hpp"

namespace huidig::service {

using domain::Permission;
using domain::Regime;

// Everything one trajectory's view is built from, loaded in one transaction.
struct TrajectoryService::Loaded {
  store::TrajectoryRow row;
  domain::Client client;
  store::TreatmentTypeRecord type;
  crypto::Key key;
  std::vector<store::ConsultRow> consults;
  std::vector<store::DecisionRow> decisions;
  std::vector<store::ConsentRow> consents;
  std::vector<TreatmentSessionView> sessions;
  std::vector<store::PhotoRow> photos;  // of this trajectory
  std::vector<store::IntakeRow> intake;
  domain::ReflectionPeriods periods;
};

namespace {

// R-CONSENT-1: what a consult's reflection period counts from.
Instant ReflectionStart(const store::ConsultRow& c) {
  return domain::ReflectionStart(c.at, c.recorded_at, c.confirmed_at.has_value());
}

constexpr auto kClockSkew = std::chrono::minutes(5);  // "now" on a tablet may run a little ahead

Error Precondition(std::string code, std::string rule) {
  return Error{Errc::kFailedPrecondition, std::move(code), {}, std::move(rule), {}};
}

// A drawn signature: a PNG image as a data URL, at most 512 KiB.
Result<void> CheckDrawnSignature(std::string_view data_url) {
  constexpr std::string_view kPrefix = "data:image/png;base64,";
  std::string png;
  if (data_url.substr(0, kPrefix.size()) != kPrefix || data_url.size() > 700 * 1024 ||
      !crypto::FromBase64(data_url.substr(kPrefix.size()), png) || png.size() < 8 ||
      png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
    return Invalid("invalid_value", "signature", "R-CONSENT-5");
  return {};
}

std::optional<domain::IntakeAnswers> IntakeAt(const std::vector<store::IntakeRow>& rows,
                                              int version, const crypto::Key& key) {
  for (const auto& r : rows) {
    if (r.version != version) continue;
    const auto plain = crypto::Open(key, r.answers_sealed,
                                    seal::Intake(r.client, r.version));
    return plain ? domain::DecodeIntake(*plain) : std::nullopt;
  }
  return version == 0 ? std::optional<domain::IntakeAnswers>(domain::IntakeAnswers{})
                      : std::nullopt;
}

}  // namespace

Result<TrajectoryService::Loaded> TrajectoryService::Load(store::Tx& tx, const domain::Actor& actor,
                                                          const TrajectoryId& id,
                                                          const std::string& action, Instant now,
                                                          AuditNotes& notes) const {
  auto row = IsUuidV4(id.value) ? trajectories_.Find(tx, actor.practice, id) : std::nullopt;
  auto client = row ? clients_.Find(tx, actor.practice, row->ref.client) : std::nullopt;
  if (!client || !actor.MayReadClient(client->location, false)) {
    // R-SEC-2: unknown and forbidden alike; the refusal stays in the log.
    auto e = audit::Entry::For(actor, action, "trajectory", now, audit::Outcome::kRefused);
    if (client) e.client = client->id;
    notes.Add(std::move(e));
    return NotFound();
  }
  auto key = keys_.Of(tx, client->id);
  if (!key) return Fail(key.error());
  return LoadRecords(tx, std::move(*row), std::move(*client), std::move(*key),
                     intake_.All(tx, actor.practice, client->id),
                     photos_.ForClient(tx, actor.practice, client->id));
}

Result<TrajectoryService::Loaded> TrajectoryService::LoadRecords(
    store::Tx& tx, store::TrajectoryRow row, domain::Client client, crypto::Key key,
    std::vector<store::IntakeRow> intake, const std::vector<store::PhotoRow>& photos) const {
  auto type = catalogue_.Find(tx, row.ref.practice, row.type_key, row.type_version);
  if (!type) return Fail(Errc::kFailedPrecondition, "treatment_type_missing");
  Loaded t{std::move(row), std::move(client), std::move(*type), std::move(key)};
  const auto& id = t.row.ref.id;
  t.consults = trajectories_.Consults(tx, id);
  t.decisions = trajectories_.Decisions(tx, id);
  t.consents = trajectories_.Consents(tx, id);
  auto sessions = sessions_.Open(tx, t.row, t.type, t.key);
  if (!sessions) return Fail(sessions.error());
  t.sessions = std::move(*sessions);
  for (const auto& p : photos)
    if (p.trajectory_id == id) t.photos.push_back(p);
  t.intake = std::move(intake);
  if (t.type.type.regime == Regime::kCosmetic) t.periods = catalogue_.Reflection(tx, t.row.ref.practice);
  return t;
}

Result<TrajectoryView> TrajectoryService::View(Loaded t, Instant now) {
  const auto& row = t.row;
  const auto& key = t.key;
  TrajectoryView v;
  v.id = row.ref.id;
  v.client = row.ref.client;
  v.location = row.ref.location;
  v.intake_version = row.intake_version;
  v.created_at = row.created_at;
  v.created_by = row.created_by;
  v.type = ToView(t.type);
  const auto info = crypto::Open(key, row.info_sealed, seal::Trajectory(row.ref.id));
  const auto decoded = info ? domain::DecodeTrajectoryInfo(*info) : std::nullopt;
  if (!decoded) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
  v.info = *decoded;
  for (const auto& c : t.consults) {
    const auto proposed = crypto::Open(key, c.proposed_sealed, seal::Consult(c.ref.id));
    if (!proposed) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
    ConsultView cv{c.ref.id, c.at, c.leaflet_version, *proposed, c.intake_version, c.recorded_by, c.recorded_at};
    cv.recorded_afterwards = domain::RecordedAfterwards(c.at, c.recorded_at);
    if (c.late_reason_sealed) {
      cv.late_reason = crypto::Open(key, *c.late_reason_sealed, seal::ConsultLateReason(c.ref.id));
      if (!cv.late_reason) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
    }
    cv.confirmed_at = c.confirmed_at;
    cv.confirmed_by = c.confirmed_by;
    v.consults.push_back(std::move(cv));
  }
  for (const auto& d : t.decisions)
    v.decisions.push_back({d.ref.id, d.consult_id, d.at, d.recorded_by});
  for (const auto& c : t.consents) {
    const auto text = crypto::Open(key, c.text_sealed, seal::ConsentText(c.ref.id));
    if (!text) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
    v.consents.push_back(
        {c.ref.id, c.kind, *text, c.text_sha256, c.signature_kind, c.signed_at, c.intake_version,
         c.recorded_by});
  }
  v.sessions = std::move(t.sessions);

  // R-TRJ-3: before and after photos of a treatment with visible results.
  domain::TrajectoryPhotoFacts facts;
  facts.visible_results = t.type.type.visible_results;
  facts.photos_allowed = t.client.photo_preference == domain::PhotoPreference::kAllowed;
  facts.planned_sessions = v.info.planned_sessions;
  for (const auto& s : v.sessions) facts.sessions.push_back(s.performed_at);
  for (const auto& p : t.photos) {
    if (p.phase == domain::PhotoPhase::kBefore) facts.before_photos.push_back(p.uploaded_at);
    if (p.phase == domain::PhotoPhase::kAfter) facts.after_photos.push_back(p.uploaded_at);
  }
  v.photo_flags = domain::PhotoFlags(facts);

  // What still stands between the client and a session now: the rule that refuses one.
  for (const auto& need : domain::TreatmentSessionNeeds(TreatmentSessionFactsOf(
           t.client, t.type.type, t.consults, t.decisions, t.consents, now, now))) {
    v.missing.emplace_back(need.code);
    if (need.code == "decision_missing")
      v.earliest_decision = domain::FormatDate(
          domain::EarliestDecisionDate(ReflectionStart(t.consults.back()), t.type.type.category, t.periods));
  }
  // R-CONSENT-6: the intake as the last consult saw it against the intake now.
  if (!t.consults.empty()) {
    const int current = t.intake.empty() ? 0 : t.intake.back().version;
    const auto then = IntakeAt(t.intake, t.consults.back().intake_version, key);
    const auto today = IntakeAt(t.intake, current, key);
    if (then && today) v.intake_changed_since_consult = domain::ChangedIntakeFields(*then, *today);
  }
  return v;
}

Result<TrajectoryView> TrajectoryService::Create(const domain::Actor& actor,
                                                 const std::string& client_id,
                                                 const TrajectoryInput& in) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  if (auto ok = domain::ValidateTrajectoryInfo(in.info); !ok) return Fail(ok.error());
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TrajectoryView> {
    auto client =
        IsUuidV4(client_id) ? clients_.Find(tx, actor.practice, ClientId{client_id}) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      notes.Add(audit::Entry::For(actor, "create", "trajectory", now, audit::Outcome::kRefused));
      return NotFound();
    }
    auto type = catalogue_.Find(tx, actor.practice, in.treatment_type);
    if (!type || type->retired) return Invalid("invalid_value", "treatment_type", "R-CAT");
    const Regime regime = type->type.regime;
    // R-DOS-1: who refused record keeping cannot receive these treatments.
    if (domain::RecordsRequired(regime) &&
        client->records_consent == domain::RecordsConsent::kRefused)
      return Fail(Precondition("records_refused", "R-DOS-1"));
    auto intake = intake_.All(tx, actor.practice, client->id);
    if (!in.intake_reviewed) return Invalid("required", "intake_reviewed", "R-DOS");
    if (domain::RecordsRequired(regime) && intake.empty())
      return Fail(Precondition("intake_missing", "R-DOS"));
    auto key = keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    Loaded t{{}, std::move(*client), std::move(*type), std::move(*key)};
    store::TrajectoryRow& row = t.row;
    row.ref = {crypto::NewId<TrajectoryId>(), actor.practice, t.client.location, t.client.id};
    row.type_key = t.type.type.key;
    row.type_version = t.type.type.version;
    row.info_sealed =
        crypto::Seal(t.key, domain::EncodeTrajectoryInfo(in.info), seal::Trajectory(row.ref.id));
    row.intake_version = intake.empty() ? 0 : intake.back().version;
    row.created_at = now;
    row.created_by = actor.user;
    trajectories_.Insert(tx, row);
    notes.Add(audit::Entry::About(actor, "create", "trajectory", t.client.id, t.client.location,
                                  row.ref.id, now));
    t.intake = std::move(intake);
    if (regime == Regime::kCosmetic) t.periods = catalogue_.Reflection(tx, actor.practice);
    return View(std::move(t), now);
  });
}

Result<std::vector<TrajectoryView>> TrajectoryService::List(const domain::Actor& actor,
                                                            const std::string& client_id) {
  if (!actor.May(Permission::kClientDossier)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedRead(ctx_, [&](store::Tx& tx,
                               AuditNotes& notes) -> Result<std::vector<TrajectoryView>> {
    auto client =
        IsUuidV4(client_id) ? clients_.Find(tx, actor.practice, ClientId{client_id}) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      notes.Add(
          audit::Entry::For(actor, "read", "trajectory_list", now, audit::Outcome::kRefused));
      return NotFound();
    }
    auto key = keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    const auto intake = intake_.All(tx, actor.practice, client->id);
    const auto photos = photos_.ForClient(tx, actor.practice, client->id);
    std::vector<TrajectoryView> out;
    for (auto& row : trajectories_.ForClient(tx, actor.practice, client->id)) {
      auto t = LoadRecords(tx, std::move(row), *client, *key, intake, photos);
      if (!t) return Fail(t.error());
      auto v = View(std::move(*t), now);
      if (!v) return Fail(v.error());
      out.push_back(std::move(*v));
    }
    notes.Add(audit::Entry::About(actor, "read", "trajectory_list", client->id, client->location,
                                  "results:" + std::to_string(out.size()), now));
    return out;
  });
}

Result<TrajectoryView> TrajectoryService::Get(const domain::Actor& actor, const TrajectoryId& id) {
  if (!actor.May(Permission::kClientDossier)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedRead(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TrajectoryView> {
    auto t = Load(tx, actor, id, "read", now, notes);
    if (!t) return Fail(t.error());
    notes.Add(audit::Entry::About(actor, "read", "trajectory", t->client.id, t->client.location,
                                  id, now));
    return View(std::move(*t), now);
  });
}

Result<TrajectoryView> TrajectoryService::RecordConsult(const domain::Actor& actor,
                                                        const TrajectoryId& id,
                                                        const ConsultInput& in) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  const auto at = ParseRfc3339(in.at);
  if (!at || *at > now + kClockSkew) return Invalid("invalid_value", "at", "R-CONSENT-1");
  const bool afterwards = domain::RecordedAfterwards(*at, now);
  if (auto ok = domain::CheckConsultTime(*at, now, in.late_reason && !in.late_reason->empty()); !ok)
    return Fail(ok.error());
  if (afterwards) {
    if (auto ok = domain::CheckText(*in.late_reason, "late_reason", domain::RequiredParagraph(1000, "R-CONSENT-1")); !ok)
      return Fail(ok.error());
  }
  if (auto ok = domain::CheckText(in.leaflet_version, "leaflet_version",
                                  domain::RequiredLine(100, "R-CONSENT-1"));
      !ok)
    return Fail(ok.error());
  if (auto ok = domain::CheckText(in.proposed, "proposed",
                                  domain::RequiredParagraph(4000, "R-CONSENT-1"));
      !ok)
    return Fail(ok.error());
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TrajectoryView> {
    auto t = Load(tx, actor, id, "create", now, notes);
    if (!t) return Fail(t.error());
    if (t->type.type.regime != Regime::kCosmetic)
      return Fail(Precondition("not_cosmetic", "R-CONSENT-1"));
    store::ConsultRow c;
    c.ref = {crypto::NewId<ConsultId>(), actor.practice, t->client.location, t->client.id};
    c.trajectory_id = t->row.ref.id;
    c.at = *at;
    c.leaflet_version = in.leaflet_version;
    c.proposed_sealed = crypto::Seal(t->key, in.proposed, seal::Consult(c.ref.id));
    c.intake_version = t->intake.empty() ? 0 : t->intake.back().version;
    c.recorded_at = now;
    c.recorded_by = actor.user;
    if (afterwards) c.late_reason_sealed = crypto::Seal(t->key, *in.late_reason, seal::ConsultLateReason(c.ref.id));
    trajectories_.InsertConsult(tx, c);
    notes.Add(audit::Entry::About(actor, "create", "consult", t->client.id, t->client.location,
                                  c.ref.id, now));
    t->consults.push_back(std::move(c));
    return View(std::move(*t), now);
  });
}

Result<TrajectoryView> TrajectoryService::ConfirmConsult(const domain::Actor& actor, const TrajectoryId& id) {
  if (!actor.May(Permission::kConsultConfirm)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TrajectoryView> {
    auto t = Load(tx, actor, id, "update", now, notes);
    if (!t) return Fail(t.error());
    if (t->consults.empty()) return Fail(Precondition("consult_missing", "R-CONSENT-1"));
    auto& consult = t->consults.back();
    if (!domain::RecordedAfterwards(consult.at, consult.recorded_at))
      return Fail(Precondition("not_recorded_afterwards", "R-CONSENT-1"));
    if (consult.confirmed_at) return Fail(Errc::kConflict, "already_confirmed", {}, "R-CONSENT-1");
    // Another account: who stated the time does not confirm it.
    if (consult.recorded_by == actor.user) return Fail(Precondition("own_consult", "R-CONSENT-1"));
    if (!trajectories_.ConfirmConsult(tx, consult.ref.id, now, actor.user))
      return Fail(Errc::kConflict, "already_confirmed", {}, "R-CONSENT-1");
    consult.confirmed_at = now;
    consult.confirmed_by = actor.user;
    notes.Add(audit::Entry::About(actor, "confirm", "consult", t->client.id, t->client.location,
                                  consult.ref.id, now));
    return View(std::move(*t), now);
  });
}

Result<TrajectoryView> TrajectoryService::RecordDecision(
    const domain::Actor& actor, const TrajectoryId& id, const std::optional<std::string>& at_text) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  Instant at = now;
  if (at_text) {
    const auto parsed = ParseRfc3339(*at_text);
    if (!parsed || *parsed > now + kClockSkew) return Invalid("invalid_value", "at", "R-CONSENT-2");
    at = *parsed;
  }
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TrajectoryView> {
    auto t = Load(tx, actor, id, "create", now, notes);
    if (!t) return Fail(t.error());
    if (t->type.type.regime != Regime::kCosmetic)
      return Fail(Precondition("not_cosmetic", "R-CONSENT-2"));
    if (t->consults.empty()) return Fail(Precondition("consult_missing", "R-CONSENT-1"));
    const auto& consult = t->consults.back();
    for (const auto& d : t->decisions)
      if (d.consult_id == consult.ref.id)
        return Fail(Errc::kConflict, "already_decided", {}, "R-CONSENT-2");
    if (auto ok = domain::CheckDecision(ReflectionStart(consult), at, t->type.type.category, t->periods); !ok)
      return Fail(ok.error());  // R-CONSENT-2, with the earliest date
    store::DecisionRow d;
    d.ref = {crypto::NewId<DecisionId>(), actor.practice, t->client.location, t->client.id};
    d.trajectory_id = t->row.ref.id;
    d.consult_id = consult.ref.id;
    d.at = at;
    d.recorded_at = now;
    d.recorded_by = actor.user;
    trajectories_.InsertDecision(tx, d);
    notes.Add(audit::Entry::About(actor, "create", "decision", t->client.id, t->client.location,
                                  d.ref.id, now));
    t->decisions.push_back(std::move(d));
    return View(std::move(*t), now);
  });
}

Result<TrajectoryView> TrajectoryService::AddConsent(const domain::Actor& actor,
                                                     const TrajectoryId& id,
                                                     const ConsentInput& in) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  const auto kind = domain::ParseConsentKind(in.kind);
  if (!kind) return Invalid("invalid_value", "kind", "R-CONSENT-5");
  const auto signature_kind = domain::ParseSignatureKind(in.signature_kind);
  if (!signature_kind) return Invalid("invalid_value", "signature.kind", "R-CONSENT-5");
  if (auto ok = domain::ValidateConsentText(in.text); !ok) return Fail(ok.error());
  if (auto ok = *signature_kind == domain::SignatureKind::kTyped
                    ? domain::ValidateTypedSignature(in.signature)
                    : CheckDrawnSignature(in.signature);
      !ok)
    return Fail(ok.error());
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TrajectoryView> {
    auto t = Load(tx, actor, id, "create", now, notes);
    if (!t) return Fail(t.error());
    if (*kind == domain::ConsentKind::kConfirmation) {
      if (t->type.type.regime != Regime::kCosmetic)
        return Fail(Precondition("not_cosmetic", "R-CONSENT-3"));
      if (t->decisions.empty()) return Fail(Precondition("decision_missing", "R-CONSENT-2"));
      auto before = View(*t, now);
      if (!before) return Fail(before.error());
      // R-CONSENT-6: where the intake changed since the consult, the client is asked again.
      if (!before->intake_changed_since_consult.empty() && !in.intake_changes_reviewed) {
        std::string fields;
        for (const auto& f : before->intake_changed_since_consult)
          fields += (fields.empty() ? "" : ",") + f;
        return Fail(Error{
            Errc::kFailedPrecondition,
            "intake_changed",
            "intake_changes_reviewed",
            "R-CONSENT-6",
            {}}.With("fields", fields));
      }
    }
    store::ConsentRow c;
    c.ref = {crypto::NewId<ConsentId>(), actor.practice, t->client.location, t->client.id};
    c.trajectory_id = t->row.ref.id;
    c.kind = *kind;
    // R-CONSENT-5: the hash of the exact text shown, and the text itself to show it again.
    c.text_sha256 = crypto::Sha256Hex(in.text);
    c.text_sealed = crypto::Seal(t->key, in.text, seal::ConsentText(c.ref.id));
    c.signature_kind = *signature_kind;
    c.signature_sealed = crypto::Seal(t->key, in.signature, seal::ConsentSignature(c.ref.id));
    c.intake_version = t->intake.empty() ? 0 : t->intake.back().version;
    c.signed_at = now;
    c.recorded_by = actor.user;
    trajectories_.InsertConsent(tx, c);
    notes.Add(audit::Entry::About(actor, "create", "consent", t->client.id, t->client.location,
                                  c.ref.id, now));
    t->consents.push_back(std::move(c));
    return View(std::move(*t), now);
  });
}

}  // namespace huidig::service
