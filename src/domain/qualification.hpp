#pragma once
// Qualified staff (R-STAFF-1, R-STAFF-2, seed 002 "gekwalificeerd personeel"): a staff member's
// diplomas, BIG registration, certificates and training, each covering qualification codes
// that treatment types name, valid from a day and possibly until one. A session of a type
// that needs a code is signed only by a practitioner who holds it on the session's day.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/ids.hpp"
#include "common/result.hpp"
#include "domain/client.hpp"

namespace huidig::domain {

enum class QualificationKind { kDiploma, kBigRegistration, kCertificate, kTraining };

std::string_view ToString(QualificationKind k);
std::optional<QualificationKind> ParseQualificationKind(std::string_view s);

struct Qualification {
  std::string title;                   // "Diploma schoonheidsspecialist", "BIG-registratie arts"
  QualificationKind kind = QualificationKind::kDiploma;
  std::vector<std::string> covers;     // codes, e.g. "beauty_specialist", "physician"
  std::optional<std::string> big_number;  // 11 digits, for a BIG registration only
  Date valid_from{};
  std::optional<Date> valid_until;     // the last day it is valid; none: no end
};

// A code as treatment types and qualifications name it: [a-z0-9_], 1 to 60 characters.
bool IsQualificationCode(std::string_view code);

// Errors name the field: title, kind, covers, big_number (required and 11 digits for a BIG
// registration, not allowed otherwise), valid_until (before valid_from).
[[nodiscard]] Result<void> ValidateQualification(const Qualification& q);

bool ValidOn(const Qualification& q, Date day);

// R-STAFF-2: every code `needed` is covered by a qualification valid on `day`; refused with
// qualification_missing and the codes that are missing in "missing" (comma-separated).
[[nodiscard]] Result<void> CheckQualified(const std::vector<std::string>& needed,
                                          const std::vector<Qualification>& held, Date day);

// Whether it ends within `days` days after `today` (and has not ended before today).
bool ExpiresWithin(const Qualification& q, Date today, int days);

}  // namespace huidig::domain
