#pragma once
// Creating a practice, its locations and staff accounts (`huidig init`, `huidig demo`).

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "service/context.hpp"
#include "store/records.hpp"
#include "store/staff_repo.hpp"

namespace huidig::service {

struct NewPractice {
  std::string name;
  bool totp_required = true;
  std::vector<std::string> locations;
};

struct NewStaff {
  std::string email;
  std::string display_name;
  domain::Role role = domain::Role::kAssistant;
  bool all_locations = false;
  std::vector<LocationId> locations;
  bool must_change_password = true;  // a one-time password
  std::optional<Instant> access_expires_at;
};

struct CreatedStaff {
  UserId id;
  std::string email;
  std::string password;  // shown once, stored only as a hash
};

// The operator on the machine itself (init, demo, `huidig staff`): acts as an owner of the
// practice and is audited as "system".
domain::Actor SystemActor(const PracticeId& practice);

class SetupService {
 public:
  explicit SetupService(Context ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<std::pair<store::PracticeRecord, std::vector<store::LocationRecord>>>
  CreatePractice(const NewPractice& practice);
  // `by`: who adds the account (audited as them); the system when absent (init, demo, the
  // command line on the machine itself).
  [[nodiscard]] Result<CreatedStaff> CreateStaff(const PracticeId& practice, const NewStaff& staff,
                                                 const domain::Actor* by = nullptr);
  std::vector<store::PracticeRecord> Practices();

  // A password of 16 random characters.
  static std::string GeneratePassword();

 private:
  Context ctx_;
  store::PracticeRepo practices_;
  store::UserRepo users_;
};

}  // namespace huidig::service
