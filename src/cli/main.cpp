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

  std::optional<std::string> listen;
  auto* serve = app.add_subcommand("serve", "Serve the web app and API");
  serve->add_option("DIR", dir, "data folder")->required();
  serve->add_option("--listen", listen, "HOST:PORT (default from huidig.toml: 127.0.0.1:8080)");

  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the hash chain of the audit log");
  verify->add_option("DIR", dir, "data folder")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (*init) return huidig::cli::Init(dir, practice, owner, locations, database);
    if (*demo) return huidig::cli::Demo(dir, database);
    if (*serve) return huidig::cli::Serve(dir, listen);
    if (*verify) return huidig::cli::AuditVerify(dir);
  } catch (const std::exception& e) {
    std::cerr << "huidig: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
