#pragma once
// The practice as its staff see it: its settings, its locations and its people. The owner
// changes the settings: whether everyone needs a second factor (R-SEC-1) and reflection
// periods longer than the law's (R-CONSENT-2). A change is one transaction: every setting it
// names is written, with its audit entry, or none is.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "service/context.hpp"
#include "store/catalogue_repo.hpp"
#include "store/records.hpp"
#include "store/staff_repo.hpp"

namespace huidig::service {

struct PracticeView {
  PracticeId id;
  std::string name;
  bool totp_required = true;
  std::array<int, 3> reflection_days{0, 1, 7};  // per cosmetic category (R-CONSENT-2)
  bool sign_requires_password = false;
};

struct LocationView {
  LocationId id;
  std::string name;
  bool closed = false;  // no new clients there; its clients stay readable and can be moved
};

struct LocationInput {
  std::string name;
};

// What a change names; the rest stays.
struct LocationChange {
  std::optional<std::string> name;
  std::optional<bool> closed;
};

// A colleague as the records name them: never their credentials.
struct StaffMemberView {
  UserId id;
  std::string display_name;
  domain::Role role = domain::Role::kAssistant;
  bool active = true;
};

// Settings not named stay as they are.
struct PracticeSettingsChange {
  std::optional<bool> totp_required;
  std::optional<std::array<int, 3>> reflection_days;  // per cosmetic category 1..3
  std::optional<bool> sign_requires_password;          // the signer's password to sign a session
};

PracticeView ToView(const store::PracticeRecord& p);
LocationView ToView(const store::LocationRecord& l);

class PracticeService {
 public:
  explicit PracticeService(Context ctx) : ctx_(ctx) {}

  // Errors: forbidden (not the owner), required (nothing named; field totp_required),
  // shorter_than_law or invalid_value (field reflection_days).
  [[nodiscard]] Result<PracticeView> UpdateSettings(const domain::Actor& actor,
                                                    const PracticeSettingsChange& change);
  // The locations the actor works at.
  [[nodiscard]] Result<std::vector<LocationView>> Locations(const domain::Actor& actor);
  // The owner adds a location. Errors: forbidden; required / too_long (name); conflict
  // name_taken (name) when the practice has one by that name.
  [[nodiscard]] Result<LocationView> AddLocation(const domain::Actor& actor, const LocationInput& in);
  // The owner renames, closes or reopens one. Errors as AddLocation, not_found, and
  // last_open_location when no open location would be left.
  [[nodiscard]] Result<LocationView> ChangeLocation(const domain::Actor& actor, const LocationId& id,
                                                    const LocationChange& change);
  // Everyone of the practice, by name and role, so records can name their authors.
  [[nodiscard]] Result<std::vector<StaffMemberView>> Staff(const domain::Actor& actor);

 private:
  Context ctx_;
  store::PracticeRepo practices_;
  store::CatalogueRepo catalogue_;
  store::UserRepo users_;
};

}  // namespace huidig::service
