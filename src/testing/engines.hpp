#pragma once
// Store tests run on both engines: SQLite in a temp folder, and a real PostgreSQL server
// (started by ctest's `postgresql` fixture, or by the first test that needs it).

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/fake_clock.hpp"
#include "store/database.hpp"

namespace huidig::testing {

// "sqlite" and "postgresql": for INSTANTIATE_TEST_SUITE_P.
std::vector<std::string> Engines();

// A fresh, empty database (its own file, or its own PostgreSQL schema), migrated.
struct TestDatabase {
  std::filesystem::path dir;      // a temp folder, removed at the end
  store::DatabaseOptions options;  // to open it again
  FakeClock clock{FromMicros(1'790'000'000'000'000)};  // stamps the migrations
  std::unique_ptr<store::Database> db;
  ~TestDatabase();
};
std::unique_ptr<TestDatabase> OpenTestDatabase(const std::string& engine);

// Runs SQL outside the application (tests tamper with tables through it).
void ExecRaw(const TestDatabase& t, const std::string& sql);

// Makes every audit insert fail (a trigger), as a full or broken table would; false undoes it.
void BreakAuditLog(const TestDatabase& t, bool broken = true);

}  // namespace huidig::testing
