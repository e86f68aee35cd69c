#pragma once
// Internal to store/: nullable values for SOCI, which 4.0.3 binds only with indicators, and
// the loop of every list query.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"

namespace huidig::store::detail {

// A nullable text parameter.
struct NullableText {
  explicit NullableText(const std::optional<std::string>& v)
      : value(v.value_or("")), ind(v ? soci::i_ok : soci::i_null) {}
  template <class Tag>
  explicit NullableText(const std::optional<Id<Tag>>& v)
      : value(v ? v->value : std::string()), ind(v ? soci::i_ok : soci::i_null) {}
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
  // The value as an id, or nullopt for NULL.
  template <class I>
  std::optional<I> id() const {
    return ind == soci::i_ok ? std::optional<I>(I{value}) : std::nullopt;
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

// A query prepared once per connection and kept in its StatementCache (Tx::Prepared<>(text)),
// with the variables it reads into and binds: Vars holds them and binds them, in the order
// of the columns and then of the placeholders, in Vars::Bind(soci::statement&). Set the
// parameters, then run it with FetchAll (or execute and Finish).
template <class Vars>
struct CachedQuery : Vars {
  CachedQuery(soci::session& s, std::string_view text) : st(s) {
    Vars::Bind(st);
    st.alloc();
    st.prepare(std::string(text));
    st.define_and_bind();
  }
  CachedQuery(const CachedQuery&) = delete;
  CachedQuery& operator=(const CachedQuery&) = delete;
  soci::statement st;
};

// Runs a list query: fetches each result into the variables bound with into(), finishes the
// row (times from microseconds, nullable columns) and moves it out (the next fetch assigns
// every bound column again; a NULL one is read through its indicator, never its value).
template <class Row, class FinishRow>
std::vector<Row> FetchAll(soci::statement& st, Row& row, FinishRow finish) {
  std::vector<Row> out;
  st.execute();
  while (st.fetch()) {
    finish();
    out.push_back(std::move(row));
  }
  return out;
}

template <class Row>
std::vector<Row> FetchAll(soci::statement& st, Row& row) {
  return FetchAll(st, row, [] {});
}

}  // namespace huidig::store::detail
