#pragma once
// What an area's handlers are made of. A handler reads its request into a typed struct
// (json_read.hpp), calls one service and returns the answer as a Result: the API turns an
// Error into problem+json in one place (error_mapping.cpp). Response bodies are made by
// Boost.JSON's value_from from each area's tag_invoke mappings; a view whose JSON depends on
// the caller's language is mapped as Localized<View>.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "common/result.hpp"
#include "http/application.hpp"
#include "http/http_types.hpp"
#include "http/messages.hpp"
#include "http/router.hpp"
#include "service/auth_service.hpp"

namespace huidig::http {

// One request as a handler sees it.
struct Call {
  const HttpRequest& req;
  const PathParams& params;
  const service::Caller* caller;  // null on public routes
  Lang lang;

  const domain::Actor& actor() const { return caller->actor; }
  // A path parameter of the route's template ("{id}").
  const std::string& Param(std::string_view name) const { return params.find(name)->second; }
  // A path parameter as the id of one kind (as sent: the service checks its form).
  template <class IdT>
  IdT ParamId(std::string_view name) const {
    return IdT{Param(name)};
  }
};

using Handler = std::function<Result<HttpResponse>(const Call&)>;

enum class Access {
  kPublic,        // no session
  kRestrictedOk,  // a session that must still change its password or enrol a second factor
  kFull,          // a session with nothing outstanding
};

struct Route {
  Access access = Access::kFull;
  Handler handler;
  Work work = Work::kInline;  // kUpload: the body is an image, not JSON
};

// Where each area registers its routes.
class Routes {
 public:
  void Add(std::string method, std::string pattern, Access access, Handler handler,
           Work work = Work::kInline) {
    router_.Add(std::move(method), std::move(pattern), Route{access, std::move(handler), work});
  }
  const Router<Route>& router() const { return router_; }

 private:
  Router<Route> router_;
};

// A view in the caller's language (names of treatment types).
template <class T>
struct Localized {
  const T& value;
  Lang lang;
};

HttpResponse Json(int status, const boost::json::value& body);
HttpResponse NoContent();

// The JSON of a view, localized where its mapping asks for a language.
template <class T>
boost::json::value ToJson(const T& v, Lang lang) {
  if constexpr (requires(boost::json::value& jv) { tag_invoke(boost::json::value_from_tag{}, jv, Localized<T>{v, lang}); })
    return boost::json::value_from(Localized<T>{v, lang});
  else
    return boost::json::value_from(v);
}

// A list answer: {"items": [...]}.
template <class T>
boost::json::value Items(const std::vector<T>& all, Lang lang) {
  boost::json::array items;
  items.reserve(all.size());
  for (const auto& v : all) items.push_back(ToJson(v, lang));
  return boost::json::object{{"items", std::move(items)}};
}

// A service's answer as `status` with the view's JSON, or its error.
template <class T>
Result<HttpResponse> Answer(const Result<T>& r, Lang lang, int status = 200) {
  if (!r) return Fail(r.error());
  return Json(status, ToJson(*r, lang));
}
template <class T>
Result<HttpResponse> AnswerItems(const Result<std::vector<T>>& r, Lang lang) {
  if (!r) return Fail(r.error());
  return Json(200, Items(*r, lang));
}
// An id as text, strong or plain.
inline std::string_view IdText(std::string_view id) { return id; }
template <class Tag>
std::string_view IdText(const Id<Tag>& id) {
  return id.value;
}
// 201 with the new resource's address.
template <class T, class IdOf>
Result<HttpResponse> Created(const Result<T>& r, Lang lang, std::string_view collection, IdOf&& id_of) {
  if (!r) return Fail(r.error());
  auto res = Json(201, ToJson(*r, lang));
  res.Set("Location", std::string(collection) + "/" + std::string(IdText(id_of(*r))));
  return res;
}

// null for an absent optional, else the value's JSON.
template <class T>
boost::json::value Nullable(const std::optional<T>& v) {
  return v ? boost::json::value_from(*v) : boost::json::value(nullptr);
}

// Query parameters, each read once by name; an unknown one is refused (invalid_query).
class QueryReader {
 public:
  explicit QueryReader(const HttpRequest& req) : req_(req) {}
  // Text of valid UTF-8 (invalid_utf8) up to `max_bytes` (invalid_query).
  QueryReader& Text(std::string_view name, std::optional<std::string>& target, std::size_t max_bytes = 200);
  QueryReader& Int(std::string_view name, std::optional<int>& target, int min, int max);
  template <class T>
  Result<T> Done(T value) {
    Finish();
    if (error_) return Fail(std::move(*error_));
    return value;
  }

 private:
  void Finish();
  const HttpRequest& req_;
  std::vector<std::string_view> known_;
  std::optional<Error> error_;
};

}  // namespace huidig::http
