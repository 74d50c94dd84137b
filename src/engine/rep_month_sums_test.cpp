// The (rep, month) sums (rep_month_sums.h): every period's per-rep sums equal a plain pass over
// the rows, on the Snapshot as built, after appends read as the tail, after appends that copy
// a column (the sums no longer apply), and after the publish step's rebuild.
#include "engine/rep_month_sums.h"

#include <gtest/gtest.h>

#include <random>

#include "engine/append_opportunity.h"
#include "engine/snapshot.h"

using namespace sl;
using namespace sl::engine;

namespace {

Date D(const char* s) { return *parse_date(s); }

model::Contract contract(Id id, Id customer, Id rep, Date day, Money amount) {
  model::Contract c;
  c.id = id;
  c.code = "HT-" + std::to_string(id);
  c.customer = customer;
  c.rep = rep;
  c.signed_date = day;
  c.amount = amount;
  c.lines = {{100, 1, amount, 0}};
  c.plan = {{day, amount}};
  return c;
}

// Reps 7, 8, 9 (indexes 0..2), 40 contracts over 2024 (two in one day), a payment for most,
// 30 opportunities, a third of them won and a third lost.
std::shared_ptr<const Snapshot> snapshot() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  for (Id rep : {7, 8, 9}) d.reps.push_back({rep, "R" + std::to_string(rep), 2, 0, D("2020-01-01"), std::nullopt});
  d.customers = {{1, "C1", "客户一", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""},
                 {2, "C2", "客户二", "制造", model::CustomerSize::small, 2, 8, D("2020-01-01"), ""},
                 {3, "C3", "客户三", "制造", model::CustomerSize::small, 2, 9, D("2020-01-01"), ""}};
  d.products = {{100, "P100", "服务器A", "服务器", D("2020-01-01"), 1000, 600}};
  std::mt19937 rng(7);
  const int32_t jan1 = D("2024-01-01").days;
  for (Id i = 0; i < 40; ++i) {
    const Date day{jan1 + static_cast<int32_t>(rng() % 366)};
    d.contracts.push_back(contract(10 + i, 1 + static_cast<Id>(rng() % 3), 7 + static_cast<Id>(rng() % 3), day,
                                   100 + static_cast<Money>(rng() % 900)));
    if (i % 4 != 3) d.payments.push_back({100 + i, 10 + i, Date{day.days + static_cast<int32_t>(rng() % 60)}, 50});
  }
  for (Id i = 0; i < 30; ++i) {
    model::Opportunity o;
    o.id = 500 + i;
    o.customer = 1;
    o.rep = 7 + static_cast<Id>(rng() % 3);
    o.category = "服务器";
    o.amount = 1000;
    o.created = Date{jan1 + static_cast<int32_t>(rng() % 200)};
    o.expected_close = Date{o.created.days + 30};
    o.history = {{model::Stage::lead, o.created}};
    if (i % 3 != 2) {
      o.stage = i % 3 == 0 ? model::Stage::won : model::Stage::lost;
      o.closed = Date{o.created.days + static_cast<int32_t>(rng() % 150)};
      o.history.push_back({o.stage, *o.closed});
    }
    d.opportunities.push_back(o);
  }
  return build_snapshot(d, 1);
}

std::vector<RepSum> plain(const FactTable& t, size_t reps, Date first, Date last) {
  std::vector<RepSum> out(reps);
  for (size_t i = 0; i < t.size(); ++i)
    if (t.day[i] >= first.days && t.day[i] <= last.days && t.rep[i] >= 0) {
      out[static_cast<size_t>(t.rep[i])].amount += t.amount[i];
      out[static_cast<size_t>(t.rep[i])].count += 1;
    }
  return out;
}

WonLost plain(const OpportunityTable& o, size_t reps, Date first, Date last) {
  WonLost out{std::vector<int64_t>(reps, 0), std::vector<int64_t>(reps, 0)};
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.rep[i] < 0 || o.closed[i] < first.days || o.closed[i] > last.days) continue;
    if (o.stage[i] == static_cast<int8_t>(model::Stage::won)) ++out.won[static_cast<size_t>(o.rep[i])];
    if (o.stage[i] == static_cast<int8_t>(model::Stage::lost)) ++out.lost[static_cast<size_t>(o.rep[i])];
  }
  return out;
}

bool same(const std::vector<RepSum>& a, const std::vector<RepSum>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].amount != b[i].amount || a[i].count != b[i].count) return false;
  return true;
}

// Whole months, cut months, a single day, spans across the year and past the data.
const std::vector<std::pair<const char*, const char*>> kPeriods = {
    {"2024-01-01", "2024-12-31"}, {"2024-03-01", "2024-03-31"}, {"2024-04-01", "2024-06-15"},
    {"2024-02-10", "2024-05-20"}, {"2024-07-04", "2024-07-04"}, {"2024-07-05", "2024-07-30"},
    {"2023-11-15", "2025-02-01"}, {"2023-01-01", "2023-12-31"}, {"2024-12-01", "2025-03-31"},
    {"2025-01-01", "2025-06-30"}};

// Every period through the sums equals the plain pass; `applies`: whether the sums are read.
void expect_equal(const Snapshot& s, bool applies) {
  const Facts& f = *s.facts;
  const size_t reps = static_cast<size_t>(s.dims->rep_count());
  const RepMonthSums& x = *f.rep_month_sums;
  EXPECT_EQ(x.sales->applies(f.sales, reps), applies);
  for (const auto& [a, b] : kPeriods) {
    SCOPED_TRACE(std::string(a) + ".." + b);
    EXPECT_TRUE(same(rep_sums(f.sales, x.sales.get(), reps, D(a), D(b)), plain(f.sales, reps, D(a), D(b))));
    EXPECT_TRUE(
        same(rep_sums(f.collections, x.collections.get(), reps, D(a), D(b)), plain(f.collections, reps, D(a), D(b))));
    EXPECT_TRUE(same(rep_sums(f.first_contracts, x.first_contracts.get(), reps, D(a), D(b)),
                     plain(f.first_contracts, reps, D(a), D(b))));
    const WonLost w = won_lost(f.opportunities, x.closed.get(), reps, D(a), D(b)),
                  p = plain(f.opportunities, reps, D(a), D(b));
    EXPECT_EQ(w.won, p.won);
    EXPECT_EQ(w.lost, p.lost);
  }
}

}  // namespace

TEST(RepMonthSums, PeriodsEqualAPlainPass) {
  auto s = snapshot();
  ASSERT_NE(s->facts->rep_month_sums, nullptr);
  expect_equal(*s, true);
  // By hand: the year's sales of all reps are the 40 contracts' amounts; counts 40.
  const auto year =
      rep_sums(s->facts->sales, s->facts->rep_month_sums->sales.get(), 3, D("2024-01-01"), D("2024-12-31"));
  EXPECT_EQ(year[0].count + year[1].count + year[2].count, 40);
  const auto w =
      won_lost(s->facts->opportunities, s->facts->rep_month_sums->closed.get(), 3, D("2024-01-01"), D("2025-12-31"));
  EXPECT_EQ(w.won[0] + w.won[1] + w.won[2], 10);  // i = 0, 3, …, 27
  EXPECT_EQ(w.lost[0] + w.lost[1] + w.lost[2], 10);
  EXPECT_GT(s->facts->rep_month_sums->bytes(), 0u);
}

TEST(RepMonthSums, AppendsAreTheTailOrMakeTheSumsStepAside) {
  auto s = snapshot();
  // A contract after the latest: appended to the shared columns, read as the tail.
  auto n = with_contracts(*s, {contract(90, 2, 8, D("2025-01-20"), 777), contract(91, 3, 9, D("2025-01-20"), 5)}, 2);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->facts->rep_month_sums, s->facts->rep_month_sums);
  expect_equal(*n, true);
  EXPECT_EQ(with_fresh_rep_month_sums(n), n);  // a short tail keeps the sums
  expect_equal(*s, true);                      // the older Snapshot reads its own rows
  // A back-dated contract is inserted into copied columns: the sums no longer apply, the
  // answers come from the rows, and the publish step rebuilds the sales part only.
  auto b = with_contracts(*n, {contract(92, 1, 7, D("2024-03-03"), 333)}, 3);
  ASSERT_NE(b, nullptr);
  expect_equal(*b, false);
  auto fresh = with_fresh_rep_month_sums(b);
  ASSERT_NE(fresh, b);
  expect_equal(*fresh, true);
  EXPECT_EQ(fresh->facts->sales.day.data(), b->facts->sales.day.data());  // columns shared
  // Payments, a new opportunity closed at once and a stage move: equal before and after the rebuild.
  auto p = with_payments(*fresh, {{300, 12, D("2024-05-05"), 40}, {301, 90, D("2025-02-01"), 70}}, 4);
  ASSERT_NE(p, nullptr);
  model::Opportunity o;
  o.id = 900;
  o.customer = 2;
  o.rep = 8;
  o.category = "服务器";
  o.amount = 10;
  o.created = o.expected_close = D("2024-06-01");
  o.stage = model::Stage::won;
  o.closed = D("2024-06-02");
  o.history = {{model::Stage::won, o.created}};
  auto q = with_opportunity(p, o, 5);
  ASSERT_NE(q, nullptr);
  const size_t reps = 3;
  const auto& x = *q->facts->rep_month_sums;
  // (appended: the tail while the columns had room, else copied and read row by row)
  for (const auto& [a, b2] : kPeriods) {
    const WonLost w = won_lost(q->facts->opportunities, x.closed.get(), reps, D(a), D(b2));
    EXPECT_EQ(w.won, plain(q->facts->opportunities, reps, D(a), D(b2)).won);
  }
  auto m = with_stage_move(q, 502, model::Stage::won, D("2024-08-08"), 6);  // the open one, i = 2
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->facts->rep_month_sums->closed->applies(m->facts->opportunities, reps));
  for (const auto& [a, b2] : kPeriods) {
    const WonLost w = won_lost(m->facts->opportunities, x.closed.get(), reps, D(a), D(b2));
    EXPECT_EQ(w.won, plain(m->facts->opportunities, reps, D(a), D(b2)).won);
  }
  auto mf = with_fresh_rep_month_sums(m);
  EXPECT_NE(mf->facts->rep_month_sums->closed, x.closed);
  EXPECT_EQ(mf->facts->rep_month_sums->sales, x.sales);  // the other parts shared
  for (const auto& [a, b2] : kPeriods) {
    const WonLost w = won_lost(mf->facts->opportunities, mf->facts->rep_month_sums->closed.get(), reps, D(a), D(b2));
    EXPECT_EQ(w.won, plain(mf->facts->opportunities, reps, D(a), D(b2)).won);
  }
  expect_equal(*with_fresh_rep_month_sums(p), true);
}
