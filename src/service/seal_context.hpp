#pragma once
// The one place that names what a sealed value is: the associated data of its seal. A value
// opens only as what it was sealed as, so the text of a consult cannot be passed off as a
// session record, nor one client's intake version as another. The strings are stored with
// every sealed value: never change one.

#include <string>

#include "common/ids.hpp"

namespace huidig::service::seal {

inline std::string Trajectory(const std::string& id) { return "trajectory:" + id; }
inline std::string Consult(const std::string& id) { return "consult:" + id; }
inline std::string ConsentText(const std::string& id) { return "consent-text:" + id; }
inline std::string ConsentSignature(const std::string& id) { return "consent-signature:" + id; }
inline std::string TreatmentRecord(const std::string& id) { return "session:" + id; }
inline std::string AddendumReason(const std::string& id) { return "addendum-reason:" + id; }
inline std::string AddendumText(const std::string& id) { return "addendum-text:" + id; }
inline std::string Intake(const ClientId& client, int version) {
  return "intake:" + client.value + ":" + std::to_string(version);
}
// kind: image | thumbnail
inline std::string Photo(const std::string& id, const std::string& kind) {
  return "photo:" + id + ":" + kind;
}
inline std::string TotpSecret(const UserId& user) { return "totp:" + user.value; }

}  // namespace huidig::service::seal
