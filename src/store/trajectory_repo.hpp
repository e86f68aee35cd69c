#pragma once
// Trajectories with their consults, decisions and consents (R-TRJ-1, R-CONSENT-1..5).
// Append-only: the repository has no update and no delete.

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "domain/trajectory.hpp"
#include "store/database.hpp"

namespace huidig::store {

// Where a row of a client's dossier belongs (every such table carries all four).
template <class IdT>
struct DossierRef {
  IdT id;
  PracticeId practice;
  LocationId location;
  ClientId client;
};

struct TrajectoryRow {
  DossierRef<TrajectoryId> ref;
  std::string type_key;
  int type_version = 1;
  std::string info_sealed;
  int intake_version = 0;
  Instant created_at{};
  UserId created_by;
};

struct ConsultRow {
  DossierRef<ConsultId> ref;
  TrajectoryId trajectory_id;
  Instant at{};
  std::string leaflet_version;
  std::string proposed_sealed;
  int intake_version = 0;
  Instant recorded_at{};
  UserId recorded_by;
  std::optional<std::string> late_reason_sealed;  // recorded afterwards (an earlier day)
  std::optional<Instant> confirmed_at;             // an owner confirmed the stated time
  std::optional<UserId> confirmed_by;
};

struct DecisionRow {
  DossierRef<DecisionId> ref;
  TrajectoryId trajectory_id;
  ConsultId consult_id;
  Instant at{};
  Instant recorded_at{};
  UserId recorded_by;
};

struct ConsentRow {
  DossierRef<ConsentId> ref;
  TrajectoryId trajectory_id;
  domain::ConsentKind kind = domain::ConsentKind::kInformed;
  std::string text_sealed;
  std::string text_sha256;
  domain::SignatureKind signature_kind = domain::SignatureKind::kTyped;
  std::string signature_sealed;
  int intake_version = 0;
  Instant signed_at{};
  UserId recorded_by;
};

class TrajectoryRepo {
 public:
  void Insert(Tx& tx, const TrajectoryRow& r) const;
  std::optional<TrajectoryRow> Find(Tx& tx, const PracticeId& practice, const TrajectoryId& id) const;
  std::vector<TrajectoryRow> ForClient(Tx& tx, const PracticeId& practice, const ClientId& client) const;

  void InsertConsult(Tx& tx, const ConsultRow& r) const;
  std::vector<ConsultRow> Consults(Tx& tx, const TrajectoryId& trajectory_id) const;
  // An owner confirms the stated time of a consult recorded afterwards; false when it was
  // confirmed already (or there is no such consult).
  bool ConfirmConsult(Tx& tx, const ConsultId& id, Instant at, const UserId& by) const;
  void InsertDecision(Tx& tx, const DecisionRow& r) const;
  std::vector<DecisionRow> Decisions(Tx& tx, const TrajectoryId& trajectory_id) const;
  void InsertConsent(Tx& tx, const ConsentRow& r) const;
  std::vector<ConsentRow> Consents(Tx& tx, const TrajectoryId& trajectory_id) const;
};

}  // namespace huidig::store
