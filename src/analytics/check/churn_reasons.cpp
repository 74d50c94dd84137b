#include "analytics/check/churn_reasons.h"

#include <algorithm>
#include <map>

#include "analytics/check/category_purchases.h"
#include "analytics/check/rep_mask.h"

namespace sl::analytics {

const char* churn_response_code(const std::string& reason) {
  static const std::map<std::string, const char*> k = {
      {"价格", "price"},        {"price", "price"},     {"竞品", "competitor"}, {"competitor", "competitor"},
      {"服务", "service"},      {"service", "service"}, {"需求变化", "demand"}, {"demand", "demand"},
      {"倒闭/合并", "closure"}, {"closure", "closure"}};
  auto it = k.find(reason);
  return it == k.end() ? "other" : it->second;
}

namespace {

// Rows of one dimension, in the given order, dropping rows with no churned customer.
ChurnCross cross(const std::vector<std::string>& names, const std::vector<std::vector<int64_t>>& counts) {
  ChurnCross out;
  for (size_t r = 0; r < names.size(); ++r) {
    int64_t n = 0;
    for (int64_t x : counts[r]) n += x;
    if (n == 0) continue;
    out.rows.push_back(names[r]);
    out.counts.push_back(counts[r]);
  }
  return out;
}

}  // namespace

ChurnReasons churn_reasons(const engine::Snapshot& s, const engine::Scope& scope, const ChurnReasonsParams& p) {
  const auto& f = *s.facts;
  const auto& cu = f.customers;
  const auto& d = *s.dims;
  const size_t nc = f.customer_id.size(), nreasons = cu.lost_reasons.size();
  std::vector<uint8_t> sold(nc, 0);
  std::vector<Money> amount(nc, 0);
  // The lost customers' contracts up to as_of through the contracts-by-customer list and its
  // copies (engine/row_index.h): only their entries are read, contiguously.
  const auto visible = visible_reps(s, scope);
  if (p.filter.by_category()) {  // sold the category: its purchases (category_purchases.h)
    const CategoryPurchases b = category_purchases(s, visible, p.filter, p.as_of);
    for (size_t c = 0; c < nc; ++c) {
      if (cu.lost_reason[c] == engine::kNone || !b.any(c)) continue;
      sold[c] = 1;
      for (size_t j = b.first(c); j < b.end(c); ++j) amount[c] += b.amount[j];
    }
  } else {
    const engine::CustomerContracts contracts(f.contracts, f.row_index, nc);
    for (size_t c = 0; c < nc; ++c) {
      if (cu.lost_reason[c] == engine::kNone) continue;
      contracts.for_each(static_cast<int32_t>(c), [&](int32_t day, int32_t rep, Money x) {
        if (day > p.as_of.days || rep == engine::kNone || !visible[static_cast<size_t>(rep)]) return;
        sold[c] = 1;
        amount[c] += x;
      });
    }
  }
  std::vector<ChurnReason> by_code(nreasons);
  for (size_t r = 0; r < nreasons; ++r)
    by_code[r] = {cu.lost_reasons[r], churn_response_code(cu.lost_reasons[r]), 0, 0};
  const std::vector<std::string> sizes = {"large", "medium", "small"};  // model::CustomerSize order
  std::vector<std::string> tops;
  std::vector<int32_t> top_row(static_cast<size_t>(d.region_count()), -1);
  for (int32_t r : d.regions_at_level(1)) {
    top_row[static_cast<size_t>(r)] = static_cast<int32_t>(tops.size());
    tops.push_back(d.region_name[static_cast<size_t>(r)]);
  }
  tops.push_back("");  // a customer outside every 大区
  auto grid = [&](size_t rows) { return std::vector<std::vector<int64_t>>(rows, std::vector<int64_t>(nreasons, 0)); };
  auto by_industry = grid(cu.industries.size()), by_size = grid(sizes.size()), by_region = grid(tops.size());
  ChurnReasons out;
  for (size_t c = 0; c < nc; ++c) {
    if (!sold[c] || !p.filter.pass_customer(f, static_cast<int32_t>(c))) continue;
    const auto r = static_cast<size_t>(cu.lost_reason[c]);
    ++out.customers;
    ++by_code[r].customers;
    by_code[r].amount += amount[c];
    ++by_industry[static_cast<size_t>(cu.industry[c])][r];
    ++by_size[static_cast<size_t>(cu.size[c])][r];
    const int32_t reg = cu.region[c],
                  top = reg == engine::kNone ? engine::kNone : d.region_top[static_cast<size_t>(reg)];
    const int32_t row = top == engine::kNone ? -1 : top_row[static_cast<size_t>(top)];
    ++by_region[row < 0 ? tops.size() - 1 : static_cast<size_t>(row)][r];
  }
  // Reasons most customers first; the cross tables follow that column order.
  std::vector<size_t> order(nreasons);
  for (size_t r = 0; r < nreasons; ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return by_code[a].customers != by_code[b].customers ? by_code[a].customers > by_code[b].customers
                                                        : by_code[a].reason < by_code[b].reason;
  });
  std::vector<size_t> kept;
  for (size_t r : order)
    if (by_code[r].customers > 0) kept.push_back(r), out.reasons.push_back(by_code[r]);
  auto reorder = [&](std::vector<std::vector<int64_t>> g) {
    for (auto& row : g) {
      std::vector<int64_t> x;
      for (size_t r : kept) x.push_back(row[r]);
      row = std::move(x);
    }
    return g;
  };
  out.industry = cross(cu.industries, reorder(by_industry));
  out.size = cross(sizes, reorder(by_size));
  out.region = cross(tops, reorder(by_region));
  return out;
}

}  // namespace sl::analytics
