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
int Demo(const std::filesystem::path& dir, const std::optional<std::string>& database);
int Serve(const std::filesystem::path& dir, const std::optional<std::string>& listen);
int AuditVerify(const std::filesystem::path& dir);

}  // namespace huidig::cli
