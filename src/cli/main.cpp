// huidig: the composition root. Wires the parts and runs one verb.
#include <sys/stat.h>

#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // Operational logs go to stderr and never carry personal data.
  spdlog::set_default_logger(spdlog::stderr_color_mt("huidig"));
  ::umask(077);  // data folders hold health data: owner only

  CLI::App app{"Huidig: klantendossier en kwaliteitssysteem voor schoonheidsspecialisten en klinieken"};
  app.require_subcommand(1);

  std::string dir, practice, owner;
  std::vector<std::string> locations;
  auto* init = app.add_subcommand("init", "Create a data folder with a practice and its owner");
  init->add_option("DIR", dir, "data folder")->required();
  init->add_option("--practice", practice, "practice name")->required();
  init->add_option("--owner", owner, "owner's email address")->required();
  init->add_option("--location", locations, "a location (repeat for several; default: the practice)");

  std::optional<std::string> database;
  init->add_option("--database", database, "database URL (default: SQLite in DIR)");

  auto* demo = app.add_subcommand("demo", "Create a demo practice with fictional clients");
  demo->add_option("DIR", dir, "data folder")->required();
  demo->add_option("--database", database, "database URL (default: SQLite in DIR)");
  bool no_dossiers = false;
  demo->add_flag("--no-dossiers", no_dossiers, "clients only: no trajectories, sessions or photos (quick)");

  std::optional<std::string> listen;
  auto* serve = app.add_subcommand("serve", "Serve the web app and API");
  serve->add_option("DIR", dir, "data folder")->required();
  serve->add_option("--listen", listen, "HOST:PORT (default from huidig.toml: 127.0.0.1:8080)");

  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the hash chain of the audit log");
  verify->add_option("DIR", dir, "data folder")->required();

  auto* staff = app.add_subcommand("staff", "The team, on the machine itself (audited as the system)");
  staff->require_subcommand(1);
  auto* staff_list = staff->add_subcommand("list", "Everyone with role, email and status");
  staff_list->add_option("DIR", dir, "data folder")->required();
  huidig::cli::StaffAddArgs add_args;
  auto* staff_add = staff->add_subcommand("add", "Add a staff member; prints a one-time password");
  staff_add->add_option("DIR", dir, "data folder")->required();
  staff_add->add_option("--name", add_args.name, "full name")->required();
  staff_add->add_option("--email", add_args.email, "email address (the login)")->required();
  staff_add->add_option("--role", add_args.role, "owner, practitioner, assistant, quality or auditor")->required();
  staff_add->add_option("--location", add_args.locations, "a location by name or id (repeat for several)");
  staff_add->add_option("--until", add_args.access_until, "end of access, RFC 3339 (required for an auditor)");
  staff_add->add_option("--practice", add_args.practice, "practice id, when the folder holds several");
  std::string email;
  std::vector<std::pair<std::string, CLI::App*>> staff_verbs;
  for (const char* verb : {"disable", "enable", "reset-password", "reset-totp"}) {
    const std::string help = std::string(verb) == "disable"          ? "Disable an account and end its sessions"
                             : std::string(verb) == "enable"         ? "Enable a disabled account"
                             : std::string(verb) == "reset-password" ? "A new one-time password; ends the sessions"
                                                                     : "Remove the second factor; ends the sessions";
    auto* sub = staff->add_subcommand(verb, help);
    sub->add_option("DIR", dir, "data folder")->required();
    sub->add_option("EMAIL", email, "the account's email address")->required();
    staff_verbs.emplace_back(verb, sub);
  }

  CLI11_PARSE(app, argc, argv);
  try {
    if (*init) return huidig::cli::Init(dir, practice, owner, locations, database);
    if (*demo) return huidig::cli::Demo(dir, database, !no_dossiers);
    if (*serve) return huidig::cli::Serve(dir, listen);
    if (*verify) return huidig::cli::AuditVerify(dir);
    if (*staff_list) return huidig::cli::StaffList(dir);
    if (*staff_add) return huidig::cli::StaffAdd(dir, add_args);
    for (const auto& [verb, sub] : staff_verbs)
      if (*sub) return huidig::cli::StaffSet(dir, verb, email);
  } catch (const std::exception& e) {
    std::cerr << "huidig: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
