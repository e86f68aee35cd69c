#pragma once
// Qualified staff (R-STAFF-1): the owner records each staff member's diplomas, BIG
// registration, certificates and training; a staff member reads their own; the owner sees
// what expires within 60 days. Signing a session checks them (TreatmentSessionService).

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "domain/qualification.hpp"
#include "service/context.hpp"
#include "store/qualification_repo.hpp"
#include "store/staff_repo.hpp"

namespace huidig::service {

struct QualificationView {
  std::string id;
  UserId staff;
  std::string staff_name;
  domain::Qualification qualification;
  bool valid_today = false;
  Instant created_at{};
  UserId created_by;
};

struct QualificationInput {
  std::string kind;   // diploma | big_registration | certificate | training
  std::string title;
  std::vector<std::string> covers;
  std::optional<std::string> big_number;
  std::string valid_from;                 // YYYY-MM-DD
  std::optional<std::string> valid_until;  // YYYY-MM-DD, the last valid day
};

class QualificationService {
 public:
  explicit QualificationService(Context ctx) : ctx_(ctx) {}

  // The owner, or the staff member themselves. Errors: forbidden, not_found.
  [[nodiscard]] Result<std::vector<QualificationView>> Of(const domain::Actor& actor, const UserId& staff);
  // The owner. Errors: forbidden, not_found, and field errors (kind, title, covers,
  // big_number, valid_from, valid_until).
  [[nodiscard]] Result<QualificationView> Add(const domain::Actor& actor, const UserId& staff,
                                              const QualificationInput& input);
  // The owner: what ends within `days` days from today (Amsterdam), soonest first.
  [[nodiscard]] Result<std::vector<QualificationView>> Expiring(const domain::Actor& actor, int days = 60);

 private:
  Context ctx_;
  store::QualificationRepo qualifications_;
  store::UserRepo users_;
};

}  // namespace huidig::service
