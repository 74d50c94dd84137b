// Bulk write of a whole data set: one transaction, one prepared statement per table
// reused for every row (re-preparing per row would cost more than the inserts).
#include "core/error.h"
#include "model/keys.h"
#include "model/opportunity_rules.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

// Tables the data set owns, children first so the deletes never orphan a row.
// action_item_log is not in the Dataset but hangs off action items that are being replaced.
const char* const kDatasetTables[] = {"action_item_log", "action_items",     "resolutions",  "meeting_attendees",
                                      "meetings",        "meeting_series",   "activities",   "finance_months",
                                      "forecasts",       "targets",          "payments",     "payment_plan",
                                      "contract_lines",  "contracts",        "bids",         "opportunity_stage_events",
                                      "opportunities",   "competitor_sales", "market_stats", "competitor_products",
                                      "competitors",     "products",         "customers",    "reps",
                                      "regions"};

void write_org(sqlite3* db, const model::Dataset& d) {
  Stmt reg(db, "INSERT INTO regions(id, name, parent, level) VALUES (?,?,?,?)");
  for (auto& r : d.regions) reg.bind(1, r.id).bind(2, r.name).bind_id(3, r.parent).bind(4, r.level).run();

  Stmt rep(db,
           "INSERT INTO reps(id, name, region, manager, hire_date, leave_date, employee_no) VALUES (?,?,?,?,?,?,?)");
  for (auto& r : d.reps)
    rep.bind(1, r.id)
        .bind(2, r.name)
        .bind_id(3, r.region)
        .bind_id(4, r.manager)
        .bind(5, r.hire_date)
        .bind(6, r.leave_date)
        .bind(7, r.employee_no.empty() ? model::default_employee_no(r.id) : r.employee_no)
        .run();

  Stmt cus(db,
           "INSERT INTO customers(id, code, name, industry, size, region, owner_rep, created, lost_reason)"
           " VALUES (?,?,?,?,?,?,?,?,?)");
  for (auto& c : d.customers)
    cus.bind(1, c.id)
        .bind(2, c.code)
        .bind(3, c.name)
        .bind(4, c.industry)
        .bind(5, size_code(c.size))
        .bind_id(6, c.region)
        .bind_id(7, c.owner_rep)
        .bind(8, c.created)
        .bind(9, c.lost_reason)
        .run();

  Stmt pro(db,
           "INSERT INTO products(id, code, name, category, launch_date, list_price, unit_cost)"
           " VALUES (?,?,?,?,?,?,?)");
  for (auto& p : d.products)
    pro.bind(1, p.id)
        .bind(2, p.code)
        .bind(3, p.name)
        .bind(4, p.category)
        .bind(5, p.launch_date)
        .bind(6, p.list_price)
        .bind(7, p.unit_cost)
        .run();
}

void write_market(sqlite3* db, const model::Dataset& d) {
  Stmt com(db, "INSERT INTO competitors(id, name) VALUES (?,?)");
  for (auto& c : d.competitors) com.bind(1, c.id).bind(2, c.name).run();

  Stmt cp(db, "INSERT INTO competitor_products(id, competitor, category, name) VALUES (?,?,?,?)");
  for (auto& p : d.competitor_products)
    cp.bind(1, p.id).bind_id(2, p.competitor).bind(3, p.category).bind(4, p.name).run();

  Stmt ms(db, "INSERT INTO market_stats(month, industry, region, category, market_size) VALUES (?,?,?,?,?)");
  for (auto& m : d.market_stats)
    ms.bind(1, m.month).bind(2, m.industry).bind_id(3, m.region).bind(4, m.category).bind(5, m.market_size).run();

  Stmt cs(db, "INSERT INTO competitor_sales(month, competitor_product, region, amount) VALUES (?,?,?,?)");
  for (auto& s : d.competitor_sales)
    cs.bind(1, s.month).bind_id(2, s.competitor_product).bind_id(3, s.region).bind(4, s.amount).run();
}

// Contracts with their lines and payment plans, ids as given.
void insert_contracts(sqlite3* db, const std::vector<model::Contract>& cs) {
  Stmt con(db,
           "INSERT INTO contracts(id, code, customer, rep, opportunity, signed_date, amount)"
           " VALUES (?,?,?,?,?,?,?)");
  Stmt line(db, "INSERT INTO contract_lines(contract, seq, product, qty, amount, cost) VALUES (?,?,?,?,?,?)");
  Stmt plan(db, "INSERT INTO payment_plan(contract, seq, due_date, amount) VALUES (?,?,?,?)");
  for (auto& c : cs) {
    con.bind(1, c.id)
        .bind(2, c.code)
        .bind_id(3, c.customer)
        .bind_id(4, c.rep)
        .bind_id(5, c.opportunity)
        .bind(6, c.signed_date)
        .bind(7, c.amount)
        .run();
    int seq = 0;
    for (auto& l : c.lines)
      line.bind(1, c.id).bind(2, seq++).bind_id(3, l.product).bind(4, l.qty).bind(5, l.amount).bind(6, l.cost).run();
    seq = 0;
    for (auto& p : c.plan) plan.bind(1, c.id).bind(2, seq++).bind(3, p.due_date).bind(4, p.amount).run();
  }
}

void write_deals(sqlite3* db, const model::Dataset& d) {
  Stmt opp(db,
           "INSERT INTO opportunities(id, customer, rep, category, amount, created, expected_close,"
           " stage, closed, lost_reason, code) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  Stmt ev(db, "INSERT INTO opportunity_stage_events(opportunity, seq, stage, date) VALUES (?,?,?,?)");
  for (auto& o : d.opportunities) {
    opp.bind(1, o.id)
        .bind_id(2, o.customer)
        .bind_id(3, o.rep)
        .bind(4, o.category)
        .bind(5, o.amount)
        .bind(6, o.created)
        .bind(7, o.expected_close)
        .bind(8, model::stage_code(o.stage))
        .bind(9, o.closed)
        .bind(10, o.lost_reason)
        .bind(11, o.code.empty() ? model::opportunity_code(o.id) : o.code)
        .run();
    int seq = 0;
    for (auto& e : o.history) ev.bind(1, o.id).bind(2, seq++).bind(3, model::stage_code(e.stage)).bind(4, e.date).run();
  }

  Stmt bid(db, "INSERT INTO bids(id, opportunity, bid_date, amount, result, result_date) VALUES (?,?,?,?,?,?)");
  for (auto& b : d.bids)
    bid.bind(1, b.id)
        .bind_id(2, b.opportunity)
        .bind(3, b.bid_date)
        .bind(4, b.amount)
        .bind(5, bid_result_code(b.result))
        .bind(6, b.result_date)
        .run();

  insert_contracts(db, d.contracts);

  Stmt pay(db, "INSERT INTO payments(id, contract, date, amount) VALUES (?,?,?,?)");
  for (auto& p : d.payments) pay.bind(1, p.id).bind_id(2, p.contract).bind(3, p.date).bind(4, p.amount).run();
}

void write_plans(sqlite3* db, const model::Dataset& d) {
  Stmt tgt(db, "INSERT INTO targets(month, metric, owner_kind, owner_id, value) VALUES (?,?,?,?,?)");
  for (auto& t : d.targets)
    tgt.bind(1, t.month)
        .bind(2, model::metric_code(t.metric))
        .bind(3, model::owner_code(t.owner_kind))
        .bind(4, t.owner_id)
        .bind(5, t.value)
        .run();

  Stmt fc(db, "INSERT INTO forecasts(id, month, rep, value, submitted_at) VALUES (?,?,?,?,?)");
  for (auto& f : d.forecasts)
    fc.bind(1, f.id).bind(2, f.month).bind_id(3, f.rep).bind(4, f.value).bind(5, f.submitted_at).run();

  Stmt fin(db,
           "INSERT INTO finance_months(month, revenue, cost_of_sales, selling_expense, admin_expense,"
           " finance_expense, other_income) VALUES (?,?,?,?,?,?,?)");
  for (auto& f : d.finance_months)
    fin.bind(1, f.month)
        .bind(2, f.revenue)
        .bind(3, f.cost_of_sales)
        .bind(4, f.selling_expense)
        .bind(5, f.admin_expense)
        .bind(6, f.finance_expense)
        .bind(7, f.other_income)
        .run();

  Stmt act(db, "INSERT INTO activities(id, rep, customer, date, type) VALUES (?,?,?,?,?)");
  for (auto& a : d.activities)
    act.bind(1, a.id).bind_id(2, a.rep).bind_id(3, a.customer).bind(4, a.date).bind(5, activity_code(a.type)).run();
}

void write_meetings(sqlite3* db, const model::Dataset& d) {
  Stmt ser(db, "INSERT INTO meeting_series(id, name, type, level, region) VALUES (?,?,?,?,?)");
  for (auto& s : d.meeting_series)
    ser.bind(1, s.id).bind(2, s.name).bind(3, s.type).bind(4, s.level).bind_id(5, s.region).run();

  Stmt mt(db, "INSERT INTO meetings(id, series, date, chair, agenda, minutes, status) VALUES (?,?,?,?,?,?,?)");
  Stmt att(db, "INSERT INTO meeting_attendees(meeting, seq, user) VALUES (?,?,?)");
  for (auto& m : d.meetings) {
    mt.bind(1, m.id)
        .bind_id(2, m.series)
        .bind(3, m.date)
        .bind_id(4, m.chair)
        .bind(5, m.agenda)
        .bind(6, m.minutes)
        .bind(7, model::meeting_status_code(m.status))
        .run();
    int seq = 0;
    for (Id u : m.attendees) att.bind(1, m.id).bind(2, seq++).bind_id(3, u).run();
  }

  Stmt res(db,
           "INSERT INTO resolutions(id, meeting, title, description, owner, expected, goal_metric,"
           " goal_scope, goal_comparator, goal_value, due_date, status, closed_date)"
           " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (auto& r : d.resolutions)
    res.bind(1, r.id)
        .bind_id(2, r.meeting)
        .bind(3, r.title)
        .bind(4, r.description)
        .bind_id(5, r.owner)
        .bind(6, r.expected)
        .bind(7, r.goal_metric)
        .bind(8, r.goal_scope)
        .bind(9, r.goal_comparator)
        .bind(10, r.goal_value)
        .bind(11, r.due_date)
        .bind(12, model::resolution_status_code(r.status))
        .bind(13, r.closed_date)
        .run();

  Stmt ai(db,
          "INSERT INTO action_items(id, resolution, title, owner, due_date, status, done_date)"
          " VALUES (?,?,?,?,?,?,?)");
  for (auto& a : d.action_items)
    ai.bind(1, a.id)
        .bind_id(2, a.resolution)
        .bind(3, a.title)
        .bind_id(4, a.owner)
        .bind(5, a.due_date)
        .bind(6, model::action_status_code(a.status))
        .bind(7, a.done_date)
        .run();
}

}  // namespace

// Replaces every data-set table (users, sessions and the audit log stay). Foreign keys are
// deferred to COMMIT so rows may arrive in any order (a rep's manager listed after the rep);
// a dangling reference then fails the COMMIT and the Tx rolls everything back.
void SqliteStore::write_dataset(const model::Dataset& d) {
  std::lock_guard lock(mu_);
  // A big data set (demo --scale large: 10M contract lines) in one transaction thrashes the
  // default 2 MB page cache: every index insert spills pages to the WAL. Up to 4 GB of cache
  // while writing (used only as needed), back to the default afterwards.
  struct CacheGuard {
    sqlite3* db;
    ~CacheGuard() { sqlite3_exec(db, "PRAGMA cache_size = -2000", nullptr, nullptr, nullptr); }
  } cache{db_};
  exec(db_, "PRAGMA cache_size = -4000000");
  DataTx tx(db_);
  exec(db_, "PRAGMA defer_foreign_keys = ON");  // reset automatically at the end of the tx
  for (const char* t : kDatasetTables) exec(db_, std::string("DELETE FROM ") + t);
  write_org(db_, d);
  write_market(db_, d);
  write_deals(db_, d);
  write_plans(db_, d);
  write_meetings(db_, d);
  tx.commit();
}

std::vector<Id> SqliteStore::add_contracts(const std::vector<model::Contract>& cs, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  // Codes are one key whatever their case and surrounding spaces (the unique index
  // contracts_code_key says the same; this check gives the answer a field and a message).
  Stmt taken(db_, "SELECT 1 FROM contracts WHERE lower(trim(code)) = lower(trim(?))");
  for (size_t i = 0; i < cs.size(); ++i) {
    const auto& c = cs[i];
    taken.bind(1, c.code);
    bool dup = taken.step();
    taken.reset();
    for (size_t j = 0; j < i && !dup; ++j) dup = model::same_code(cs[j].code, c.code);
    if (dup) throw sl::invalid_field("code", "合同编号已存在：" + c.code, "Contract code already exists: " + c.code);
  }
  Stmt top(db_, "SELECT COALESCE(MAX(id), 0) FROM contracts");
  Id next = top.step() ? top.i64(0) : 0;
  std::vector<model::Contract> rows = cs;
  std::vector<Id> ids;
  for (auto& c : rows) ids.push_back(c.id = ++next);
  insert_contracts(db_, rows);
  AuditWriter audit(db_);
  for (const auto& c : rows)
    audit.write({at, user, "contract", std::to_string(c.id), "", c.code + " " + std::to_string(c.amount)});
  tx.commit();
  return ids;
}

}  // namespace sl::store::sqlite
