// Reads the whole data set back on PostgreSQL with binary COPY, in the order of
// store/sqlite/dataset_load.cpp: entities by id, id-less rows by rowid, child rows attached
// to their parents by one scan each. The load runs on connections of its own in one
// REPEATABLE READ snapshot; contracts and their lines (half the rows at 10M lines) on a
// second connection in a second thread that imports the first one's snapshot.
#include <exception>
#include <optional>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "store/codes.h"
#include "store/postgres/copy.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

namespace {

// Attaches child rows to parents sorted by id. The rows are read in physical order (a plain
// sequential scan: they are in key order when written in it, as write_dataset does) and
// checked; out of order, they are read again sorted by `order`.
template <class Parent, class Key, class Add, class Clear>
void attach_children(Conn& c, std::vector<Parent>& parents, const std::string& select, const std::string& order,
                     Key key, Add add, Clear clear) {
  auto pass = [&](const std::string& sql) {
    size_t p = 0;
    std::optional<decltype(key(std::declval<const CopyRow&>()))> last;
    bool in_order = true;
    copy_rows(c, sql, [&](const CopyRow& q) {
      if (!in_order) return;
      auto k = key(q);
      if (last && !(*last < k)) {
        in_order = false;
        return;
      }
      last = k;
      const Id parent = std::get<0>(k);
      while (p < parents.size() && parents[p].id < parent) ++p;
      if (p == parents.size() || parents[p].id != parent)
        throw std::runtime_error("postgres: orphan child row of id " + std::to_string(parent));
      add(parents[p], q);
    });
    return in_order;
  };
  if (pass(select)) return;
  for (auto& x : parents) clear(x);
  pass(select + " ORDER BY " + order);
}

void load_org(Conn& c, model::Dataset& d) {
  d.regions = load_regions_on(c);
  d.reps = load_reps_on(c);
  copy_rows(c, "SELECT id, code, name, industry, size, region, owner_rep, created, lost_reason FROM customers ORDER BY id",
            [&](const CopyRow& q) {
              model::Customer x;
              x.id = q.i64(0);
              x.code = q.text(1);
              x.name = q.text(2);
              x.industry = q.text(3);
              x.size = parse_size(q.text(4));
              x.region = q.id(5);
              x.owner_rep = q.id(6);
              x.created = q.date(7);
              x.lost_reason = q.text(8);
              d.customers.push_back(std::move(x));
            });
  copy_rows(c, "SELECT id, code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY id",
            [&](const CopyRow& p) {
              d.products.push_back({p.i64(0), p.text(1), p.text(2), p.text(3), p.date(4), p.i64(5), p.i64(6)});
            });
}

void load_market(Conn& c, model::Dataset& d) {
  copy_rows(c, "SELECT id, name FROM competitors ORDER BY id",
            [&](const CopyRow& q) { d.competitors.push_back({q.i64(0), q.text(1)}); });
  copy_rows(c, "SELECT id, competitor, category, name FROM competitor_products ORDER BY id", [&](const CopyRow& q) {
    d.competitor_products.push_back({q.i64(0), q.id(1), q.text(2), q.text(3)});
  });
  copy_rows(c, "SELECT month, industry, region, category, market_size FROM market_stats ORDER BY rowid",
            [&](const CopyRow& q) { d.market_stats.push_back({q.month(0), q.text(1), q.id(2), q.text(3), q.i64(4)}); });
  copy_rows(c, "SELECT month, competitor_product, region, amount FROM competitor_sales ORDER BY rowid",
            [&](const CopyRow& q) { d.competitor_sales.push_back({q.month(0), q.id(1), q.id(2), q.i64(3)}); });
}

void load_opportunities(Conn& c, model::Dataset& d) {
  copy_rows(c, std::string(rows::kOpportunityCols) + "ORDER BY id",
            [&](const CopyRow& q) { d.opportunities.push_back(rows::read_opportunity(q)); });
  attach_children(
      c, d.opportunities, "SELECT opportunity, seq, stage, date FROM opportunity_stage_events", "opportunity, date, seq",
      [](const CopyRow& q) { return std::tuple(q.i64(0), q.date(3).days, q.i64(1)); },
      [](model::Opportunity& o, const CopyRow& q) { o.history.push_back({parse_stage(q.text(2)), q.date(3)}); },
      [](model::Opportunity& o) { o.history.clear(); });
  copy_rows(c, "SELECT id, opportunity, bid_date, amount, result, result_date FROM bids ORDER BY id",
            [&](const CopyRow& b) {
              d.bids.push_back({b.i64(0), b.id(1), b.date(2), b.i64(3), parse_bid_result(b.text(4)), b.opt_date(5)});
            });
}

void load_contracts(Conn& c, std::vector<model::Contract>& cs) {
  copy_rows(c, "SELECT id, code, customer, rep, opportunity, signed_date, amount FROM contracts ORDER BY id",
            [&](const CopyRow& q) {
              model::Contract k;
              k.id = q.i64(0);
              k.code = q.text(1);
              k.customer = q.id(2);
              k.rep = q.id(3);
              k.opportunity = q.id(4);
              k.signed_date = q.date(5);
              k.amount = q.i64(6);
              cs.push_back(std::move(k));
            });
  attach_children(
      c, cs, "SELECT contract, seq, product, qty, amount, cost FROM contract_lines", "contract, seq",
      [](const CopyRow& q) { return std::pair(q.i64(0), q.i64(1)); },
      [](model::Contract& k, const CopyRow& q) { k.lines.push_back({q.id(2), q.i64(3), q.i64(4), q.i64(5)}); },
      [](model::Contract& k) { k.lines.clear(); });
  attach_children(
      c, cs, "SELECT contract, seq, due_date, amount FROM payment_plan", "contract, seq",
      [](const CopyRow& q) { return std::pair(q.i64(0), q.i64(1)); },
      [](model::Contract& k, const CopyRow& q) { k.plan.push_back({q.date(2), q.i64(3)}); },
      [](model::Contract& k) { k.plan.clear(); });
}

void load_rest(Conn& c, model::Dataset& d) {
  copy_rows(c, "SELECT id, contract, date, amount FROM payments ORDER BY id",
            [&](const CopyRow& q) { d.payments.push_back({q.i64(0), q.id(1), q.date(2), q.i64(3)}); });
  d.targets = load_targets_on(c);
  copy_rows(c, "SELECT id, month, rep, value, submitted_at FROM forecasts ORDER BY id", [&](const CopyRow& f) {
    d.forecasts.push_back({f.i64(0), f.month(1), f.id(2), f.i64(3), f.i64(4)});
  });
  copy_rows(c,
            "SELECT month, revenue, cost_of_sales, selling_expense, admin_expense, finance_expense, other_income"
            " FROM finance_months ORDER BY rowid",
            [&](const CopyRow& f) {
              d.finance_months.push_back({f.month(0), f.i64(1), f.i64(2), f.i64(3), f.i64(4), f.i64(5), f.i64(6)});
            });
  copy_rows(c, "SELECT id, rep, customer, date, type FROM activities ORDER BY id", [&](const CopyRow& a) {
    d.activities.push_back({a.i64(0), a.id(1), a.id(2), a.date(3), parse_activity(a.text(4))});
  });
  read_meeting_rows(c, {d.meeting_series, d.meetings, d.resolutions, d.action_items});
}

}  // namespace

std::vector<model::Region> load_regions_on(Conn& c) {
  std::vector<model::Region> out;
  copy_rows(c, "SELECT id, name, parent, level FROM regions ORDER BY id", [&](const CopyRow& q) {
    out.push_back({q.i64(0), q.text(1), q.id(2), static_cast<int>(q.i64(3))});
  });
  return out;
}

std::vector<model::Rep> load_reps_on(Conn& c) {
  std::vector<model::Rep> out;
  copy_rows(c, "SELECT id, name, region, manager, hire_date, leave_date, employee_no FROM reps ORDER BY id",
            [&](const CopyRow& q) {
              out.push_back({q.i64(0), q.text(1), q.id(2), q.id(3), q.date(4), q.opt_date(5), q.text(6)});
            });
  return out;
}

std::vector<model::Target> load_targets_on(Conn& c) {
  std::vector<model::Target> out;
  copy_rows(c, "SELECT month, metric, owner_kind, owner_id, value FROM targets ORDER BY rowid", [&](const CopyRow& q) {
    model::Target t;
    t.month = q.month(0);
    auto m = model::parse_metric(q.text(1));
    auto k = model::parse_owner(q.text(2));
    if (!m || !k) throw std::runtime_error("postgres: bad target row");
    t.metric = *m;
    t.owner_kind = *k;
    t.owner_id = q.i64(3);
    t.value = q.i64(4);
    out.push_back(t);
  });
  return out;
}

std::vector<model::Target> PgStore::load_targets() {
  auto rd = reader();
  return load_targets_on(rd.c);
}
std::vector<model::Region> PgStore::load_regions() {
  auto rd = reader();
  return load_regions_on(rd.c);
}
std::vector<model::Rep> PgStore::load_reps() {
  auto rd = reader();
  return load_reps_on(rd.c);
}

model::Dataset PgStore::load_dataset() {
  Conn main(url_), second(url_);
  main.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const std::string snapshot = main.query("SELECT pg_export_snapshot()").row(0).text(0);
  // The snapshot must be set before the second transaction's first query.
  second.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '" + snapshot + "'");
  model::Dataset d;
  d.data_version = main.scalar("SELECT version FROM data_version WHERE id = 1");
  std::vector<model::Contract> contracts;
  std::exception_ptr failed;
  std::thread worker([&] {
    try {
      load_contracts(second, contracts);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  try {
    load_org(main, d);
    load_market(main, d);
    load_opportunities(main, d);
    load_rest(main, d);
  } catch (...) {
    worker.join();
    throw;
  }
  worker.join();
  if (failed) std::rethrow_exception(failed);
  d.contracts = std::move(contracts);
  return d;  // both read transactions end when their connections close
}

std::optional<DataStore::ContractDetail> PgStore::find_contract(Id id) {
  auto rd = reader();
  Result c = rd.c.query(
      "SELECT k.id, k.code, k.customer, k.rep, k.opportunity, k.signed_date, k.amount, u.name FROM contracts k"
      " JOIN customers u ON u.id = k.customer WHERE k.id = $1",
      Params().add(id));
  if (c.empty()) return std::nullopt;
  ContractDetail out;
  model::Contract& k = out.contract;
  Row r = c.row(0);
  k.id = r.i64(0);
  k.code = r.text(1);
  k.customer = r.id(2);
  k.rep = r.id(3);
  k.opportunity = r.id(4);
  k.signed_date = r.date(5);
  k.amount = r.i64(6);
  out.customer_name = r.text(7);
  Result l = rd.c.query(
      "SELECT l.product, l.qty, l.amount, l.cost, p.name, p.category FROM contract_lines l"
      " JOIN products p ON p.id = l.product WHERE l.contract = $1 ORDER BY l.seq",
      Params().add(id));
  for (int i = 0; i < l.rows(); ++i) {
    Row q = l.row(i);
    k.lines.push_back({q.id(0), q.i64(1), q.i64(2), q.i64(3)});
    out.product_names.push_back(q.text(4));
    out.product_categories.push_back(q.text(5));
  }
  Result p = rd.c.query("SELECT due_date, amount FROM payment_plan WHERE contract = $1 ORDER BY due_date, seq",
                        Params().add(id));
  for (int i = 0; i < p.rows(); ++i) k.plan.push_back({p.row(i).date(0), p.row(i).i64(1)});
  Result pay = rd.c.query("SELECT id, date, amount FROM payments WHERE contract = $1 ORDER BY date, id", Params().add(id));
  for (int i = 0; i < pay.rows(); ++i) out.payments.push_back({pay.row(i).i64(0), id, pay.row(i).date(1), pay.row(i).i64(2)});
  return out;
}

}  // namespace sl::store::pg
