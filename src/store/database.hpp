#pragma once
// The database: SOCI over SQLite (one data folder) or PostgreSQL (several servers).
//
// Reads run on a pool of connections. Writes run on one writer thread that groups the
// writes waiting at the same moment into one transaction (each in its own savepoint) and
// commits them with one durable commit: the audit entry of every read costs a share of a
// commit, not a whole one. Write() returns only after the commit is durable.
//
// Thread-safe. Tx is not: it belongs to the thread running the function it was given to.

#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeindex>
#include <unordered_map>

#include "common/clock.hpp"
#include "common/result.hpp"

namespace soci {
class session;
}

namespace huidig::store {

enum class Dialect { kSqlite, kPostgres };

// Statements prepared once per connection and run again and again: parsing and planning
// a statement costs SQLite more than running a key lookup. One per connection, used by
// the one thread that holds the connection.
class StatementCache {
 public:
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement object S (constructed from the session on first use).
  template <class S>
  S& Get(soci::session& sql) {
    auto& slot = entries_[std::type_index(typeid(S))];
    if (!slot) slot = std::make_unique<Holder<S>>(sql);
    return static_cast<Holder<S>&>(*slot).value;
  }

  // The statement object S for this text (constructed from the session and the text on
  // first use): one type of statement serving several queries, each prepared once. The
  // texts come from the code, never from a request, so the cache stays as small as the code.
  template <class S>
  S& Get(soci::session& sql, std::string_view text) {
    auto& by_text = texts_[std::type_index(typeid(S))];
    auto it = by_text.find(text);
    if (it == by_text.end())
      it = by_text.emplace(std::string(text), std::make_unique<Holder<S>>(sql, text)).first;
    return static_cast<Holder<S>&>(*it->second).value;
  }

 private:
  struct Base {
    virtual ~Base() = default;
  };
  template <class S>
  struct Holder final : Base {
    template <class... A>
    explicit Holder(A&&... a) : value(std::forward<A>(a)...) {}
    S value;
  };
  std::unordered_map<std::type_index, std::unique_ptr<Base>> entries_;
  std::unordered_map<std::type_index, std::map<std::string, std::unique_ptr<Base>, std::less<>>>
      texts_;
};

// One transaction (or a part of a group commit) on one connection.
class Tx {
 public:
  Tx(soci::session& sql, Dialect dialect, StatementCache& cache)
      : sql_(sql), dialect_(dialect), cache_(cache) {}
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  soci::session& sql() { return sql_; }
  Dialect dialect() const { return dialect_; }
  // A statement of this connection's cache; see StatementCache.
  template <class S>
  S& Prepared() {
    return cache_.Get<S>(sql_);
  }
  template <class S>
  S& Prepared(std::string_view text) {
    return cache_.Get<S>(sql_, text);
  }

 private:
  soci::session& sql_;
  Dialect dialect_;
  StatementCache& cache_;
};

struct DatabaseOptions {
  // "sqlite:FILE" (relative to base_dir) or "postgresql://..." (a libpq URI).
  std::string url = "sqlite:huidig.db";
  std::filesystem::path base_dir = ".";
  // PostgreSQL only: the schema to work in (letters, digits, '_'); empty = the default.
  std::string schema;
  int readers = 8;
  int max_batch = 256;  // writes per group commit
};

class SchemaTooNew : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The disk is full (or a quota reached): what was being written is not kept.
class StorageFull : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// True for StorageFull and for what the engines and the file system throw when out of space:
// SQLITE_FULL, PostgreSQL's class 53 (insufficient resources: disk full, out of memory),
// ENOSPC or EDQUOT from a file operation.
bool IsStorageFull(const std::exception& e);

class Database {
 public:
  // Opens the connections and applies pending migrations in one transaction. Throws on a
  // connection failure and SchemaTooNew when the database was written by a newer binary.
  // `clock` stamps the migrations it applies.
  static std::unique_ptr<Database> Open(const DatabaseOptions& options, const Clock& clock);
  virtual ~Database() = default;

  virtual Dialect dialect() const = 0;
  virtual int SchemaVersion() = 0;
  static int LatestSchemaVersion();

  // Runs fn(Tx&) in a read transaction; returns what fn returns.
  template <class F>
  auto Read(F&& fn) {
    using R = std::invoke_result_t<F&, Tx&>;
    if constexpr (std::is_void_v<R>) {
      RunRead([&](Tx& tx) { fn(tx); });
    } else {
      std::optional<R> out;
      RunRead([&](Tx& tx) { out.emplace(fn(tx)); });
      return std::move(*out);
    }
  }

  // Runs fn(Tx&) on the writer inside a group commit and returns what it returned once the
  // commit is durable. When fn returns a failed Result (or throws), its writes are rolled
  // back and the others of the group are unaffected.
  template <class F>
  auto Write(F&& fn) {
    using R = std::invoke_result_t<F&, Tx&>;
    if constexpr (std::is_void_v<R>) {
      RunWrite([&](Tx& tx) {
        fn(tx);
        return true;
      });
    } else {
      std::optional<R> out;
      RunWrite([&](Tx& tx) {
        out.emplace(fn(tx));
        return Keep(*out);
      });
      return std::move(*out);
    }
  }

  // As Write(), but commits whatever fn returns: for a refusal whose audit entry must stay.
  template <class F>
  auto WriteAlways(F&& fn) {
    using R = std::invoke_result_t<F&, Tx&>;
    std::optional<R> out;
    RunWrite([&](Tx& tx) {
      out.emplace(fn(tx));
      return true;
    });
    return std::move(*out);
  }

 protected:
  virtual void RunRead(const std::function<void(Tx&)>& fn) = 0;
  virtual void RunWrite(const std::function<bool(Tx&)>& fn) = 0;

 private:
  template <class T>
  static bool Keep(const Result<T>& r) { return r.has_value(); }
  template <class T>
  static bool Keep(const T&) { return true; }
};

}  // namespace huidig::store
