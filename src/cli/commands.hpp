#pragma once
// The verbs of `huidig`. Each returns the process exit code.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace huidig::cli {

// `database`: a database URL for huidig.toml instead of the SQLite file in the folder.
int Init(const std::filesystem::path& dir, const std::string& practice, const std::string& owner,
         const std::vector<std::string>& locations, const std::optional<std::string>& database);
// `dossiers`: the lived-in practice (trajectories, signed sessions, photos, a colleague who left).
int Demo(const std::filesystem::path& dir, const std::optional<std::string>& database, bool dossiers = true);
int Serve(const std::filesystem::path& dir, const std::optional<std::string>& listen);
int AuditVerify(const std::filesystem::path& dir);

// `huidig staff`: the team on the machine itself, audited as the system (R-STAFF-3).
struct StaffAddArgs {
  std::string name, email, role;
  std::vector<std::string> locations;  // names or ids
  std::optional<std::string> access_until;
  std::optional<std::string> practice;  // needed when the folder holds several
};
int StaffList(const std::filesystem::path& dir);
int StaffAdd(const std::filesystem::path& dir, const StaffAddArgs& args);
// verb: disable | enable | reset-password | reset-totp
int StaffSet(const std::filesystem::path& dir, const std::string& verb, const std::string& email);

}  // namespace huidig::cli
