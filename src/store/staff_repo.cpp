#include "store/staff_repo.hpp"

#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using detail::MicrosOut;
using detail::NullableMicros;
using detail::NullableText;
using detail::TextOut;
using soci::into;
using soci::use;

constexpr const char* kInsertUser =
    "INSERT INTO users (id, practice_id, email, display_name, role, all_locations, "
    "password_hash, must_change_password, totp_secret, totp_pending_secret, totp_last_step, "
    "disabled, access_expires_at_us, created_at_us, updated_at_us) VALUES (:id, :p, :e, :d, :r, "
    ":a, :h, :m, :ts, :tp, :tl, :x, :ex, :c, :u)";
constexpr const char* kSelectUser =
    "SELECT id, practice_id, email, display_name, role, all_locations, password_hash, "
    "must_change_password, totp_secret, totp_pending_secret, totp_last_step, disabled, "
    "access_expires_at_us, created_at_us, updated_at_us FROM users ";
constexpr const char* kSelectUserLocations =
    "SELECT location_id FROM user_locations WHERE user_id = :u ORDER BY location_id";

// The user columns of kSelectUser, bound to a statement, then turned into a record.
struct UserOut {
  UserRecord u;
  std::string role;
  int all = 0, must = 0, disabled = 0;
  long long last_step = 0, created = 0, updated = 0;
  TextOut secret, pending;
  MicrosOut expires;

  void Bind(soci::statement& st) {
    st.exchange(into(u.id.value));
    st.exchange(into(u.practice.value));
    st.exchange(into(u.email));
    st.exchange(into(u.display_name));
    st.exchange(into(role));
    st.exchange(into(all));
    st.exchange(into(u.password_hash));
    st.exchange(into(must));
    st.exchange(into(secret.value, secret.ind));
    st.exchange(into(pending.value, pending.ind));
    st.exchange(into(last_step));
    st.exchange(into(disabled));
    st.exchange(into(expires.value, expires.ind));
    st.exchange(into(created));
    st.exchange(into(updated));
  }
  UserRecord Get() const;
};

void LoadLocations(Tx& tx, UserRecord& u) {
  if (u.all_locations) return;
  std::string location;
  soci::statement st = (tx.sql().prepare << kSelectUserLocations, into(location), use(u.id.value));
  st.execute();
  while (st.fetch()) u.locations.push_back(LocationId{location});
}

std::optional<UserRecord> ReadUser(Tx& tx, const std::string& where, const std::string& arg) {
  UserOut out;
  soci::statement st(tx.sql());
  out.Bind(st);
  st.exchange(use(arg));
  st.alloc();
  st.prepare(std::string(kSelectUser) + where);
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  UserRecord u = out.Get();
  LoadLocations(tx, u);
  return u;
}

UserRecord UserOut::Get() const {
  UserRecord u = this->u;
  u.role = domain::ParseRole(role).value_or(domain::Role::kAssistant);
  u.all_locations = all != 0;
  u.must_change_password = must != 0;
  u.totp_secret = secret.get();
  u.totp_pending_secret = pending.get();
  u.totp_last_step = last_step;
  u.disabled = disabled != 0;
  u.access_expires_at = expires.get();
  u.created_at = FromMicros(created);
  u.updated_at = FromMicros(updated);
  return u;
}

}  // namespace

void UserRepo::Insert(Tx& tx, const UserRecord& u) const {
  const std::string role(domain::RoleName(u.role));
  const int all = u.all_locations, must = u.must_change_password, disabled = u.disabled;
  const long long last_step = u.totp_last_step, created = ToMicros(u.created_at),
                  updated = ToMicros(u.updated_at);
  NullableText secret(u.totp_secret), pending(u.totp_pending_secret);
  NullableMicros expires(u.access_expires_at);
  auto& s = tx.sql();
  s << kInsertUser, use(u.id.value), use(u.practice.value), use(u.email), use(u.display_name),
      use(role), use(all), use(u.password_hash), use(must), use(secret.value, secret.ind),
      use(pending.value, pending.ind), use(last_step), use(disabled),
      use(expires.value, expires.ind), use(created), use(updated);
  for (const auto& l : u.locations)
    s << "INSERT INTO user_locations (user_id, location_id) VALUES (:u, :l)", use(u.id.value),
        use(l.value);
}

bool UserRepo::UpdateAccess(Tx& tx, const UserRecord& u) const {
  const std::string role(domain::RoleName(u.role));
  const int all = u.all_locations, disabled = u.disabled;
  const long long updated = ToMicros(u.updated_at);
  NullableMicros expires(u.access_expires_at);
  soci::statement st =
      (tx.sql().prepare << "UPDATE users SET role = :r, all_locations = :a, disabled = :x, "
                           "access_expires_at_us = :ex, updated_at_us = :u WHERE id = :id AND "
                           "practice_id = :p",
       use(role), use(all), use(disabled), use(expires.value, expires.ind), use(updated),
       use(u.id.value), use(u.practice.value));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  tx.sql() << "DELETE FROM user_locations WHERE user_id = :u", use(u.id.value);
  for (const auto& l : u.locations)
    tx.sql() << "INSERT INTO user_locations (user_id, location_id) VALUES (:u, :l)",
        use(u.id.value), use(l.value);
  return true;
}

std::optional<UserRecord> UserRepo::FindByEmail(Tx& tx, const std::string& email) const {
  return ReadUser(tx, "WHERE email = :e", email);
}

std::optional<UserRecord> UserRepo::Find(Tx& tx, const UserId& id) const {
  return ReadUser(tx, "WHERE id = :id", id.value);
}

std::vector<UserRecord> UserRepo::ForPractice(Tx& tx, const PracticeId& practice) const {
  std::vector<UserRecord> out;
  UserOut u;
  soci::statement st(tx.sql());
  u.Bind(st);
  st.exchange(use(practice.value));
  st.alloc();
  st.prepare(std::string(kSelectUser) + "WHERE practice_id = :p ORDER BY display_name, id");
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      out.push_back(u.Get());
    } while (st.fetch());
  }
  return out;
}

void UserRepo::SetPassword(Tx& tx, const UserId& id, const std::string& hash, bool must_change,
                           Instant now) const {
  const int must = must_change;
  const long long t = ToMicros(now);
  tx.sql() << "UPDATE users SET password_hash = :h, must_change_password = :m, updated_at_us = :t "
              "WHERE id = :id",
      use(hash), use(must), use(t), use(id.value);
}

void UserRepo::SetTotpPending(Tx& tx, const UserId& id, const std::optional<std::string>& sealed,
                              Instant now) const {
  NullableText v(sealed);
  const long long t = ToMicros(now);
  tx.sql() << "UPDATE users SET totp_pending_secret = :s, updated_at_us = :t WHERE id = :id",
      use(v.value, v.ind), use(t), use(id.value);
}

void UserRepo::EnableTotp(Tx& tx, const UserId& id, const std::string& sealed, std::int64_t step,
                          Instant now) const {
  const long long t = ToMicros(now), st = step;
  tx.sql() << "UPDATE users SET totp_secret = :s, totp_pending_secret = NULL, totp_last_step = :l, "
              "updated_at_us = :t WHERE id = :id",
      use(sealed), use(st), use(t), use(id.value);
}

void UserRepo::SetTotpLastStep(Tx& tx, const UserId& id, std::int64_t step) const {
  const long long st = step;
  tx.sql() << "UPDATE users SET totp_last_step = :l WHERE id = :id", use(st), use(id.value);
}

void UserRepo::ClearTotp(Tx& tx, const UserId& id, Instant now) const {
  const long long t = ToMicros(now);
  tx.sql() << "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0, "
              "updated_at_us = :t WHERE id = :id",
      use(t), use(id.value);
}

std::optional<LoginFailureRecord> UserRepo::Failures(Tx& tx, const std::string& login_hash) const {
  int failures = 0;
  long long last = 0;
  tx.sql() << "SELECT failures, last_failure_at_us FROM login_failures WHERE login_hash = :h",
      into(failures), into(last), use(login_hash);
  if (!tx.sql().got_data()) return std::nullopt;
  return LoginFailureRecord{failures, FromMicros(last)};
}

LoginFailureRecord UserRepo::LockFailures(Tx& tx, const std::string& login_hash) const {
  auto& s = tx.sql();
  s << "INSERT INTO login_failures (login_hash, failures, last_failure_at_us) VALUES (:h, 0, 0) "
       "ON CONFLICT (login_hash) DO NOTHING",
      use(login_hash);
  int failures = 0;
  long long last = 0;
  const std::string lock = tx.dialect() == Dialect::kPostgres ? " FOR UPDATE" : "";
  s << "SELECT failures, last_failure_at_us FROM login_failures WHERE login_hash = :h" + lock,
      into(failures), into(last), use(login_hash);
  return LoginFailureRecord{failures, FromMicros(last)};
}

void UserRepo::ForgiveFailure(Tx& tx, const std::string& login_hash) const {
  tx.sql() << "UPDATE login_failures SET failures = failures - 1 WHERE login_hash = :h AND "
              "failures > 0",
      use(login_hash);
}

void UserRepo::SetFailures(Tx& tx, const std::string& login_hash,
                           const LoginFailureRecord& f) const {
  const long long last = ToMicros(f.last_failure_at);
  tx.sql() << "INSERT INTO login_failures (login_hash, failures, last_failure_at_us) VALUES (:h, :f, "
              ":l) ON CONFLICT (login_hash) DO UPDATE SET failures = excluded.failures, "
              "last_failure_at_us = excluded.last_failure_at_us",
      use(login_hash), use(f.failures), use(last);
}

void UserRepo::ClearFailures(Tx& tx, const std::string& login_hash) const {
  tx.sql() << "DELETE FROM login_failures WHERE login_hash = :h", use(login_hash);
}

void LoginSessionRepo::Insert(Tx& tx, const LoginSessionRecord& s) const {
  const long long created = ToMicros(s.created_at), seen = ToMicros(s.last_seen_at);
  tx.sql() << "INSERT INTO sessions (token_hash, user_id, practice_id, created_at_us, "
              "last_seen_at_us) VALUES (:t, :u, :p, :c, :s)",
      use(s.token_hash), use(s.user.value), use(s.practice.value), use(created), use(seen);
}

namespace {

// The lookup behind every request, prepared once per connection.
struct FindWithUserStmt {
  explicit FindWithUserStmt(soci::session& s) : st(s) {
    user.Bind(st);
    st.exchange(into(created));
    st.exchange(into(seen));
    st.exchange(into(totp));
    st.exchange(use(token_hash));
    st.alloc();
    st.prepare(
        "SELECT u.id, u.practice_id, u.email, u.display_name, u.role, u.all_locations, "
        "u.password_hash, u.must_change_password, u.totp_secret, u.totp_pending_secret, "
        "u.totp_last_step, u.disabled, u.access_expires_at_us, u.created_at_us, u.updated_at_us, "
        "s.created_at_us, s.last_seen_at_us, p.totp_required FROM sessions s "
        "JOIN users u ON u.id = s.user_id JOIN practices p ON p.id = u.practice_id "
        "WHERE s.token_hash = :t");
    st.define_and_bind();
  }
  soci::statement st;
  UserOut user;
  long long created = 0, seen = 0;
  int totp = 1;
  std::string token_hash;
};

}  // namespace

std::optional<LoginSessionWithUser> LoginSessionRepo::FindWithUser(Tx& tx, const std::string& token_hash) const {
  auto& q = tx.Prepared<FindWithUserStmt>();
  q.token_hash = token_hash;
  const bool found = q.st.execute(true);
  if (!found) return std::nullopt;
  LoginSessionWithUser out;
  out.user = q.user.Get();
  out.session = {token_hash, out.user.id, out.user.practice, FromMicros(q.created), FromMicros(q.seen)};
  out.practice_totp_required = q.totp != 0;
  detail::Finish(q.st);
  LoadLocations(tx, out.user);
  return out;
}

std::optional<LoginSessionRecord> LoginSessionRepo::Find(Tx& tx, const std::string& token_hash) const {
  LoginSessionRecord r;
  long long created = 0, seen = 0;
  tx.sql() << "SELECT token_hash, user_id, practice_id, created_at_us, last_seen_at_us FROM "
              "sessions WHERE token_hash = :t",
      into(r.token_hash), into(r.user.value), into(r.practice.value), into(created), into(seen),
      use(token_hash);
  if (!tx.sql().got_data()) return std::nullopt;
  r.created_at = FromMicros(created);
  r.last_seen_at = FromMicros(seen);
  return r;
}

void LoginSessionRepo::Touch(Tx& tx, const std::string& token_hash, Instant now) const {
  const long long t = ToMicros(now);
  tx.sql() << "UPDATE sessions SET last_seen_at_us = :t WHERE token_hash = :h", use(t),
      use(token_hash);
}

void LoginSessionRepo::Delete(Tx& tx, const std::string& token_hash) const {
  tx.sql() << "DELETE FROM sessions WHERE token_hash = :h", use(token_hash);
}

void LoginSessionRepo::DeleteForUser(Tx& tx, const UserId& user) const {
  tx.sql() << "DELETE FROM sessions WHERE user_id = :u", use(user.value);
}

void LoginSessionRepo::DeleteOthersOfUser(Tx& tx, const UserId& user,
                                     const std::string& keep_token_hash) const {
  tx.sql() << "DELETE FROM sessions WHERE user_id = :u AND token_hash <> :k", use(user.value),
      use(keep_token_hash);
}

}  // namespace huidig::store
