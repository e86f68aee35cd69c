#pragma once
// A self-describing, length-prefixed encoding of named text fields: what gets sealed for a
// record of health data (the intake, a trajectory's information, a session record).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace huidig::domain {

using RecordFields = std::vector<std::pair<std::string, std::string>>;

std::string EncodeRecord(std::string_view kind, const RecordFields& fields);
// nullopt when the text is not a record of this kind or is damaged.
std::optional<std::map<std::string, std::string>> DecodeRecord(std::string_view kind,
                                                               std::string_view encoded);

}  // namespace huidig::domain
