#include "cli/commands.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/audit_log.hpp"
#include "cli/app.hpp"
#include "cli/demo_dossiers.hpp"
#include "cli/config.hpp"
#include "common/clock.hpp"
#include "crypto/keys.hpp"
#include "crypto/password_hasher.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "service/auth_service.hpp"
#include "service/client_service.hpp"
#include "service/qualification_service.hpp"
#include "domain/calendar.hpp"
#include "service/setup_service.hpp"

namespace huidig::cli {
namespace {

namespace fs = std::filesystem;

// Creates the folder, key and config of a new data folder; refuses an existing one.
bool CreateDataFolder(const fs::path& dir, const std::optional<std::string>& database) {
  if (fs::exists(dir / "huidig.toml") || fs::exists(dir / "master.key")) {
    std::cerr << "huidig: " << dir.string() << " already holds a practice\n";
    return false;
  }
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
  if (auto key = crypto::MasterKey::Create(dir / "master.key"); !key) {
    std::cerr << "huidig: cannot create the master key: " << Describe(key.error()) << "\n";
    return false;
  }
  std::string config = DefaultConfigText();
  if (database) {
    const std::string line = "database = \"sqlite:huidig.db\"";
    config.replace(config.find(line), line.size(), "database = \"" + *database + "\"");
  }
  std::ofstream(dir / "huidig.toml") << config;
  return true;
}

struct DemoName {
  const char* given;
  const char* prefix;
  const char* family;
};

// Fictional clients with names as they occur in the Netherlands.
constexpr DemoName kDemoClients[] = {
    {"Anna", "de", "Vries"},      {"Sanne", nullptr, "Jansen"},     {"Fatima", "el", "Amrani"},
    {"Lotte", "van", "Dijk"},     {"Emma", nullptr, "Bakker"},      {"Noor", "van den", "Berg"},
    {"Julia", nullptr, "Visser"}, {"Sophie", nullptr, "Smit"},      {"Mila", "de", "Boer"},
    {"Zoë", nullptr, "Mulder"},   {"Eva", "de", "Groot"},           {"Yara", nullptr, "Bos"},
    {"Lisa", nullptr, "Vos"},     {"Fleur", nullptr, "Peters"},     {"Ayşe", nullptr, "Yılmaz"},
    {"Iris", nullptr, "Hendriks"}, {"Roos", "van", "Leeuwen"},      {"Sarah", nullptr, "Dekker"},
    {"Femke", nullptr, "Brouwer"}, {"Nina", "de", "Wit"},           {"Maud", nullptr, "Dijkstra"},
    {"Isa", nullptr, "Smits"},    {"Linda", "de", "Graaf"},         {"Priya", nullptr, "Ramdin"},
    {"Esther", "van der", "Meer"}, {"Marieke", nullptr, "Koster"},  {"Chantal", nullptr, "Prins"},
    {"Ilse", "van der", "Linden"}, {"Bram", nullptr, "Willems"},    {"Daan", "'t", "Hart"},
};

}  // namespace

int Init(const fs::path& dir, const std::string& practice, const std::string& owner,
         const std::vector<std::string>& locations, const std::optional<std::string>& database) {
  if (!CreateDataFolder(dir, database)) return 1;
  auto app = OpenApp(dir);
  if (!app) return 1;
  service::SetupService setup(app->Context());
  auto created = setup.CreatePractice({practice, true, locations.empty() ? std::vector{practice} : locations});
  if (!created) {
    std::cerr << "huidig: " << Describe(created.error()) << "\n";
    return 1;
  }
  service::NewStaff s;
  s.email = owner;
  s.display_name = owner.substr(0, owner.find('@'));  // the name part; editable later
  s.role = domain::Role::kOwner;
  s.all_locations = true;
  s.must_change_password = true;
  auto staff = setup.CreateStaff(created->first.id, s);
  if (!staff) {
    std::cerr << "huidig: owner: " << Describe(staff.error()) << "\n";
    return 1;
  }
  std::cout << "Praktijk aangemaakt / practice created: " << practice << " in " << dir.string() << "\n"
            << "Eenmalig wachtwoord, wordt niet opnieuw getoond / one-time password, shown once:\n"
            << "owner\t" << staff->email << "\t" << staff->password << "\n";
  return 0;
}

// Bo holds every qualification the shipped catalogue names; Uma is a beauty specialist whose
// laser certificate ends within 60 days (the owner sees it coming) and who may not inject.
static bool AddDemoQualifications(const service::Context& ctx, const domain::Actor& owner, const UserId& bo,
                           const UserId& uma, Instant now) {
  service::QualificationService q(ctx);
  const auto day = [&](int offset) {
    return domain::FormatDate(domain::Date(std::chrono::sys_days(domain::AmsterdamDate(now)) + std::chrono::days(offset)));
  };
  const std::vector<std::pair<UserId, service::QualificationInput>> all = {
      {bo, {"diploma", "Diploma schoonheidsspecialist (ANBOS)", {"beauty_specialist"}, std::nullopt, "2015-07-01", std::nullopt}},
      {bo, {"certificate", "Certificaat IPL en laser", {"ipl_laser_certificate"}, std::nullopt, "2022-03-01", day(700)}},
      {bo, {"certificate", "Certificaat elektrisch ontharen", {"electrolysis_certificate"}, std::nullopt, "2019-09-01", std::nullopt}},
      {bo, {"certificate", "Vergunning permanente make-up (GGD)", {"pmu_licence"}, std::nullopt, "2023-01-01", day(300)}},
      {bo, {"big_registration", "BIG-registratie arts, cosmetisch chirurg", {"physician", "surgeon"}, "19012345601", "2012-06-01", std::nullopt}},
      {uma, {"diploma", "Diploma schoonheidsspecialist", {"beauty_specialist"}, std::nullopt, "2021-07-01", std::nullopt}},
      {uma, {"certificate", "Certificaat IPL en laser", {"ipl_laser_certificate"}, std::nullopt, "2021-10-01", day(40)}},
      {uma, {"training", "Nascholing hygiëne en infectiepreventie", {"beauty_specialist"}, std::nullopt, day(-200), day(20)}},
  };
  for (const auto& [who, in] : all)
    if (!q.Add(owner, who, in)) return false;
  return true;
}

int Demo(const fs::path& dir, const std::optional<std::string>& database, bool dossiers) {
  if (!CreateDataFolder(dir, database)) return 1;
  auto app = OpenApp(dir);
  if (!app) return 1;
  auto ctx = app->Context();
  service::SetupService setup(ctx);
  // The demo practice turns mandatory two-step verification off, and says so.
  auto created = setup.CreatePractice({"Demo Huidig Salon", false, {"Amsterdam Centrum", "Utrecht"}});
  if (!created) return 1;
  const auto& p = created->first;
  const auto amsterdam = created->second[0].id, utrecht = created->second[1].id;
  struct Account {
    const char* role;
    const char* email;
    const char* name;
    domain::Role r;
    std::vector<LocationId> locations;
  };
  const std::vector<Account> accounts = {
      {"owner", "eigenaar@demo.example", "Eva Eigenaar", domain::Role::kOwner, {}},
      {"practitioner", "behandelaar@demo.example", "Bo Behandelaar", domain::Role::kPractitioner, {amsterdam, utrecht}},
      {"practitioner", "behandelaar.utrecht@demo.example", "Uma Utrecht", domain::Role::kPractitioner, {utrecht}},
      {"assistant", "receptie@demo.example", "Rik Receptie", domain::Role::kAssistant, {amsterdam}},
      {"quality", "kwaliteit@demo.example", "Kim Kwaliteit", domain::Role::kQuality, {}},
      {"auditor", "inspecteur@demo.example", "Ies Inspecteur", domain::Role::kAuditor, {}},
  };
  std::string logins;
  domain::Actor owner;
  std::map<std::string, UserId> ids;
  for (const auto& a : accounts) {
    service::NewStaff s;
    s.email = a.email;
    s.display_name = a.name;
    s.role = a.r;
    s.all_locations = a.locations.empty();
    s.locations = a.locations;
    s.must_change_password = false;
    if (a.r == domain::Role::kAuditor) s.access_expires_at = app->clock.Now() + std::chrono::days(30);
    auto staff = setup.CreateStaff(p.id, s);
    if (!staff) return 1;
    logins += fmt::format("{}\t{}\t{}\n", a.role, staff->email, staff->password);
    ids[a.email] = staff->id;
    if (a.r == domain::Role::kOwner) {
      owner.user = staff->id;
      owner.practice = p.id;
      owner.role = a.r;
      owner.all_locations = true;
      owner.remote_addr = "local";
    }
  }
  if (!AddDemoQualifications(ctx, owner, ids.at("behandelaar@demo.example"),
                             ids.at("behandelaar.utrecht@demo.example"), app->clock.Now()))
    return 1;
  service::ClientService clients(ctx);
  DemoTeam team;
  int i = 0;
  for (const auto& n : kDemoClients) {
    domain::ClientChanges ch;
    ch.given_name = n.given;
    if (n.prefix) ch.name_prefix = std::optional<std::string>(n.prefix);
    ch.family_name = n.family;
    ch.date_of_birth = fmt::format("{:04}-{:02}-{:02}", 1958 + (i * 7) % 45, 1 + (i * 5) % 12, 1 + (i * 11) % 28);
    ch.phone = std::optional<std::string>(fmt::format("06 {:08}", 10000000 + i * 1234567 % 89999999));
    ch.email = std::optional<std::string>(fmt::format("klant{:02}@voorbeeld.example", i + 1));
    ch.location = (i % 2 == 0 ? amsterdam : utrecht).value;
    ch.records_consent = std::optional<std::string>(i % 10 == 9 ? "refused" : "given");
    ch.photo_preference = std::optional<std::string>(i % 7 == 3 ? "own" : (i % 11 == 5 ? "refused" : "allowed"));
    auto created_client = clients.Create(owner, ch);
    if (!created_client) {
      std::cerr << "huidig: demo client " << i << " refused\n";
      return 1;
    }
    team.clients.push_back(created_client->client.id);
    ++i;
  }
  team.owner = owner;
  team.practitioner.user = ids.at("behandelaar@demo.example");
  team.practitioner.practice = p.id;
  team.practitioner.role = domain::Role::kPractitioner;
  team.practitioner.locations = {amsterdam, utrecht};
  team.practitioner.remote_addr = "local";
  if (dossiers && !AddDemoDossiers(ctx, dir, team)) return 1;
  const auto logins_file = dir / "demo-logins.txt";
  {
    std::ofstream out(logins_file);
    out << logins;
  }
  fs::permissions(logins_file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  std::cerr << "Demo aangemaakt in " << dir.string()
            << ". Tweestapsverificatie staat UIT in deze demopraktijk (two-step verification is OFF in "
               "this demo practice).\n";
  std::cout << logins;
  return 0;
}

int Serve(const fs::path& dir, const std::optional<std::string>& listen) {
  auto app = OpenApp(dir);
  if (!app) return 1;
  const std::string address = listen.value_or(app->config.listen);
  const auto colon = address.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "huidig: listen must be HOST:PORT\n";
    return 1;
  }
  http::ServerOptions options;
  options.host = address.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[') options.host = options.host.substr(1, options.host.size() - 2);
  options.port = static_cast<unsigned short>(std::stoi(address.substr(colon + 1)));
  options.tls_certificate = app->config.tls_certificate;
  options.tls_key = app->config.tls_key;
  options.threads = app->config.workers;
  options.max_connections = app->config.max_connections;
  options.header_timeout = std::chrono::seconds(app->config.header_timeout_seconds);
  options.body_timeout = std::chrono::seconds(app->config.body_timeout_seconds);
  options.max_uploads = app->config.max_uploads;
  options.hash_threads = app->config.hash_threads;
  options.hash_queue = app->config.hash_queue;
  const bool tls = options.tls_certificate.has_value();
  if (!tls && options.host != "127.0.0.1" && options.host != "::1" && options.host != "localhost")
    spdlog::warn("serving without TLS on a non-loopback address: put HTTPS in front of it");

  auto ctx = app->Context();
  service::AuthService auth(ctx);
  service::ClientService clients(ctx);
  service::CatalogueService catalogue(ctx);
  service::IntakeService intake(ctx);
  service::TrajectoryService trajectories(ctx);
  service::TreatmentSessionService sessions(ctx);
  media::IntakeLimits photo_limits;
  photo_limits.max_bytes = app->config.max_photo_bytes;
  photo_limits.max_pixels = app->config.max_photo_pixels;
  const auto photo_files = media::MakeBlobStore(app->db->dialect(), dir / "photos");
  service::PhotoService photos(ctx, *photo_files, photo_limits);
  service::PracticeService practice(ctx);
  service::StaffService staff(ctx);
  service::QualificationService qualifications(ctx);
  http::ApiOptions api_options;
  api_options.tls = tls;
  api_options.max_body_bytes = app->config.max_body_bytes;
  api_options.max_upload_bytes = app->config.max_photo_bytes + 1;  // the service names the limit
  if (const char* web_dir = std::getenv("HUIDIG_WEB_DIR"); web_dir && *web_dir) {
    api_options.web_dir = fs::path(web_dir);
    spdlog::info("serving the web app from {}", web_dir);
  }
  http::Api api({auth, clients, catalogue, intake, trajectories, sessions, photos, practice, staff, qualifications}, api_options);
  http::Server server(options, api);
  const std::string url = server.Listen();
  std::cout << "listening on " << url << std::endl;
  server.Run();
  spdlog::info("stopped");
  return 0;
}

int AuditVerify(const fs::path& dir) {
  auto app = OpenApp(dir);
  if (!app) return 2;
  service::SetupService setup(app->Context());
  long long total = 0;
  for (const auto& p : setup.Practices()) {
    const auto report = app->db->Read([&](store::Tx& tx) { return app->audit->Verify(tx, p.id); });
    if (!report.intact) {
      std::cout << "audit log broken at entry " << report.first_bad_seq.value_or(0) << ": "
                << report.reason << "\n";
      return 1;
    }
    total += report.entries;
    std::cout << "practice " << p.id.value << ": " << report.entries << " entries, head "
              << report.head_hash << "\n";
  }
  std::cout << "audit log intact: " << total << " entries\n";
  return 0;
}

}  // namespace huidig::cli
