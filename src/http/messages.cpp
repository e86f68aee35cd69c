#include "http/messages.hpp"

#include <array>

#include <cstdlib>
#include <vector>

#include <fmt/format.h>

namespace huidig::http {
namespace {

struct Entry {
  std::string_view code;
  std::string_view title;
  std::string_view nl;  // {0} = field name
  std::string_view en;
};

// Every stable code the API answers with. Field names are the API's (as the form shows).
constexpr Entry kMessages[] = {
    {"malformed_json", "Malformed JSON", "De gegevens zijn geen geldige JSON.",
     "The request body is not valid JSON."},
    {"invalid_utf8", "Invalid UTF-8", "De gegevens bevatten tekens die geen geldige UTF-8 zijn.",
     "The request contains bytes that are not valid UTF-8."},
    {"unknown_field", "Unknown field", "Onbekend veld: {0}.", "Unknown field: {0}."},
    {"invalid_query", "Invalid query parameter", "Ongeldige zoekparameter: {0}.",
     "Invalid query parameter: {0}."},
    {"required", "Field required", "Het veld {0} is verplicht.", "The field {0} is required."},
    {"wrong_type", "Wrong type", "Het veld {0} heeft het verkeerde type.",
     "The field {0} has the wrong type."},
    {"invalid_value", "Invalid value", "De waarde van {0} is ongeldig.",
     "The value of {0} is not valid."},
    {"too_long", "Value too long", "De waarde van {0} is te lang.", "The value of {0} is too long."},
    {"field_not_allowed", "Field not allowed for your role",
     "Het veld {0} mag u met uw rol niet wijzigen.", "Your role may not set the field {0}."},
    {"password_too_short", "Password too short",
     "Het wachtwoord moet minstens 8 tekens lang zijn.", "The password needs at least 8 characters."},
    {"password_too_common", "Password too common",
     "Dit wachtwoord is te vaak gebruikt of te makkelijk te raden. Kies een ander.",
     "This password is too common or too easy to guess. Choose another."},
    {"password_unchanged", "Password unchanged",
     "Het nieuwe wachtwoord is gelijk aan het huidige. Kies een ander.",
     "The new password is the same as the current one. Choose another."},
    {"body_too_large", "Body too large", "De gegevens zijn te groot.", "The request body is too large."},
    {"headers_too_large", "Headers too large", "De kopregels van het verzoek zijn te groot.",
     "The request headers are too large."},
    {"bad_request", "Malformed request",
     "Het verzoek is niet volgens het HTTP-protocol opgebouwd en is niet gelezen.",
     "The request does not follow the HTTP protocol and was not read."},
    {"transfer_coding_unsupported", "Transfer coding not supported",
     "Deze Transfer-Encoding wordt niet ondersteund; stuur de gegevens zonder of als chunked.",
     "This Transfer-Encoding is not supported; send the body plain or chunked."},
    {"server_busy", "Server busy", "De server is even te druk. Probeer het over een paar seconden opnieuw.",
     "The server is busy. Please try again in a few seconds."},
    {"storage_full", "Storage full",
     "De opslag van de server is vol; er is niets opgeslagen. Waarschuw de beheerder.",
     "The server's storage is full; nothing was saved. Please tell the administrator."},
    {"duplicate_key", "Duplicate field", "Het veld {0} komt meer dan eens voor.",
     "The field {0} occurs more than once."},
    {"out_of_range", "Value out of range", "De waarde van {0} valt buiten het toegestane bereik.",
     "The value of {0} is outside the allowed range."},
    {"unsupported_media_type", "Unsupported media type",
     "Stuur de gegevens als application/json.", "Send the request body as application/json."},
    {"unauthenticated", "Not logged in", "U bent niet (meer) ingelogd. Log opnieuw in.",
     "You are not logged in (any more). Please log in again."},
    {"invalid_credentials", "Invalid credentials", "E-mailadres of wachtwoord onjuist.",
     "Email address or password incorrect."},
    {"totp_required", "Verification code required",
     "Voer de code uit uw authenticator-app in.", "Enter the code from your authenticator app."},
    {"totp_invalid", "Invalid verification code", "De verificatiecode is onjuist of al gebruikt.",
     "The verification code is wrong or was already used."},
    {"totp_not_started", "Enrolment not started",
     "Start eerst het instellen van tweestapsverificatie.", "Start setting up two-step verification first."},
    {"csrf_invalid", "CSRF token missing or wrong",
     "Het verzoek kon niet worden gecontroleerd. Vernieuw de pagina en probeer het opnieuw.",
     "The request could not be verified. Reload the page and try again."},
    {"forbidden", "Forbidden", "Dit mag u met uw rol niet doen.", "Your role does not allow this."},
    {"password_change_required", "Password change required",
     "Kies eerst een nieuw wachtwoord.", "Choose a new password first."},
    {"totp_enrolment_required", "Two-step verification required",
     "Stel eerst tweestapsverificatie in.", "Set up two-step verification first."},
    {"not_found", "Not found", "Niet gevonden.", "Not found."},
    {"method_not_allowed", "Method not allowed", "Deze methode is hier niet toegestaan.",
     "This method is not allowed here."},
    {"login_throttled", "Too many attempts",
     "Te veel mislukte pogingen. Probeer het over enkele seconden opnieuw.",
     "Too many failed attempts. Try again in a few seconds."},
    {"account_locked", "Account locked",
     "Te veel mislukte pogingen: inloggen is tijdelijk geblokkeerd. Probeer het later opnieuw.",
     "Too many failed attempts: logging in is blocked for a while. Try again later."},
    {"email_taken", "Email address taken", "Dit e-mailadres is al in gebruik.",
     "This email address is already in use."},
    {"own_account", "Own account",
     "U kunt uw eigen account niet uitschakelen en uw eigen rol niet wijzigen; dat doet een andere eigenaar.",
     "You cannot disable your own account or change your own role; another owner can."},
    {"name_taken", "Name taken", "Er is al een vestiging met deze naam.",
     "A location with this name exists already."},
    {"last_open_location", "Last open location",
     "Dit is de laatste open vestiging; open eerst een andere.",
     "This is the last open location; open another one first."},
    {"location_closed", "Location closed",
     "Deze vestiging is gesloten: er komen geen nieuwe cliënten bij.",
     "This location is closed: no new clients can be added or moved there."},
    {"not_recorded_afterwards", "Not recorded afterwards",
     "Dit consult is niet achteraf vastgelegd; er valt niets te bevestigen.",
     "This consult was not recorded afterwards; there is nothing to confirm."},
    {"already_confirmed", "Already confirmed", "Het tijdstip van dit consult is al bevestigd.",
     "The time of this consult has been confirmed already."},
    {"own_consult", "Own consult",
     "Een andere eigenaar dan wie het consult vastlegde moet het tijdstip bevestigen.",
     "An owner other than the one who recorded the consult must confirm its time."},
    {"qualification_missing", "Qualification missing",
     "U heeft op de dag van deze behandeling geen geldige bekwaamheid voor: {1}. De praktijkeigenaar "
     "legt die vast bij Medewerkers; of laat een bevoegde collega ondertekenen.",
     "On the day of this treatment you hold no valid qualification for: {1}. The practice owner "
     "records it under Staff; or let a qualified colleague sign."},
    {"conflict", "Conflict", "Dit botst met een andere wijziging.", "This conflicts with another change."},
    {"key_taken", "Key taken", "Er is al een behandelsoort met deze sleutel.",
     "A treatment type with this key exists already."},
    {"shorter_than_law", "Shorter than the law allows",
     "Een bedenktijd mag niet korter zijn dan de wettelijke: 0, 1 en 7 dagen voor categorie 1, 2 en 3.",
     "A reflection period may not be shorter than the law's: 0, 1 and 7 days for categories 1, 2 and 3."},
    {"client_key_destroyed", "Client data destroyed",
     "De gegevens van deze cliënt zijn vernietigd en niet meer leesbaar.",
     "This client's data was destroyed and can no longer be read."},
    {"sealed_data_unreadable", "Sealed data unreadable",
     "Versleutelde gegevens konden niet worden geopend.", "Encrypted data could not be opened."},
    {"records_refused", "Record keeping refused",
     "De cliënt heeft verslaglegging geweigerd: deze behandeling kan dan niet worden uitgevoerd. "
     "Alleen basisbehandelingen zijn mogelijk.",
     "The client refused record keeping: this treatment cannot be performed. Only basic treatments "
     "are possible."},
    {"records_consent_missing", "Record keeping not asked",
     "Vraag de cliënt eerst of verslaglegging is toegestaan.", "First ask the client whether records may be kept."},
    {"intake_missing", "Intake missing", "Vul eerst de intake (gezondheidsvragenlijst) in.",
     "First complete the intake (health questionnaire)."},
    {"not_cosmetic", "Not a cosmetic procedure",
     "Dit kan alleen bij een cosmetische ingreep (categorie 1, 2 of 3).",
     "This applies to cosmetic procedures (category 1, 2 or 3) only."},
    {"consult_missing", "Decision consult missing", "Leg eerst het besluitvormend consult vast.",
     "First record the decision consult."},
    {"decision_missing", "Decision missing",
     "Leg eerst het besluit van de cliënt vast, na de bedenktijd.",
     "First record the client's decision, after the reflection period."},
    {"reflection_period_not_elapsed", "Reflection period not over",
     "De bedenktijd is nog niet voorbij. Het besluit kan op zijn vroegst worden vastgelegd op {1}.",
     "The reflection period is not over. The decision can be recorded on {1} at the earliest."},
    {"already_decided", "Already decided", "Het besluit na dit consult is al vastgelegd.",
     "The decision after this consult was already recorded."},
    {"consent_missing", "Informed consent missing",
     "Laat de cliënt eerst de geïnformeerde toestemming ondertekenen.",
     "First have the client sign the informed consent."},
    {"confirmation_missing", "Confirmation on the day missing",
     "Laat de cliënt vandaag, op de dag van de ingreep, de toestemming bevestigen.",
     "Have the client confirm their consent today, on the day of the procedure."},
    {"intake_changed", "Intake changed since the consult",
     "De intake is gewijzigd sinds het consult. Bespreek de wijzigingen en vraag opnieuw om "
     "toestemming.",
     "The intake changed since the consult. Discuss the changes and ask for consent again."},
    {"treatment_type_missing", "Treatment type missing", "De behandelsoort bestaat niet meer.",
     "The treatment type no longer exists."},
    {"session_signed", "Session record signed",
     "Dit behandelverslag is ondertekend en kan niet meer worden gewijzigd. Voeg een aanvulling toe.",
     "This session record is signed and can no longer be changed. Add an addendum."},
    {"session_draft", "Session record not signed",
     "Dit verslag is nog een concept: wijzig het zelf, een aanvulling is voor ondertekende verslagen.",
     "This record is still a draft: edit it; addenda are for signed records."},
    {"batch_missing", "Batch numbers missing",
     "Permanente make-up: leg de batchnummers van het pigment en van de naald vast.",
     "Permanent make-up: record the batch numbers of the pigment and of the needle."},
    {"device_missing", "Device missing", "Leg de gebruikte apparatuur vast.", "Record the device used."},
    {"photos_refused", "Photos refused", "De cliënt wil geen foto's: er kunnen geen foto's worden opgeslagen.",
     "The client refused photos: no photos can be stored."},
    {"photos_own", "Client keeps own photos",
     "De cliënt maakt en bewaart zelf foto's; de verantwoordelijkheid ligt bij de cliënt.",
     "The client takes and keeps their own photos; the responsibility lies with the client."},
    {"photo_type_unsupported", "Not a supported photo",
     "Dit is geen JPEG-, PNG-, WebP- of HEIC-foto.", "This is not a JPEG, PNG, WebP or HEIC photo."},
    {"photo_too_large", "Photo too large", "De foto is te groot.", "The photo is too large."},
    {"photo_too_many_pixels", "Photo has too many pixels", "De foto heeft te veel pixels.",
     "The photo has too many pixels."},
    {"photo_corrupt", "Photo damaged", "De foto is beschadigd of onvolledig en kan niet worden gelezen.",
     "The photo is damaged or incomplete and cannot be read."},
    {"internal", "Internal error", "Er ging iets mis aan onze kant. Probeer het opnieuw.",
     "Something went wrong on our side. Please try again."},
};

// Field names as the screens call them.
struct FieldLabel {
  std::string_view field, nl, en;
};
constexpr FieldLabel kFieldLabels[] = {
    {"given_name", "voornaam", "given name"},
    {"name_prefix", "tussenvoegsel", "name prefix"},
    {"family_name", "achternaam", "family name"},
    {"date_of_birth", "geboortedatum", "date of birth"},
    {"phone", "telefoonnummer", "phone number"},
    {"email", "e-mailadres", "email address"},
    {"location", "vestiging", "location"},
    {"records_consent", "verslaglegging", "record keeping"},
    {"photo_preference", "foto's", "photos"},
    {"current_password", "huidig wachtwoord", "current password"},
    {"new_password", "nieuw wachtwoord", "new password"},
    {"goal", "doel", "goal"},
    {"expected_result", "verwacht resultaat", "expected result"},
    {"risks", "risico's en bijwerkingen", "risks and side effects"},
    {"planned_sessions", "aantal behandelingen", "number of sessions"},
    {"intake_reviewed", "intake besproken", "intake reviewed"},
    {"treatment_type", "soort behandeling", "treatment type"},
    {"at", "tijdstip", "time"},
    {"leaflet_version", "versie van de folder", "leaflet version"},
    {"proposed", "voorgestelde behandeling", "proposed treatment"},
    {"text", "informatietekst", "information text"},
    {"signature", "handtekening", "signature"},
    {"phase", "fase", "phase"},
    {"area", "behandelgebied", "body area"},
    {"reason", "reden", "reason"},
};

std::string Label(std::string_view field, Lang lang) {
  for (const auto& l : kFieldLabels)
    if (l.field == field) return std::string(lang == Lang::kEn ? l.en : l.nl);
  return std::string(field);
}

std::string LocalDate(std::string_view iso, Lang lang) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  if (lang == Lang::kEn) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "-" + std::string(iso.substr(5, 2)) + "-" + std::string(iso.substr(0, 4));
}

}  // namespace

std::string QualificationLabels(std::string_view codes, Lang lang) {
  static constexpr std::array<std::array<std::string_view, 3>, 6> kLabels{{
      {"beauty_specialist", "diploma schoonheidsspecialist", "beauty specialist diploma"},
      {"ipl_laser_certificate", "certificaat IPL en laser", "IPL and laser certificate"},
      {"electrolysis_certificate", "certificaat elektrisch ontharen", "electrolysis certificate"},
      {"pmu_licence", "vergunning permanente make-up", "permanent make-up licence"},
      {"physician", "BIG-registratie als arts", "BIG registration as a physician"},
      {"surgeon", "BIG-registratie als chirurg", "BIG registration as a surgeon"},
  }};
  std::string out;
  for (std::size_t start = 0; start < codes.size();) {
    const auto end = std::min(codes.find(',', start), codes.size());
    const auto code = codes.substr(start, end - start);
    std::string label(code);  // a practice's own code as it is
    for (const auto& l : kLabels)
      if (l[0] == code) label = std::string(lang == Lang::kEn ? l[2] : l[1]);
    out += (out.empty() ? "" : ", ") + label;
    start = end + 1;
  }
  return out;
}

Lang PickLanguage(std::string_view header) {
  double nl = -1, en = -1;
  std::size_t pos = 0, order = 0;
  while (pos <= header.size()) {
    auto end = header.find(',', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(pos, end - pos);
    pos = end + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    double q = 1.0 - 0.0001 * static_cast<double>(order++);  // earlier wins on equal q
    if (auto semi = item.find(";q="); semi != std::string_view::npos) {
      q = std::atof(std::string(item.substr(semi + 3)).c_str()) - 0.0001 * static_cast<double>(order);
      item = item.substr(0, semi);
    }
    const auto lang = item.substr(0, 2);
    if ((lang == "nl" || lang == "NL") && q > nl) nl = q;
    if ((lang == "en" || lang == "EN") && q > en) en = q;
  }
  return en > nl ? Lang::kEn : Lang::kNl;
}

ProblemText MessageFor(std::string_view code, std::string_view field, Lang lang, std::string_view date) {
  for (const auto& m : kMessages) {
    if (m.code != code) continue;
    const auto text = lang == Lang::kEn ? m.en : m.nl;
    return {std::string(m.title), fmt::format(fmt::runtime(text), Label(field, lang), LocalDate(date, lang))};
  }
  // A code without its own text: the general one of its kind.
  return lang == Lang::kEn ? ProblemText{std::string(code), "The request was refused."}
                           : ProblemText{std::string(code), "Het verzoek is geweigerd."};
}

}  // namespace huidig::http
