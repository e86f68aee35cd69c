#pragma once
// A clock for tests: time moves only when the test moves it.

#include <atomic>

#include "common/clock.hpp"

namespace huidig {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(ToMicros(start)) {}
  Instant Now() const override { return FromMicros(now_.load()); }
  void Set(Instant t) { now_ = ToMicros(t); }
  template <class Duration>
  void Advance(Duration d) {
    now_ += std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  }

 private:
  std::atomic<long long> now_;
};

}  // namespace huidig
