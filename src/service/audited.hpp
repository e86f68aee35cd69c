#pragma once
// R-AUD-1: every read and write of client data leaves an audit entry that is durable before
// the answer goes out, refusals included.
//
// AuditedRead loads and unseals in a read transaction on the caller's own thread; only the
// entries it noted go to the one writer thread. AuditedWrite runs the change and its entries
// as one write job: when the change is refused, nothing of it is kept, and the entries noted
// for the refusal are written on their own.

#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "service/context.hpp"

namespace huidig::service {

// The audit entries one use case has to write.
class AuditNotes {
 public:
  void Add(audit::Entry e) { entries_.push_back(std::move(e)); }
  bool empty() const { return entries_.empty(); }
  void AppendTo(store::Tx& tx, const audit::AuditLog& log) const {
    for (const auto& e : entries_) log.Append(tx, e);
  }
  void Clear() { entries_.clear(); }

 private:
  std::vector<audit::Entry> entries_;
};

// load(Tx&, AuditNotes&) -> R, run in a read transaction; returns once its notes are durable.
template <class F>
auto AuditedRead(const Context& ctx, F&& load) {
  AuditNotes notes;
  auto out = ctx.db.Read([&](store::Tx& tx) {
    notes.Clear();
    return load(tx, notes);
  });
  if (!notes.empty()) ctx.db.Write([&](store::Tx& tx) { notes.AppendTo(tx, ctx.audit); });
  return out;
}

// change(Tx&, AuditNotes&) -> Result<T>, run on the writer; its notes commit with it. A failed
// Result rolls the change back and keeps only the notes (the refusal stays in the log).
template <class F>
auto AuditedWrite(const Context& ctx, F&& change) {
  AuditNotes notes;
  auto out = ctx.db.Write([&](store::Tx& tx) {
    notes.Clear();  // the writer may run a job again (see Database::Write)
    auto r = change(tx, notes);
    if (r) notes.AppendTo(tx, ctx.audit);
    return r;
  });
  if (!out && !notes.empty()) ctx.db.Write([&](store::Tx& tx) { notes.AppendTo(tx, ctx.audit); });
  return out;
}

}  // namespace huidig::service
