#include "service/treatment_session_service.hpp"
#include "service/auth_service.hpp"
#include "domain/calendar.hpp"
#include "domain/text.hpp"

#include "common/utf8.hpp"
#include "crypto/crypto.hpp"
#include "domain/consent.hpp"
#include "domain/readiness.hpp"
#include "service/seal_context.hpp"
#include "service/audited.hpp"
#include "service/client_keys.hpp"

namespace huidig::service {

using domain::Permission;

struct TreatmentSessionService::Loaded {
  store::TreatmentSessionRow row;
  store::TrajectoryRow trajectory;
  domain::Client client;
  store::TreatmentTypeRecord type;
  crypto::Key key;
  std::vector<store::AddendumRow> addenda;
};

namespace {

constexpr auto kClockSkew = std::chrono::minutes(5);

Result<Instant> PerformedAt(const std::optional<std::string>& text, Instant now) {
  if (!text) return now;
  const auto at = ParseRfc3339(*text);
  if (!at || *at > now + kClockSkew) return Invalid("invalid_value", "performed_at", "R-TRJ-2");
  return *at;
}

// What a new session and a changed draft check first: the role, the record, its time.
Result<Instant> CheckInput(const domain::Actor& actor, const TreatmentSessionInput& in, Instant now) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  if (auto ok = domain::ValidateTreatmentRecord(in.record); !ok) return Fail(ok.error());
  return PerformedAt(in.performed_at, now);
}

// The input's record into the row: the columns the recall searches, and the rest sealed.
void SetRecord(store::TreatmentSessionRow& row, const TreatmentSessionInput& in,
               const crypto::Key& key, Instant now) {
  row.device_name = in.record.device_name;
  row.products = in.record.products;
  row.record_sealed =
      crypto::Seal(key, domain::EncodeTreatmentRecord(in.record), seal::TreatmentRecord(row.ref.id));
  row.updated_at = now;
}

Result<void> CheckAddendumText(std::string_view v, const char* field) {
  return domain::CheckText(v, field, domain::RequiredParagraph(4000, "R-DOS-3"));
}

}  // namespace

Result<TreatmentSessionView> OpenTreatmentSession(const store::TreatmentSessionRow& row, const store::TreatmentTypeRecord& type,
                                const std::vector<store::AddendumRow>& addenda,
                                const crypto::Key& key) {
  TreatmentSessionView v;
  v.id = row.ref.id;
  v.trajectory_id = row.trajectory_id;
  v.client = row.ref.client;
  v.status = row.status;
  v.performed_at = row.performed_at;
  v.practitioner = row.practitioner;
  v.type = ToView(type);
  const auto plain = crypto::Open(key, row.record_sealed, seal::TreatmentRecord(row.ref.id));
  const auto record = plain ? domain::DecodeTreatmentRecord(*plain) : std::nullopt;
  if (!record) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
  v.record = *record;
  v.record.products = row.products;
  v.record.device_name = row.device_name;
  v.signed_at = row.signed_at;
  v.signed_by = row.signed_by;
  v.created_at = row.created_at;
  v.updated_at = row.updated_at;
  for (const auto& a : addenda) {
    if (a.session_id != row.ref.id) continue;
    const auto reason = crypto::Open(key, a.reason_sealed, seal::AddendumReason(a.ref.id));
    const auto text = crypto::Open(key, a.text_sealed, seal::AddendumText(a.ref.id));
    if (!reason || !text)
      return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
    v.addenda.push_back({a.ref.id, a.author, a.at, *reason, *text});
  }
  return v;
}

Result<std::vector<TreatmentSessionView>> TrajectoryTreatmentSessions::Open(
    store::Tx& tx, const store::TrajectoryRow& trajectory, const store::TreatmentTypeRecord& type,
    const crypto::Key& key) const {
  const auto addenda = sessions_.AddendaForTrajectory(tx, trajectory.ref.id);
  std::vector<TreatmentSessionView> out;
  for (const auto& row : sessions_.ForTrajectory(tx, trajectory.ref.id)) {
    // A session is recorded with its trajectory's type version; look further only if not.
    std::optional<store::TreatmentTypeRecord> other;
    if (row.type_key != type.type.key || row.type_version != type.type.version) {
      other = catalogue_.Find(tx, row.ref.practice, row.type_key, row.type_version);
      if (!other) return Fail(Errc::kFailedPrecondition, "treatment_type_missing");
    }
    auto v = OpenTreatmentSession(row, other ? *other : type, addenda, key);
    if (!v) return Fail(v.error());
    out.push_back(std::move(*v));
  }
  return out;
}

domain::TreatmentSessionFacts TreatmentSessionFactsOf(const domain::Client& client, const domain::TreatmentType& type,
                                    const std::vector<store::ConsultRow>& consults,
                                    const std::vector<store::DecisionRow>& decisions,
                                    const std::vector<store::ConsentRow>& consents,
                                    Instant session_at, Instant recorded_at) {
  domain::TreatmentSessionFacts f;
  f.regime = type.regime;
  f.records_consent = client.records_consent;
  f.session_at = session_at;
  f.recorded_at = recorded_at;
  if (!consults.empty()) f.consult_at = consults.back().at;
  if (!decisions.empty()) f.decision_at = decisions.back().at;
  for (const auto& c : consents) {
    if (c.kind == domain::ConsentKind::kInformed) f.informed_consents.push_back(c.signed_at);
    if (c.kind == domain::ConsentKind::kConfirmation) f.confirmations.push_back(c.signed_at);
  }
  return f;
}

Result<void> TreatmentSessionService::CheckAllowed(store::Tx& tx, const store::TrajectoryRow& trajectory,
                                          const domain::Client& client,
                                          const store::TreatmentTypeRecord& type,
                                          Instant performed_at, Instant now) const {
  const auto& id = trajectory.ref.id;
  // The use case's one reading of the clock; a session entered to the minute may read earlier.
  return domain::CheckTreatmentSessionAllowed(TreatmentSessionFactsOf(
      client, type.type, trajectories_.Consults(tx, id), trajectories_.Decisions(tx, id),
      trajectories_.Consents(tx, id), performed_at, std::max(performed_at, now)));
}

Result<TreatmentSessionService::Loaded> TreatmentSessionService::LoadSession(store::Tx& tx,
                                                           const domain::Actor& actor,
                                                           const TreatmentSessionId& id,
                                                           const std::string& action, Instant now,
                                                           AuditNotes& notes) const {
  auto row = IsUuidV4(id.value) ? treatment_sessions_.Find(tx, actor.practice, id) : std::nullopt;
  auto client = row ? clients_.Find(tx, actor.practice, row->ref.client) : std::nullopt;
  if (!client || !actor.MayReadClient(client->location, false)) {
    auto e = audit::Entry::For(actor, action, "session", now, audit::Outcome::kRefused);
    if (client) e.client = client->id;
    notes.Add(std::move(e));
    return NotFound();
  }
  auto trajectory = trajectories_.Find(tx, actor.practice, row->trajectory_id);
  auto type = catalogue_.Find(tx, actor.practice, row->type_key, row->type_version);
  if (!trajectory || !type) return Fail(Errc::kFailedPrecondition, "treatment_type_missing");
  auto key = keys_.Of(tx, client->id);
  if (!key) return Fail(key.error());
  auto addenda = treatment_sessions_.Addenda(tx, row->ref.id);
  return Loaded{std::move(*row),  std::move(*trajectory), std::move(*client),
                std::move(*type), std::move(*key),        std::move(addenda)};
}

audit::Entry TreatmentSessionService::Done(const domain::Actor& actor, const std::string& action,
                                  const Loaded& s, Instant now) {
  return audit::Entry::About(actor, action, "session", s.client.id, s.client.location, s.row.ref.id,
                             now);
}

Result<TreatmentSessionView> TreatmentSessionService::Create(const domain::Actor& actor,
                                           const TrajectoryId& trajectory_id,
                                           const TreatmentSessionInput& in) {
  const Instant now = ctx_.clock.Now();
  const auto performed_at = CheckInput(actor, in, now);
  if (!performed_at) return Fail(performed_at.error());
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TreatmentSessionView> {
    auto trajectory = IsUuidV4(trajectory_id.value)
                          ? trajectories_.Find(tx, actor.practice, trajectory_id)
                          : std::nullopt;
    auto client =
        trajectory ? clients_.Find(tx, actor.practice, trajectory->ref.client) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      notes.Add(audit::Entry::For(actor, "create", "session", now, audit::Outcome::kRefused));
      return NotFound();
    }
    auto type = catalogue_.Find(tx, actor.practice, trajectory->type_key, trajectory->type_version);
    if (!type) return Fail(Errc::kFailedPrecondition, "treatment_type_missing");
    // Refused before anything is written (R-DOS-1, R-CONSENT-1..4).
    if (auto ok = CheckAllowed(tx, *trajectory, *client, *type, *performed_at, now); !ok)
      return Fail(ok.error());
    auto key = keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    store::TreatmentSessionRow row;
    row.ref = {crypto::NewId<TreatmentSessionId>(), actor.practice, client->location, client->id};
    row.trajectory_id = trajectory->ref.id;
    row.type_key = type->type.key;
    row.type_version = type->type.version;
    row.status = domain::TreatmentSessionStatus::kDraft;
    row.performed_at = *performed_at;
    row.practitioner = actor.user;
    SetRecord(row, in, *key, now);
    row.created_at = now;
    treatment_sessions_.Insert(tx, row);
    notes.Add(audit::Entry::About(actor, "create", "session", client->id, client->location,
                                  row.ref.id, now));
    return OpenTreatmentSession(row, *type, {}, *key);
  });
}

Result<TreatmentSessionView> TreatmentSessionService::Update(const domain::Actor& actor, const TreatmentSessionId& id,
                                           const TreatmentSessionInput& in) {
  const Instant now = ctx_.clock.Now();
  const auto performed_at = CheckInput(actor, in, now);
  if (!performed_at) return Fail(performed_at.error());
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TreatmentSessionView> {
    auto s = LoadSession(tx, actor, id, "update", now, notes);
    if (!s) return Fail(s.error());
    // R-DOS-3: a signed record is never changed; a correction is an addendum.
    if (s->row.status != domain::TreatmentSessionStatus::kDraft) return Fail(Errc::kConflict, "session_signed", {}, "R-DOS-3");
    const Instant effective = in.performed_at ? *performed_at : s->row.performed_at;
    if (auto ok = CheckAllowed(tx, s->trajectory, s->client, s->type, effective, now); !ok)
      return Fail(ok.error());
    store::TreatmentSessionRow& row = s->row;
    row.performed_at = effective;
    SetRecord(row, in, s->key, now);
    if (!treatment_sessions_.UpdateDraft(tx, row))
      return Fail(Errc::kConflict, "session_signed", {}, "R-DOS-3");
    notes.Add(Done(actor, "update", *s, now));
    return OpenTreatmentSession(row, s->type, s->addenda, s->key);
  });
}

Result<TreatmentSessionView> TreatmentSessionService::Sign(const domain::Actor& actor, const TreatmentSessionId& id,
                                                           const std::optional<std::string>& password) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  const auto practice = ctx_.db.Read([&](store::Tx& tx) { return practices_.Find(tx, actor.practice); });
  if (practice && practice->sign_requires_password) {
    // The signer is the person signed in: their password, checked before anything is loaded.
    if (!password || password->empty()) return Invalid("required", "password", "R-SEC-1");
    if (auto ok = AuthService(ctx_).ConfirmPassword(actor, *password, "password", "sign"); !ok) return Fail(ok.error());
  }
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TreatmentSessionView> {
    auto s = LoadSession(tx, actor, id, "sign", now, notes);
    if (!s) return Fail(s.error());
    if (s->row.status != domain::TreatmentSessionStatus::kDraft) return Fail(Errc::kConflict, "session_signed", {}, "R-DOS-3");
    if (auto ok = CheckAllowed(tx, s->trajectory, s->client, s->type, s->row.performed_at, now); !ok)
      return Fail(ok.error());
    // R-STAFF-2: the signer holds what the type needs, valid on the session's day.
    std::vector<domain::Qualification> held;
    for (auto& r : qualifications_.ForUser(tx, actor.practice, actor.user)) held.push_back(std::move(r.q));
    if (auto ok = domain::CheckQualified(s->type.type.qualifications, held, domain::AmsterdamDate(s->row.performed_at)); !ok)
      return Fail(ok.error());
    auto view = OpenTreatmentSession(s->row, s->type, s->addenda, s->key);
    if (!view) return view;
    if (auto ok = domain::CheckTreatmentRecordComplete(view->record, s->type.type); !ok)
      return Fail(ok.error());
    if (!treatment_sessions_.Sign(tx, s->row.ref.id, actor.user, now))
      return Fail(Errc::kConflict, "session_signed", {}, "R-DOS-3");
    notes.Add(Done(actor, "sign", *s, now));
    view->status = domain::TreatmentSessionStatus::kSigned;
    view->signed_at = view->updated_at = now;
    view->signed_by = actor.user;
    return view;
  });
}

Result<void> TreatmentSessionService::Discard(const domain::Actor& actor, const TreatmentSessionId& id) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<void> {
    auto s = LoadSession(tx, actor, id, "discard", now, notes);
    if (!s) return Fail(s.error());
    if (s->row.status != domain::TreatmentSessionStatus::kDraft || !treatment_sessions_.DeleteDraft(tx, s->row.ref.id))
      return Fail(Errc::kConflict, "session_signed", {}, "R-DOS-3");
    notes.Add(Done(actor, "discard", *s, now));
    return {};
  });
}

Result<TreatmentSessionView> TreatmentSessionService::AddAddendum(const domain::Actor& actor, const TreatmentSessionId& id,
                                                const std::string& reason,
                                                const std::string& text) {
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  if (auto ok = CheckAddendumText(reason, "reason"); !ok) return Fail(ok.error());
  if (auto ok = CheckAddendumText(text, "text"); !ok) return Fail(ok.error());
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TreatmentSessionView> {
    auto s = LoadSession(tx, actor, id, "create", now, notes);
    if (!s) return Fail(s.error());
    if (s->row.status != domain::TreatmentSessionStatus::kSigned)
      return Fail(Errc::kFailedPrecondition, "session_draft", {}, "R-DOS-3");
    store::AddendumRow a;
    a.ref = {crypto::NewId<AddendumId>(), actor.practice, s->client.location, s->client.id};
    a.session_id = s->row.ref.id;
    a.author = actor.user;
    a.at = now;
    a.reason_sealed = crypto::Seal(s->key, reason, seal::AddendumReason(a.ref.id));
    a.text_sealed = crypto::Seal(s->key, text, seal::AddendumText(a.ref.id));
    treatment_sessions_.InsertAddendum(tx, a);
    auto e = Done(actor, "create", *s, now);
    e.object_type = "addendum";
    e.object_id = a.ref.id.value;
    notes.Add(std::move(e));
    s->addenda.push_back(std::move(a));
    return OpenTreatmentSession(s->row, s->type, s->addenda, s->key);
  });
}

Result<TreatmentSessionView> TreatmentSessionService::Get(const domain::Actor& actor, const TreatmentSessionId& id) {
  if (!actor.May(Permission::kClientDossier)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedRead(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<TreatmentSessionView> {
    auto s = LoadSession(tx, actor, id, "read", now, notes);
    if (!s) return Fail(s.error());
    notes.Add(Done(actor, "read", *s, now));
    return OpenTreatmentSession(s->row, s->type, s->addenda, s->key);
  });
}

Result<std::vector<RecallEntry>> TreatmentSessionService::Recall(const domain::Actor& actor,
                                                        const std::optional<std::string>& batch,
                                                        const std::optional<std::string>& device) {
  // The practitioner and owner treat; the quality officer runs recalls and incidents.
  if (!actor.May(Permission::kDossierWrite) && actor.role != domain::Role::kQuality)
    return Forbidden("R-TRJ-4");
  const bool has_batch = batch && !domain::NormaliseBatch(*batch).empty();
  const bool has_device = device && device->find_first_not_of(' ') != std::string::npos;
  if (!has_batch && !has_device) return Invalid("required", "batch", "R-TRJ-4");
  const Instant now = ctx_.clock.Now();
  return AuditedRead(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<std::vector<RecallEntry>> {
    std::vector<RecallEntry> out;
    for (const auto& hit : treatment_sessions_.Recall(tx, actor.practice, has_batch ? batch : std::nullopt,
                                            has_device ? device : std::nullopt)) {
      if (actor.role != domain::Role::kQuality && !actor.AtLocation(hit.location)) continue;
      const auto c = clients_.Find(tx, actor.practice, hit.client);
      std::string name =
          c ? c->given_name + " " + (c->name_prefix ? *c->name_prefix + " " : "") + c->family_name
            : "";
      auto text = [](const std::string& v) {
        return v.empty() ? std::nullopt : std::optional<std::string>(v);
      };
      out.push_back({hit.client, std::move(name), hit.location, hit.session_id, hit.trajectory_id,
                     hit.performed_at, text(hit.product), text(hit.batch), hit.device});
    }
    auto e = audit::Entry::For(actor, "search", "recall", now);
    e.object_id = "results:" + std::to_string(out.size());
    notes.Add(std::move(e));
    return out;
  });
}

}  // namespace huidig::service
