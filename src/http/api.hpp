#pragma once
// The JSON API: authentication, CSRF and role gates in front of thin handlers that parse,
// call one service and map the result (STYLE.md). No SQL and no sockets here.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "http/application.hpp"
#include "http/http_types.hpp"
#include "http/messages.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "service/auth_service.hpp"
#include "service/catalogue_service.hpp"
#include "service/client_service.hpp"
#include "service/intake_service.hpp"
#include "service/photo_service.hpp"
#include "service/practice_service.hpp"
#include "service/session_service.hpp"
#include "service/trajectory_service.hpp"

namespace huidig::http {

struct ApiServices {
  service::AuthService& auth;
  service::ClientService& clients;
  service::CatalogueService& catalogue;
  service::IntakeService& intake;
  service::TrajectoryService& trajectories;
  service::SessionService& sessions;
  service::PhotoService& photos;
  service::PracticeService& practice;
};

struct ApiOptions {
  bool tls = false;  // cookies get __Host- and Secure
  std::optional<std::filesystem::path> web_dir;  // serve the app from here (development)
  std::size_t max_body_bytes = 1 << 20;           // a JSON body
  std::size_t max_upload_bytes = (25 << 20) + 1;  // a photo upload's body
};

class Api final : public Application {
 public:
  Api(ApiServices services, ApiOptions options);
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Admit then Handle, for a request read whole (tests). Never throws: an unexpected
  // exception becomes a 500 without details.
  HttpResponse Handle(const HttpRequest& request) const;

  // Application: the route, media type, size, session and CSRF checks on the headers.
  Admission Admit(const HttpRequest& head) const override;
  HttpResponse Handle(const HttpRequest& request, const Admission& admission) const override;
  // The answer to a request the server refuses itself (framing, size, busy).
  HttpResponse Refusal(std::string_view code, std::string_view accept_language, bool tls) const override;

  std::string CookieName() const;

 private:
  struct Call {
    const HttpRequest& req;
    const PathParams& params;
    const service::Caller* caller;  // null on public routes
    Lang lang;
  };
  using Handler = std::function<HttpResponse(const Call&)>;
  enum Access { kPublic, kRestrictedOk, kFull };
  struct Route {
    Access access;
    Handler handler;
    Work work = Work::kInline;  // kUpload: the body is an image, not JSON
  };
  struct Admitted;

  void Add(std::string method, std::string pattern, Access access, Handler handler, Work work = Work::kInline);
  std::optional<HttpResponse> AdmitOrRefuse(const HttpRequest& head, Lang lang, Admission& admission) const;

  HttpResponse Login(const Call& c) const;
  HttpResponse Logout(const Call& c) const;
  HttpResponse GetMe(const Call& c) const;
  HttpResponse ChangePassword(const Call& c) const;
  HttpResponse StartTotp(const Call& c) const;
  HttpResponse ConfirmTotp(const Call& c) const;
  HttpResponse PatchPractice(const Call& c) const;
  HttpResponse ListLocations(const Call& c) const;
  HttpResponse ListStaff(const Call& c) const;
  HttpResponse SearchClients(const Call& c) const;
  HttpResponse CreateClient(const Call& c) const;
  HttpResponse GetClient(const Call& c) const;
  HttpResponse PatchClient(const Call& c) const;
  HttpResponse ListTreatmentTypes(const Call& c) const;
  HttpResponse CreateTreatmentType(const Call& c) const;
  HttpResponse PatchTreatmentType(const Call& c) const;
  HttpResponse GetIntake(const Call& c) const;
  HttpResponse AddIntake(const Call& c) const;
  HttpResponse ListTrajectories(const Call& c) const;
  HttpResponse CreateTrajectory(const Call& c) const;
  HttpResponse GetTrajectory(const Call& c) const;
  HttpResponse RecordConsult(const Call& c) const;
  HttpResponse RecordDecision(const Call& c) const;
  HttpResponse AddConsent(const Call& c) const;
  HttpResponse CreateSession(const Call& c) const;
  HttpResponse GetSession(const Call& c) const;
  HttpResponse PatchSession(const Call& c) const;
  HttpResponse SignSession(const Call& c) const;
  HttpResponse AddAddendum(const Call& c) const;
  HttpResponse Recall(const Call& c) const;
  HttpResponse UploadPhoto(const Call& c) const;
  HttpResponse ListPhotos(const Call& c) const;
  HttpResponse GetPhoto(const Call& c) const;
  HttpResponse GetThumbnail(const Call& c) const;

  service::AuthService& auth_;
  service::ClientService& clients_;
  service::CatalogueService& catalogue_;
  service::IntakeService& intake_;
  service::TrajectoryService& trajectories_;
  service::SessionService& sessions_;
  service::PhotoService& photos_;
  service::PracticeService& practice_;
  ApiOptions options_;
  StaticFiles web_;
  Router<Route> router_;
};

// Headers every response carries (set by the server for responses that lack them).
void AddSecurityHeaders(HttpResponse& response, bool tls);

}  // namespace huidig::http
