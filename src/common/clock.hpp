#pragma once
// Time is injected: only system_clock.cpp reads the real clock (STYLE.md).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace huidig {

using Instant = std::chrono::sys_time<std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// Microseconds since the Unix epoch, as stored in the database.
inline long long ToMicros(Instant t) { return t.time_since_epoch().count(); }
inline Instant FromMicros(long long us) { return Instant(std::chrono::microseconds(us)); }

// "2026-11-23T10:05:00.123456Z" (UTC, RFC 3339).
std::string FormatUtc(Instant t);
// Accepts RFC 3339 with "Z" or a numeric offset; nullopt when malformed.
std::optional<Instant> ParseRfc3339(std::string_view s);

}  // namespace huidig
