#include "store/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/url/parse.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/clock.hpp"
#include "store/migrations.hpp"

namespace huidig::store {
namespace {

struct Target {
  Dialect dialect;
  std::string connect;  // SOCI connect string
  std::string schema;
};

// libpq keyword form of a postgresql:// URI (SOCI 4.0.3 mangles URIs it is given).
std::string PgKeywords(const std::string& uri) {
  auto parsed = boost::urls::parse_uri(uri);
  if (!parsed) throw std::invalid_argument("database: not a valid postgresql:// URI");
  const auto& u = *parsed;
  auto quote = [](std::string_view v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string kw;
  auto add = [&](std::string_view k, std::string_view v) {
    if (v.empty()) return;
    if (!kw.empty()) kw += ' ';
    kw += std::string(k) + "=" + quote(v);
  };
  add("host", u.encoded_host().empty() ? "" : u.host());
  add("port", u.port());
  add("user", u.user());
  add("password", u.password());
  std::string db = u.path();
  if (!db.empty() && db[0] == '/') db.erase(0, 1);
  add("dbname", db);
  for (auto param : u.params()) add(param.key, param.value);
  return kw;
}

Target ParseUrl(const DatabaseOptions& o) {
  if (o.url.rfind("postgresql://", 0) == 0 || o.url.rfind("postgres://", 0) == 0)
  {
    for (char c : o.schema)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
        throw std::invalid_argument("invalid PostgreSQL schema name");
    return {Dialect::kPostgres, PgKeywords(o.url), o.schema};
  }
  std::string file = o.url.rfind("sqlite:", 0) == 0 ? o.url.substr(7) : o.url;
  std::filesystem::path p(file);
  if (p.is_relative()) p = o.base_dir / p;
  if (p.string().find_first_of(" \"'") != std::string::npos)
    throw std::runtime_error("the SQLite path may not contain spaces or quotes");
  return {Dialect::kSqlite, "db=" + p.string() + " timeout=10", {}};
}

void OpenConnection(soci::session& s, const Target& t) {
  if (t.dialect == Dialect::kSqlite) {
    s.open(soci::sqlite3, t.connect);
    // Durable commits (a power cut loses nothing acknowledged), concurrent readers.
    s << "PRAGMA journal_mode=WAL";
    s << "PRAGMA synchronous=FULL";
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=10000";
  } else {
    s.open(soci::postgresql, t.connect);
    s << "SET client_min_messages TO WARNING";
    if (!t.schema.empty()) s << "SET search_path TO " + t.schema;
  }
}

// Statements of a migration file: split at a ';' that ends a line; comment lines dropped.
class SociDatabase final : public Database {
 public:
  SociDatabase(const DatabaseOptions& o, Target t, const Clock& clock)
      : target_(std::move(t)), max_batch_(std::max(1, o.max_batch)) {
    for (int i = 0; i < std::max(1, o.readers); ++i) {
      readers_.push_back(std::make_unique<Connection>());
      OpenConnection(readers_.back()->sql, target_);
      idle_.push_back(readers_.back().get());
    }
    OpenConnection(writer_, target_);
    Migrate(clock);
    thread_ = std::thread([this] { WriterLoop(); });
  }

  ~SociDatabase() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  Dialect dialect() const override { return target_.dialect; }

  int SchemaVersion() override {
    return Read([](Tx& tx) {
      int v = 0;
      soci::indicator ind = soci::i_ok;
      tx.sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(v, ind);
      return ind == soci::i_ok ? v : 0;
    });
  }

 protected:
  void RunRead(const std::function<void(Tx&)>& fn) override {
    Lease lease(*this);
    Connection& c = lease.connection();
    Tx tx(c.sql, target_.dialect, c.cache);
    // One snapshot for the whole read: a dossier is shown as it was at one moment.
    if (target_.dialect == Dialect::kPostgres)
      Exec(tx.Prepared<BeginSnapshotStmt>().st);
    else
      Exec(tx.Prepared<BeginStmt>().st);
    try {
      fn(tx);
    } catch (...) {
      try {
        c.sql << "ROLLBACK";
      } catch (...) {
      }
      throw;
    }
    Exec(tx.Prepared<CommitStmt>().st);
  }

  void RunWrite(const std::function<bool(Tx&)>& fn) override {
    Job job{&fn, {}, {}};
    auto done = job.done.get_future();
    {
      std::lock_guard lock(mu_);
      queue_.push_back(&job);
    }
    cv_.notify_one();
    done.wait();
    if (job.error) std::rethrow_exception(job.error);
  }

 private:
  // A connection with the statements prepared on it (destroyed before the session).
  struct Connection {
    soci::session sql;
    StatementCache cache;
  };

  // A reader connection for the length of one Read().
  class Lease {
   public:
    explicit Lease(SociDatabase& db) : db_(db) {
      std::unique_lock lock(db_.pool_mu_);
      db_.pool_cv_.wait(lock, [&] { return !db_.idle_.empty(); });
      c_ = db_.idle_.back();
      db_.idle_.pop_back();
    }
    ~Lease() {
      {
        std::lock_guard lock(db_.pool_mu_);
        db_.idle_.push_back(c_);
      }
      db_.pool_cv_.notify_one();
    }
    Connection& connection() { return *c_; }

   private:
    SociDatabase& db_;
    Connection* c_;
  };

  template <const char* kSql>
  struct Fixed {
    explicit Fixed(soci::session& s) : st(s) {
      st.alloc();
      st.prepare(kSql);
      st.define_and_bind();
    }
    soci::statement st;
  };
  static constexpr char kBegin[] = "BEGIN";
  static constexpr char kCommit[] = "COMMIT";
  static constexpr char kBeginSnapshot[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  using BeginStmt = Fixed<kBegin>;
  using BeginSnapshotStmt = Fixed<kBeginSnapshot>;
  using CommitStmt = Fixed<kCommit>;
  static void Exec(soci::statement& st) { st.execute(true); }

  struct Job {
    const std::function<bool(Tx&)>* fn;
    std::promise<void> done;
    std::exception_ptr error;
  };

  void WriterLoop() {
    std::vector<Job*> batch;
    for (;;) {
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, nothing left
        const std::size_t n = std::min<std::size_t>(queue_.size(), max_batch_);
        batch.assign(queue_.begin(), queue_.begin() + n);
        queue_.erase(queue_.begin(), queue_.begin() + n);
      }
      RunBatch(batch);
      for (Job* j : batch) j->done.set_value();
      batch.clear();
    }
  }

  // One transaction and one durable commit for the whole batch. Jobs run optimistically
  // without savepoints; when one fails (a failed Result or an exception) the batch is rolled
  // back, that job runs again on its own (its failure is then its answer), and the rest of
  // the batch runs again without it. Jobs are functions of the database state, so running
  // one again is safe.
  void RunBatch(std::vector<Job*>& batch) {
    std::vector<Job*> pending = batch;
    while (!pending.empty()) {
      if (pending.size() == 1) {
        RunAlone(*pending.front());
        return;
      }
      std::size_t failed = pending.size();
      try {
        Begin();
        Tx tx(writer_, target_.dialect, writer_cache_);
        for (std::size_t i = 0; i < pending.size() && failed == pending.size(); ++i) {
          try {
            if (!(*pending[i]->fn)(tx)) failed = i;
          } catch (...) {
            failed = i;
          }
        }
        if (failed == pending.size()) {
          writer_ << "COMMIT";
          return;
        }
        writer_ << "ROLLBACK";
      } catch (...) {
        FailBatch(pending, std::current_exception());
        return;
      }
      RunAlone(*pending[failed]);
      pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(failed));
    }
  }

  // One job in a transaction of its own.
  void RunAlone(Job& job) {
    try {
      Begin();
      Tx tx(writer_, target_.dialect, writer_cache_);
      bool keep = false;
      try {
        keep = (*job.fn)(tx);
      } catch (...) {
        job.error = std::current_exception();
      }
      writer_ << (keep && !job.error ? "COMMIT" : "ROLLBACK");
    } catch (...) {
      if (!job.error) job.error = std::current_exception();
      try {
        writer_ << "ROLLBACK";
      } catch (...) {
      }
    }
  }

  void Begin() { writer_ << (target_.dialect == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN"); }

  void FailBatch(std::vector<Job*>& batch, std::exception_ptr e) {
    for (Job* j : batch)
      if (!j->error) j->error = e;
    try {
      writer_ << "ROLLBACK";
    } catch (...) {
    }
    spdlog::error("database: a group commit failed; its writes were rolled back");
  }

  // Applies pending migrations in one transaction; refuses a schema newer than this binary.
  void Migrate(const Clock& clock) {
    soci::session& s = writer_;
    const bool pg = target_.dialect == Dialect::kPostgres;
    s << (pg ? "BEGIN" : "BEGIN IMMEDIATE");
    try {
      if (pg) s << "SELECT pg_advisory_xact_lock(7246150)";  // one migrating server at a time
      s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at_us BIGINT NOT NULL)";
      int current = 0;
      soci::indicator ind = soci::i_ok;
      s << "SELECT MAX(version) FROM schema_migrations", soci::into(current, ind);
      if (ind != soci::i_ok) current = 0;
      const int latest = LatestSchemaVersion();
      if (current > latest)
        throw SchemaTooNew(fmt::format(
            "the database has schema version {}, newer than this program's {}: refusing to start",
            current, latest));
      for (const auto& m : Migrations()) {
        if (m.version <= current) continue;
        for (const auto& stmt : MigrationStatements(m.sql, target_.dialect)) s << stmt;
        const long long now = ToMicros(clock.Now());
        const std::string name(m.name);
        s << "INSERT INTO schema_migrations (version, name, applied_at_us) VALUES (:v, :n, :t)",
            soci::use(m.version), soci::use(name), soci::use(now);
        spdlog::info("database: applied migration {}", name);
      }
      s << "COMMIT";
    } catch (...) {
      try {
        s << "ROLLBACK";
      } catch (...) {
      }
      throw;
    }
  }

  Target target_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  soci::session writer_;
  StatementCache writer_cache_;
  std::size_t max_batch_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

int Database::LatestSchemaVersion() {
  int v = 0;
  for (const auto& m : Migrations()) v = std::max(v, m.version);
  return v;
}

std::unique_ptr<Database> Database::Open(const DatabaseOptions& options, const Clock& clock) {
  // Before SQLite's first use: no global allocation statistics (a process-wide mutex taken
  // on every malloc), and multi-thread mode (a connection is used by one thread at a time).
  static const bool configured = [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    return true;
  }();
  (void)configured;
  return std::make_unique<SociDatabase>(options, ParseUrl(options), clock);
}

bool IsStorageFull(const std::exception& e) {
  if (dynamic_cast<const StorageFull*>(&e)) return true;
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e))
    return (lite->result() & 0xFF) == 13;  // SQLITE_FULL
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e))
    return pg->sqlstate().rfind("53", 0) == 0;
  if (const auto* sys = dynamic_cast<const std::system_error*>(&e))
    return sys->code() == std::errc::no_space_on_device || sys->code().value() == EDQUOT;
  return false;
}

}  // namespace huidig::store
