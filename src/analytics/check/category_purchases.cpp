#include "analytics/check/category_purchases.h"

namespace sl::analytics {

CategoryPurchases category_purchases(const engine::Snapshot& s, const std::vector<uint8_t>& visible,
                                     const RowFilter& f, Date as_of) {
  const auto& t = s.facts->sales_lines;
  const size_t nc = s.facts->customer_id.size();
  const engine::RowRange upto = t.range(Date{INT32_MIN / 2}, as_of);
  // Pass 1: the matching rows, and each customer's count of distinct days (rows ascend by date).
  std::vector<uint32_t> rows;
  std::vector<int32_t> last(nc, engine::kNoDay);
  CategoryPurchases out;
  out.begin.assign(nc + 1, 0);
  for (size_t i = upto.begin; i < upto.end; ++i) {
    if (!t.has_category(i, f.category)) continue;
    const int32_t rep = t.rep[i], c = t.customer[i];
    if (rep == engine::kNone || c == engine::kNone || !visible[static_cast<size_t>(rep)]) continue;
    if (!f.pass_customer(*s.facts, c)) continue;
    rows.push_back(static_cast<uint32_t>(i));
    const auto k = static_cast<size_t>(c);
    if (last[k] != t.day[i]) ++out.begin[k + 1], last[k] = t.day[i];
  }
  for (size_t c = 0; c < nc; ++c) out.begin[c + 1] += out.begin[c];
  // Pass 2 over the matching rows only: each new day opens an entry, a repeated one adds to it.
  out.day.resize(out.begin[nc]);
  out.amount.assign(out.begin[nc], 0);
  std::vector<uint32_t> at(out.begin.begin(), out.begin.end() - 1);  // next free entry per customer
  for (const uint32_t i : rows) {
    const auto c = static_cast<size_t>(t.customer[i]);
    if (at[c] == out.begin[c] || out.day[at[c] - 1] != t.day[i]) out.day[at[c]++] = t.day[i];
    out.amount[at[c] - 1] += t.amount[i];
  }
  return out;
}

}  // namespace sl::analytics
