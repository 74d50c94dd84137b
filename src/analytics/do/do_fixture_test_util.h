// A small hand-made company shared by the D1/D2/D4 tests:
// 公司(1) → 华东(2) → 上海(4);  公司(1) → 华南(3) → 广东(5).
// Reps 10 (hired 2020) and 11 (hired 2026-06-11) in 上海, 12 in 广东 (left 2026-06-10).
#pragma once
#include "engine/snapshot.h"

namespace sl::analytics::testing {

inline Date D(const char* s) { return *parse_date(s); }

inline model::Dataset base_company() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华东", 1, 1}, {3, "华南", 1, 1}, {4, "上海", 2, 2}, {5, "广东", 3, 2}};
  d.reps = {{10, "张三", 4, 0, D("2020-01-01"), std::nullopt},
            {11, "李四", 4, 0, D("2026-06-11"), std::nullopt},
            {12, "王五", 5, 0, D("2020-01-01"), D("2026-06-10")}};
  d.customers = {{1, "C1", "客户一", "制造", model::CustomerSize::large, 4, 10, D("2020-01-01"), ""},
                 {2, "C2", "客户二", "能源", model::CustomerSize::small, 5, 12, D("2020-01-01"), ""}};
  return d;
}

inline model::Contract contract(Id id, const char* date, Id rep, Money amount, Id customer = 1) {
  model::Contract c;
  c.id = id;
  c.code = "HT" + std::to_string(id);
  c.customer = customer;
  c.rep = rep;
  c.signed_date = D(date);
  c.amount = amount;
  return c;
}

inline model::Target target(const char* month, model::TargetMetric m, model::OwnerKind k, Id owner, int64_t v) {
  return model::Target{*parse_month(month), m, k, owner, v};
}

}  // namespace sl::analytics::testing
