#pragma once
// The one place that names what a sealed value is: the associated data of its seal. A value
// opens only as what it was sealed as, so the text of a consult cannot be passed off as a
// session record, nor one client's intake version as another. The strings are stored with
// every sealed value: never change one.

#include <string>

#include "common/ids.hpp"

namespace huidig::service::seal {

inline std::string Trajectory(const TrajectoryId& id) { return "trajectory:" + id.value; }
inline std::string Consult(const ConsultId& id) { return "consult:" + id.value; }
inline std::string ConsultLateReason(const ConsultId& id) { return "consult-late-reason:" + id.value; }
inline std::string ConsentText(const ConsentId& id) { return "consent-text:" + id.value; }
inline std::string ConsentSignature(const ConsentId& id) { return "consent-signature:" + id.value; }
inline std::string TreatmentRecord(const TreatmentSessionId& id) { return "session:" + id.value; }
inline std::string AddendumReason(const AddendumId& id) { return "addendum-reason:" + id.value; }
inline std::string AddendumText(const AddendumId& id) { return "addendum-text:" + id.value; }
inline std::string Intake(const ClientId& client, int version) {
  return "intake:" + client.value + ":" + std::to_string(version);
}
// kind: image | thumbnail
inline std::string Photo(const PhotoId& id, const std::string& kind) {
  return "photo:" + id.value + ":" + kind;
}
inline std::string ClientChange(const std::string& id) { return "client-change:" + id; }
inline std::string TotpSecret(const UserId& user) { return "totp:" + user.value; }

}  // namespace huidig::service::seal
