#include "audit/audit_log.hpp"

#include <fmt/format.h>

#include "crypto/crypto.hpp"

namespace huidig::audit {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// Length-prefixed fields: no separator inside a value can shift the boundaries.
void Field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}
void OptField(std::string& out, const std::optional<std::string>& v) {
  if (v)
    Field(out, std::string_view(*v));
  else
    out += "-;";
}

}  // namespace

Entry Entry::For(const domain::Actor& actor, std::string action, std::string object_type,
                 Instant at, Outcome outcome) {
  Entry e;
  e.practice = actor.practice;
  e.actor = actor.user;
  e.role = actor.role;
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.remote_addr = actor.remote_addr;
  e.outcome = outcome;
  e.at = at;
  return e;
}

Entry Entry::About(const domain::Actor& actor, std::string action, std::string object_type,
                   const ClientId& client, const LocationId& location, std::string object_id,
                   Instant at) {
  Entry e = For(actor, std::move(action), std::move(object_type), at);
  e.client = client;
  e.location = location;
  e.object_id = std::move(object_id);
  return e;
}

std::string AuditLog::HashOf(const store::AuditRow& r) const {
  std::string data = "huidig-audit-v1;";
  Field(data, r.practice_id);
  Field(data, std::to_string(r.seq));
  Field(data, std::to_string(r.at_us));
  Field(data, r.actor_id);
  Field(data, r.actor_role);
  OptField(data, r.on_behalf_of);
  OptField(data, r.client_id);
  OptField(data, r.location_id);
  Field(data, r.action);
  Field(data, r.object_type);
  OptField(data, r.object_id);
  Field(data, r.remote_addr);
  Field(data, r.outcome);
  Field(data, r.prev_hash);
  return crypto::HmacSha256Hex(key_.view(), data);
}

void AuditLog::Append(store::Tx& tx, const Entry& e) const {
  const auto head = repo_.LockHead(tx, e.practice.value);
  store::AuditRow r;
  r.practice_id = e.practice.value;
  r.seq = head ? head->seq + 1 : 1;
  r.at_us = ToMicros(e.at);
  r.actor_id = e.actor.value;
  r.actor_role = std::string(domain::RoleName(e.role));
  if (e.on_behalf_of) r.on_behalf_of = e.on_behalf_of->value;
  if (e.client) r.client_id = e.client->value;
  if (e.location) r.location_id = e.location->value;
  r.action = e.action;
  r.object_type = e.object_type;
  r.object_id = e.object_id;
  r.remote_addr = e.remote_addr;
  r.outcome = e.outcome == Outcome::kAllowed ? "allowed" : "refused";
  r.prev_hash = head ? head->hash : kGenesis;
  r.hash = HashOf(r);
  repo_.Append(tx, r);
}

VerifyReport AuditLog::Verify(store::Tx& tx, const PracticeId& practice) const {
  VerifyReport report;
  std::string prev = kGenesis;
  long long expected_seq = 1;
  repo_.Scan(tx, practice.value, [&](const store::AuditRow& r) {
    if (!report.intact) return;
    auto broken = [&](std::string reason) {
      report.intact = false;
      report.first_bad_seq = r.seq;
      report.reason = std::move(reason);
    };
    if (r.seq != expected_seq) {
      broken(fmt::format("expected entry {} here (an entry was removed or moved)", expected_seq));
    } else if (r.prev_hash != prev) {
      broken(
          "its link to the entry before does not match (an entry was removed, moved or changed)");
    } else if (HashOf(r) != r.hash) {
      broken("its content does not match its hash (the entry was changed)");
    }
    prev = r.hash;
    ++expected_seq;
    ++report.entries;
  });
  if (!report.intact) return report;
  // Entries removed at the end leave a chain that is whole but shorter than its head says.
  const auto head = repo_.Head(tx, practice.value);
  const long long head_seq = head ? head->seq : 0;
  if (head_seq != report.entries || (head && head->hash != prev)) {
    report.intact = false;
    report.first_bad_seq = report.entries + 1;
    report.reason =
        fmt::format("the chain ends at entry {} but its head says {} (entries were removed)",
                    report.entries, head_seq);
    return report;
  }
  report.head_hash = prev;
  return report;
}

}  // namespace huidig::audit
