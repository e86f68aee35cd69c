#pragma once
// Trajectories (R-TRJ-1) with the decision consult (R-CONSENT-1), the decision after the
// reflection period (R-CONSENT-2) and signed consents (R-CONSENT-3..6). Everything is
// added, never changed; free text sealed with the client's key; every read and write audited.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "domain/catalogue.hpp"
#include "domain/trajectory.hpp"
#include "service/audited.hpp"
#include "service/client_keys.hpp"
#include "service/context.hpp"
#include "service/treatment_session_service.hpp"
#include "store/catalogue_repo.hpp"
#include "store/client_repo.hpp"
#include "store/intake_repo.hpp"
#include "store/photo_repo.hpp"
#include "store/trajectory_repo.hpp"

namespace huidig::service {

struct TrajectoryInput {
  std::string treatment_type;
  domain::TrajectoryInfo info;
  bool intake_reviewed = false;  // the practitioner confirms the intake was reviewed
};

struct ConsultInput {
  std::string at;  // RFC 3339 with offset: a consult may be recorded afterwards
  std::string leaflet_version;
  std::string proposed;
  // Required when `at` lies on an earlier Amsterdam day than today (R-CONSENT-1).
  std::optional<std::string> late_reason = std::nullopt;
};

struct ConsentInput {
  std::string kind;            // informed | confirmation
  std::string text;            // the exact information text shown
  std::string signature_kind;  // drawn | typed
  std::string signature;       // a PNG data URL, or the typed full name
  bool intake_changes_reviewed = false;  // R-CONSENT-6: asked again where the intake changed
};

struct ConsultView {
  ConsultId id;
  Instant at{};
  std::string leaflet_version;
  std::string proposed;
  int intake_version = 0;
  UserId recorded_by;
  Instant recorded_at{};
  // R-CONSENT-1: stated on an earlier day than it was recorded, with the reason given.
  bool recorded_afterwards = false;
  std::optional<std::string> late_reason;
  std::optional<Instant> confirmed_at;  // an owner confirmed the stated time
  std::optional<UserId> confirmed_by;
};

struct DecisionView {
  DecisionId id;
  ConsultId consult_id;
  Instant at{};
  UserId recorded_by;
};

struct ConsentView {
  ConsentId id;
  domain::ConsentKind kind = domain::ConsentKind::kInformed;
  std::string text;
  std::string text_sha256;
  domain::SignatureKind signature_kind = domain::SignatureKind::kTyped;
  Instant signed_at{};
  int intake_version = 0;
  UserId recorded_by;
};

struct TrajectoryView {
  TrajectoryId id;
  ClientId client;
  LocationId location;
  TreatmentTypeView type;  // the version the trajectory was started with
  domain::TrajectoryInfo info;
  int intake_version = 0;  // the intake version reviewed at the start
  Instant created_at{};
  UserId created_by;
  std::vector<ConsultView> consults;
  std::vector<DecisionView> decisions;
  std::vector<ConsentView> consents;
  std::vector<TreatmentSessionView> sessions;
  // What is still needed before a session can take place today (codes of the rules).
  std::vector<std::string> missing;
  std::optional<std::string> earliest_decision;            // Amsterdam date, while undecided
  std::vector<std::string> intake_changed_since_consult;   // R-CONSENT-6
  std::vector<std::string> photo_flags;                    // R-TRJ-3
};

class TrajectoryService {
 public:
  explicit TrajectoryService(Context ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<TrajectoryView> Create(const domain::Actor& actor, const std::string& client_id,
                                              const TrajectoryInput& input);
  [[nodiscard]] Result<std::vector<TrajectoryView>> List(const domain::Actor& actor,
                                                         const std::string& client_id);
  [[nodiscard]] Result<TrajectoryView> Get(const domain::Actor& actor, const TrajectoryId& id);
  [[nodiscard]] Result<TrajectoryView> RecordConsult(const domain::Actor& actor, const TrajectoryId& id,
                                                     const ConsultInput& input);
  // Another account with the owner role confirms the stated time of the latest consult,
  // recorded afterwards; from then its reflection period counts from that time. Errors:
  // forbidden, not_found, not_recorded_afterwards, already_confirmed, own_consult.
  [[nodiscard]] Result<TrajectoryView> ConfirmConsult(const domain::Actor& actor, const TrajectoryId& id);
  [[nodiscard]] Result<TrajectoryView> RecordDecision(const domain::Actor& actor, const TrajectoryId& id,
                                                      const std::optional<std::string>& at);
  [[nodiscard]] Result<TrajectoryView> AddConsent(const domain::Actor& actor, const TrajectoryId& id,
                                                  const ConsentInput& input);

 private:
  struct Loaded;
  // Finds the trajectory and loads what its view shows, or notes the refusal.
  Result<Loaded> Load(store::Tx& tx, const domain::Actor& actor, const TrajectoryId& id,
                      const std::string& action, Instant now, AuditNotes& notes) const;
  Result<Loaded> LoadRecords(store::Tx& tx, store::TrajectoryRow row, domain::Client client,
                             crypto::Key key, std::vector<store::IntakeRow> intake,
                             const std::vector<store::PhotoRow>& photos) const;
  // The view of what was loaded: no database, no second reading.
  static Result<TrajectoryView> View(Loaded t, Instant now);
  Context ctx_;
  ClientKeys keys_{ctx_.master_key};
  store::ClientRepo clients_;
  store::CatalogueRepo catalogue_;
  store::IntakeRepo intake_;
  store::TrajectoryRepo trajectories_;
  store::PhotoRepo photos_;
  TrajectoryTreatmentSessions sessions_;
};

}  // namespace huidig::service
