#pragma once
// Session records, their products and addenda (R-TRJ-2, R-DOS-3, R-TRJ-4). Only a draft can
// be changed: every UPDATE and DELETE here is guarded by status = 'draft' in its WHERE clause.

#include <optional>
#include <string>
#include <vector>

#include "domain/treatment_record.hpp"
#include "store/trajectory_repo.hpp"

namespace huidig::store {

struct TreatmentSessionRow {
  DossierRef<TreatmentSessionId> ref;
  TrajectoryId trajectory_id;
  std::string type_key;
  int type_version = 1;
  domain::TreatmentSessionStatus status = domain::TreatmentSessionStatus::kDraft;
  Instant performed_at{};
  UserId practitioner;
  std::optional<std::string> device_name;
  std::string record_sealed;
  std::vector<domain::ProductUse> products;
  std::optional<Instant> signed_at;
  std::optional<UserId> signed_by;
  Instant created_at{};
  Instant updated_at{};
};

struct AddendumRow {
  DossierRef<AddendumId> ref;
  TreatmentSessionId session_id;
  UserId author;
  Instant at{};
  std::string reason_sealed;
  std::string text_sealed;
};

struct RecallHit {
  ClientId client;
  LocationId location;
  TreatmentSessionId session_id;
  TrajectoryId trajectory_id;
  Instant performed_at{};
  std::string product;
  std::string batch;
  std::optional<std::string> device;
};

class TreatmentSessionRepo {
 public:
  void Insert(Tx& tx, const TreatmentSessionRow& r) const;
  // Replaces a draft's content; false when the session is not a draft (nothing changed).
  bool UpdateDraft(Tx& tx, const TreatmentSessionRow& r) const;
  bool Sign(Tx& tx, const TreatmentSessionId& id, const UserId& by, Instant at) const;
  // A draft and its products are gone; photos taken during it stay in the dossier, no longer
  // tied to it. False when it is not a draft (nothing changed).
  bool DeleteDraft(Tx& tx, const TreatmentSessionId& id) const;
  std::optional<TreatmentSessionRow> Find(Tx& tx, const PracticeId& practice, const TreatmentSessionId& id) const;
  std::vector<TreatmentSessionRow> ForTrajectory(Tx& tx, const TrajectoryId& trajectory_id) const;

  void InsertAddendum(Tx& tx, const AddendumRow& r) const;
  std::vector<AddendumRow> Addenda(Tx& tx, const TreatmentSessionId& session_id) const;
  // The addenda of every session of the trajectory, oldest first.
  std::vector<AddendumRow> AddendaForTrajectory(Tx& tx, const TrajectoryId& trajectory_id) const;

  // R-TRJ-4: every signed or draft session that used the batch, or the device.
  std::vector<RecallHit> Recall(Tx& tx, const PracticeId& practice, const std::optional<std::string>& batch,
                                const std::optional<std::string>& device) const;
};

}  // namespace huidig::store
