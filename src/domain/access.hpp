#pragma once
// The role table of SPEC.md ("Users and roles") and the object checks of R-SEC-2.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/ids.hpp"

namespace huidig::domain {

enum class Role { kOwner, kPractitioner, kAssistant, kQuality, kAuditor };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// What a request wants to do. Role-level: RoleMay(); object-level: the Actor checks below.
enum class Permission {
  kClientList,        // list and search clients
  kClientCreate,      // register a new client
  kClientRead,        // identity and contact data of one client
  kClientUpdate,      // change identity and contact data
  kClientDossier,     // read dossier data: record keeping, photo preference, health
  kDossierWrite,      // write health data: intake, trajectories, sessions
  kPracticeSettings,  // practice settings such as mandatory TOTP
  kAuditRead,         // read the access log (R-AUD-4)
  kStaffDirectory,    // colleagues' names and roles, to name the authors of records
  kStaffManage,       // add staff, change their role, locations and access (R-STAFF-3)
  kConsultConfirm,    // confirm the stated time of a consult recorded afterwards (R-CONSENT-1)
};

bool RoleMay(Role role, Permission permission);

// Whether the role must use a second factor (R-SEC-1: owner and practitioner, unless the
// owner turned it off for the practice).
bool TotpMandatory(Role role, bool practice_requires_totp);

// The authenticated user behind a request.
struct Actor {
  UserId user;
  PracticeId practice;
  Role role = Role::kAssistant;
  bool all_locations = false;        // owners, quality officers and auditors see every location
  std::vector<LocationId> locations; // otherwise: the locations the user works at
  std::string remote_addr;

  bool May(Permission p) const { return RoleMay(role, p); }
  // R-SEC-2: a user of location A does not reach location B's clients.
  bool AtLocation(const LocationId& location) const;
  // Whether this actor may read one client's record at all. The quality officer reads only
  // clients linked to an incident or complaint they handle.
  bool MayReadClient(const LocationId& location, bool linked_to_open_case) const;
};

}  // namespace huidig::domain
