#include "domain/client_history.hpp"

#include <array>
#include <utility>

#include "domain/record_codec.hpp"

namespace huidig::domain {
namespace {

using Text = std::optional<std::string>;

template <class E>
Text Name(const std::optional<E>& v) {
  return v ? Text(std::string(ToString(*v))) : std::nullopt;
}

// Every field as text, in the API's order.
std::array<std::pair<const char*, Text>, 9> Fields(const Client& c, bool blank) {
  if (blank) return {{{"given_name", {}}, {"name_prefix", {}}, {"family_name", {}}, {"date_of_birth", {}},
                      {"phone", {}}, {"email", {}}, {"location", {}}, {"records_consent", {}},
                      {"photo_preference", {}}}};
  return {{{"given_name", c.given_name},
           {"name_prefix", c.name_prefix},
           {"family_name", c.family_name},
           {"date_of_birth", FormatDate(c.date_of_birth)},
           {"phone", c.phone},
           {"email", c.email},
           {"location", c.location.value},
           {"records_consent", Name(c.records_consent)},
           {"photo_preference", Name(c.photo_preference)}}};
}

}  // namespace

std::vector<ClientFieldChange> DiffClients(const Client& before, const Client& after) {
  const bool creating = before.given_name.empty() && before.family_name.empty();
  const auto a = Fields(before, creating), b = Fields(after, false);
  std::vector<ClientFieldChange> out;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].second != b[i].second) out.push_back({a[i].first, a[i].second, b[i].second});
  return out;
}

std::string FieldNames(const std::vector<ClientFieldChange>& changes) {
  std::string out;
  for (const auto& c : changes) out += (out.empty() ? "" : ",") + c.field;
  return out;
}

// "fields" lists the names in order; "NAME<" and "NAME>" hold the values that are set.
std::string EncodeClientChanges(const std::vector<ClientFieldChange>& changes) {
  RecordFields fields{{"fields", FieldNames(changes)}};
  for (const auto& c : changes) {
    if (c.from) fields.emplace_back(c.field + "<", *c.from);
    if (c.to) fields.emplace_back(c.field + ">", *c.to);
  }
  return EncodeRecord("client-change", fields);
}

std::optional<std::vector<ClientFieldChange>> DecodeClientChanges(std::string_view text) {
  const auto fields = DecodeRecord("client-change", text);
  if (!fields || !fields->count("fields")) return std::nullopt;
  const auto value = [&](const std::string& key) -> Text {
    const auto it = fields->find(key);
    return it == fields->end() ? std::nullopt : Text(it->second);
  };
  std::vector<ClientFieldChange> out;
  const std::string& names = fields->at("fields");
  for (std::size_t start = 0; start < names.size();) {
    const auto end = std::min(names.find(',', start), names.size());
    const std::string name = names.substr(start, end - start);
    out.push_back({name, value(name + "<"), value(name + ">")});
    start = end + 1;
  }
  return out;
}

bool IsDossierField(std::string_view field) {
  return field == "records_consent" || field == "photo_preference";
}

}  // namespace huidig::domain
