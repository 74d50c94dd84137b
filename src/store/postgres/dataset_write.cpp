// Bulk write of a whole data set on PostgreSQL: one transaction, each table by COPY FROM
// STDIN, foreign keys checked once at the end (as SQLite's defer_foreign_keys lets rows
// arrive in any order). The rows and their order are those of store/sqlite/dataset_write.cpp.
#include "core/error.h"
#include "model/keys.h"
#include "model/opportunity_rules.h"
#include "store/codes.h"
#include "store/postgres/copy.h"
#include "store/postgres/foreign_keys.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

namespace {

// Children first so the deletes never orphan a row (sqlite/dataset_write.cpp's list).
const char* const kDatasetTables[] = {"action_item_log", "action_items",     "resolutions",  "meeting_attendees",
                                      "meetings",        "meeting_series",   "activities",   "finance_months",
                                      "forecasts",       "targets",          "payments",     "payment_plan",
                                      "contract_lines",  "contracts",        "bids",         "opportunity_stage_events",
                                      "opportunities",   "competitor_sales", "market_stats", "competitor_products",
                                      "competitors",     "products",         "customers",    "reps",
                                      "regions"};

void write_org(Conn& c, const model::Dataset& d) {
  CopyIn reg(c, "regions(id, name, parent, level)");
  for (auto& r : d.regions) reg.add(r.id).add(r.name).add_id(r.parent).add(r.level).end_row();
  reg.finish();
  CopyIn rep(c, "reps(id, name, region, manager, hire_date, leave_date, employee_no)");
  for (auto& r : d.reps) {
    rep.add(r.id).add(r.name).add_id(r.region).add_id(r.manager).add(r.hire_date).add(r.leave_date);
    rep.add(r.employee_no.empty() ? model::default_employee_no(r.id) : r.employee_no).end_row();
  }
  rep.finish();
  CopyIn cus(c, "customers(id, code, name, industry, size, region, owner_rep, created, lost_reason)");
  for (auto& x : d.customers) {
    cus.add(x.id).add(x.code).add(x.name).add(x.industry).add(size_code(x.size)).add_id(x.region);
    cus.add_id(x.owner_rep).add(x.created).add(x.lost_reason).end_row();
  }
  cus.finish();
  CopyIn pro(c, "products(id, code, name, category, launch_date, list_price, unit_cost)");
  for (auto& p : d.products)
    pro.add(p.id).add(p.code).add(p.name).add(p.category).add(p.launch_date).add(p.list_price).add(p.unit_cost).end_row();
  pro.finish();
}

void write_market(Conn& c, const model::Dataset& d) {
  CopyIn com(c, "competitors(id, name)");
  for (auto& x : d.competitors) com.add(x.id).add(x.name).end_row();
  com.finish();
  CopyIn cp(c, "competitor_products(id, competitor, category, name)");
  for (auto& p : d.competitor_products) cp.add(p.id).add_id(p.competitor).add(p.category).add(p.name).end_row();
  cp.finish();
  CopyIn ms(c, "market_stats(month, industry, region, category, market_size)");
  for (auto& m : d.market_stats)
    ms.add(m.month).add(m.industry).add_id(m.region).add(m.category).add(m.market_size).end_row();
  ms.finish();
  CopyIn cs(c, "competitor_sales(month, competitor_product, region, amount)");
  for (auto& s : d.competitor_sales) cs.add(s.month).add_id(s.competitor_product).add_id(s.region).add(s.amount).end_row();
  cs.finish();
}

void write_deals(Conn& c, const model::Dataset& d) {
  {
    CopyIn opp(c,
               "opportunities(id, customer, rep, category, amount, created, expected_close, stage, closed,"
               " lost_reason, code)");
    for (auto& o : d.opportunities) {
      opp.add(o.id).add_id(o.customer).add_id(o.rep).add(o.category).add(o.amount).add(o.created);
      opp.add(o.expected_close).add(model::stage_code(o.stage)).add(o.closed).add(o.lost_reason);
      opp.add(o.code.empty() ? model::opportunity_code(o.id) : o.code).end_row();
    }
    opp.finish();
    CopyIn ev(c, "opportunity_stage_events(opportunity, seq, stage, date)");
    for (auto& o : d.opportunities) {
      int seq = 0;
      for (auto& e : o.history) ev.add(o.id).add(seq++).add(model::stage_code(e.stage)).add(e.date).end_row();
    }
    ev.finish();
  }
  CopyIn bid(c, "bids(id, opportunity, bid_date, amount, result, result_date)");
  for (auto& b : d.bids)
    bid.add(b.id).add_id(b.opportunity).add(b.bid_date).add(b.amount).add(bid_result_code(b.result)).add(b.result_date).end_row();
  bid.finish();
  insert_contracts(c, d.contracts);
  CopyIn pay(c, "payments(id, contract, date, amount)");
  for (auto& p : d.payments) pay.add(p.id).add_id(p.contract).add(p.date).add(p.amount).end_row();
  pay.finish();
}

void write_plans(Conn& c, const model::Dataset& d) {
  CopyIn tgt(c, "targets(month, metric, owner_kind, owner_id, value)");
  for (auto& t : d.targets)
    tgt.add(t.month).add(model::metric_code(t.metric)).add(model::owner_code(t.owner_kind)).add(t.owner_id).add(t.value).end_row();
  tgt.finish();
  CopyIn fc(c, "forecasts(id, month, rep, value, submitted_at)");
  for (auto& f : d.forecasts) fc.add(f.id).add(f.month).add_id(f.rep).add(f.value).add(f.submitted_at).end_row();
  fc.finish();
  CopyIn fin(c,
             "finance_months(month, revenue, cost_of_sales, selling_expense, admin_expense, finance_expense,"
             " other_income)");
  for (auto& f : d.finance_months)
    fin.add(f.month).add(f.revenue).add(f.cost_of_sales).add(f.selling_expense).add(f.admin_expense).add(f.finance_expense).add(f.other_income).end_row();
  fin.finish();
  CopyIn act(c, "activities(id, rep, customer, date, type)");
  for (auto& a : d.activities) act.add(a.id).add_id(a.rep).add_id(a.customer).add(a.date).add(activity_code(a.type)).end_row();
  act.finish();
}

void write_meetings(Conn& c, const model::Dataset& d) {
  CopyIn ser(c, "meeting_series(id, name, type, level, region)");
  for (auto& s : d.meeting_series) ser.add(s.id).add(s.name).add(s.type).add(s.level).add_id(s.region).end_row();
  ser.finish();
  {
    CopyIn mt(c, "meetings(id, series, date, chair, agenda, minutes, status)");
    for (auto& m : d.meetings)
      mt.add(m.id).add_id(m.series).add(m.date).add_id(m.chair).add(m.agenda).add(m.minutes).add(model::meeting_status_code(m.status)).end_row();
    mt.finish();
    CopyIn att(c, "meeting_attendees(meeting, seq, \"user\")");
    for (auto& m : d.meetings) {
      int seq = 0;
      for (Id u : m.attendees) att.add(m.id).add(seq++).add_id(u).end_row();
    }
    att.finish();
  }
  CopyIn res(c,
             "resolutions(id, meeting, title, description, owner, expected, goal_metric, goal_scope,"
             " goal_comparator, goal_value, due_date, status, closed_date)");
  for (auto& r : d.resolutions) {
    res.add(r.id).add_id(r.meeting).add(r.title).add(r.description).add_id(r.owner).add(r.expected);
    res.add(r.goal_metric).add(r.goal_scope).add(r.goal_comparator).add(r.goal_value).add(r.due_date);
    res.add(model::resolution_status_code(r.status)).add(r.closed_date).end_row();
  }
  res.finish();
  CopyIn ai(c, "action_items(id, resolution, title, owner, due_date, status, done_date)");
  for (auto& a : d.action_items)
    ai.add(a.id).add_id(a.resolution).add(a.title).add_id(a.owner).add(a.due_date).add(model::action_status_code(a.status)).add(a.done_date).end_row();
  ai.finish();
}

}  // namespace

void insert_contracts(Conn& c, const std::vector<model::Contract>& cs) {
  {
    CopyIn con(c, "contracts(id, code, customer, rep, opportunity, signed_date, amount)");
    for (auto& k : cs)
      con.add(k.id).add(k.code).add_id(k.customer).add_id(k.rep).add_id(k.opportunity).add(k.signed_date).add(k.amount).end_row();
    con.finish();
  }
  {
    CopyIn line(c, "contract_lines(contract, seq, product, qty, amount, cost)");
    for (auto& k : cs) {
      int seq = 0;
      for (auto& l : k.lines) line.add(k.id).add(seq++).add_id(l.product).add(l.qty).add(l.amount).add(l.cost).end_row();
    }
    line.finish();
  }
  CopyIn plan(c, "payment_plan(contract, seq, due_date, amount)");
  for (auto& k : cs) {
    int seq = 0;
    for (auto& p : k.plan) plan.add(k.id).add(seq++).add(p.due_date).add(p.amount).end_row();
  }
  plan.finish();
}

// Replaces every data-set table (users, sessions and the audit log stay) in one transaction:
// the foreign keys are dropped, the rows deleted and copied in, and the keys added back,
// which checks every row; a dangling reference fails there and everything rolls back.
void PgStore::write_dataset(const model::Dataset& d) {
  std::lock_guard lock(mu_);
  {
    DataTx tx(*c_);
    const auto fks = foreign_keys(*c_, {std::begin(kDatasetTables), std::end(kDatasetTables)});
    for (const auto& fk : fks) c_->exec(fk.drop);
    for (const char* t : kDatasetTables) c_->exec(std::string("DELETE FROM ") + t);
    write_org(*c_, d);
    write_market(*c_, d);
    write_deals(*c_, d);
    write_plans(*c_, d);
    write_meetings(*c_, d);
    for (const auto& fk : fks) c_->exec(fk.add);
    tx.commit();
  }
  c_->exec("ANALYZE");  // fresh statistics for the planner after replacing every table
}

std::vector<Id> PgStore::add_contracts(const std::vector<model::Contract>& cs, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  for (size_t i = 0; i < cs.size(); ++i) {
    const auto& k = cs[i];
    bool dup = !c_->query("SELECT 1 FROM contracts WHERE lower(trim(code)) = lower(trim($1))", Params().add(k.code)).empty();
    for (size_t j = 0; j < i && !dup; ++j) dup = model::same_code(cs[j].code, k.code);
    if (dup) throw sl::invalid_field("code", "合同编号已存在：" + k.code, "Contract code already exists: " + k.code);
  }
  Id next = next_id(*c_, "contracts") - 1;
  std::vector<model::Contract> rows = cs;
  std::vector<Id> ids;
  for (auto& k : rows) ids.push_back(k.id = ++next);
  insert_contracts(*c_, rows);
  for (const auto& k : rows)
    write_audit(*c_, {at, user, "contract", std::to_string(k.id), "", k.code + " " + std::to_string(k.amount)});
  tx.commit();
  return ids;
}

}  // namespace sl::store::pg
