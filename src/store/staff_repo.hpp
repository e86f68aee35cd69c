#pragma once
// Practices, locations, users, failed logins and sessions. Stateless; every method takes
// the transaction it runs in.

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace huidig::store {

class PracticeRepo {
 public:
  void Insert(Tx& tx, const PracticeRecord& p) const;
  std::optional<PracticeRecord> Find(Tx& tx, const PracticeId& id) const;
  std::vector<PracticeRecord> All(Tx& tx) const;
  void SetTotpRequired(Tx& tx, const PracticeId& id, bool required) const;
  void SetSignRequiresPassword(Tx& tx, const PracticeId& id, bool required) const;

  void InsertLocation(Tx& tx, const LocationRecord& l, Instant now) const;
  // Every location of the practice, open and closed, by name.
  std::vector<LocationRecord> Locations(Tx& tx, const PracticeId& practice) const;
  // Name and closing as in l (found by l.id in l.practice); false when there is none.
  bool UpdateLocation(Tx& tx, const LocationRecord& l) const;
};

class UserRepo {
 public:
  // REQUIRES: email is lower-case. Throws on a duplicate email (unique index).
  void Insert(Tx& tx, const UserRecord& u) const;
  std::optional<UserRecord> FindByEmail(Tx& tx, const std::string& email) const;
  std::optional<UserRecord> Find(Tx& tx, const UserId& id) const;
  // Everyone of the practice, by name (without locations).
  std::vector<UserRecord> ForPractice(Tx& tx, const PracticeId& practice) const;
  // Role, locations, disabled and the end of access as in u (found by u.id in u.practice);
  // false when there is no such user.
  bool UpdateAccess(Tx& tx, const UserRecord& u) const;
  void SetPassword(Tx& tx, const UserId& id, const std::string& hash, bool must_change,
                   Instant now) const;
  void SetTotpPending(Tx& tx, const UserId& id, const std::optional<std::string>& sealed,
                      Instant now) const;
  void EnableTotp(Tx& tx, const UserId& id, const std::string& sealed, std::int64_t step,
                  Instant now) const;
  void SetTotpLastStep(Tx& tx, const UserId& id, std::int64_t step) const;
  // No second factor any more, enrolled or pending: the next login enrols again.
  void ClearTotp(Tx& tx, const UserId& id, Instant now) const;

  std::optional<LoginFailureRecord> Failures(Tx& tx, const std::string& login_hash) const;
  // The failures of a login name, held for the rest of the transaction: on PostgreSQL a row
  // lock, so that servers sharing the database count one attempt at a time; on SQLite the
  // one writer already does. A missing row is made (with no failures) to have one to lock.
  LoginFailureRecord LockFailures(Tx& tx, const std::string& login_hash) const;
  // One failure fewer (not below none): an attempt counted in advance that proved right.
  void ForgiveFailure(Tx& tx, const std::string& login_hash) const;
  void SetFailures(Tx& tx, const std::string& login_hash, const LoginFailureRecord& f) const;
  void ClearFailures(Tx& tx, const std::string& login_hash) const;
};

// A session with its user and the practice's TOTP rule: what every request needs.
struct LoginSessionWithUser {
  LoginSessionRecord session;
  UserRecord user;
  bool practice_totp_required = true;
};

class LoginSessionRepo {
 public:
  // One query for the common path of every request.
  std::optional<LoginSessionWithUser> FindWithUser(Tx& tx, const std::string& token_hash) const;
  void Insert(Tx& tx, const LoginSessionRecord& s) const;
  std::optional<LoginSessionRecord> Find(Tx& tx, const std::string& token_hash) const;
  void Touch(Tx& tx, const std::string& token_hash, Instant now) const;
  void Delete(Tx& tx, const std::string& token_hash) const;
  void DeleteForUser(Tx& tx, const UserId& user) const;
  // Every session of the user except the one named.
  void DeleteOthersOfUser(Tx& tx, const UserId& user, const std::string& keep_token_hash) const;
};

}  // namespace huidig::store
