#pragma once
// Each area of the API registers its own routes (one file per area, *_handlers.cpp).

#include "http/handler.hpp"
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

// The session cookie: __Host- and Secure over TLS.
std::string LoginSessionCookieName(bool tls);

void AddAuthRoutes(Routes& routes, service::AuthService& auth, bool tls);
void AddPracticeRoutes(Routes& routes, service::PracticeService& practice);
// The team: its names for everyone, its accounts for the owner (R-STAFF-3).
void AddStaffRoutes(Routes& routes, service::PracticeService& practice, service::StaffService& staff,
                    service::QualificationService& qualifications);
void AddCatalogueRoutes(Routes& routes, service::CatalogueService& catalogue);
void AddClientRoutes(Routes& routes, service::ClientService& clients);
void AddIntakeRoutes(Routes& routes, service::IntakeService& intake);
void AddTrajectoryRoutes(Routes& routes, service::TrajectoryService& trajectories);
void AddTreatmentSessionRoutes(Routes& routes, service::TreatmentSessionService& sessions);
void AddPhotoRoutes(Routes& routes, service::PhotoService& photos);

}  // namespace huidig::http
