#pragma once
// The verbs of `huidig`. Each returns the process exit code.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace huidig::cli {

int Init(const std::filesystem::path& dir, const std::string& practice, const std::string& owner,
         const std::vector<std::string>& locations);
int Demo(const std::filesystem::path& dir);
int Serve(const std::filesystem::path& dir, const std::optional<std::string>& listen);
int AuditVerify(const std::filesystem::path& dir);

}  // namespace huidig::cli
