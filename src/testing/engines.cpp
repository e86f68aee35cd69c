#include "testing/engines.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <random>
#include <stdexcept>

namespace huidig::testing {
namespace {

namespace fs = std::filesystem;

std::string RandomSuffix() {
  static std::mt19937_64 rng(std::random_device{}());
  static std::mutex mu;
  std::lock_guard lock(mu);
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (int i = 0; i < 12; ++i) s += kChars[rng() % 36];
  return s;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  std::string s;
  std::getline(in, s);
  return s;
}

// The server of this test run: HUIDIG_TEST_POSTGRES, the ctest fixture's, or our own.
std::string PostgresUrl() {
  static std::once_flag once;
  static std::string url;
  std::call_once(once, [] {
    if (const char* env = std::getenv("HUIDIG_TEST_POSTGRES")) {
      url = env;
      return;
    }
    const fs::path fixture = fs::path(HUIDIG_BINARY_DIR) / "test-postgres";
    if (fs::exists(fixture / "url")) {
      url = ReadFile(fixture / "url");
      return;
    }
    // Run outside ctest: start a server for this process and stop it at exit.
    static const fs::path own = fs::temp_directory_path() / ("huidig-pg-" + RandomSuffix());
    const std::string script = std::string(HUIDIG_SOURCE_DIR) + "/scripts/test-postgres";
    if (std::system((script + " start " + own.string() + " >/dev/null").c_str()) != 0)
      throw std::runtime_error("could not start a PostgreSQL server for the tests");
    std::atexit([] {
      const std::string s = std::string(HUIDIG_SOURCE_DIR) + "/scripts/test-postgres stop " + own.string();
      (void)std::system(s.c_str());
    });
    url = ReadFile(own / "url");
  });
  return url;
}

// postgresql://postgres@127.0.0.1:PORT/postgres -> keywords, for direct SOCI sessions.
std::string PostgresKeywords() {
  const std::string url = PostgresUrl();
  const auto colon = url.rfind(':');
  const auto slash = url.find('/', colon);
  return "host=127.0.0.1 user=postgres dbname=postgres port=" + url.substr(colon + 1, slash - colon - 1);
}

}  // namespace

std::vector<std::string> Engines() { return {"sqlite", "postgresql"}; }

TestDatabase::~TestDatabase() {
  db.reset();
  if (!options.schema.empty()) {
    const auto schema = options.schema;
    try {
      soci::session s(soci::postgresql, PostgresKeywords());
      s << "SET client_min_messages TO WARNING";
      s << "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
    } catch (...) {
    }
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

std::unique_ptr<TestDatabase> OpenTestDatabase(const std::string& engine) {
  auto t = std::make_unique<TestDatabase>();
  t->dir = fs::temp_directory_path() / ("huidig-test-" + RandomSuffix());
  fs::create_directories(t->dir);
  t->options.base_dir = t->dir;
  t->options.readers = 4;
  if (engine == "sqlite") {
    t->options.url = "sqlite:huidig.db";
  } else if (engine == "postgresql") {
    const std::string schema = "t_" + RandomSuffix();
    const std::string base = PostgresUrl();
    {
      soci::session s(soci::postgresql, PostgresKeywords());
      s << "CREATE SCHEMA " + schema;
    }
    t->options.url = base;
    t->options.schema = schema;
  } else {
    throw std::invalid_argument("unknown engine " + engine);
  }
  t->db = store::Database::Open(t->options, t->clock);
  return t;
}

void ExecRaw(const TestDatabase& t, const std::string& sql) {
  if (!t.options.schema.empty()) {
    soci::session s(soci::postgresql, PostgresKeywords());
    s << "SET search_path TO " + t.options.schema;
    s << sql;
  } else {
    soci::session s(soci::sqlite3, "db=" + (t.dir / "huidig.db").string());
    s << sql;
  }
}

void BreakAuditLog(const TestDatabase& t, bool broken) {
  const bool pg = !t.options.schema.empty();
  if (!broken) {
    ExecRaw(t, pg ? "DROP TRIGGER audit_down ON audit_log" : "DROP TRIGGER audit_down");
  } else if (pg) {
    ExecRaw(t, "CREATE OR REPLACE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS "
               "$$ BEGIN RAISE EXCEPTION 'audit down'; END $$");
    ExecRaw(t, "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW "
               "EXECUTE FUNCTION audit_down()");
  } else {
    ExecRaw(t, "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit down'); END");
  }
}

}  // namespace huidig::testing
