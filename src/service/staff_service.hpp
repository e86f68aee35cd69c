#pragma once
// The team of a practice as its owner manages it (R-STAFF-3): adding a member with a
// one-time password, changing role, locations and the end of an auditor's access, disabling
// and enabling an account. Every change is audited; a disabled account's sessions end in the
// same transaction. Colleagues stay readable as authors whatever happens to their account.

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/access.hpp"
#include "service/audited.hpp"
#include "service/context.hpp"
#include "store/records.hpp"
#include "store/staff_repo.hpp"

namespace huidig::service {

// A staff account as the owner sees it: never its credentials.
struct StaffAccountView {
  UserId id;
  std::string name;
  std::string email;
  domain::Role role = domain::Role::kAssistant;
  bool all_locations = false;          // owner, quality officer, auditor
  std::vector<LocationId> locations;   // otherwise: where they work
  bool active = true;
  std::optional<Instant> access_until;  // an auditor's access ends by itself
};

struct StaffInput {
  std::string name;
  std::string email;
  std::string role;                     // owner | practitioner | assistant | quality | auditor
  std::vector<std::string> locations;   // required for a practitioner or assistant
  std::optional<std::string> access_until;  // RFC 3339; required for an auditor
};

// What a change names; the rest stays as it is.
struct StaffChange {
  std::optional<bool> active;
  std::optional<std::string> role;
  std::optional<std::vector<std::string>> locations;
  std::optional<std::optional<std::string>> access_until;  // null: no end (not for an auditor)
};

struct NewStaffAccount {
  StaffAccountView staff;
  std::string one_time_password;  // shown once; to be changed at the first login
};

class StaffService {
 public:
  explicit StaffService(Context ctx) : ctx_(ctx) {}

  // Everyone of the practice with their access, by name (the owner).
  [[nodiscard]] Result<std::vector<StaffAccountView>> Accounts(const domain::Actor& actor);
  // Errors: forbidden (not the owner); required / invalid_value / too_long naming the field
  // (name, email, role, locations, access_until); conflict email_taken.
  [[nodiscard]] Result<NewStaffAccount> Add(const domain::Actor& actor, const StaffInput& input);
  // Errors as Add, and not_found; own_account when the owner would disable themselves or
  // give up their own role.
  [[nodiscard]] Result<StaffAccountView> Change(const domain::Actor& actor, const UserId& id,
                                                const StaffChange& change);
  // A new one-time password (shown once) for a forgotten one; every open session of the
  // account ends. Errors: forbidden, not_found, own_account (the owner uses their own screen).
  [[nodiscard]] Result<NewStaffAccount> ResetPassword(const domain::Actor& actor, const UserId& id);
  // A lost phone: the second factor is removed and every open session ends; the next login
  // enrols a new one where the practice requires it. Errors as ResetPassword.
  [[nodiscard]] Result<StaffAccountView> ResetTotp(const domain::Actor& actor, const UserId& id);

 private:
  // The practice's account named by id inside a write, or not_found with a refusal entry.
  Result<store::UserRecord> Colleague(store::Tx& tx, AuditNotes& notes, const domain::Actor& actor,
                                      const UserId& id, const char* action, Instant now);

  Context ctx_;
  store::UserRepo users_;
  store::PracticeRepo practices_;
  store::LoginSessionRepo login_sessions_;
};

StaffAccountView ToView(const store::UserRecord& u);

}  // namespace huidig::service
