// 商机维护: a new opportunity, and stage moves recorded in its stage history, each with its
// audit row in one transaction; a move is checked against the history as stored.
#include "core/error.h"
#include "model/opportunity_rules.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {


Id SqliteStore::add_opportunity(const model::Opportunity& o, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  if (!o.code.empty()) {
    Stmt taken(db_, "SELECT 1 FROM opportunities WHERE lower(trim(code)) = lower(trim(?))");
    taken.bind(1, o.code);
    if (taken.step()) throw invalid_field("code", "商机编号已存在：" + o.code, "Opportunity code already exists: " + o.code);
  }
  Stmt top(db_, "SELECT coalesce(max(id), 0) FROM opportunities");
  const Id id = (top.step() ? top.i64(0) : 0) + 1;
  top.reset();
  const std::string code = o.code.empty() ? model::opportunity_code(id) : o.code;
  Stmt ins(db_,
           "INSERT INTO opportunities(id, code, customer, rep, category, amount, created, expected_close, stage, closed,"
           " lost_reason) VALUES (?,?,?,?,?,?,?,?,?,NULL,'')");
  ins.bind(1, id).bind(2, code).bind(3, o.customer).bind(4, o.rep).bind(5, o.category).bind(6, o.amount);
  ins.bind(7, o.created).bind(8, o.expected_close).bind(9, model::stage_code(o.stage)).run();
  Stmt ev(db_, "INSERT INTO opportunity_stage_events(opportunity, seq, stage, date) VALUES (?,0,?,?)");
  ev.bind(1, id).bind(2, model::stage_code(o.stage)).bind(3, o.created).run();
  write_audit(db_, {at, user, "opportunity", std::to_string(id), "",
                    code + " " + model::stage_code(o.stage) + " " + std::to_string(o.amount)});
  tx.commit();
  return id;
}

void SqliteStore::move_opportunity(Id id, model::Stage to, Date on, const std::string& lost_reason, Date today,
                                   Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt q(db_,
         "SELECT o.stage, (SELECT max(date) FROM opportunity_stage_events WHERE opportunity = o.id),"
         " (SELECT coalesce(max(seq), -1) FROM opportunity_stage_events WHERE opportunity = o.id), o.created"
         " FROM opportunities o WHERE o.id = ?");
  q.bind(1, id);
  if (!q.step()) throw not_found();
  const model::Stage from = parse_stage(q.text(0));
  const Date last = q.opt_date(1).value_or(q.date(3));
  const int64_t seq = q.i64(2) + 1;
  q.reset();
  model::check_move(from, last, to, on, today, lost_reason);
  Stmt up(db_, "UPDATE opportunities SET stage = ?, closed = ?, lost_reason = ? WHERE id = ?");
  up.bind(1, model::stage_code(to));
  if (model::is_closed(to))
    up.bind(2, on);
  else
    up.bind_null(2);
  up.bind(3, lost_reason).bind(4, id).run();
  Stmt ev(db_, "INSERT INTO opportunity_stage_events(opportunity, seq, stage, date) VALUES (?,?,?,?)");
  ev.bind(1, id).bind(2, seq).bind(3, model::stage_code(to)).bind(4, on).run();
  write_audit(db_, {at, user, "opportunity", std::to_string(id), model::stage_code(from),
                    std::string(model::stage_code(to)) + " " + format_date(on) +
                        (lost_reason.empty() ? "" : " " + lost_reason)});
  tx.commit();
}

}  // namespace sl::store::sqlite
