#pragma once
// The only place where an Error becomes an HTTP status and an RFC 9457 problem+json body.

#include "common/result.hpp"
#include "http/http_types.hpp"
#include "http/messages.hpp"

namespace huidig::http {

int StatusFor(const Error& error);
// The Error of a refusal the server makes itself (Application::Refusal's codes).
Error ServerRefusal(std::string_view code);
HttpResponse ProblemResponse(const Error& error, Lang lang);

}  // namespace huidig::http
