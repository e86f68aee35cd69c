// Photo intake benchmark (issue 6): huidig's intake of one file (decode, orient, strip,
// re-encode, thumbnail, seal both) timed in process, each run in a child process so its peak
// memory can be read. Two kinds of run:
//   warm: the child has already taken in another 12 MP photo, as a running server has; this
//         is what every upload but the first after a start costs
//   cold: the first photo of a fresh process (libvips' operation classes and thread pools,
//         the allocator's arenas and the first touch of their memory are paid here)
// Prints "warm_median_ms cold_median_ms peak_mib" for bench/photo-intake.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/keys.hpp"
#include "media/photo_intake.hpp"

namespace {

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the intake of `bytes` in a child (after `warmup`, when given); the time in ms, or < 0.
double TimeIntakeInChild(const std::string& bytes, const std::string* warmup, long& peak_kib) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipefd[0]);
    const auto key = huidig::crypto::Key::Random();
    huidig::media::PhotoIntake intake(huidig::media::IntakeLimits{});  // as the server's
    if (warmup != nullptr && !intake.Process(*warmup)) _exit(3);
    const auto t0 = std::chrono::steady_clock::now();
    auto photo = intake.Process(bytes);
    if (!photo) _exit(3);
    const auto a = huidig::crypto::SealStream(key, photo->jpeg, "photo:bench:image");
    const auto b = huidig::crypto::SealStream(key, photo->thumbnail, "photo:bench:thumbnail");
    const double elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (a.empty() || b.empty()) _exit(4);
    (void)!write(pipefd[1], &elapsed, sizeof elapsed);
    _exit(0);
  }
  close(pipefd[1]);
  double elapsed = -1;
  if (read(pipefd[0], &elapsed, sizeof elapsed) != sizeof elapsed) elapsed = -1;
  close(pipefd[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  peak_kib = std::max(peak_kib, usage.ru_maxrss);
  return elapsed;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: photo_bench FILE WARMUP_FILE [RUNS]\n");
    return 2;
  }
  const std::string bytes = ReadFile(argv[1]);
  const std::string warmup = ReadFile(argv[2]);
  const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  std::vector<double> warm, cold;
  long peak_kib = 0;
  for (int i = 0; i < runs; ++i) {
    warm.push_back(TimeIntakeInChild(bytes, &warmup, peak_kib));
    cold.push_back(TimeIntakeInChild(bytes, nullptr, peak_kib));
    if (warm.back() < 0 || cold.back() < 0) {
      std::fprintf(stderr, "photo_bench: the intake failed\n");
      return 1;
    }
  }
  std::printf("%.1f %.1f %.1f\n", Median(warm), Median(cold),
              static_cast<double>(peak_kib) / 1024.0);
  return 0;
}
