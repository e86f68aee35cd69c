// Logging in and out, the signed-in user, the password and the second factor (R-SEC-1).

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::service {

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const Me& me) {
  jv = {{"id", boost::json::value_from(me.id)},
        {"email", me.email},
        {"display_name", me.display_name},
        {"role", std::string(domain::RoleName(me.role))},
        {"practice", boost::json::value_from(me.practice)},
        {"locations", boost::json::value_from(me.locations)},
        {"totp_enabled", me.totp_enabled},
        {"password_change_required", me.password_change_required},
        {"totp_enrolment_required", me.totp_enrolment_required},
        {"csrf_token", me.csrf_token}};
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const TotpEnrolment& e) {
  jv = {{"secret", e.secret_base32}, {"otpauth_uri", e.otpauth_uri}, {"qr_svg", e.qr_svg}};
}

}  // namespace huidig::service

namespace huidig::http {
namespace {

namespace json = boost::json;

struct LoginBody {
  std::string email;
  std::string password;
  std::optional<std::string> totp_code;
};

Result<LoginBody> tag_invoke(ReadTag<LoginBody>, const json::value& v, const std::string& path) {
  LoginBody b;
  return ObjectReader(v, path, {"email", "password", "totp_code"})
      .Required("email", b.email)
      .Required("password", b.password)
      .Optional("totp_code", b.totp_code)
      .Done(std::move(b));
}

struct PasswordChangeBody {
  std::string current_password;
  std::string new_password;
};

Result<PasswordChangeBody> tag_invoke(ReadTag<PasswordChangeBody>, const json::value& v, const std::string& path) {
  PasswordChangeBody b;
  return ObjectReader(v, path, {"current_password", "new_password"})
      .Required("current_password", b.current_password)
      .Required("new_password", b.new_password)
      .Done(std::move(b));
}

// The first enrolment after a login needs no body; moving the factor asks the password.
struct TotpStartBody {
  std::optional<std::string> password;
};

Result<TotpStartBody> tag_invoke(ReadTag<TotpStartBody>, const json::value& v, const std::string& path) {
  TotpStartBody b;
  return ObjectReader(v, path, {"password"}).Optional("password", b.password).Done(std::move(b));
}

struct TotpConfirmBody {
  std::string code;
};

Result<TotpConfirmBody> tag_invoke(ReadTag<TotpConfirmBody>, const json::value& v, const std::string& path) {
  TotpConfirmBody b;
  return ObjectReader(v, path, {"code"}).Required("code", b.code).Done(std::move(b));
}

std::string CookieAttributes(bool tls) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (tls ? "; Secure" : "");
}

}  // namespace

std::string LoginSessionCookieName(bool tls) { return tls ? "__Host-huidig_session" : "huidig_session"; }

void AddAuthRoutes(Routes& routes, service::AuthService& auth, bool tls) {
  routes.Add("POST", "/api/v1/login", Access::kPublic, [&auth, tls](const Call& c) -> Result<HttpResponse> {
    auto body = ReadBody<LoginBody>(c.req.body);
    if (!body) return Fail(body.error());
    auto r = auth.Login({body->email, body->password, body->totp_code, c.req.remote_addr});
    if (!r) return Fail(r.error());
    auto res = Json(200, {{"csrf_token", r->me.csrf_token}, {"user", json::value_from(r->me)}});
    res.Set("Set-Cookie", LoginSessionCookieName(tls) + "=" + r->session_token + CookieAttributes(tls));
    return res;
  }, Work::kPasswordHash);

  routes.Add("POST", "/api/v1/logout", Access::kRestrictedOk, [&auth, tls](const Call& c) -> Result<HttpResponse> {
    auth.Logout(*c.caller);
    auto res = NoContent();
    res.Set("Set-Cookie", LoginSessionCookieName(tls) + "=; Max-Age=0" + CookieAttributes(tls));
    return res;
  });

  routes.Add("GET", "/api/v1/me", Access::kRestrictedOk,
             [&auth](const Call& c) { return Answer(auth.GetMe(*c.caller), c.lang); });

  routes.Add("POST", "/api/v1/me/password", Access::kRestrictedOk, [&auth](const Call& c) -> Result<HttpResponse> {
    auto body = ReadBody<PasswordChangeBody>(c.req.body);
    if (!body) return Fail(body.error());
    if (auto ok = auth.ChangePassword(*c.caller, body->current_password, body->new_password); !ok)
      return Fail(ok.error());
    return NoContent();
  }, Work::kPasswordHash);

  routes.Add("POST", "/api/v1/me/totp", Access::kRestrictedOk, [&auth](const Call& c) -> Result<HttpResponse> {
    auto body = ReadOptionalBody<TotpStartBody>(c.req.body);
    if (!body) return Fail(body.error());
    return Answer(auth.StartTotpEnrolment(*c.caller, body->password), c.lang);
  }, Work::kPasswordHash);

  routes.Add("POST", "/api/v1/me/totp/confirm", Access::kRestrictedOk, [&auth](const Call& c) -> Result<HttpResponse> {
    auto body = ReadBody<TotpConfirmBody>(c.req.body);
    if (!body) return Fail(body.error());
    return Answer(auth.ConfirmTotpEnrolment(*c.caller, body->code), c.lang);
  });
}

}  // namespace huidig::http
