// The open-contract list C1's aging reads (contract_index.h): contracts never settled, the
// contracts appended by later Snapshots, and every contract when the list does not apply.
#include "engine/contract_index.h"

#include <gtest/gtest.h>

#include "engine/snapshot.h"

using namespace sl;
using namespace sl::engine;

namespace {

Date D(const char* s) { return *parse_date(s); }

model::Contract contract(Id id, Id customer, const char* date, Money amount, const char* due) {
  model::Contract c;
  c.id = id;
  c.code = "HT-" + std::to_string(id);
  c.customer = customer;
  c.rep = 7;
  c.signed_date = D(date);
  c.amount = amount;
  c.lines = {{100, 1, amount, 0}};
  c.plan = {{D(due), amount}};
  return c;
}

std::vector<size_t> visited(const ContractRows& r) {
  std::vector<size_t> out;
  for (size_t k = 0; k < r.size(); ++k) out.push_back(r.at(k));
  return out;
}

// Contracts 10 (paid in full on 2024-03-01), 11 (half paid), 12 (paid in full on 2024-05-10),
// 13 (nothing paid): indexes 0..3, open ones 1 and 3; the last settled day is 2024-05-10.
std::shared_ptr<const Snapshot> snapshot() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  d.reps = {{7, "甲", 2, 0, D("2020-01-01"), std::nullopt}};
  d.customers = {{1, "C1", "客户", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""}};
  d.products = {{100, "P100", "服务器A", "服务器", D("2020-01-01"), 1000, 600}};
  d.contracts = {contract(10, 1, "2024-01-05", 1000, "2024-02-01"), contract(11, 1, "2024-02-05", 800, "2024-03-01"),
                 contract(12, 1, "2024-03-05", 500, "2024-04-01"), contract(13, 1, "2024-04-05", 300, "2024-05-01")};
  d.payments = {{1, 10, D("2024-03-01"), 1000}, {2, 11, D("2024-03-01"), 400}, {3, 12, D("2024-05-10"), 500}};
  return build_snapshot(d, 1);
}

}  // namespace

TEST(ContractIndex, OpenContractsAndTheAppendedOnes) {
  auto s = snapshot();
  const auto& t = s->facts->contracts;
  const ContractIndex* x = s->facts->contract_index.get();
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->open, (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(x->last_settled, D("2024-05-10").days);
  EXPECT_EQ(visited(unsettled_contracts(t, x, D("2024-06-15").days)), (std::vector<size_t>{1, 3}));
  EXPECT_EQ(visited(unsettled_contracts(t, x, D("2024-05-10").days)), (std::vector<size_t>{1, 3}));
  // Before the last settled day contract 12 still had something unpaid: every contract.
  EXPECT_EQ(visited(unsettled_contracts(t, x, D("2024-05-09").days)), (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(visited(unsettled_contracts(t, nullptr, D("2024-06-15").days)), (std::vector<size_t>{0, 1, 2, 3}));

  // A later Snapshot with a new contract shares the list and adds the new contract (index 4).
  auto n = with_contracts(*s, {contract(14, 1, "2024-06-01", 200, "2024-07-01")}, 2);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->facts->contract_index, s->facts->contract_index);
  EXPECT_EQ(visited(unsettled_contracts(n->facts->contracts, n->facts->contract_index.get(), D("2024-06-15").days)),
            (std::vector<size_t>{1, 3, 4}));
}
