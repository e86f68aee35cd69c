#include "service/intake_service.hpp"

#include "crypto/keys.hpp"
#include "domain/intake.hpp"
#include "service/seal_context.hpp"
#include "service/audited.hpp"
#include "service/client_keys.hpp"

namespace huidig::service {
namespace {

using domain::Permission;


}  // namespace

Result<IntakeHistory> IntakeService::History(const domain::Actor& actor, const std::string& id) {
  const Instant now = ctx_.clock.Now();
  if (!actor.May(Permission::kClientDossier)) return Forbidden();
  return AuditedRead(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<IntakeHistory> {
    auto client = IsUuidV4(id) ? clients_.Find(tx, actor.practice, ClientId{id}) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      auto e = audit::Entry::For(actor, "read", "intake", now, audit::Outcome::kRefused);
      if (IsUuidV4(id)) e.client = ClientId{id};
      notes.Add(e);
      return NotFound();
    }
    auto key = keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    IntakeHistory h;
    for (const auto& row : intake_.All(tx, actor.practice, client->id)) {
      const auto plain =
          crypto::Open(*key, row.answers_sealed, seal::Intake(client->id, row.version));
      const auto answers = plain ? domain::DecodeIntake(*plain) : std::nullopt;
      if (!answers) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
      h.versions.push_back({row.version, row.author, row.created_at, *answers});
    }
    notes.Add(audit::Entry::About(
                actor, "read", "intake", client->id, client->location,
                h.versions.empty() ? "none" : std::to_string(h.versions.back().version), now));
    return h;
  });
}

Result<IntakeVersion> IntakeService::Add(const domain::Actor& actor, const std::string& id,
                                         const domain::IntakeAnswers& answers) {
  const Instant now = ctx_.clock.Now();
  if (!actor.May(Permission::kDossierWrite)) return Forbidden();
  if (auto ok = domain::ValidateIntake(answers); !ok) return Fail(ok.error());
  bool refused = false;
  auto result = ctx_.db.Write([&](store::Tx& tx) -> Result<IntakeVersion> {
    auto client = IsUuidV4(id) ? clients_.Find(tx, actor.practice, ClientId{id}) : std::nullopt;
    if (!client || !actor.MayReadClient(client->location, false)) {
      refused = true;
      return NotFound();
    }
    auto key = keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    const auto existing = intake_.All(tx, actor.practice, client->id);
    const int version = existing.empty() ? 1 : existing.back().version + 1;
    store::IntakeRow row{
        client->id,
        version,
        actor.practice,
        client->location,
        crypto::Seal(*key, domain::EncodeIntake(answers), seal::Intake(client->id, version)),
        actor.user,
        now};
    intake_.Insert(tx, row);
    ctx_.audit.Append(tx, audit::Entry::About(actor, "create", "intake", client->id,
                                              client->location, std::to_string(version), now));
    return IntakeVersion{version, actor.user, now, answers};
  });
  if (!result && refused) {
    ctx_.db.Write([&](store::Tx& tx) {
      auto e = audit::Entry::For(actor, "create", "intake", now, audit::Outcome::kRefused);
      if (IsUuidV4(id)) e.client = ClientId{id};
      ctx_.audit.Append(tx, e);
    });
  }
  return result;
}

}  // namespace huidig::service
