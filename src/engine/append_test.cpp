#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine/snapshot.h"

using namespace sl;
using namespace sl::engine;

namespace {

Date D(const char* s) { return *parse_date(s); }

model::Contract contract(Id id, Id customer, Id rep, const char* date, std::vector<model::ContractLine> lines,
                         std::vector<model::PlanItem> plan = {}) {
  model::Contract c;
  c.id = id;
  c.code = "HT-" + std::to_string(id);
  c.customer = customer;
  c.rep = rep;
  c.signed_date = D(date);
  for (const auto& l : lines) c.amount += l.amount;
  c.lines = std::move(lines);
  c.plan = std::move(plan);
  return c;
}

// Reps 7 and 8, customers 1–3 (3 has never bought), products 100 (服务器) and 101 (软件).
model::Dataset base() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  d.reps = {{7, "甲", 2, 0, D("2020-01-01"), std::nullopt}, {8, "乙", 2, 0, D("2020-01-01"), std::nullopt}};
  for (Id c = 1; c <= 3; ++c)
    d.customers.push_back(
        {c, "C" + std::to_string(c), "客户", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""});
  d.products = {{100, "P100", "服务器A", "服务器", D("2020-01-01"), 1000, 600},
                {101, "P101", "软件B", "软件", D("2020-01-01"), 500, 100}};
  d.contracts = {contract(10, 1, 7, "2024-05-01", {{100, 1, 1000, 600}, {101, 2, 800, 200}}, {{D("2024-06-01"), 1800}}),
                 contract(11, 2, 8, "2024-03-05", {{101, 1, 500, 100}}),
                 contract(12, 1, 8, "2024-05-03", {{100, 2, 2000, 1200}})};
  d.payments = {{1, 10, D("2024-06-02"), 900}};
  return d;
}

template <class C>
std::vector<typename C::value_type> values(const C& c) {
  return std::vector<typename C::value_type>(c.begin(), c.end());
}

void expect_same(const FactTable& a, const FactTable& b, const char* what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(values(a.day), values(b.day));
  EXPECT_EQ(values(a.rep), values(b.rep));
  EXPECT_EQ(values(a.customer), values(b.customer));
  EXPECT_EQ(values(a.category), values(b.category));
  EXPECT_EQ(values(a.amount), values(b.amount));
}

void expect_same(const Snapshot& a, const Snapshot& b) {
  const Facts &x = *a.facts, &y = *b.facts;
  expect_same(x.sales, y.sales, "sales");
  expect_same(x.sales_lines, y.sales_lines, "sales_lines");
  EXPECT_EQ(values(x.line_product), values(y.line_product));
  EXPECT_EQ(values(x.line_cost), values(y.line_cost));
  expect_same(x.first_contracts, y.first_contracts, "first_contracts");
  expect_same(x.collections, y.collections, "collections");
  const ContractTable &k = x.contracts, &l = y.contracts;
  ASSERT_EQ(k.size(), l.size());
  for (size_t c = 0; c < k.size(); ++c) EXPECT_EQ(k.code(c), l.code(c));
  EXPECT_EQ(values(k.id), values(l.id));
  EXPECT_EQ(values(k.rep), values(l.rep));
  EXPECT_EQ(values(k.customer), values(l.customer));
  EXPECT_EQ(values(k.signed_day), values(l.signed_day));
  EXPECT_EQ(values(k.amount), values(l.amount));
  EXPECT_EQ(values(k.plan_begin), values(l.plan_begin));
  EXPECT_EQ(values(k.plan_due), values(l.plan_due));
  EXPECT_EQ(values(k.plan_amount), values(l.plan_amount));
  EXPECT_EQ(values(k.pay_begin), values(l.pay_begin));
  EXPECT_EQ(values(k.pay_day), values(l.pay_day));
}

}  // namespace

// The appended Snapshot equals a rebuild from all contracts, column by column; the old
// Snapshot still reads exactly what it read before.
TEST(WithContracts, EqualsARebuild) {
  model::Dataset d = base();
  auto before = build_snapshot(d, 1);
  const auto old_sales = values(before->facts->sales.amount);
  // Same last day as an existing contract (05-03), a new day, a customer's first contract
  // (3), two plan items given out of due-date order.
  std::vector<model::Contract> added = {
      contract(14, 3, 7, "2024-05-09", {{101, 1, 300, 50}}, {{D("2024-08-01"), 100}, {D("2024-07-01"), 200}}),
      contract(13, 2, 7, "2024-05-03", {{100, 1, 700, 400}, {101, 1, 200, 20}})};
  auto next = with_contracts(*before, added, 2);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->version, 2);
  for (const auto& c : added) d.contracts.push_back(c);
  expect_same(*next, *build_snapshot(d, 2));
  EXPECT_EQ(values(before->facts->sales.amount), old_sales);
  EXPECT_EQ(before->facts->contracts.size(), 3u);
  // Parts a contract does not touch are the same objects.
  EXPECT_EQ(next->dims, before->dims);
  EXPECT_EQ(next->targets, before->targets);
  EXPECT_EQ(next->facts->collections.amount.data(), before->facts->collections.amount.data());
}

// A back-dated contract goes mid-table where a rebuild puts it: after the rows of its day,
// and a customer's first contract among that day's first contracts by customer index.
TEST(WithContracts, BackdatedEqualsARebuild) {
  model::Dataset d = base();
  d.customers.push_back({4, "C4", "客户", "制造", model::CustomerSize::small, 2, 8, D("2020-01-01"), ""});
  auto before = build_snapshot(d, 1);
  std::vector<model::Contract> added = {
      contract(30, 1, 8, "2024-05-01", {{101, 1, 90, 9}}),                   // same day as contract 10, mid-table
      contract(31, 3, 7, "2024-03-05", {{100, 1, 70, 7}, {101, 2, 60, 6}}),  // first of customer 3, on 2's first day
      contract(32, 4, 8, "2024-01-02", {{100, 1, 50, 5}}, {{D("2024-02-01"), 50}}),  // before every row
      contract(33, 1, 7, "2024-04-01", {{101, 1, 40, 4}}),  // before customer 1's first (2024-05-01): its row moves
      contract(34, 2, 7, "2024-03-05",
               {{100, 1, 30, 3}})};  // the same day as customer 2's first: that one stays (lower id)
  auto next = with_contracts(*before, added, 2);
  ASSERT_TRUE(next);
  for (const auto& c : added) d.contracts.push_back(c);
  expect_same(*next, *build_snapshot(d, 2));
  EXPECT_EQ(before->facts->sales.size(), 3u);  // the old Snapshot is untouched
}

// Appending twice from the same Snapshot (a writer that lost a race, a retry) must not
// let the second append see or overwrite the first's rows.
TEST(WithContracts, TwoAppendsFromOneSnapshotAreIndependent) {
  auto before = build_snapshot(base(), 1);
  auto a = with_contracts(*before, {contract(20, 1, 7, "2024-06-01", {{100, 1, 111, 1}})}, 2);
  auto b = with_contracts(*before, {contract(21, 2, 8, "2024-06-02", {{100, 1, 222, 1}})}, 3);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->facts->sales.amount.back(), 111);
  EXPECT_EQ(b->facts->sales.amount.back(), 222);
  EXPECT_EQ(a->facts->sales.size(), 4u);
  EXPECT_EQ(b->facts->sales.size(), 4u);
  EXPECT_EQ(a->facts->contracts.code(3), "HT-20");
  EXPECT_EQ(b->facts->contracts.code(3), "HT-21");
}

TEST(WithContracts, FallsBackWhenRowsCannotBeAppended) {
  auto s = build_snapshot(base(), 1);
  // An id not above every id already in.
  EXPECT_FALSE(with_contracts(*s, {contract(12, 1, 7, "2024-06-01", {{100, 1, 1, 1}})}, 2));
  // Unknown rep, customer, product.
  EXPECT_FALSE(with_contracts(*s, {contract(20, 1, 99, "2024-06-01", {{100, 1, 1, 1}})}, 2));
  EXPECT_FALSE(with_contracts(*s, {contract(20, 99, 7, "2024-06-01", {{100, 1, 1, 1}})}, 2));
  EXPECT_FALSE(with_contracts(*s, {contract(20, 1, 7, "2024-06-01", {{999, 1, 1, 1}})}, 2));
  EXPECT_TRUE(with_contracts(*s, {contract(20, 1, 7, "2024-06-01", {{100, 1, 1, 1}})}, 2));
}

// Readers of the published Snapshot run while a writer appends into the buffers they share.
TEST(WithContracts, ReadersAreNotDisturbedByAppends) {
  auto s = build_snapshot(base(), 1);
  const Money total = [&] {
    Money t = 0;
    for (Money a : s->facts->sales_lines.amount) t += a;
    return t;
  }();
  std::atomic<bool> stop{false};
  std::atomic<int> wrong{0};
  std::thread reader([&] {
    while (!stop) {
      Money t = 0;
      for (size_t i = 0; i < s->facts->sales_lines.size(); ++i) t += s->facts->sales_lines.amount[i];
      if (t != total) ++wrong;
    }
  });
  auto cur = s;
  for (Id id = 100; id < 3100; ++id)
    cur = with_contracts(*cur, {contract(id, 1, 7, "2024-07-01", {{100, 1, 5, 1}})}, id);
  stop = true;
  reader.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(cur->facts->sales_lines.size(), s->facts->sales_lines.size() + 3000);
}

// Payments appended equal a rebuild from all payments: collections in (day, id) order, each
// contract's payments by date and its settled day; one the Snapshot already holds is skipped.
TEST(WithPayments, EqualsARebuild) {
  model::Dataset d = base();
  auto before = build_snapshot(d, 1);
  EXPECT_EQ(before->facts->last_payment_id, 1);
  const auto old_collections = values(before->facts->collections.amount);
  // Before contract 10's first payment (a back-dated one), the rest of contract 10 (settles
  // it: 900 + 100 + 800 = 1800 ≥ its plan), and one of contract 11 on the same day as payment 1.
  std::vector<model::Payment> added = {
      {2, 10, D("2024-05-20"), 100}, {3, 10, D("2024-07-01"), 800}, {4, 11, D("2024-06-02"), 50}};
  auto next = with_payments(*before, added, 2);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->version, 2);
  for (const auto& p : added) d.payments.push_back(p);
  auto rebuilt = build_snapshot(d, 2);
  expect_same(*next, *rebuilt);
  EXPECT_EQ(values(next->facts->contracts.pay_amount), values(rebuilt->facts->contracts.pay_amount));
  EXPECT_EQ(values(next->facts->contracts.settled_day), values(rebuilt->facts->contracts.settled_day));
  EXPECT_EQ(next->facts->contracts.settled_day[0], D("2024-07-01").days);
  EXPECT_EQ(next->facts->last_payment_id, 4);
  EXPECT_EQ(values(before->facts->collections.amount), old_collections);  // the old Snapshot unchanged

  // Already held (a rebuild read it): nothing added twice.
  auto again = with_payments(*next, {added[2]}, 3);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->facts->collections.size(), next->facts->collections.size());
  // A contract the Snapshot does not hold: rebuild.
  EXPECT_FALSE(with_payments(*next, {{5, 99, D("2024-07-01"), 1}}, 3));
}
