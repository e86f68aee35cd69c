#include "service/client_service.hpp"

#include "crypto/crypto.hpp"
#include "crypto/keys.hpp"
#include "domain/calendar.hpp"
#include "service/audited.hpp"
#include "service/seal_context.hpp"

namespace huidig::service {
namespace {

using domain::Permission;

}  // namespace

ClientView ClientService::View(const domain::Actor& actor, domain::Client c) const {
  return ClientView{std::move(c), actor.May(Permission::kClientDossier)};
}

Error ClientService::Refused(const domain::Actor& actor, std::string action,
                             std::optional<std::string> client, Instant now, Error error) {
  auto e = audit::Entry::For(actor, std::move(action), "client", now, audit::Outcome::kRefused);
  // Only a well-formed id is kept: the log must not carry whatever a caller typed.
  if (client && IsUuidV4(*client)) {
    e.client = ClientId{*client};
    e.object_id = *client;
  }
  ctx_.db.Write([&](store::Tx& tx) { ctx_.audit.Append(tx, e); });
  return error;
}

Result<LocationId> ClientService::ResolveLocation(store::Tx& tx, const domain::Actor& actor,
                                                  const std::optional<std::string>& requested) {
  std::vector<LocationId> usable;
  for (const auto& l : practices_.Locations(tx, actor.practice)) {
    if (!actor.AtLocation(l.id)) continue;
    if (l.closed_at) {  // its clients stay; no one new comes or moves there
      if (requested && l.id.value == *requested)
        return Fail(Errc::kFailedPrecondition, "location_closed", "location");
      continue;
    }
    usable.push_back(l.id);
  }
  if (requested) {
    for (const auto& l : usable)
      if (l.value == *requested) return l;
    return Invalid("invalid_value", "location", "R-SEC-2");  // unknown or not the caller's
  }
  if (usable.size() == 1) return usable.front();
  return Invalid("required", "location");
}

Result<std::vector<ClientView>> ClientService::Search(const domain::Actor& actor,
                                                      const ClientSearch& search) {
  const Instant now = ctx_.clock.Now();
  if (!actor.May(Permission::kClientList))
    return Fail(Refused(actor, "search", std::nullopt, now, Forbidden().value()));
  store::ClientFilter filter;
  filter.query = domain::ParseClientQuery(search.q);
  filter.limit = search.limit;
  filter.offset = search.offset;
  if (!actor.all_locations) {
    filter.within = actor.locations;
    if (filter.within.empty()) return std::vector<ClientView>{};
  }
  if (search.location) filter.location = LocationId{*search.location};
  auto found =
      ctx_.db.Read([&](store::Tx& tx) { return clients_.Search(tx, actor.practice, filter); });
  // A search shows identity data of every client listed: one entry names the search and the
  // number of results (the query text itself may hold a name, so it is not logged).
  auto e = audit::Entry::For(actor, "search", "client_list", now);
  e.object_id = "results:" + std::to_string(found.size());
  if (filter.location) e.location = filter.location;
  ctx_.db.Write([&](store::Tx& tx) { ctx_.audit.Append(tx, e); });
  std::vector<ClientView> out;
  out.reserve(found.size());
  for (auto& c : found) out.push_back(View(actor, std::move(c)));
  return out;
}

Result<ClientView> ClientService::Create(const domain::Actor& actor,
                                         const domain::ClientChanges& changes) {
  const Instant now = ctx_.clock.Now();
  if (!actor.May(Permission::kClientCreate))
    return Fail(Refused(actor, "create", std::nullopt, now, Forbidden().value()));
  domain::Client blank;
  blank.id = ClientId{crypto::NewUuidV4()};
  blank.practice = actor.practice;
  blank.created_at = blank.updated_at = now;
  auto client = domain::ApplyClientChanges(blank, changes, true, domain::AmsterdamDate(now), actor);
  if (!client) return Fail(client.error());
  // R-SEC-3: the client's own data key, stored only wrapped by the master key.
  const crypto::Key key = crypto::Key::Random();
  const std::string wrapped = ctx_.master_key.WrapClientKey(client->id, key);
  return ctx_.db.Write([&](store::Tx& tx) -> Result<ClientView> {
    auto location = ResolveLocation(tx, actor, changes.location);
    if (!location) return Fail(location.error());
    client->location = *location;
    clients_.Insert(tx, *client);
    keys_.Insert(tx, client->id, client->practice, client->location, wrapped, now);
    changes_.Insert(tx, ChangeRow(actor, *client, domain::DiffClients(domain::Client{}, *client), key, now));
    ctx_.audit.Append(tx, audit::Entry::About(actor, "create", "client", client->id,
                                              client->location, client->id.value, now));
    return View(actor, *client);
  });
}

Result<ClientView> ClientService::Get(const domain::Actor& actor, const std::string& id) {
  const Instant now = ctx_.clock.Now();
  if (!actor.May(Permission::kClientRead))
    return Fail(Refused(actor, "read", id, now, Forbidden().value()));
  auto client = IsUuidV4(id) ? ctx_.db.Read([&](store::Tx& tx) {
    return clients_.Find(tx, actor.practice, ClientId{id});
  })
                             : std::nullopt;
  // R-SEC-2: unknown and forbidden answer alike; both are logged as refused.
  if (!client || !actor.MayReadClient(client->location, false))
    return Fail(Refused(actor, "read", id, now, NotFound().value()));
  ctx_.db.Write([&](store::Tx& tx) {
    ctx_.audit.Append(tx, audit::Entry::About(actor, "read", "client", client->id, client->location,
                                              client->id.value, now));
  });
  return View(actor, std::move(*client));
}

Result<ClientView> ClientService::Update(const domain::Actor& actor, const std::string& id,
                                         const domain::ClientChanges& changes) {
  const Instant now = ctx_.clock.Now();
  if (!actor.May(Permission::kClientUpdate))
    return Fail(Refused(actor, "update", id, now, Forbidden().value()));
  const ClientId client_id{id};
  bool hidden = !IsUuidV4(id);
  auto result =
      hidden ? Result<ClientView>(NotFound())
             : ctx_.db.Write([&](store::Tx& tx) -> Result<ClientView> {
                 auto current = clients_.Find(tx, actor.practice, client_id);
                 if (!current || !actor.MayReadClient(current->location, false)) {
                   hidden = true;
                   return NotFound();
                 }
                 auto next = domain::ApplyClientChanges(*current, changes, false,
                                                        domain::AmsterdamDate(now), actor);
                 if (!next) return Fail(next.error());
                 if (changes.location) {
                   auto location = ResolveLocation(tx, actor, changes.location);
                   if (!location) return Fail(location.error());
                   next->location = *location;
                 }
                 next->updated_at = now;
                 const auto diff = domain::DiffClients(*current, *next);
                 if (!diff.empty()) {  // the history keeps from what to what, sealed
                   auto key = client_keys_.Of(tx, next->id);
                   if (!key) return Fail(key.error());
                   changes_.Insert(tx, ChangeRow(actor, *next, diff, *key, now));
                 }
                 clients_.Update(tx, *next);
                 ctx_.audit.Append(tx, audit::Entry::About(actor, "update", "client", next->id,
                                                           next->location, next->id.value, now));
                 return View(actor, *next);
               });
  if (!result && hidden) return Fail(Refused(actor, "update", id, now, result.error()));
  return result;
}

store::ClientChangeRow ClientService::ChangeRow(const domain::Actor& actor, const domain::Client& after,
                                                const std::vector<domain::ClientFieldChange>& changes,
                                                const crypto::Key& key, Instant now) const {
  store::ClientChangeRow r;
  r.id = crypto::NewUuidV4();
  r.client = after.id;
  r.practice = after.practice;
  r.location = after.location;
  r.at = now;
  r.by = actor.user;
  r.fields = domain::FieldNames(changes);
  r.values_sealed = crypto::Seal(key, domain::EncodeClientChanges(changes), seal::ClientChange(r.id));
  return r;
}

Result<std::vector<ClientChangeView>> ClientService::History(const domain::Actor& actor,
                                                             const std::string& id) {
  const Instant now = ctx_.clock.Now();
  if (!actor.May(Permission::kClientRead))
    return Fail(Refused(actor, "read", id, now, Forbidden().value()));
  const bool dossier = actor.May(Permission::kClientDossier);
  bool hidden = !IsUuidV4(id);
  auto out = hidden ? Result<std::vector<ClientChangeView>>(NotFound())
                    : AuditedRead(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<std::vector<ClientChangeView>> {
    const auto client = clients_.Find(tx, actor.practice, ClientId{id});
    if (!client || !actor.MayReadClient(client->location, false)) {
      hidden = true;
      return NotFound();
    }
    auto key = client_keys_.Of(tx, client->id);
    if (!key) return Fail(key.error());
    std::vector<ClientChangeView> views;
    const auto people = users_.ForPractice(tx, actor.practice);
    for (const auto& row : changes_.ForClient(tx, actor.practice, client->id)) {
      auto text = crypto::Open(*key, row.values_sealed, seal::ClientChange(row.id));
      auto changes = text ? domain::DecodeClientChanges(*text) : std::nullopt;
      if (!changes) return Fail(Errc::kFailedPrecondition, "sealed_data_unreadable", {}, "R-SEC-3");
      ClientChangeView v{row.at, row.by, {}, {}};
      for (const auto& u : people)
        if (u.id == row.by) v.by_name = u.display_name;
      if (row.by.value == "system") v.by_name = "Huidig";
      for (auto& c : *changes)
        if (dossier || !domain::IsDossierField(c.field)) v.changes.push_back(std::move(c));
      if (!v.changes.empty()) views.push_back(std::move(v));
    }
    notes.Add(audit::Entry::About(actor, "read", "client_history", client->id, client->location,
                                  client->id.value, now));
    return views;
  });
  if (!out && hidden) return Fail(Refused(actor, "read", id, now, out.error()));
  return out;
}

}  // namespace huidig::service
