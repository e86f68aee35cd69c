#pragma once
// The JSON API: authentication, CSRF and role gates in front of the areas' handlers
// (*_handlers.cpp), which read the request, call one service and map its answer (STYLE.md).
// An Error becomes problem+json here, in one place. No SQL and no sockets here.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "http/application.hpp"
#include "http/handler.hpp"
#include "http/http_types.hpp"
#include "http/messages.hpp"
#include "http/static_files.hpp"
#include "service/auth_service.hpp"
#include "service/catalogue_service.hpp"
#include "service/client_service.hpp"
#include "service/intake_service.hpp"
#include "service/photo_service.hpp"
#include "service/practice_service.hpp"
#include "service/qualification_service.hpp"
#include "service/staff_service.hpp"
#include "service/treatment_session_service.hpp"
#include "service/trajectory_service.hpp"

namespace huidig::http {

struct ApiServices {
  service::AuthService& auth;
  service::ClientService& clients;
  service::CatalogueService& catalogue;
  service::IntakeService& intake;
  service::TrajectoryService& trajectories;
  service::TreatmentSessionService& sessions;
  service::PhotoService& photos;
  service::PracticeService& practice;
  service::StaffService& staff;
  service::QualificationService& qualifications;
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
  struct Admitted;

  std::optional<HttpResponse> AdmitOrRefuse(const HttpRequest& head, Lang lang, Admission& admission) const;

  service::AuthService& auth_;  // every route but the public ones authenticates here
  ApiOptions options_;
  StaticFiles web_;
  Routes routes_;
};

// Headers every response carries (set by the server for responses that lack them).
void AddSecurityHeaders(HttpResponse& response, bool tls);

}  // namespace huidig::http
