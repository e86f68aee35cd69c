#include "domain/access.hpp"

#include <algorithm>

namespace huidig::domain {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kOwner: return "owner";
    case Role::kPractitioner: return "practitioner";
    case Role::kAssistant: return "assistant";
    case Role::kQuality: return "quality";
    case Role::kAuditor: return "auditor";
  }
  return "assistant";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kOwner, Role::kPractitioner, Role::kAssistant, Role::kQuality,
                 Role::kAuditor})
    if (RoleName(r) == name) return r;
  return std::nullopt;
}

bool RoleMay(Role role, Permission p) {
  using P = Permission;
  switch (role) {
    case Role::kOwner:
      return true;
    case Role::kPractitioner:
      return p != P::kPracticeSettings && p != P::kAuditRead &&
             p != P::kStaffManage && p != P::kConsultConfirm;  // incl. kDossierWrite
    case Role::kAssistant:  // identity and contact data only
      return p == P::kClientList || p == P::kClientCreate || p == P::kClientRead ||
             p == P::kClientUpdate || p == P::kStaffDirectory;
    case Role::kQuality:  // clients only where linked to a case (object-level check)
      return p == P::kClientRead || p == P::kClientDossier || p == P::kAuditRead ||
             p == P::kStaffDirectory;
    case Role::kAuditor:  // read-only
      return p == P::kClientList || p == P::kClientRead || p == P::kClientDossier ||
             p == P::kAuditRead || p == P::kStaffDirectory;
  }
  return false;
}

bool TotpMandatory(Role role, bool practice_requires_totp) {
  return practice_requires_totp && (role == Role::kOwner || role == Role::kPractitioner);
}

bool Actor::AtLocation(const LocationId& location) const {
  return all_locations || std::find(locations.begin(), locations.end(), location) != locations.end();
}

bool Actor::MayReadClient(const LocationId& location, bool linked_to_open_case) const {
  if (!May(Permission::kClientRead)) return false;
  if (role == Role::kQuality) return linked_to_open_case;
  return AtLocation(location);
}

}  // namespace huidig::domain
