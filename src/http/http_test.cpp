// HTTP layer without sockets: errors, strict JSON, languages, routing and the app's files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/fake_clock.hpp"
#include "crypto/crypto.hpp"
#include "http/api.hpp"
#include "http/error_mapping.hpp"
#include "http/json_body.hpp"
#include "http/json_read.hpp"
#include "http/router.hpp"
#include "service/setup_service.hpp"
#include "testing/engines.hpp"

namespace huidig::http {
namespace {

namespace fs = std::filesystem;

TEST(ErrorMappingTest, RSec4ProblemJsonNamesCodeFieldAndLanguage) {
  RecordProperty("rule", "R-SEC-4");
  const auto nl = ProblemResponse(Invalid("required", "given_name").value(), Lang::kNl);
  EXPECT_EQ(nl.status, 422);
  EXPECT_EQ(nl.Header("Content-Type"), "application/problem+json");
  EXPECT_NE(nl.body.find(R"("code":"required")"), std::string::npos);
  EXPECT_NE(nl.body.find(R"("field":"given_name")"), std::string::npos);
  EXPECT_NE(nl.body.find("Het veld voornaam is verplicht"), std::string::npos);
  const auto early = ProblemResponse(
      Error{Errc::kFailedPrecondition, "reflection_period_not_elapsed", {}, "R-CONSENT-2", {}}.With(
          "earliest", std::string("2026-11-24")),
      Lang::kNl);
  EXPECT_NE(early.body.find("op zijn vroegst worden vastgelegd op 24-11-2026"), std::string::npos);
  EXPECT_NE(early.body.find(R"("earliest":"2026-11-24")"), std::string::npos);
  const auto en = ProblemResponse(Invalid("required", "given_name").value(), Lang::kEn);
  EXPECT_NE(en.body.find("is required"), std::string::npos);
  const auto locked = ProblemResponse(
      Error{Errc::kResourceExhausted, "account_locked", {}, "R-SEC-1", {}}.With("retry_after", 900LL),
      Lang::kNl);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.Header("Retry-After"), "900");
  EXPECT_EQ(StatusFor(Invalid("unknown_field", "bsn").value()), 400);
  EXPECT_EQ(StatusFor(NotFound().value()), 404);
}

TEST(MessagesTest, DutchUnlessEnglishIsPreferred) {
  EXPECT_EQ(PickLanguage(""), Lang::kNl);
  EXPECT_EQ(PickLanguage("en-GB,en;q=0.9"), Lang::kEn);
  EXPECT_EQ(PickLanguage("nl-NL,nl;q=0.9,en;q=0.8"), Lang::kNl);
  EXPECT_EQ(PickLanguage("de-DE,en;q=0.5"), Lang::kEn);
  EXPECT_EQ(PickLanguage("fr"), Lang::kNl);
}

TEST(JsonBodyTest, RSec4StrictObjectsWithNamedFields) {
  RecordProperty("rule", "R-SEC-4");
  EXPECT_EQ(ParseObject("").error().code, "malformed_json");
  EXPECT_EQ(ParseObject("[1]").error().code, "malformed_json");
  EXPECT_EQ(ParseObject("{\"a\":").error().code, "malformed_json");
  EXPECT_EQ(ParseObject("{\"a\":\"\xff\"}").error().code, "invalid_utf8");
  std::string deep(100, '[');
  EXPECT_EQ(ParseObject("{\"a\":" + deep + "}").error().code, "malformed_json");
  EXPECT_EQ(ParseObject(R"({"a":1,"a":2})").error().field, "a");
  auto obj = ParseObject(R"({"name":"Zoë","age":3,"flag":true,"gone":null,"big":4294967297,"sig":{"kind":1}})");
  ASSERT_TRUE(obj);
  const boost::json::value v(*obj);
  EXPECT_EQ(ObjectReader(v, "", {"name", "age", "flag"}).Done(0).error().field, "gone");
  const std::initializer_list<std::string_view> all{"name", "age", "flag", "gone", "big", "sig"};
  std::string name;
  std::optional<bool> flag;
  std::optional<std::optional<std::string>> gone;
  int age = 0;
  ASSERT_TRUE(ObjectReader(v, "", all)
                  .Required("name", name)
                  .Optional("flag", flag)
                  .Nullable("gone", gone)
                  .Optional("age", age)
                  .Done(0));
  EXPECT_EQ(name, "Zoë");
  EXPECT_EQ(flag, true);
  ASSERT_TRUE(gone);
  EXPECT_FALSE(*gone);
  EXPECT_EQ(age, 3);
  std::string wrong;
  EXPECT_EQ(ObjectReader(v, "", all).Optional("age", wrong).Done(0).error().code, "wrong_type");
  EXPECT_EQ(ObjectReader(v, "", all).Required("missing", wrong).Done(0).error().code, "required");
  int big = 0;
  auto out = ObjectReader(v, "", all).Optional("big", big).Done(0);
  EXPECT_EQ(out.error().code, "out_of_range");
  EXPECT_EQ(big, 0) << "a number out of range is refused, never cut to fit";
  // Nested members are named by their path.
  const auto* sig = v.as_object().if_contains("sig");
  std::string kind;
  auto nested = ObjectReader(*sig, "signature", {"kind"}).Optional("kind", kind).Done(0);
  EXPECT_EQ(nested.error().field, "signature.kind");
}

TEST(RouterTest, MatchesTemplatesAndKnowsAllowedMethods) {
  Router<int> r;
  r.Add("GET", "/api/v1/clients/{id}", 1);
  r.Add("PATCH", "/api/v1/clients/{id}", 2);
  auto m = r.Find("PATCH", "/api/v1/clients/abc");
  ASSERT_TRUE(m.handler);
  EXPECT_EQ(*m.handler, 2);
  EXPECT_EQ(m.params.at("id"), "abc");
  auto wrong = r.Find("DELETE", "/api/v1/clients/abc");
  EXPECT_FALSE(wrong.handler);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_EQ(wrong.allowed.size(), 2u);
  EXPECT_FALSE(r.Find("GET", "/api/v1/clients/abc/x").path_known);
}

class ApiTest : public ::testing::Test {
 protected:
  ApiTest()
      : clock_(FromMicros(1'795'000'000'000'000)),
        master_(crypto::MasterKey::FromKey(crypto::Key::Random())),
        hasher_({19, 2}),
        db_(testing::OpenTestDatabase("sqlite")),
        ctx_{*db_->db, clock_, master_, hasher_, audit_, {}},
        auth_(ctx_),
        clients_(ctx_),
        catalogue_(ctx_),
        intake_(ctx_),
        trajectories_(ctx_),
        sessions_(ctx_),
        photo_files_(media::MakeFileBlobStore(db_->dir / "photos")),
        photos_(ctx_, *photo_files_, media::IntakeLimits{}),
        practice_(ctx_),
        staff_(ctx_),
        qualifications_(ctx_) {
    web_ = db_->dir / "web";
    fs::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html") << "<!doctype html><title>Huidig</title>";
    std::ofstream(web_ / "assets" / "app-1234.js") << "console.log('huidig')";
    std::ofstream(web_ / "assets" / "app-1234.js.gz") << "GZIPPED";
    std::ofstream(db_->dir / "secret.txt") << "secret";
  }
  HttpResponse Get(const std::string& path, std::string encoding = "") {
    Api api({auth_, clients_, catalogue_, intake_, trajectories_, sessions_, photos_, practice_, staff_, qualifications_}, {false, web_});
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    if (!encoding.empty()) r.headers.emplace_back("accept-encoding", encoding);
    return api.Handle(r);
  }

  FakeClock clock_;
  crypto::MasterKey master_;
  crypto::PasswordHasher hasher_;
  audit::AuditLog audit_{crypto::Key::Random()};
  std::unique_ptr<testing::TestDatabase> db_;
  service::Context ctx_;
  service::AuthService auth_;
  service::ClientService clients_;
  service::CatalogueService catalogue_;
  service::IntakeService intake_;
  service::TrajectoryService trajectories_;
  service::TreatmentSessionService sessions_;
  std::unique_ptr<media::BlobStore> photo_files_;
  service::PhotoService photos_;
  service::PracticeService practice_;
  service::StaffService staff_;
  service::QualificationService qualifications_;
  fs::path web_;
};

TEST_F(ApiTest, ServesTheAppWithAStrictPolicy) {
  const auto index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("Content-Security-Policy"), std::string(kAppCsp));
  EXPECT_EQ(index.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(index.Header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(index.Header("Cache-Control"), "no-cache");
  // A client-side route loads the app.
  EXPECT_EQ(Get("/clients/8d1f").body, index.body);
  const auto js = Get("/assets/app-1234.js", "gzip, br");
  EXPECT_EQ(js.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(js.body, "GZIPPED");
  EXPECT_EQ(js.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(Get("/assets/app-1234.js").body, "console.log('huidig')");
  EXPECT_EQ(Get("/assets/missing.js").status, 404);
  EXPECT_EQ(Get("/../secret.txt").body, index.body);  // never outside the folder
  EXPECT_EQ(Get("/api/v1/nothing").status, 404);
  EXPECT_EQ(Get("/api/v1/nothing").Header("Content-Type"), "application/problem+json");
}

TEST_F(ApiTest, RSec1StateChangesNeedTheCsrfTokenAndAJsonBody) {
  RecordProperty("rule", "R-SEC-1");
  Api api({auth_, clients_, catalogue_, intake_, trajectories_, sessions_, photos_, practice_, staff_, qualifications_}, {false, std::nullopt});
  HttpRequest r;
  r.method = "POST";
  r.path = "/api/v1/clients";
  r.body = "{}";
  r.headers.emplace_back("content-type", "text/plain");
  EXPECT_EQ(api.Handle(r).status, 415);
  r.headers = {{"content-type", "application/json"}};
  EXPECT_EQ(api.Handle(r).status, 401);  // no session
  r.method = "DELETE";
  EXPECT_EQ(api.Handle(r).status, 405);

  // Logged in, so that the request reaches the CSRF check.
  service::SetupService setup(ctx_);
  auto practice = setup.CreatePractice({"Kliniek", false, {"Amsterdam"}});
  ASSERT_TRUE(practice);
  service::NewStaff s;
  s.email = "eigenaar@kliniek.nl";
  s.display_name = "Eigenaar";
  s.role = domain::Role::kOwner;
  s.all_locations = true;
  s.must_change_password = false;
  auto owner = setup.CreateStaff(practice->first.id, s);
  ASSERT_TRUE(owner);
  auto login = auth_.Login({owner->email, owner->password, std::nullopt, "127.0.0.1"});
  ASSERT_TRUE(login) << login.error().code;
  r.method = "POST";
  r.headers = {{"content-type", "application/json"},
               {"cookie", api.CookieName() + "=" + login->session_token}};
  const std::string client = R"({"given_name":"Anna","family_name":"Vries","date_of_birth":"1985-04-12"})";
  r.body = client;
  auto refused = api.Handle(r);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("csrf_invalid"), std::string::npos);
  r.headers.emplace_back("x-csrf-token", "not-the-token");
  EXPECT_EQ(api.Handle(r).status, 403);
  r.headers.back().second = login->me.csrf_token;
  auto created = api.Handle(r);
  EXPECT_EQ(created.status, 201) << created.body;
}

}  // namespace
}  // namespace huidig::http
