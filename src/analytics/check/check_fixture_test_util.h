// The small organisation the C-area tests share: 公司(1) → 华东(2) → 上海(4) and
// 公司(1) → 华南(3) → 广东(5); rep 10 in 上海, rep 11 in 广东; customers 1..6.
#pragma once
#include "engine/snapshot.h"

namespace sl::check_test {

inline Date D(const char* s) { return *parse_date(s); }

inline model::Contract contract(Id id, Id customer, Id rep, const char* date, Money amount,
                                std::vector<model::PlanItem> plan = {}) {
  model::Contract c;
  c.id = id;
  c.customer = customer;
  c.rep = rep;
  c.signed_date = D(date);
  c.amount = amount;
  c.plan = std::move(plan);
  return c;
}

inline model::Dataset org() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华东", 1, 1}, {3, "华南", 1, 1}, {4, "上海", 2, 2}, {5, "广东", 3, 2}};
  d.reps = {{10, "张三", 4, 0, D("2020-01-01"), std::nullopt}, {11, "李四", 5, 0, D("2020-01-01"), std::nullopt}};
  for (Id i = 1; i <= 6; ++i)
    d.customers.push_back({i, "C" + std::to_string(i), "客户" + std::to_string(i), "制造", model::CustomerSize::large,
                           4, 10, D("2020-01-01"), ""});
  return d;
}

}  // namespace sl::check_test
