#pragma once
// The client's identity and contact data, record-keeping and photo choices (R-DOS-1,
// R-DOS-2, R-DOS-4), and the Dutch way of sorting and searching names.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "common/result.hpp"
#include "domain/access.hpp"

namespace huidig::domain {

// R-DOS-1: the client may refuse record keeping.
enum class RecordsConsent { kGiven, kRefused };
// R-DOS-2: photos allowed, refused, or kept by the client themselves.
enum class PhotoPreference { kAllowed, kRefused, kOwn };

std::string_view ToString(RecordsConsent v);
std::string_view ToString(PhotoPreference v);
std::optional<RecordsConsent> ParseRecordsConsent(std::string_view s);
std::optional<PhotoPreference> ParsePhotoPreference(std::string_view s);

using Date = std::chrono::year_month_day;
std::string FormatDate(Date d);                       // "1985-04-12"
std::optional<Date> ParseIsoDate(std::string_view s); // strict YYYY-MM-DD

// R-DOS-4: data minimisation. No BSN, nothing the care does not need.
struct Client {
  ClientId id;
  PracticeId practice;
  LocationId location;
  std::string given_name;
  std::optional<std::string> name_prefix;  // tussenvoegsel: "de", "van der", "'t"
  std::string family_name;
  Date date_of_birth{};
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<RecordsConsent> records_consent;    // nullopt: not asked yet
  std::optional<PhotoPreference> photo_preference;  // nullopt: not asked yet
  Instant created_at{};
  Instant updated_at{};
};

// A create or a merge patch. The outer optional says whether the field was sent; for
// optional fields the inner nullopt clears it.
struct ClientChanges {
  std::optional<std::string> given_name;
  std::optional<std::optional<std::string>> name_prefix;
  std::optional<std::string> family_name;
  std::optional<std::string> date_of_birth;
  std::optional<std::optional<std::string>> phone;
  std::optional<std::optional<std::string>> email;
  std::optional<std::string> location;
  std::optional<std::optional<std::string>> records_consent;
  std::optional<std::optional<std::string>> photo_preference;

  bool TouchesDossier() const { return records_consent || photo_preference; }
};

// Validates the changes and applies them to `client` (a new, empty client on create).
// `today` is the Europe/Amsterdam date, for the date of birth. Errors name the field.
// Field-level access (the assistant may not set dossier fields) is checked here too.
[[nodiscard]] Result<Client> ApplyClientChanges(Client client, const ClientChanges& changes,
                                                bool creating, Date today, const Actor& actor);

// Keys stored beside the client so that the database sorts and searches the Dutch way:
// "de Vries" sorts under V, "Özdemir" beside "Ozturk", case and accents ignored.
std::string FoldForSearch(std::string_view text);  // lower-case ASCII, accents removed
std::string SortKey(const Client& c);
std::string SearchText(const Client& c);
std::string PhoneDigits(std::string_view phone);   // "+31 6-1234 5678" -> "0612345678"

// A search box entry: a date of birth, a phone number or name words.
struct ClientQuery {
  enum class Kind { kAll, kName, kDateOfBirth, kPhone } kind = Kind::kAll;
  std::vector<std::string> words;  // folded, for kName
  std::string value;               // ISO date or phone digits
};
ClientQuery ParseClientQuery(std::string_view q);
// Whether a client matches every word of a name query (each word starts a name part or is
// inside the folded full name).
bool MatchesNameWords(const std::string& search_text, const std::vector<std::string>& words);

}  // namespace huidig::domain
