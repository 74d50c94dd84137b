// Reads the whole data set back. Entities come in id order; rows without an id in row
// (insertion) order; child rows (stage events, lines, plan, attendees) are attached to their
// parent by a single ordered scan each, joined by position (both sides sorted by parent id).
#include <algorithm>
#include <exception>
#include <stdexcept>
#include <thread>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "store/rows.h"
#include "store/sqlite/meeting_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

// Attaches child rows to parents sorted by id, merging by position. key(q) is the row's
// unique key, a tuple starting with the parent id. Returns false, having stopped, as soon
// as a row is out of key order.
template <class Parent, class Key, class Add>
bool attach_in_order(sqlite3* db, std::vector<Parent>& parents, const char* sql, Key key, Add add) {
  Stmt q(db, sql);
  size_t p = 0;
  std::optional<decltype(key(q))> last;
  while (q.step()) {
    auto k = key(q);
    if (last && !(*last < k)) return false;
    last = k;
    const Id parent = std::get<0>(k);
    while (p < parents.size() && parents[p].id < parent) ++p;
    if (p == parents.size() || parents[p].id != parent)
      throw std::runtime_error("sqlite: orphan child row of id " + std::to_string(parent));
    add(parents[p], q);
  }
  return true;
}

// Child rows (contract lines, plan items, stage events) are read in table order, a plain
// sequential scan, and checked to arrive in key order, which they do when written in it.
// Reading them through the key's index instead costs a B-tree lookup per row (10M contract
// lines: seconds). Should they not be in key order, they are read again through the index.
template <class Parent, class Key, class Add, class Clear>
void attach_children(sqlite3* db, std::vector<Parent>& parents, const std::string& select, const std::string& key_order,
                     Key key, Add add, Clear clear) {
  if (attach_in_order(db, parents, (select + " ORDER BY rowid").c_str(), key, add)) return;
  for (auto& x : parents) clear(x);
  attach_in_order(db, parents, (select + " ORDER BY " + key_order).c_str(), key, add);
}

void load_market(sqlite3* db, model::Dataset& d) {
  Stmt q(db, "SELECT id, name FROM competitors ORDER BY id");
  while (q.step()) d.competitors.push_back({q.i64(0), q.text(1)});

  Stmt cp(db, "SELECT id, competitor, category, name FROM competitor_products ORDER BY id");
  while (cp.step()) d.competitor_products.push_back({cp.i64(0), cp.id(1), cp.text(2), cp.text(3)});

  Stmt ms(db, "SELECT month, industry, region, category, market_size FROM market_stats ORDER BY rowid");
  while (ms.step()) d.market_stats.push_back({ms.month(0), ms.text(1), ms.id(2), ms.text(3), ms.i64(4)});

  Stmt cs(db, "SELECT month, competitor_product, region, amount FROM competitor_sales ORDER BY rowid");
  while (cs.step()) d.competitor_sales.push_back({cs.month(0), cs.id(1), cs.id(2), cs.i64(3)});
}

void load_customers_products(sqlite3* db, model::Dataset& d) {
  Stmt q(db,
         "SELECT id, code, name, industry, size, region, owner_rep, created, lost_reason"
         " FROM customers ORDER BY id");
  while (q.step()) {
    model::Customer c;
    c.id = q.i64(0);
    c.code = q.text(1);
    c.name = q.text(2);
    c.industry = q.text(3);
    c.size = parse_size(q.text(4));
    c.region = q.id(5);
    c.owner_rep = q.id(6);
    c.created = q.date(7);
    c.lost_reason = q.text(8);
    d.customers.push_back(std::move(c));
  }
  Stmt p(db, "SELECT id, code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY id");
  while (p.step()) d.products.push_back({p.i64(0), p.text(1), p.text(2), p.text(3), p.date(4), p.i64(5), p.i64(6)});
}

void load_opportunities(sqlite3* db, model::Dataset& d) {
  Stmt q(db, std::string(rows::kOpportunityCols) + "ORDER BY id");
  while (q.step()) d.opportunities.push_back(rows::read_opportunity(q));
  attach_children(
      db, d.opportunities, "SELECT opportunity, seq, stage, date FROM opportunity_stage_events",
      "opportunity, date, seq", [](Stmt& q) { return std::tuple(q.i64(0), q.date(3).days, q.i64(1)); },
      [](model::Opportunity& o, Stmt& q) {
        o.history.push_back({parse_stage(q.text(2)), q.date(3)});
      },
      [](model::Opportunity& o) { o.history.clear(); });

  Stmt b(db, "SELECT id, opportunity, bid_date, amount, result, result_date FROM bids ORDER BY id");
  while (b.step())
    d.bids.push_back({b.i64(0), b.id(1), b.date(2), b.i64(3), parse_bid_result(b.text(4)), b.opt_date(5)});
}

// The columns of a contract row, in this order, and the reader of them.
constexpr const char* kContractCols = "k.id, k.code, k.customer, k.rep, k.opportunity, k.signed_date, k.amount";
model::Contract contract_row(Stmt& c) {
  model::Contract k;
  k.id = c.i64(0);
  k.code = c.text(1);
  k.customer = c.id(2);
  k.rep = c.id(3);
  k.opportunity = c.id(4);
  k.signed_date = c.date(5);
  k.amount = c.i64(6);
  return k;
}

void load_contracts(sqlite3* db, model::Dataset& d) {
  Stmt c(db, std::string("SELECT ") + kContractCols + " FROM contracts k ORDER BY k.id");
  while (c.step()) d.contracts.push_back(contract_row(c));
  attach_children(
      db, d.contracts, "SELECT contract, seq, product, qty, amount, cost FROM contract_lines", "contract, seq",
      [](Stmt& q) { return std::pair(q.i64(0), q.i64(1)); },
      [](model::Contract& c, Stmt& q) {
        c.lines.push_back({q.id(2), q.i64(3), q.i64(4), q.i64(5)});
      },
      [](model::Contract& c) { c.lines.clear(); });
}

// Payment plans are read before the contracts they belong to are (those load on another
// connection at the same time), into rows attached afterwards. nullopt when the table is
// not in key order; attach_payment_plan then reads it through its index.
struct PlanRow {
  Id contract;
  int64_t seq;
  model::PlanItem item;
};
std::optional<std::vector<PlanRow>> read_payment_plan(sqlite3* db) {
  std::vector<PlanRow> rows;
  Stmt q(db, "SELECT contract, seq, due_date, amount FROM payment_plan ORDER BY rowid");
  while (q.step()) {
    PlanRow r{q.i64(0), q.i64(1), {q.date(2), q.i64(3)}};
    if (!rows.empty() && !(std::pair(rows.back().contract, rows.back().seq) < std::pair(r.contract, r.seq)))
      return std::nullopt;
    rows.push_back(r);
  }
  return rows;
}

void attach_payment_plan(sqlite3* db, model::Dataset& d, const std::optional<std::vector<PlanRow>>& rows) {
  if (!rows) {
    attach_in_order(
        db, d.contracts, "SELECT contract, seq, due_date, amount FROM payment_plan ORDER BY contract, seq",
        [](Stmt& q) { return std::pair(q.i64(0), q.i64(1)); },
        [](model::Contract& c, Stmt& q) {
          c.plan.push_back({q.date(2), q.i64(3)});
        });
    return;
  }
  size_t p = 0;
  auto& cs = d.contracts;
  for (const PlanRow& r : *rows) {
    while (p < cs.size() && cs[p].id < r.contract) ++p;
    if (p == cs.size() || cs[p].id != r.contract)
      throw std::runtime_error("sqlite: orphan child row of id " + std::to_string(r.contract));
    cs[p].plan.push_back(r.item);
  }
}

void load_payments(sqlite3* db, model::Dataset& d) {
  Stmt pay(db, "SELECT id, contract, date, amount FROM payments ORDER BY id");
  while (pay.step()) d.payments.push_back({pay.i64(0), pay.id(1), pay.date(2), pay.i64(3)});
}

void load_plans(sqlite3* db, model::Dataset& d) {
  Stmt f(db, "SELECT id, month, rep, value, submitted_at FROM forecasts ORDER BY id");
  while (f.step()) d.forecasts.push_back({f.i64(0), f.month(1), f.id(2), f.i64(3), f.i64(4)});

  Stmt fin(db,
           "SELECT month, revenue, cost_of_sales, selling_expense, admin_expense, finance_expense,"
           " other_income FROM finance_months ORDER BY rowid");
  while (fin.step())
    d.finance_months.push_back({fin.month(0), fin.i64(1), fin.i64(2), fin.i64(3), fin.i64(4), fin.i64(5), fin.i64(6)});

  Stmt a(db, "SELECT id, rep, customer, date, type FROM activities ORDER BY id");
  while (a.step()) d.activities.push_back({a.i64(0), a.id(1), a.id(2), a.date(3), parse_activity(a.text(4))});
}

void load_meetings(sqlite3* db, model::Dataset& d) {
  read_meeting_rows(db, {d.meeting_series, d.meetings, d.resolutions, d.action_items});
}

}  // namespace

std::vector<model::Region> SqliteStore::load_regions_locked(sqlite3* db) {
  std::vector<model::Region> out;
  Stmt q(db, "SELECT id, name, parent, level FROM regions ORDER BY id");
  while (q.step()) out.push_back({q.i64(0), q.text(1), q.id(2), static_cast<int>(q.i64(3))});
  return out;
}

std::vector<model::Rep> SqliteStore::load_reps_locked(sqlite3* db) {
  std::vector<model::Rep> out;
  Stmt q(db, "SELECT id, name, region, manager, hire_date, leave_date, employee_no FROM reps ORDER BY id");
  while (q.step()) out.push_back({q.i64(0), q.text(1), q.id(2), q.id(3), q.date(4), q.opt_date(5), q.text(6)});
  return out;
}

std::vector<model::Target> SqliteStore::load_targets_locked(sqlite3* db) {
  std::vector<model::Target> out;
  Stmt q(db, "SELECT month, metric, owner_kind, owner_id, value FROM targets ORDER BY rowid");
  while (q.step()) {
    model::Target t;
    t.month = q.month(0);
    auto m = model::parse_metric(q.text(1));
    auto k = model::parse_owner(q.text(2));
    if (!m || !k) throw std::runtime_error("sqlite: bad target row");
    t.metric = *m;
    t.owner_kind = *k;
    t.owner_id = q.i64(3);
    t.value = q.i64(4);
    out.push_back(t);
  }
  return out;
}

std::vector<model::Target> SqliteStore::load_targets() {
  auto rd = reader();
  return load_targets_locked(rd.db);
}
std::vector<model::Region> SqliteStore::load_regions() {
  auto rd = reader();
  return load_regions_locked(rd.db);
}
std::vector<model::Rep> SqliteStore::load_reps() {
  auto rd = reader();
  return load_reps_locked(rd.db);
}

namespace {

// A second, read-only connection to the same file, in its own read transaction.
struct ReadConnection {
  sqlite3* db = nullptr;
  ~ReadConnection() {
    if (db) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close(db);
    }
  }
  bool open(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
      return false;
    return sqlite3_exec(db, "PRAGMA busy_timeout=5000; BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
};

int64_t version_of(sqlite3* db) {
  Stmt q(db, "SELECT version FROM data_version WHERE id = 1");
  return q.step() ? q.i64(0) : -1;
}

}  // namespace

// One read transaction so the data set is a consistent cut even if another process writes.
// On a file database, contracts and their lines (half the rows at 10M lines) are read on a
// second connection in a second thread while this one reads the rest. Both read
// transactions see the same cut when they read the same data_version (every write to the
// data set bumps it); otherwise everything is read here, one table after another.
model::Dataset SqliteStore::load_dataset() {
  // A file database is read on connections of this call's own, so a load of seconds holds
  // no lock that request reads or writes wait for; an in-memory one has only db_.
  ReadConnection own;
  std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
  sqlite3* db = nullptr;
  const bool on_own = !path_.empty() && own.open(path_);
  if (on_own) {
    db = own.db;
  } else {
    lock.lock();
    db = db_;
    exec(db, "BEGIN");
  }
  try {
    model::Dataset d;
    const int64_t version = version_of(db);
    ReadConnection second;
    const bool parallel = !path_.empty() && second.open(path_) && version_of(second.db) == version;
    model::Dataset contracts;
    std::exception_ptr failed;
    std::thread worker;
    std::optional<std::vector<PlanRow>> plan;
    if (parallel)
      worker = std::thread([&] {
        try {
          load_contracts(second.db, contracts);
        } catch (...) {
          failed = std::current_exception();
        }
      });
    try {
      d.regions = load_regions_locked(db);
      d.reps = load_reps_locked(db);
      load_customers_products(db, d);
      load_market(db, d);
      load_opportunities(db, d);
      load_payments(db, d);
      d.targets = load_targets_locked(db);
      load_plans(db, d);
      load_meetings(db, d);
      plan = read_payment_plan(db);
    } catch (...) {
      if (worker.joinable()) worker.join();
      throw;
    }
    if (worker.joinable()) worker.join();
    if (failed) std::rethrow_exception(failed);
    if (parallel)
      d.contracts = std::move(contracts.contracts);
    else
      load_contracts(db, d);
    attach_payment_plan(db, d, plan);
    if (!on_own) exec(db, "COMMIT");  // own's read transaction ends when it closes
    d.data_version = version;
    return d;
  } catch (...) {
    if (!on_own) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::optional<Store::ContractDetail> SqliteStore::find_contract(Id id) {
  auto rd = reader();
  Stmt c(rd.db, std::string("SELECT ") + kContractCols +
                    ", u.name FROM contracts k JOIN customers u ON u.id = k.customer"
                    " WHERE k.id = ?");
  c.bind(1, id);
  if (!c.step()) return std::nullopt;
  ContractDetail out;
  out.contract = contract_row(c);
  model::Contract& k = out.contract;
  out.customer_name = c.text(7);
  Stmt l(rd.db,
         "SELECT l.product, l.qty, l.amount, l.cost, p.name, p.category FROM contract_lines l"
         " JOIN products p ON p.id = l.product WHERE l.contract = ? ORDER BY l.seq");
  l.bind(1, id);
  while (l.step()) {
    k.lines.push_back({l.id(0), l.i64(1), l.i64(2), l.i64(3)});
    out.product_names.push_back(l.text(4));
    out.product_categories.push_back(l.text(5));
  }
  Stmt p(rd.db, "SELECT due_date, amount FROM payment_plan WHERE contract = ? ORDER BY due_date, seq");
  p.bind(1, id);
  while (p.step()) k.plan.push_back({p.date(0), p.i64(1)});
  Stmt pay(rd.db, "SELECT id, date, amount FROM payments WHERE contract = ? ORDER BY date, id");
  pay.bind(1, id);
  while (pay.step()) out.payments.push_back({pay.i64(0), id, pay.date(1), pay.i64(2)});
  return out;
}

}  // namespace sl::store::sqlite
