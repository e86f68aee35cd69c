// `huidig staff ...`: the team managed on the machine itself, for an operator who is locked
// out of the web app (the owner lost their phone). Audited as the system (R-STAFF-3).

#include <algorithm>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "common/clock.hpp"
#include "service/practice_service.hpp"
#include "service/setup_service.hpp"
#include "service/staff_service.hpp"

namespace huidig::cli {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct Found {
  domain::Actor system;
  service::StaffAccountView account;
};

// The account with this email in any practice of the folder.
std::optional<Found> FindAccount(App& app, const std::string& email) {
  service::StaffService staff(app.Context());
  for (const auto& p : service::SetupService(app.Context()).Practices()) {
    const auto system = service::SystemActor(p.id);
    auto accounts = staff.Accounts(system);
    if (!accounts) continue;
    for (auto& a : *accounts)
      if (a.email == Lower(email)) return Found{system, std::move(a)};
  }
  std::cerr << "huidig: no account with the email address " << email << "\n";
  return std::nullopt;
}

int Failed(const Error& e) {
  std::cerr << "huidig: " << Describe(e) << "\n";
  return 1;
}

void PrintOneTime(const service::NewStaffAccount& n) {
  std::cout << "Eenmalig wachtwoord, wordt niet opnieuw getoond / one-time password, shown once:\n"
            << domain::RoleName(n.staff.role) << "\t" << n.staff.email << "\t" << n.one_time_password << "\n";
}

}  // namespace

int StaffList(const std::filesystem::path& dir) {
  auto app = OpenApp(dir);
  if (!app) return 2;
  service::StaffService staff(app->Context());
  for (const auto& p : service::SetupService(app->Context()).Practices()) {
    auto accounts = staff.Accounts(service::SystemActor(p.id));
    if (!accounts) return Failed(accounts.error());
    std::cout << "# " << p.name << " (" << p.id.value << ")\n";
    for (const auto& a : *accounts) {
      std::cout << domain::RoleName(a.role) << "\t" << a.email << "\t" << (a.active ? "active" : "disabled")
                << "\t" << (a.access_until ? FormatUtc(*a.access_until) : "-") << "\t" << a.name << "\n";
    }
  }
  return 0;
}

int StaffAdd(const std::filesystem::path& dir, const StaffAddArgs& args) {
  auto app = OpenApp(dir);
  if (!app) return 2;
  const auto practices = service::SetupService(app->Context()).Practices();
  auto practice = std::find_if(practices.begin(), practices.end(), [&](const auto& p) {
    return args.practice ? p.id.value == *args.practice : true;
  });
  if (practice == practices.end() || (!args.practice && practices.size() != 1)) {
    std::cerr << "huidig: name the practice with --practice ID (see huidig staff list)\n";
    return 1;
  }
  const auto system = service::SystemActor(practice->id);
  service::StaffInput in;
  in.name = args.name;
  in.email = args.email;
  in.role = args.role;
  in.access_until = args.access_until;
  // Locations by name or id.
  auto known = service::PracticeService(app->Context()).Locations(system);
  if (!known) return Failed(known.error());
  for (const auto& l : args.locations) {
    auto hit = std::find_if(known->begin(), known->end(), [&](const auto& k) { return k.name == l || k.id.value == l; });
    in.locations.push_back(hit == known->end() ? l : hit->id.value);
  }
  auto added = service::StaffService(app->Context()).Add(system, in);
  if (!added) return Failed(added.error());
  PrintOneTime(*added);
  return 0;
}

int StaffSet(const std::filesystem::path& dir, const std::string& verb, const std::string& email) {
  auto app = OpenApp(dir);
  if (!app) return 2;
  auto found = FindAccount(*app, email);
  if (!found) return 1;
  service::StaffService staff(app->Context());
  const auto& id = found->account.id;
  if (verb == "reset-password") {
    auto r = staff.ResetPassword(found->system, id);
    if (!r) return Failed(r.error());
    PrintOneTime(*r);
    return 0;
  }
  Result<service::StaffAccountView> r = Fail(Errc::kInvalidArgument, "invalid_value", "verb");
  if (verb == "reset-totp") {
    r = staff.ResetTotp(found->system, id);
  } else if (verb == "disable" || verb == "enable") {
    service::StaffChange change;
    change.active = verb == "enable";
    r = staff.Change(found->system, id, change);
  }
  if (!r) return Failed(r.error());
  std::cout << verb << ": " << r->email << " (" << (r->active ? "active" : "disabled") << ")\n";
  return 0;
}

}  // namespace huidig::cli
