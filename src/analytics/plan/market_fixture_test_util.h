// The hand-made market P1 and P2 test on (the C-area organisation: 公司(1) → 华东(2) → 上海(4),
// 公司 → 华南(3) → 广东(5); rep 10 in 上海, rep 11 in 广东). Period 2026-Q2 as of 2026-06-15:
// window 2026-04-01..06-15, June weighted 15/30; last year 2025-04-01..06-15.
//   customers: 1 上海 制造, 2 广东 金融, 3 上海 金融 (small); 4..6 上海 制造
//   products: P1, P2 服务器; P3 存储
//   market: 制造/华东/服务器 10000 in 2026-04..06 (8000 in 2025-04..06); 金融/华东/服务器 4000 in
//           2026-04; 制造/华南/服务器 6000 in 2026-05; 制造/华东/存储 2000 in 2026-06
//   lines: 1 cust 1 rep 10 04-10 P1 1000 · 2 cust 2 rep 11 05-01 P1 600 · 3 cust 3 rep 10 06-10
//          P2 500 · 4 cust 1 rep 10 2025-04-20 P1 800 · 5 cust 1 rep 10 06-01 P3 300 · 6 cust 2
//          rep 10 05-20 P3 200 · 7 cust 1 rep 10 06-20 P1 999 (after as_of)
//   competitors: R1 甲 服务器 (华东 05 1500, 华南 05 400), R2 乙 服务器 (华东 04 1200, 06 1000),
//                R3 甲 存储 (华东 06 600)
//   opportunities: 1 cust 1 rep 10 服务器 5000 04-05 · 2 cust 2 rep 11 存储 3000 05-05 · 3 cust 3
//                  rep 10 服务器 2000 03-30 (before) · 4 cust 3 rep 10 存储 1000 06-15
#pragma once
#include "analytics/check/check_fixture_test_util.h"

namespace sl::plan_test {

using check_test::D;

inline Month M(const char* s) { return *parse_month(s); }

inline std::shared_ptr<const engine::Snapshot> market_snapshot() {
  auto d = check_test::org();
  d.customers[1].region = 5, d.customers[1].industry = "金融", d.customers[1].owner_rep = 11;
  d.customers[2].industry = "金融", d.customers[2].size = model::CustomerSize::small;
  d.products = {{1, "P1", "服务器一号", "服务器", D("2020-01-01"), 0, 0},
                {2, "P2", "服务器二号", "服务器", D("2020-01-01"), 0, 0},
                {3, "P3", "存储一号", "存储", D("2020-01-01"), 0, 0}};
  for (const char* m : {"2026-04", "2026-05", "2026-06"}) d.market_stats.push_back({M(m), "制造", 2, "服务器", 10000});
  for (const char* m : {"2025-04", "2025-05", "2025-06"}) d.market_stats.push_back({M(m), "制造", 2, "服务器", 8000});
  d.market_stats.push_back({M("2026-04"), "金融", 2, "服务器", 4000});
  d.market_stats.push_back({M("2026-05"), "制造", 3, "服务器", 6000});
  d.market_stats.push_back({M("2026-06"), "制造", 2, "存储", 2000});
  d.competitors = {{1, "甲"}, {2, "乙"}};
  d.competitor_products = {{1, 1, "服务器", "甲服务器"}, {2, 2, "服务器", "乙服务器"}, {3, 1, "存储", "甲存储"}};
  d.competitor_sales = {{M("2026-05"), 1, 2, 1500}, {M("2026-05"), 1, 3, 400}, {M("2026-04"), 2, 2, 1200},
                        {M("2026-06"), 2, 2, 1000}, {M("2026-06"), 3, 2, 600}};
  auto sale = [](Id id, Id customer, Id rep, const char* day, Id product, Money amount) {
    model::Contract c = check_test::contract(id, customer, rep, day, amount);
    c.lines = {{product, 1, amount, 0}};
    return c;
  };
  d.contracts = {sale(1, 1, 10, "2026-04-10", 1, 1000), sale(2, 2, 11, "2026-05-01", 1, 600),
                 sale(3, 3, 10, "2026-06-10", 2, 500),  sale(4, 1, 10, "2025-04-20", 1, 800),
                 sale(5, 1, 10, "2026-06-01", 3, 300),  sale(6, 2, 10, "2026-05-20", 3, 200),
                 sale(7, 1, 10, "2026-06-20", 1, 999)};
  auto opp = [](Id id, Id customer, Id rep, const char* category, Money amount, const char* created) {
    model::Opportunity o;
    o.id = id, o.customer = customer, o.rep = rep, o.category = category, o.amount = amount;
    o.created = o.expected_close = D(created);
    o.history = {{model::Stage::lead, D(created)}};
    return o;
  };
  d.opportunities = {opp(1, 1, 10, "服务器", 5000, "2026-04-05"), opp(2, 2, 11, "存储", 3000, "2026-05-05"),
                     opp(3, 3, 10, "服务器", 2000, "2026-03-30"), opp(4, 3, 10, "存储", 1000, "2026-06-15")};
  return engine::build_snapshot(d, 1);
}

inline int32_t region_index(const engine::Snapshot& s, Id id) { return s.dims->find_region(id); }
inline int32_t rep_index(const engine::Snapshot& s, Id id) { return s.dims->rep_index.at(id); }

}  // namespace sl::plan_test
