#pragma once
// Internal to store/: nullable values for SOCI, which 4.0.3 binds only with indicators.

#include <soci/soci.h>

#include <optional>
#include <string>

#include "common/clock.hpp"

namespace huidig::store::detail {

// A nullable text parameter.
struct NullableText {
  explicit NullableText(const std::optional<std::string>& v)
      : value(v.value_or("")), ind(v ? soci::i_ok : soci::i_null) {}
  std::string value;
  soci::indicator ind;
};

// A nullable BIGINT parameter for optional instants.
struct NullableMicros {
  explicit NullableMicros(const std::optional<Instant>& v)
      : value(v ? ToMicros(*v) : 0), ind(v ? soci::i_ok : soci::i_null) {}
  long long value;
  soci::indicator ind;
};

// A nullable text result.
struct TextOut {
  std::string value;
  soci::indicator ind = soci::i_null;
  std::optional<std::string> get() const {
    return ind == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
  }
};

struct MicrosOut {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  std::optional<Instant> get() const {
    return ind == soci::i_ok ? std::optional<Instant>(FromMicros(value)) : std::nullopt;
  }
};

// Steps a cached statement past its last row, so that it holds no read snapshot while it
// waits for its next use.
inline void Finish(soci::statement& st) {
  while (st.fetch()) {
  }
}

}  // namespace huidig::store::detail
