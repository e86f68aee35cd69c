#include "domain/qualification.hpp"

#include <algorithm>
#include <chrono>

#include "domain/text.hpp"

namespace huidig::domain {

namespace {
constexpr std::pair<QualificationKind, std::string_view> kKinds[] = {
    {QualificationKind::kDiploma, "diploma"},
    {QualificationKind::kBigRegistration, "big_registration"},
    {QualificationKind::kCertificate, "certificate"},
    {QualificationKind::kTraining, "training"},
};
}  // namespace

std::string_view ToString(QualificationKind k) {
  for (const auto& [kind, name] : kKinds)
    if (kind == k) return name;
  return "diploma";
}

std::optional<QualificationKind> ParseQualificationKind(std::string_view s) {
  for (const auto& [kind, name] : kKinds)
    if (name == s) return kind;
  return std::nullopt;
}

bool IsQualificationCode(std::string_view code) {
  return !code.empty() && code.size() <= 60 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Result<void> ValidateQualification(const Qualification& q) {
  if (auto ok = CheckText(q.title, "title", RequiredLine(200, "R-STAFF-1")); !ok) return ok;
  if (q.covers.empty()) return Invalid("required", "covers", "R-STAFF-1");
  for (std::size_t i = 0; i < q.covers.size(); ++i)
    if (!IsQualificationCode(q.covers[i]))
      return Invalid("invalid_value", "covers[" + std::to_string(i) + "]", "R-STAFF-1");
  if (q.kind == QualificationKind::kBigRegistration) {
    // The BIG register's number: 11 digits.
    if (!q.big_number) return Invalid("required", "big_number", "R-STAFF-1");
    if (q.big_number->size() != 11 ||
        !std::all_of(q.big_number->begin(), q.big_number->end(), [](char c) { return c >= '0' && c <= '9'; }))
      return Invalid("invalid_value", "big_number", "R-STAFF-1");
  } else if (q.big_number) {
    return Invalid("field_not_allowed", "big_number", "R-STAFF-1");
  }
  if (q.valid_until && *q.valid_until < q.valid_from) return Invalid("invalid_value", "valid_until", "R-STAFF-1");
  return {};
}

bool ValidOn(const Qualification& q, Date day) {
  return q.valid_from <= day && (!q.valid_until || day <= *q.valid_until);
}

Result<void> CheckQualified(const std::vector<std::string>& needed, const std::vector<Qualification>& held,
                            Date day) {
  std::string missing;
  for (const auto& code : needed) {
    const bool covered = std::any_of(held.begin(), held.end(), [&](const Qualification& q) {
      return ValidOn(q, day) && std::find(q.covers.begin(), q.covers.end(), code) != q.covers.end();
    });
    if (!covered) missing += (missing.empty() ? "" : ",") + code;
  }
  if (missing.empty()) return {};
  return Fail(Error{Errc::kFailedPrecondition, "qualification_missing", {}, "R-STAFF-2", {}}.With("missing", missing));
}

bool ExpiresWithin(const Qualification& q, Date today, int days) {
  if (!q.valid_until || *q.valid_until < today) return false;
  return std::chrono::sys_days(*q.valid_until) <= std::chrono::sys_days(today) + std::chrono::days(days);
}

}  // namespace huidig::domain
