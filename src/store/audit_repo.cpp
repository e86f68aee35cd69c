#include "store/audit_repo.hpp"

#include "store/soci_util.hpp"

namespace huidig::store {
namespace {

using detail::NullableText;
using detail::TextOut;
using soci::into;
using soci::use;

// The statements of an append, prepared once on the writer's connection.
struct HeadStmt {
  explicit HeadStmt(soci::session& s)
      : st((s.prepare << "SELECT seq, hash FROM audit_heads WHERE practice_id = :p", into(head.seq),
            into(head.hash), use(practice))) {}
  AuditHead head;
  std::string practice;
  soci::statement st;
};

struct InsertStmt {
  explicit InsertStmt(soci::session& s)
      : behalf(std::nullopt),
        client(std::nullopt),
        location(std::nullopt),
        object(std::nullopt),
        st((s.prepare << "INSERT INTO audit_log (practice_id, seq, at_us, actor_id, actor_role, "
                         "on_behalf_of, client_id, location_id, action, object_type, object_id, "
                         "remote_addr, outcome, prev_hash, hash) VALUES (:p, :s, :t, :a, :r, :b, :c, "
                         ":l, :ac, :ot, :oi, :ra, :o, :ph, :h)",
            use(r.practice_id), use(r.seq), use(r.at_us), use(r.actor_id), use(r.actor_role),
            use(behalf.value, behalf.ind), use(client.value, client.ind),
            use(location.value, location.ind), use(r.action), use(r.object_type),
            use(object.value, object.ind), use(r.remote_addr), use(r.outcome), use(r.prev_hash),
            use(r.hash))) {}
  AuditRow r;
  NullableText behalf, client, location, object;
  soci::statement st;
};

struct MoveHeadStmt {
  explicit MoveHeadStmt(soci::session& s)
      : st((s.prepare << "UPDATE audit_heads SET seq = :s, hash = :h WHERE practice_id = :p",
            use(seq), use(hash), use(practice))) {}
  long long seq = 0;
  std::string hash, practice;
  soci::statement st;
};

}  // namespace

std::optional<AuditHead> AuditRepo::LockHead(Tx& tx, const std::string& practice) const {
  // On PostgreSQL a no-op update takes the row lock, so servers sharing the database extend
  // the chain one at a time. SQLite's write transaction (BEGIN IMMEDIATE) already excludes
  // every other writer.
  if (tx.dialect() == Dialect::kPostgres)
    tx.sql() << "UPDATE audit_heads SET seq = seq WHERE practice_id = :p", use(practice);
  return Head(tx, practice);
}

std::optional<AuditHead> AuditRepo::Head(Tx& tx, const std::string& practice) const {
  auto& q = tx.Prepared<HeadStmt>();
  q.practice = practice;
  if (!q.st.execute(true)) return std::nullopt;
  AuditHead h = q.head;
  detail::Finish(q.st);
  return h;
}

void AuditRepo::Append(Tx& tx, const AuditRow& r) const {
  auto& ins = tx.Prepared<InsertStmt>();
  ins.r = r;
  ins.behalf = NullableText(r.on_behalf_of);
  ins.client = NullableText(r.client_id);
  ins.location = NullableText(r.location_id);
  ins.object = NullableText(r.object_id);
  ins.st.execute(true);
  if (r.seq == 1) {
    tx.sql() << "INSERT INTO audit_heads (practice_id, seq, hash) VALUES (:p, :s, :h)",
        use(r.practice_id), use(r.seq), use(r.hash);
  } else {
    auto& head = tx.Prepared<MoveHeadStmt>();
    head.seq = r.seq;
    head.hash = r.hash;
    head.practice = r.practice_id;
    head.st.execute(true);
  }
}

void AuditRepo::Scan(Tx& tx, const std::string& practice,
                     const std::function<void(const AuditRow&)>& visit) const {
  AuditRow r;
  TextOut behalf, client, location, object;
  soci::statement st =
      (tx.sql().prepare << "SELECT practice_id, seq, at_us, actor_id, actor_role, on_behalf_of, "
                           "client_id, location_id, action, object_type, object_id, remote_addr, "
                           "outcome, prev_hash, hash FROM audit_log WHERE practice_id = :p "
                           "ORDER BY seq",
       into(r.practice_id), into(r.seq), into(r.at_us), into(r.actor_id), into(r.actor_role),
       into(behalf.value, behalf.ind), into(client.value, client.ind),
       into(location.value, location.ind), into(r.action), into(r.object_type),
       into(object.value, object.ind), into(r.remote_addr), into(r.outcome), into(r.prev_hash),
       into(r.hash), use(practice));
  st.execute();
  while (st.fetch()) {
    r.on_behalf_of = behalf.get();
    r.client_id = client.get();
    r.location_id = location.get();
    r.object_id = object.get();
    visit(r);
  }
}

std::vector<std::string> AuditRepo::Practices(Tx& tx) const {
  std::string p;
  soci::statement st = (tx.sql().prepare << "SELECT id FROM practices ORDER BY id", into(p));
  return detail::FetchAll(st, p);
}

}  // namespace huidig::store
