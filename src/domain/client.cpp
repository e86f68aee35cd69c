#include "domain/client.hpp"
#include "domain/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "common/utf8.hpp"

namespace huidig::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

std::string Trim(std::string_view s) {
  const auto* ws = " \t\r\n";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

// A text field: trimmed, not empty when required, no control characters, within max.
Result<std::string> Text(const std::string& raw, std::string_view field, std::size_t max) {
  std::string v = Trim(raw);
  if (auto ok = CheckText(v, field, RequiredLine(max)); !ok) return Fail(ok.error());
  return v;
}

// An optional text field: blank means absent.
Result<std::optional<std::string>> OptionalText(const std::optional<std::string>& raw,
                                                std::string_view field, std::size_t max) {
  if (!raw || Trim(*raw).empty()) return std::optional<std::string>();
  auto v = Text(*raw, field, max);
  if (!v) return tl::unexpected(v.error());
  return std::optional<std::string>(std::move(*v));
}

bool ValidEmail(std::string_view e) {
  const auto at = e.find('@');
  if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos)
    return false;
  const auto domain = e.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  return std::none_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' '; });
}

bool ValidPhone(std::string_view p) {
  int digits = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c >= '0' && c <= '9') ++digits;
    else if (c == '+' ? i != 0 : std::string_view(" -().").find(c) == std::string_view::npos)
      return false;
  }
  return digits >= 6 && digits <= 15;
}

// Latin letters with diacritics, folded to their base letter (UTF-8 two-byte forms).
char FoldTwoByte(unsigned char a, unsigned char b) {
  const unsigned cp = ((a & 0x1Fu) << 6) | (b & 0x3Fu);
  static constexpr std::string_view kLatin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  static constexpr std::string_view kExtA =  // U+0100..U+017F
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
      "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (cp >= 0x100 && cp <= 0x17F) return kExtA[cp - 0x100];
  return 0;
}

}  // namespace

std::string_view ToString(RecordsConsent v) {
  return v == RecordsConsent::kGiven ? "given" : "refused";
}
std::string_view ToString(PhotoPreference v) {
  switch (v) {
    case PhotoPreference::kAllowed: return "allowed";
    case PhotoPreference::kRefused: return "refused";
    case PhotoPreference::kOwn: return "own";
  }
  return "refused";
}
std::optional<RecordsConsent> ParseRecordsConsent(std::string_view s) {
  if (s == "given") return RecordsConsent::kGiven;
  if (s == "refused") return RecordsConsent::kRefused;
  return std::nullopt;
}
std::optional<PhotoPreference> ParsePhotoPreference(std::string_view s) {
  if (s == "allowed") return PhotoPreference::kAllowed;
  if (s == "refused") return PhotoPreference::kRefused;
  if (s == "own") return PhotoPreference::kOwn;
  return std::nullopt;
}

std::string FormatDate(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                unsigned(d.day()));
  return buf;
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const Date d{year(num(0, 4)), month(unsigned(num(5, 2))), day(unsigned(num(8, 2)))};
  if (!d.ok()) return std::nullopt;
  return d;
}

Result<Client> ApplyClientChanges(Client c, const ClientChanges& ch, bool creating, Date today,
                                  const Actor& actor) {
  // Field-level access: dossier choices are not the front desk's (role table).
  if (ch.records_consent && !actor.May(Permission::kClientDossier))
    return Invalid("field_not_allowed", "records_consent", "R-SEC-2");
  if (ch.photo_preference && !actor.May(Permission::kClientDossier))
    return Invalid("field_not_allowed", "photo_preference", "R-SEC-2");

  if (creating && !ch.given_name) return Invalid("required", "given_name");
  if (ch.given_name) {
    auto v = Text(*ch.given_name, "given_name", 100);
    if (!v) return tl::unexpected(v.error());
    c.given_name = std::move(*v);
  }
  if (ch.name_prefix) {
    auto v = OptionalText(*ch.name_prefix, "name_prefix", 20);
    if (!v) return tl::unexpected(v.error());
    if (*v && std::any_of((*v)->begin(), (*v)->end(), [](unsigned char ch) {
          return std::isdigit(ch) || std::string_view("@/\\:;,").find(char(ch)) != std::string_view::npos;
        }))
      return Invalid("invalid_value", "name_prefix");
    c.name_prefix = std::move(*v);
  }
  if (creating && !ch.family_name) return Invalid("required", "family_name");
  if (ch.family_name) {
    auto v = Text(*ch.family_name, "family_name", 100);
    if (!v) return tl::unexpected(v.error());
    c.family_name = std::move(*v);
  }
  if (creating && !ch.date_of_birth) return Invalid("required", "date_of_birth");
  if (ch.date_of_birth) {
    const auto d = ParseIsoDate(*ch.date_of_birth);
    if (!d) return Invalid("invalid_value", "date_of_birth");
    if (*d > today || *d < Date{year(1900), month(1), day(1)})
      return Invalid("invalid_value", "date_of_birth");
    c.date_of_birth = *d;
  }
  if (ch.phone) {
    auto v = OptionalText(*ch.phone, "phone", 32);
    if (!v) return tl::unexpected(v.error());
    if (*v && !ValidPhone(**v)) return Invalid("invalid_value", "phone");
    c.phone = std::move(*v);
  }
  if (ch.email) {
    auto v = OptionalText(*ch.email, "email", 254);
    if (!v) return tl::unexpected(v.error());
    if (*v && !ValidEmail(**v)) return Invalid("invalid_value", "email");
    c.email = std::move(*v);
  }
  if (ch.records_consent) {
    if (!*ch.records_consent) {
      c.records_consent.reset();
    } else if (auto v = ParseRecordsConsent(**ch.records_consent)) {
      c.records_consent = *v;
    } else {
      return Invalid("invalid_value", "records_consent", "R-DOS-1");
    }
  }
  if (ch.photo_preference) {
    if (!*ch.photo_preference) {
      c.photo_preference.reset();
    } else if (auto v = ParsePhotoPreference(**ch.photo_preference)) {
      c.photo_preference = *v;
    } else {
      return Invalid("invalid_value", "photo_preference", "R-DOS-2");
    }
  }
  return c;
}

std::string FoldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
      else if (c == '\'' || c == '-' || c == ' ' || c == '.') out += ' ';
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      const auto b = static_cast<unsigned char>(text[i + 1]);
      const unsigned cp = ((c & 0x1Fu) << 6) | (b & 0x3Fu);
      if (cp == 0xDF) out += "ss";
      else if (cp == 0xE6 || cp == 0xC6) out += "ae";
      else if (cp == 0x132 || cp == 0x133) out += "ij";
      else if (cp == 0x152 || cp == 0x153) out += "oe";
      else if (const char f = FoldTwoByte(c, b); f && f != '*' && f != '/') out += f;
      else if (!f) out.append(text.substr(i, 2));  // another script: kept as is
      ++i;
      continue;
    }
    // Other scripts are kept as they are, lower-casing left to the exact bytes.
    out += static_cast<char>(c);
  }
  // Collapse runs of spaces.
  std::string collapsed;
  for (char ch : out) {
    if (ch == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += ch;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::string SortKey(const Client& c) {
  // Dutch practice: the tussenvoegsel does not count for sorting ("de Vries" under V).
  return FoldForSearch(c.family_name) + '\x1f' + FoldForSearch(c.given_name) + '\x1f' +
         FoldForSearch(c.name_prefix.value_or(""));
}

std::string SearchText(const Client& c) {
  std::string s = FoldForSearch(c.given_name);
  if (c.name_prefix) s += ' ' + FoldForSearch(*c.name_prefix);
  s += ' ' + FoldForSearch(c.family_name);
  return s;
}

std::string PhoneDigits(std::string_view phone) {
  std::string d;
  for (char c : phone)
    if (c >= '0' && c <= '9') d += c;
  const auto t = Trim(phone);
  if (!t.empty() && t[0] == '+' && d.rfind("31", 0) == 0) d = "0" + d.substr(2);
  else if (d.rfind("0031", 0) == 0) d = "0" + d.substr(4);
  return d;
}

ClientQuery ParseClientQuery(std::string_view raw) {
  const std::string q = Trim(raw);
  ClientQuery out;
  if (q.empty()) return out;
  if (auto d = ParseIsoDate(q)) {
    out.kind = ClientQuery::Kind::kDateOfBirth;
    out.value = FormatDate(*d);
    return out;
  }
  // Dutch notation: 12-4-1985, 12/04/1985, 12.04.1985.
  int dd, mm, yy, n = 0;
  char s1, s2;
  if (std::sscanf(q.c_str(), "%2d%c%2d%c%4d%n", &dd, &s1, &mm, &s2, &yy, &n) == 5 &&
      n == static_cast<int>(q.size()) && s1 == s2 && (s1 == '-' || s1 == '/' || s1 == '.') &&
      yy >= 1000) {
    const Date d{year(yy), month(unsigned(mm)), day(unsigned(dd))};
    if (d.ok()) {
      out.kind = ClientQuery::Kind::kDateOfBirth;
      out.value = FormatDate(d);
      return out;
    }
  }
  const std::string digits = PhoneDigits(q);
  const bool phone_like = std::all_of(q.begin(), q.end(), [](unsigned char c) {
    return std::isdigit(c) || std::string_view(" +-().").find(char(c)) != std::string_view::npos;
  });
  if (phone_like && digits.size() >= 4) {
    out.kind = ClientQuery::Kind::kPhone;
    out.value = digits;
    return out;
  }
  out.kind = ClientQuery::Kind::kName;
  std::string folded = FoldForSearch(q);
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const auto next = folded.find(' ', pos);
    const auto w = folded.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    if (!w.empty()) out.words.push_back(w);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  if (out.words.empty()) out.kind = ClientQuery::Kind::kAll;
  return out;
}

bool MatchesNameWords(const std::string& text, const std::vector<std::string>& words) {
  const std::string padded = ' ' + text;
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
    return padded.find(' ' + w) != std::string::npos;  // each word starts a name part
  });
}

}  // namespace huidig::domain
