#pragma once
// R-DOS: the intake (health questionnaire), versioned: each change is a new version with
// author and time, the old ones readable. Sealed with the client's key (R-SEC-3); every
// read and write audited (R-AUD-1), without the answers (R-AUD-3).

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "domain/consent.hpp"
#include "service/client_keys.hpp"
#include "service/context.hpp"
#include "store/client_repo.hpp"
#include "store/intake_repo.hpp"

namespace huidig::service {

struct IntakeVersion {
  int version = 0;
  UserId author;
  Instant created_at{};
  domain::IntakeAnswers answers;
};

struct IntakeHistory {
  std::vector<IntakeVersion> versions;  // oldest first; the last is the current one
};

class IntakeService {
 public:
  explicit IntakeService(Context ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<IntakeHistory> History(const domain::Actor& actor, const std::string& client_id);
  [[nodiscard]] Result<IntakeVersion> Add(const domain::Actor& actor, const std::string& client_id,
                                          const domain::IntakeAnswers& answers);

 private:
  Context ctx_;
  ClientKeys keys_{ctx_.master_key};
  store::ClientRepo clients_;
  store::IntakeRepo intake_;
};

}  // namespace huidig::service
