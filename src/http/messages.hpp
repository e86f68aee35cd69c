#pragma once
// The message catalogue of the API's error texts, Dutch first and English second.

#include <string>
#include <string_view>

namespace huidig::http {

enum class Lang { kNl, kEn };

// From an Accept-Language header: English only when preferred over Dutch.
Lang PickLanguage(std::string_view accept_language);

struct ProblemText {
  std::string title;   // English, stable (RFC 9457 title)
  std::string detail;  // in the chosen language, naming the field where there is one
};

// `field` is the API's field name; the text names it as the form does ("voornaam").
// `date` (YYYY-MM-DD, may be empty) is shown in the language's format where the text has one.
// Qualification codes (comma-separated) as the practitioner reads them: "BIG-registratie als arts".
std::string QualificationLabels(std::string_view codes, Lang lang);

ProblemText MessageFor(std::string_view code, std::string_view field, Lang lang,
                       std::string_view date = {});

}  // namespace huidig::http
