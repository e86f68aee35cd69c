// Photo intake benchmark (issue 6): huidig's intake of one file (decode, orient, strip,
// re-encode, thumbnail, seal both) timed in process as the server runs it (libvips already
// started), each run in a child process so its peak memory can be read. Prints "median_ms peak_mib" for bench/photo-intake.
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

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: photo_bench FILE [RUNS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string bytes = s.str();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<double> ms;
  long peak_kib = 0;
  for (int i = 0; i < runs; ++i) {
    int pipefd[2];
    if (pipe(pipefd) != 0) return 1;
    const pid_t pid = fork();
    if (pid == 0) {
      close(pipefd[0]);
      const auto key = huidig::crypto::Key::Random();
      // The server starts libvips once; an upload does not pay for it.
      (void)huidig::media::ProcessPhoto("", huidig::media::IntakeLimits{});
      const auto t0 = std::chrono::steady_clock::now();
      auto photo = huidig::media::ProcessPhoto(bytes, huidig::media::IntakeLimits{});
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
    double elapsed = 0;
    const bool got = read(pipefd[0], &elapsed, sizeof elapsed) == sizeof elapsed;
    close(pipefd[0]);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "photo_bench: the intake failed\n");
      return 1;
    }
    ms.push_back(elapsed);
    peak_kib = std::max(peak_kib, usage.ru_maxrss);
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%.1f %.1f\n", ms[ms.size() / 2], static_cast<double>(peak_kib) / 1024.0);
  return 0;
}
