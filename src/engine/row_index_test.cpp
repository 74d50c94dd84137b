// The per-customer and per-rep row lists (row_index.h): grouped rows in signing-day order,
// appended contracts read as the tail, every row when a list no longer applies, and the
// publish step's rebuild.
#include "engine/row_index.h"

#include <gtest/gtest.h>

#include "engine/snapshot.h"

using namespace sl;
using namespace sl::engine;

namespace {

Date D(const char* s) { return *parse_date(s); }

model::Contract contract(Id id, Id customer, Id rep, const char* date) {
  model::Contract c;
  c.id = id;
  c.code = "HT-" + std::to_string(id);
  c.customer = customer;
  c.rep = rep;
  c.signed_date = D(date);
  c.amount = 100;
  c.lines = {{100, 1, 100, 0}};
  c.plan = {{D(date), 100}};
  return c;
}

// Customers 1 and 2 (indexes 0, 1; owned by reps 7 and 8), contracts 10..13 (indexes 0..3)
// signed out of id order.
std::shared_ptr<const Snapshot> snapshot() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  d.reps = {{7, "甲", 2, 0, D("2020-01-01"), std::nullopt}, {8, "乙", 2, 0, D("2020-01-01"), std::nullopt}};
  d.customers = {{1, "C1", "客户一", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""},
                 {2, "C2", "客户二", "制造", model::CustomerSize::small, 2, 8, D("2020-01-01"), ""}};
  d.products = {{100, "P100", "服务器A", "服务器", D("2020-01-01"), 1000, 600}};
  d.contracts = {contract(10, 1, 7, "2024-03-05"), contract(11, 2, 7, "2024-01-05"), contract(12, 1, 8, "2024-01-05"),
                 contract(13, 1, 7, "2024-02-05")};
  return build_snapshot(d, 1);
}

std::vector<size_t> rows_of(const KeyRows& r, const Column<int32_t>& key, int32_t k) {
  std::vector<size_t> out;
  r.for_each(key, k, [&](size_t i) { out.push_back(i); });
  return out;
}

}  // namespace

TEST(RowIndex, GroupsRowsByKeyInSigningDayOrder) {
  auto s = snapshot();
  const auto& t = s->facts->contracts;
  const RowIndex& x = *s->facts->row_index;
  // Customer 0: contracts 2 (01-05), 3 (02-05), 0 (03-05); customer 1: contract 1.
  EXPECT_EQ(rows_of(x.contracts_by_customer.of(t.customer, 0), t.customer, 0), (std::vector<size_t>{2, 3, 0}));
  EXPECT_EQ(rows_of(x.contracts_by_customer.of(t.customer, 1), t.customer, 1), (std::vector<size_t>{1}));
  // Rep 0 signed contracts 1 (01-05), 3, 0; rep 1 contract 2.
  EXPECT_EQ(rows_of(x.contracts_by_rep.of(t.rep, 0), t.rep, 0), (std::vector<size_t>{1, 3, 0}));
  EXPECT_EQ(rows_of(x.contracts_by_rep.of(t.rep, 1), t.rep, 1), (std::vector<size_t>{2}));
  const auto& owner = s->facts->customers.owner;
  EXPECT_EQ(rows_of(x.customers_by_owner.of(owner, 1), owner, 1), (std::vector<size_t>{1}));
  // A key out of range has no rows; no index means every row, filtered.
  EXPECT_TRUE(rows_of(x.contracts_by_rep.of(t.rep, 5), t.rep, 5).empty());
  EXPECT_EQ(rows_of(key_rows(nullptr, t.rep, 0), t.rep, 0), (std::vector<size_t>{0, 1, 3}));
}

TEST(RowIndex, AppendedContractsAreTheTailUntilThePublishStepRebuilds) {
  auto s = snapshot();
  auto n = with_contracts(*s, {contract(14, 1, 8, "2024-01-01")}, 2);  // index 4, back-dated
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->facts->row_index, s->facts->row_index);  // shared
  const auto& t = n->facts->contracts;
  const RowIndex& x = *n->facts->row_index;
  const KeyRows r = x.contracts_by_customer.of(t.customer, 0);
  EXPECT_TRUE(r.has_tail());
  EXPECT_EQ(rows_of(r, t.customer, 0), (std::vector<size_t>{2, 3, 0, 4}));
  EXPECT_EQ(rows_of(x.contracts_by_rep.of(t.rep, 1), t.rep, 1), (std::vector<size_t>{2, 4}));
  // The older Snapshot still reads its own rows only.
  const auto& old = s->facts->contracts;
  EXPECT_EQ(rows_of(s->facts->row_index->contracts_by_customer.of(old.customer, 0), old.customer, 0),
            (std::vector<size_t>{2, 3, 0}));
  // A short tail keeps the index; the many-customer readers get the same list.
  EXPECT_EQ(with_fresh_row_index(n), n);
  EXPECT_EQ(contracts_by_customer(t, n->facts->row_index, 2).get(), &x.contracts_by_customer);
}

TEST(RowIndex, AListThatNoLongerAppliesReadsEveryRowAndIsRebuilt) {
  auto s = snapshot();
  // A Snapshot whose customer column is a copy (as a rebuilt column would be): the list does
  // not apply, so every row is read and filtered; the publish step rebuilds the index.
  auto f = std::make_shared<Facts>(*s->facts);
  f->contracts.customer = f->contracts.customer.erased(3).inserted(3, 0);
  auto copy = std::make_shared<Snapshot>(*s);
  copy->facts = f;
  const auto& t = f->contracts;
  const KeyRows r = f->row_index->contracts_by_customer.of(t.customer, 0);
  EXPECT_EQ(r.listed, 0u);
  EXPECT_EQ(rows_of(r, t.customer, 0), (std::vector<size_t>{0, 2, 3}));
  EXPECT_NE(contracts_by_customer(t, f->row_index, 2).get(), &f->row_index->contracts_by_customer);
  auto fresh = with_fresh_row_index(copy);
  ASSERT_NE(fresh, copy);
  EXPECT_EQ(fresh->facts->contracts.customer.data(), t.customer.data());  // columns shared
  EXPECT_EQ(rows_of(fresh->facts->row_index->contracts_by_customer.of(t.customer, 0), t.customer, 0),
            (std::vector<size_t>{2, 3, 0}));
}

namespace {

struct Seen {
  std::vector<int32_t> days, reps;
  std::vector<Money> amounts;
  bool tail = false;
};
Seen seen(const CustomerContracts& x, int32_t c) {
  Seen out;
  out.tail = x.for_each(c, [&](int32_t day, int32_t rep, Money amount) {
    out.days.push_back(day), out.reps.push_back(rep), out.amounts.push_back(amount);
  });
  return out;
}

}  // namespace

TEST(RowIndex, CustomerContractsFromTheCopiesThenTheTail) {
  auto s = snapshot();
  const auto& t = s->facts->contracts;
  // Customer 0: contracts 2 (01-05, rep 1), 3 (02-05, rep 0), 0 (03-05, rep 0), from the copies.
  const CustomerContracts x(t, s->facts->row_index, 2);
  const Seen a = seen(x, 0);
  EXPECT_EQ(a.days, (std::vector<int32_t>{D("2024-01-05").days, D("2024-02-05").days, D("2024-03-05").days}));
  EXPECT_EQ(a.reps, (std::vector<int32_t>{1, 0, 0}));
  EXPECT_EQ(a.amounts, (std::vector<Money>{100, 100, 100}));
  EXPECT_FALSE(a.tail);
  EXPECT_EQ(seen(x, 1).days, (std::vector<int32_t>{D("2024-01-05").days}));
  // An appended contract (index 4) comes after the listed ones, and says so.
  auto n = with_contracts(*s, {contract(14, 1, 8, "2024-01-01")}, 2);
  ASSERT_NE(n, nullptr);
  const Seen b = seen(CustomerContracts(n->facts->contracts, n->facts->row_index, 2), 0);
  EXPECT_EQ(b.days.back(), D("2024-01-01").days);
  EXPECT_EQ(b.days.size(), 4u);
  EXPECT_TRUE(b.tail);
  // An amount column that is a copy: the copies do not apply, the table's values are read.
  auto f = std::make_shared<Facts>(*s->facts);
  f->contracts.amount = f->contracts.amount.erased(0).inserted(0, 250);
  const Seen c = seen(CustomerContracts(f->contracts, f->row_index, 2), 0);
  EXPECT_EQ(c.amounts, (std::vector<Money>{100, 100, 250}));
  auto copy = std::make_shared<Snapshot>(*s);
  copy->facts = f;
  EXPECT_NE(with_fresh_row_index(copy), copy);  // the publish step rebuilds them
}

TEST(RowIndex, EachCustomersCountLastDayAndTwiceTheMedianGap) {
  auto s = snapshot();
  const auto& x = s->facts->row_index->contract_copies;
  // Customer 0: 01-05, 02-05, 03-05 (gaps 31 and 29: median 30, twice 60); customer 1: one contract.
  EXPECT_EQ(x.with_rep[0], 3);
  EXPECT_EQ(x.last_day[0], D("2024-03-05").days);
  EXPECT_EQ(x.median2[0], 60);
  EXPECT_EQ(x.with_rep[1], 1);
  EXPECT_EQ(x.median2[1], -1);
  // Whole lists only while nothing was appended.
  const CustomerContracts c(s->facts->contracts, s->facts->row_index, 2);
  EXPECT_EQ(c.whole(0).n, 3u);
  auto n = with_contracts(*s, {contract(14, 1, 8, "2024-01-01")}, 2);
  EXPECT_EQ(CustomerContracts(n->facts->contracts, n->facts->row_index, 2).whole(0).copies, nullptr);
  int32_t gaps[4];
  const int32_t odd[] = {0, 10, 13, 30}, even[] = {0, 4, 14, 15, 45};  // gaps 10 3 17 · 4 10 1 30
  EXPECT_EQ(twice_median_gap(odd, 4, gaps), 20);
  EXPECT_EQ(twice_median_gap(even, 5, gaps), 14);
  EXPECT_EQ(twice_median_gap(odd, 1, gaps), -1);
}
