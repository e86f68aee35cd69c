#include "service/setup_service.hpp"
#include "domain/text.hpp"

#include <algorithm>
#include <cctype>

#include "common/utf8.hpp"
#include "crypto/crypto.hpp"
#include "service/catalogue_service.hpp"

namespace huidig::service {

domain::Actor SystemActor(const PracticeId& practice) {
  domain::Actor a;
  a.user = UserId{"system"};
  a.practice = practice;
  a.role = domain::Role::kOwner;
  a.all_locations = true;
  a.remote_addr = "local";
  return a;
}

namespace {

bool PlausibleEmail(const std::string& e) {
  const auto at = e.find('@');
  return at != std::string::npos && at > 0 && e.find('.', at) != std::string::npos &&
         e.size() <= 254 && std::none_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' '; });
}

}  // namespace

std::string SetupService::GeneratePassword() {
  // Unambiguous characters, grouped for reading aloud: 16 of 56 symbols, ~93 bits.
  static constexpr std::string_view kChars = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const std::string random = crypto::RandomBytes(16);
  std::string out;
  for (std::size_t i = 0; i < random.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += kChars[static_cast<unsigned char>(random[i]) % kChars.size()];
  }
  return out;
}

Result<std::pair<store::PracticeRecord, std::vector<store::LocationRecord>>>
SetupService::CreatePractice(const NewPractice& np) {
  if (auto ok = domain::CheckText(np.name, "practice", domain::RequiredLine(200)); !ok)
    return Fail(ok.error());
  if (np.locations.empty()) return Invalid("required", "locations");
  const Instant now = ctx_.clock.Now();
  store::PracticeRecord p{PracticeId{crypto::NewUuidV4()}, np.name, np.totp_required, now};
  std::vector<store::LocationRecord> locations;
  for (const auto& name : np.locations)
    locations.push_back({LocationId{crypto::NewUuidV4()}, p.id, name});
  ctx_.db.Write([&](store::Tx& tx) {
    practices_.Insert(tx, p);
    for (const auto& l : locations) practices_.InsertLocation(tx, l, now);
    CatalogueService(ctx_).SeedShipped(tx, p.id, now);  // R-CAT: the shipped catalogue
    auto e = audit::Entry::For(SystemActor(p.id), "create", "practice", now);
    e.object_id = p.id.value;
    ctx_.audit.Append(tx, e);
  });
  return std::make_pair(p, locations);
}

Result<CreatedStaff> SetupService::CreateStaff(const PracticeId& practice, const NewStaff& s,
                                               const domain::Actor* by) {
  std::string email;
  for (unsigned char c : s.email) email += static_cast<char>(std::tolower(c));
  if (!PlausibleEmail(email)) return Invalid("invalid_value", "email");
  const Instant now = ctx_.clock.Now();
  store::UserRecord u;
  u.id = UserId{crypto::NewUuidV4()};
  u.practice = practice;
  u.email = email;
  u.display_name = s.display_name.empty() ? email : s.display_name;
  u.role = s.role;
  u.all_locations = s.all_locations;
  u.locations = s.all_locations ? std::vector<LocationId>{} : s.locations;
  const std::string password = GeneratePassword();
  u.password_hash = ctx_.hasher.Hash(password);
  u.must_change_password = s.must_change_password;
  u.access_expires_at = s.access_expires_at;
  u.created_at = u.updated_at = now;
  return ctx_.db.Write([&](store::Tx& tx) -> Result<CreatedStaff> {
    if (users_.FindByEmail(tx, email)) return Fail(Errc::kConflict, "email_taken", "email");
    users_.Insert(tx, u);
    auto e = audit::Entry::For(by ? *by : SystemActor(practice), "create", "user", now);
    e.object_id = u.id.value;
    ctx_.audit.Append(tx, e);
    return CreatedStaff{u.id, email, password};
  });
}

std::vector<store::PracticeRecord> SetupService::Practices() {
  return ctx_.db.Read([&](store::Tx& tx) { return practices_.All(tx); });
}

}  // namespace huidig::service
