#include "cli/demo_dossiers.hpp"

#include <cmath>
#include <iostream>

#include "media/jpeg_writer.hpp"
#include "media/photo_intake.hpp"
#include "service/intake_service.hpp"
#include "service/photo_service.hpp"
#include "service/qualification_service.hpp"
#include "service/setup_service.hpp"
#include "service/staff_service.hpp"
#include "service/trajectory_service.hpp"
#include "service/treatment_session_service.hpp"
#include "store/database.hpp"

namespace huidig::cli {
namespace {

using domain::ProductKind;

// A calm skin-coloured picture with a reddish patch that is larger before than after.
std::string DemoPhoto(double patch) {
  media::PixelBuffer img(640, 480, 3);
  std::uint8_t* p = img.data();
  for (int y = 0; y < 480; ++y)
    for (int x = 0; x < 640; ++x, p += 3) {
      const double d = std::hypot(x - 320.0, y - 240.0) / (120.0 * patch);
      const double red = d < 1 ? (1 - d) * 45 : 0;
      p[0] = static_cast<std::uint8_t>(std::min(255.0, 224 + red * 0.6 - y * 0.03));
      p[1] = static_cast<std::uint8_t>(std::max(0.0, 182 - red - y * 0.04));
      p[2] = static_cast<std::uint8_t>(std::max(0.0, 160 - red * 0.8 - y * 0.04));
    }
  return media::EncodeJpeg(img, {});
}

template <class T>
bool Ok(const Result<T>& r, const char* step) {
  if (!r) std::cerr << "huidig: demo " << step << ": " << r.error().code << " " << r.error().field << "\n";
  return static_cast<bool>(r);
}

service::TrajectoryInput Trajectory(const char* type, const char* goal, int sessions) {
  service::TrajectoryInput in;
  in.treatment_type = type;
  in.info = {goal, "Zichtbaar rustiger huid na de behandelingen", sessions, "Roodheid en zwelling, enkele dagen",
             "Geen behandeling, of een mildere", "EUR 120 per behandeling", "Koelen, SPF 50, niet zonnen"};
  in.intake_reviewed = true;
  return in;
}

service::TreatmentSessionInput Session(std::vector<std::string> areas, std::vector<domain::ProductUse> products,
                                       std::optional<std::string> device, std::string settings) {
  service::TreatmentSessionInput in;
  in.record.body_areas = std::move(areas);
  in.record.products = std::move(products);
  in.record.device_name = std::move(device);
  in.record.device_settings = std::move(settings);
  in.record.particulars = "Geen bijzonderheden";
  in.record.result = "Goed verdragen";
  in.record.evaluation = "Over vier weken beoordelen";
  in.record.attention_points = "Gevoelige huid rond de neus";
  in.record.aftercare_advice = "Koelen, SPF 50, twee dagen geen make-up";
  return in;
}

}  // namespace

bool AddDemoDossiers(const service::Context& ctx, const std::filesystem::path& dir, const DemoTeam& team) {
  const auto& bo = team.practitioner;
  const auto& c = team.clients;
  service::IntakeService intake(ctx);
  service::TrajectoryService trajectories(ctx);
  service::TreatmentSessionService sessions(ctx);
  const auto blobs = media::MakeBlobStore(ctx.db.dialect(), dir / "photos");
  service::PhotoService photos(ctx, *blobs, media::IntakeLimits{});
  const std::string before = DemoPhoto(1.0), after = DemoPhoto(0.45);
  const domain::IntakeAnswers answers{"Geen", "Geen", "Nee", "Lichte rosacea", "Geen", "Gevoelige huid"};

  // Who answered the intake and trajectories follow, for every dossier below.
  for (const int i : {14, 18, 20, 22, 24, 26})
    if (!Ok(intake.Add(bo, c[i].value, answers), "intake")) return false;

  // Wkkgz: microneedling, informed consent, a signed session with batches, photos before and after.
  auto needling = trajectories.Create(bo, c[14].value, Trajectory("microneedling", "Minder zichtbare acnelittekens", 3));
  if (!Ok(needling, "trajectory")) return false;
  if (!Ok(trajectories.AddConsent(bo, needling->id, {"informed", "Microneedling: doel, risico's (roodheid, zwelling, "
                                                     "infectie), alternatieven en nazorg besproken. Versie 2026-1.",
                                                     "typed", "Ayşe Yılmaz", false}),
          "consent"))
    return false;
  if (!Ok(photos.Upload(bo, c[14].value, {"before", "wangen", std::nullopt, needling->id.value}, before), "photo")) return false;
  auto s1 = sessions.Create(bo, needling->id,
                            Session({"wangen"}, {{ProductKind::kProduct, "Cartridge 12 naalden", "LOT-2026-0042"},
                                                 {ProductKind::kProduct, "Hyaluronserum", "HS-7781"}},
                                    "Dermapen 4", "0,5 mm, snelheid 8"));
  if (!Ok(s1, "session") || !Ok(sessions.Sign(bo, s1->id), "sign")) return false;
  if (!Ok(photos.Upload(bo, c[14].value, {"after", "wangen", s1->id.value, needling->id.value}, after), "photo")) return false;
  // The second session is still a draft.
  if (!Ok(sessions.Create(bo, needling->id, Session({"wangen"}, {}, "Dermapen 4", "0,75 mm")), "draft")) return false;

  // Permanent make-up: pigment and needle batches, the device, signed.
  auto pmu = trajectories.Create(bo, c[18].value, Trajectory("pmu_brows", "Vollere wenkbrauwen", 2));
  if (!Ok(pmu, "trajectory") ||
      !Ok(trajectories.AddConsent(bo, pmu->id, {"informed", "Permanente make-up wenkbrauwen: werkwijze, pigmenten, "
                                                "risico's en nazorg. Versie 2026-1.", "typed", "Femke Brouwer", false}),
          "consent"))
    return false;
  if (!Ok(photos.Upload(bo, c[18].value, {"before", "wenkbrauwen", std::nullopt, pmu->id.value}, before), "photo")) return false;
  auto s2 = sessions.Create(bo, pmu->id,
                            Session({"wenkbrauwen"}, {{ProductKind::kPigment, "Brow Brown", "PG-2026-118"},
                                                      {ProductKind::kNeedle, "1RL 0,30 mm", "ND-5521"}},
                                    "PMU-machine Nouveau", "90 Hz"));
  if (!Ok(s2, "session") || !Ok(sessions.Sign(bo, s2->id), "sign")) return false;
  if (!Ok(photos.Upload(bo, c[18].value, {"after", "wenkbrauwen", s2->id.value, pmu->id.value}, after), "photo")) return false;

  // Cosmetic, category 2: the consult today, so the trajectory is inside its reflection period.
  auto scar = trajectories.Create(bo, c[20].value, Trajectory("scar_correction", "Litteken op de wang minder zichtbaar", 1));
  if (!Ok(scar, "trajectory") ||
      !Ok(trajectories.RecordConsult(bo, scar->id, {FormatUtc(ctx.clock.Now()), "Littekencorrectie v3 (2026)",
                                                    "Excisie van het litteken onder lokale verdoving"}),
          "consult"))
    return false;

  // Cosmetic, category 1: consult, decision and confirmation on the day, a signed session.
  auto botox = trajectories.Create(bo, c[22].value, Trajectory("botulinum_toxin", "Minder fronsrimpels", 1));
  if (!Ok(botox, "trajectory") ||
      !Ok(trajectories.RecordConsult(bo, botox->id, {FormatUtc(ctx.clock.Now()), "Botulinetoxine v2 (2026)",
                                                     "20 eenheden in de fronsspier"}),
          "consult") ||
      !Ok(trajectories.RecordDecision(bo, botox->id, std::nullopt), "decision") ||
      !Ok(trajectories.AddConsent(bo, botox->id, {"confirmation", "De cliënt bevestigt vandaag de toestemming voor "
                                                  "botulinetoxine in de fronsspier.", "typed", "Linda de Graaf", false}),
          "confirmation"))
    return false;
  auto s3 = sessions.Create(bo, botox->id, Session({"voorhoofd"}, {{ProductKind::kProduct, "Botulinetoxine 50 E", "BTX-9Q31"}},
                                                   std::nullopt, ""));
  if (!Ok(s3, "session") || !Ok(sessions.Sign(bo, s3->id), "sign")) return false;

  // Basic: a manicure, recorded and signed.
  auto nails = trajectories.Create(bo, c[24].value, Trajectory("manicure", "Verzorgde nagels", 1));
  if (!Ok(nails, "trajectory")) return false;
  auto s4 = sessions.Create(bo, nails->id, Session({"handen"}, {}, std::nullopt, ""));
  if (!Ok(s4, "session") || !Ok(sessions.Sign(bo, s4->id), "sign")) return false;

  // A colleague who left: her chemical peel stays in the dossier under her name.
  service::StaffService staff(ctx);
  service::StaffInput lotte{"Lotte Leeuwenburg", "lotte.leeuwenburg@demo.example", "practitioner",
                            {bo.locations.front().value}, std::nullopt};
  auto added = staff.Add(team.owner, lotte);
  if (!Ok(added, "colleague")) return false;
  if (!Ok(service::QualificationService(ctx).Add(team.owner, added->staff.id,
                                                 {"diploma", "Diploma schoonheidsspecialist", {"beauty_specialist"},
                                                  std::nullopt, "2016-07-01", std::nullopt}),
          "qualification"))
    return false;
  domain::Actor former = bo;
  former.user = added->staff.id;
  auto peel = trajectories.Create(former, c[26].value, Trajectory("chemical_peel", "Egalere teint", 2));
  if (!Ok(peel, "trajectory") ||
      !Ok(trajectories.AddConsent(former, peel->id, {"informed", "Chemische peeling: werking, risico's en nazorg. "
                                                     "Versie 2026-1.", "typed", "Chantal Prins", false}),
          "consent"))
    return false;
  auto s5 = sessions.Create(former, peel->id, Session({"gezicht"}, {{ProductKind::kProduct, "Glycolzuur 30%", "GA-30-2211"}},
                                                      std::nullopt, "3 minuten"));
  if (!Ok(s5, "session") || !Ok(sessions.Sign(former, s5->id), "sign")) return false;
  service::StaffChange leave;
  leave.active = false;
  return Ok(staff.Change(team.owner, added->staff.id, leave), "leave");
}

}  // namespace huidig::cli
