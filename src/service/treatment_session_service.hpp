#pragma once
// R-TRJ-2: session records (behandelverslagen). A draft can be edited; signing checks the
// rules that decide whether the session may be recorded as performed (R-DOS-1, R-CONSENT-3,
// R-CONSENT-4) and what a complete record needs (batches for permanent make-up, the
// device); once signed it is append-only: a correction is an addendum (R-DOS-3). R-TRJ-4:
// recall by batch or device.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "crypto/keys.hpp"
#include "domain/access.hpp"
#include "domain/readiness.hpp"
#include "domain/treatment_record.hpp"
#include "service/catalogue_service.hpp"
#include "service/audited.hpp"
#include "service/client_keys.hpp"
#include "service/context.hpp"
#include "store/catalogue_repo.hpp"
#include "store/client_repo.hpp"
#include "store/staff_repo.hpp"
#include "store/qualification_repo.hpp"
#include "store/trajectory_repo.hpp"
#include "store/treatment_session_repo.hpp"

namespace huidig::service {

struct TreatmentSessionInput {
  std::optional<std::string> performed_at;  // RFC 3339; now when absent
  domain::TreatmentRecord record;
};

struct AddendumView {
  AddendumId id;
  UserId author;
  Instant at{};
  std::string reason;
  std::string text;
};

struct TreatmentSessionView {
  TreatmentSessionId id;
  TrajectoryId trajectory_id;
  ClientId client;
  domain::TreatmentSessionStatus status = domain::TreatmentSessionStatus::kDraft;
  Instant performed_at{};
  UserId practitioner;
  TreatmentTypeView type;  // the version used
  domain::TreatmentRecord record;
  std::optional<Instant> signed_at;
  std::optional<UserId> signed_by;
  std::vector<AddendumView> addenda;
  Instant created_at{};
  Instant updated_at{};
};

// A session that used a recalled batch or device, with who must be contacted.
struct RecallEntry {
  ClientId client;
  std::string client_name;  // identity data
  LocationId location;
  TreatmentSessionId session_id;
  TrajectoryId trajectory_id;
  Instant performed_at{};
  std::optional<std::string> product;
  std::optional<std::string> batch;
  std::optional<std::string> device;
};

// A session as its reader sees it: the sealed record opened with the client's key, with the
// addenda of `addenda` that belong to it.
[[nodiscard]] Result<TreatmentSessionView> OpenTreatmentSession(const store::TreatmentSessionRow& row,
                                              const store::TreatmentTypeRecord& type,
                                              const std::vector<store::AddendumRow>& addenda,
                                              const crypto::Key& key);
// The sessions of a trajectory as its view shows them.
class TrajectoryTreatmentSessions {
 public:
  // Every session of the trajectory, opened, oldest first (`type`: the trajectory's).
  [[nodiscard]] Result<std::vector<TreatmentSessionView>> Open(store::Tx& tx,
                                                               const store::TrajectoryRow& trajectory,
                                                               const store::TreatmentTypeRecord& type,
                                                               const crypto::Key& key) const;

 private:
  store::TreatmentSessionRepo sessions_;
  store::CatalogueRepo catalogue_;
};
// The facts the one readiness rule (domain/readiness.hpp) decides on, from the trajectory's
// records: for the refusal of a session and for the trajectory's "missing" list alike.
domain::TreatmentSessionFacts TreatmentSessionFactsOf(const domain::Client& client, const domain::TreatmentType& type,
                                    const std::vector<store::ConsultRow>& consults,
                                    const std::vector<store::DecisionRow>& decisions,
                                    const std::vector<store::ConsentRow>& consents,
                                    Instant session_at, Instant recorded_at);

class TreatmentSessionService {
 public:
  explicit TreatmentSessionService(Context ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<TreatmentSessionView> Create(const domain::Actor& actor, const TrajectoryId& trajectory_id,
                                           const TreatmentSessionInput& input);
  [[nodiscard]] Result<TreatmentSessionView> Update(const domain::Actor& actor, const TreatmentSessionId& id,
                                           const TreatmentSessionInput& input);
  // Where the practice asks for it, the signer's password (required, field password; a wrong
  // one counts as a failed login).
  [[nodiscard]] Result<TreatmentSessionView> Sign(const domain::Actor& actor, const TreatmentSessionId& id,
                                                  const std::optional<std::string>& password = std::nullopt);
  // A draft is thrown away (audited); a signed session never (session_signed, R-DOS-3). Its
  // photos stay in the dossier.
  [[nodiscard]] Result<void> Discard(const domain::Actor& actor, const TreatmentSessionId& id);
  [[nodiscard]] Result<TreatmentSessionView> AddAddendum(const domain::Actor& actor, const TreatmentSessionId& id,
                                                const std::string& reason, const std::string& text);
  [[nodiscard]] Result<TreatmentSessionView> Get(const domain::Actor& actor, const TreatmentSessionId& id);
  [[nodiscard]] Result<std::vector<RecallEntry>> Recall(const domain::Actor& actor,
                                                        const std::optional<std::string>& batch,
                                                        const std::optional<std::string>& device);

 private:
  struct Loaded;
  // Finds the session and what it belongs to for the actor, or notes the refusal.
  Result<Loaded> LoadSession(store::Tx& tx, const domain::Actor& actor, const TreatmentSessionId& id,
                             const std::string& action, Instant now, AuditNotes& notes) const;
  Result<void> CheckAllowed(store::Tx& tx, const store::TrajectoryRow& trajectory, const domain::Client& client,
                            const store::TreatmentTypeRecord& type, Instant performed_at, Instant now) const;
  static audit::Entry Done(const domain::Actor& actor, const std::string& action, const Loaded& s,
                           Instant now);

  Context ctx_;
  ClientKeys keys_{ctx_.master_key};
  store::ClientRepo clients_;
  store::CatalogueRepo catalogue_;
  store::TrajectoryRepo trajectories_;
  store::TreatmentSessionRepo treatment_sessions_;
  store::QualificationRepo qualifications_;
  store::PracticeRepo practices_;
};

}  // namespace huidig::service
