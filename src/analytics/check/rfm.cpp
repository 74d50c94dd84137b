#include "analytics/check/rfm.h"

#include <algorithm>

#include "analytics/check/category_purchases.h"
#include "analytics/check/rep_mask.h"
#include "engine/parallel.h"

namespace sl::analytics {

const char* rfm_segment_code(int segment) {
  static const char* const k[8] = {"general_retain",  "important_retain",  "general_keep",  "important_keep",
                                   "general_develop", "important_develop", "general_value", "important_value"};
  return k[segment & 7];
}

namespace {

struct Partial {
  std::vector<int32_t> last, freq;
  std::vector<Money> money;
};

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  size_t n = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(n), v.end());
  double hi = v[n];
  if (v.size() % 2) return hi;
  double lo = *std::max_element(v.begin(), v.begin() + static_cast<long>(n));
  return (lo + hi) / 2;
}

}  // namespace

namespace {

// R, F, M inputs per customer from the contracts (no category filter).
Partial from_contracts(const engine::Snapshot& s, const std::vector<uint8_t>& visible, const RfmParams& p) {
  const auto& t = s.facts->sales;
  const size_t nc = s.facts->customer_id.size();
  const engine::RowRange upto = t.range(Date{INT32_MIN / 2}, p.as_of);
  const int32_t window_first = p.as_of.days - p.window_days + 1;
  const size_t workers = engine::worker_count(upto.end - upto.begin);
  const bool filtered = p.filter.industry != engine::kNone || p.filter.size != engine::kNone;
  std::vector<Partial> part(workers);
  engine::parallel_chunks(upto.end - upto.begin, workers, [&](size_t w, size_t b, size_t e) {
    Partial& q = part[w];
    q.last.assign(nc, engine::kNoDay);
    q.freq.assign(nc, 0);
    q.money.assign(nc, 0);
    for (size_t i = upto.begin + b; i < upto.begin + e; ++i) {
      int32_t rep = t.rep[i], c = t.customer[i];
      if (rep == engine::kNone || c == engine::kNone || !visible[static_cast<size_t>(rep)]) continue;
      if (filtered && !p.filter.pass_customer(*s.facts, c)) continue;
      q.last[static_cast<size_t>(c)] = t.day[i];  // rows ascend by date: the last write is the latest
      if (t.day[i] >= window_first) {
        ++q.freq[static_cast<size_t>(c)];
        q.money[static_cast<size_t>(c)] += t.amount[i];
      }
    }
  });
  for (size_t w = 1; w < workers; ++w)  // later chunks hold later dates
    for (size_t c = 0; c < nc; ++c) {
      if (part[w].last[c] != engine::kNoDay) part[0].last[c] = part[w].last[c];
      part[0].freq[c] += part[w].freq[c];
      part[0].money[c] += part[w].money[c];
    }
  return std::move(part[0]);
}

// The same from the category's purchases (category_purchases.h): F counts purchase days.
Partial from_category(const engine::Snapshot& s, const std::vector<uint8_t>& visible, const RfmParams& p) {
  const size_t nc = s.facts->customer_id.size();
  const CategoryPurchases b = category_purchases(s, visible, p.filter, p.as_of);
  const int32_t window_first = p.as_of.days - p.window_days + 1;
  Partial q{std::vector<int32_t>(nc, engine::kNoDay), std::vector<int32_t>(nc, 0), std::vector<Money>(nc, 0)};
  for (size_t c = 0; c < nc; ++c) {
    if (!b.any(c)) continue;
    q.last[c] = b.day[b.end(c) - 1];
    for (size_t j = b.first(c); j < b.end(c); ++j)
      if (b.day[j] >= window_first) ++q.freq[c], q.money[c] += b.amount[j];
  }
  return q;
}

}  // namespace

RfmResult rfm(const engine::Snapshot& s, const engine::Scope& scope, const RfmParams& p) {
  const size_t nc = s.facts->customer_id.size();
  const auto visible = visible_reps(s, scope);
  const Partial q = p.filter.by_category() ? from_category(s, visible, p) : from_contracts(s, visible, p);
  RfmResult r;
  int64_t sum_r = 0, sum_f = 0;
  __int128 sum_m = 0;
  for (size_t c = 0; c < nc; ++c) {
    if (q.last[c] == engine::kNoDay) continue;
    RfmCustomer x{static_cast<int32_t>(c), p.as_of.days - q.last[c], q.freq[c], q.money[c], 0};
    sum_r += x.recency, sum_f += x.frequency, sum_m += x.monetary;
    r.customers.push_back(x);
  }
  const int64_t n = static_cast<int64_t>(r.customers.size());
  if (n == 0) return r;
  if (!p.median) {
    // Exact integer comparisons against the mean: x > Σ/n ⇔ x·n > Σ (no rounding at the edge).
    r.threshold_r = static_cast<double>(sum_r) / static_cast<double>(n);
    r.threshold_f = static_cast<double>(sum_f) / static_cast<double>(n);
    r.threshold_m = static_cast<double>(sum_m) / static_cast<double>(n);
    for (auto& x : r.customers) {
      bool rg = static_cast<__int128>(x.recency) * n<sum_r, fh = static_cast<__int128>(x.frequency) * n> sum_f,
           mh = static_cast<__int128>(x.monetary) * n > sum_m;
      x.segment = static_cast<uint8_t>(rg * 4 + fh * 2 + mh);
    }
  } else {
    std::vector<double> vr, vf, vm;
    for (const auto& x : r.customers)
      vr.push_back(x.recency), vf.push_back(x.frequency), vm.push_back(static_cast<double>(x.monetary));
    r.threshold_r = median_of(vr), r.threshold_f = median_of(vf), r.threshold_m = median_of(vm);
    for (auto& x : r.customers)
      x.segment = static_cast<uint8_t>((x.recency < r.threshold_r) * 4 + (x.frequency > r.threshold_f) * 2 +
                                       (static_cast<double>(x.monetary) > r.threshold_m));
  }
  for (const auto& x : r.customers) {
    ++r.segments[x.segment].customers;
    r.segments[x.segment].amount += x.monetary;
  }
  return r;
}

}  // namespace sl::analytics
