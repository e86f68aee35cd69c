#pragma once
// Between Beast's messages and the server's own HttpRequest/HttpResponse, and the framing
// rules of RFC 9112 that are checked on the headers before a body is read.

#include <boost/beast/http.hpp>

#include <string>
#include <string_view>

#include "http/http_types.hpp"

namespace huidig::http {

namespace bhttp = boost::beast::http;

// ASCII lower case (header names, tokens).
std::string Lower(std::string_view s);

// The request line and headers; the body comes later.
HttpRequest FromBeast(const bhttp::request_header<>& in, std::string remote, bool tls);
bhttp::response<bhttp::string_body> ToBeast(HttpResponse&& in, unsigned version, bool keep_alive);
// The problem code for a request whose framing must be refused (400 or 501), or empty.
std::string_view FramingProblem(const bhttp::request_header<>& h);

}  // namespace huidig::http
