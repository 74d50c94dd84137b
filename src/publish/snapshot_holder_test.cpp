#include "publish/snapshot_holder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store/store.h"

namespace sl::publish {
namespace {

Date D(const char* s) { return *parse_date(s); }

model::Dataset tiny() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  d.reps = {{7, "甲", 2, 0, D("2020-01-01"), std::nullopt}};
  d.customers = {{1, "C1", "客户", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""},
                 {2, "C2", "客户", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""}};
  d.products = {{100, "P100", "服务器A", "服务器", D("2020-01-01"), 1000, 600}};
  model::Contract c;
  c.id = 10, c.code = "HT-10", c.customer = 1, c.rep = 7, c.signed_date = D("2024-05-01"), c.amount = 1000;
  c.lines = {{100, 1, 1000, 600}};
  c.plan = {{D("2024-06-01"), 1000}};
  d.contracts = {c};
  c.id = 11, c.code = "HT-11", c.signed_date = D("2024-06-01");
  d.contracts.push_back(c);
  return d;
}

model::Contract contract(Id id, Id customer, const char* date, Money amount) {
  model::Contract c;
  static int n = 0;
  c.id = id, c.code = "NEW-" + std::to_string(++n), c.customer = customer, c.rep = 7, c.signed_date = D(date);
  c.amount = amount;
  c.lines = {{100, 1, amount, 0}};
  c.plan = {{D(date), amount}};
  return c;
}

Money total(const engine::Snapshot& s) {
  Money t = 0;
  for (Money a : s.facts->sales.amount) t += a;
  return t;
}

TEST(SnapshotHolder, BackdatedContractsAppendWithoutARebuild) {
  auto store = store::open_store(":memory:");
  store->write_dataset(tiny());
  SnapshotHolder h(*store);
  h.reload();
  EXPECT_EQ(h.rebuilds(), 1);
  auto k = contract(0, 1, "2024-05-15", 500);  // before contract 11, after customer 1's first
  k.id = store->add_contracts({k}, 0, 1).at(0);
  auto p = h.publish_contracts({k});
  EXPECT_TRUE(p.incremental);
  auto first = contract(0, 2, "2023-06-01", 200);  // customer 2's first, before every row
  first.id = store->add_contracts({first}, 0, 1).at(0);
  EXPECT_TRUE(h.publish_contracts({first}).incremental);
  EXPECT_EQ(h.rebuilds(), 1);
  EXPECT_EQ(total(*h.current()), 2700);
  // Before customer 1's first contract: its first-contract row moves, still no rebuild, and
  // the Snapshot equals one rebuilt from the store.
  std::vector<model::Contract> early{contract(0, 1, "2023-01-01", 300)};
  EXPECT_TRUE(h.add_contracts(early, 0, 1).incremental);
  EXPECT_GT(early[0].id, 0);
  EXPECT_EQ(h.rebuilds(), 1);
  EXPECT_EQ(total(*h.current()), 3000);
  const auto appended = h.current();
  const auto rebuilt = engine::build_snapshot(store->load_dataset(), 99);
  const auto& a = appended->facts->first_contracts;
  const auto& b = rebuilt->facts->first_contracts;
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.day[i], b.day[i]) << i;
    EXPECT_EQ(a.customer[i], b.customer[i]) << i;
    EXPECT_EQ(a.amount[i], b.amount[i]) << i;
  }
  // Published again after a rebuild that already read them: not counted twice.
  h.reload();
  EXPECT_EQ(h.rebuilds(), 2);
  EXPECT_TRUE(h.publish_contracts({early[0], k}).incremental);
  EXPECT_EQ(total(*h.current()), 3000);
}

// Contract writes from many threads publish in id order: every one appends, none rebuilds.
TEST(SnapshotHolder, ConcurrentContractWritesAllAppend) {
  auto store = store::open_store(":memory:");
  store->write_dataset(tiny());
  SnapshotHolder h(*store);
  h.reload();
  std::vector<std::thread> ts;
  std::atomic<int> rebuilt{0};
  for (int i = 0; i < 8; ++i)
    ts.emplace_back([&, i] {
      for (int j = 0; j < 10; ++j) {
        std::vector<model::Contract> cs{contract(0, 1 + (i + j) % 2, j % 2 ? "2024-05-20" : "2024-06-10", 1)};
        if (!h.add_contracts(cs, 0, 1).incremental) ++rebuilt;
      }
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(rebuilt, 0);
  EXPECT_EQ(h.rebuilds(), 1);
  EXPECT_EQ(total(*h.current()), 2000 + 80);
}

TEST(SnapshotHolder, ConcurrentRebuildsCoalesce) {
  auto store = store::open_store(":memory:");
  store->write_dataset(tiny());
  SnapshotHolder h(*store);
  h.reload();
  // Sixteen writers each commit, then each needs a rebuild that holds its write.
  std::vector<std::thread> ts;
  std::atomic<int> wrong{0};
  for (int i = 0; i < 16; ++i)
    ts.emplace_back([&, i] {
      auto k = contract(0, 2, "2024-05-02", 10 + i);
      k.id = store->add_contracts({k}, 0, 1).at(0);
      h.reload();
      const auto& ids = h.current()->facts->contracts.id;
      if (!std::binary_search(ids.begin(), ids.end(), k.id)) ++wrong;  // our write is visible on return
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(wrong, 0);
  Money want = 2000;
  for (int i = 0; i < 16; ++i) want += 10 + i;
  EXPECT_EQ(total(*h.current()), want);
  // Without coalescing: 1 + 16. With it, one in flight and the waiters folded into the next.
  EXPECT_LT(h.rebuilds(), 1 + 16);
  EXPECT_GE(h.rebuilds(), 2);
}

TEST(SnapshotHolder, OpportunitiesAppendWithoutARebuild) {
  auto store = store::open_store(":memory:");
  store->write_dataset(tiny());
  SnapshotHolder h(*store);
  h.reload();
  model::Opportunity o;
  o.customer = 2, o.rep = 7, o.category = "服务器", o.amount = 800, o.created = D("2026-06-01");
  o.expected_close = D("2026-09-30");
  auto added = h.add_opportunity(o, 0, 1);
  EXPECT_TRUE(added.incremental);
  auto moved = h.move_opportunity(o.id, model::Stage::proposal, D("2026-06-03"), "", D("2026-06-15"), 0, 2);
  EXPECT_TRUE(moved.incremental);
  auto lost = h.move_opportunity(o.id, model::Stage::lost, D("2026-06-10"), "价格", D("2026-06-15"), 0, 3);
  EXPECT_TRUE(lost.incremental);
  EXPECT_EQ(h.rebuilds(), 1);
  const auto appended = h.current();
  EXPECT_EQ(appended->version, store->data_version());
  h.reload();  // the store as a rebuild reads it: the same table
  ASSERT_EQ(h.rebuilds(), 2);
  const auto &a = appended->facts->opportunities, &b = h.current()->facts->opportunities;
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a.stage[0], b.stage[0]);
  EXPECT_EQ(a.closed[0], b.closed[0]);
  EXPECT_EQ(std::vector<int8_t>(a.hist_stage.begin(), a.hist_stage.end()),
            std::vector<int8_t>(b.hist_stage.begin(), b.hist_stage.end()));
  EXPECT_EQ(std::vector<int32_t>(a.hist_day.begin(), a.hist_day.end()),
            std::vector<int32_t>(b.hist_day.begin(), b.hist_day.end()));
  EXPECT_EQ(a.code(0), b.code(0));
}

TEST(SnapshotHolder, TellsListenersOfEveryPublishAndCatchesUpOnlyWhenBehind) {
  auto store = store::open_store(":memory:");
  store->write_dataset(tiny());
  SnapshotHolder h(*store);
  std::vector<int64_t> told;
  h.on_publish([&](int64_t v) { told.push_back(v); });
  h.reload();
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told.back(), h.current()->version);
  auto k = contract(0, 1, "2024-05-15", 500);
  k.id = store->add_contracts({k}, 0, 1).at(0);
  h.publish_contracts({k});  // appended
  ASSERT_EQ(told.size(), 2u);
  EXPECT_EQ(told.back(), store->data_version());
  // A version the last rebuild read: nothing to do. A newer one (another server's write, here
  // a contract written behind the holder's back): one rebuild that holds it.
  h.catch_up(told.front());
  EXPECT_EQ(h.rebuilds(), 1);
  auto behind = contract(0, 2, "2024-07-01", 700);
  store->add_contracts({behind}, 0, 2);
  const Money before = total(*h.current());
  h.catch_up(store->data_version());
  EXPECT_EQ(h.rebuilds(), 2);
  EXPECT_EQ(total(*h.current()), before + 700);
  EXPECT_EQ(h.current()->version, store->data_version());
  h.catch_up(store->data_version());
  EXPECT_EQ(h.rebuilds(), 2);
}

}  // namespace
}  // namespace sl::publish
