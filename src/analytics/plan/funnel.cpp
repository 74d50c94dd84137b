#include "analytics/plan/funnel.h"

#include <algorithm>

namespace sl::analytics {

bool opportunity_passes(const engine::Facts& f, const engine::Scope& scope, const RowFilter& rf, size_t row) {
  const auto& o = f.opportunities;
  return engine::sees_opportunity(scope, o, row) && rf.pass_customer(f, o.customer[row]) &&
         (!rf.by_category() || o.category[row] == rf.category);
}

int reached_stage(const engine::OpportunityTable& o, size_t row, Date as_of) {
  if (o.created[row] > as_of.days) return -1;
  const uint32_t b = o.hist_begin[row], e = o.hist_begin[row + 1];
  if (b == e) return o.stage[row] == kLost ? -1 : o.stage[row];
  int best = -1;
  for (uint32_t h = b; h < e && o.hist_day[h] <= as_of.days; ++h)
    if (o.hist_stage[h] != kLost) best = std::max<int>(best, o.hist_stage[h]);
  return best;
}

int32_t entered_day(const engine::OpportunityTable& o, size_t row, Date as_of) {
  int32_t day = o.created[row];
  for (uint32_t h = o.hist_begin[row]; h < o.hist_begin[row + 1] && o.hist_day[h] <= as_of.days; ++h)
    day = o.hist_day[h];
  return day;
}

Funnel funnel(const engine::Snapshot& s, const engine::Scope& scope, const FunnelParams& p) {
  const auto& f = *s.facts;
  const auto& o = f.opportunities;
  const int32_t first = p.first.days, last = std::min(p.last, p.as_of).days;
  Funnel out;
  std::array<int64_t, kFunnelStages> stay_days{};
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.created[i] < first || o.created[i] > last || !opportunity_passes(f, scope, p.rf, i)) continue;
    const int stage = o.stage_at(i, p.as_of), reached = reached_stage(o, i, p.as_of);
    ++out.cohort;
    out.amount += o.amount[i];
    if (stage == kWon) ++out.won, out.won_amount += o.amount[i];
    else if (stage == kLost) ++out.lost;
    else ++out.open;
    for (int k = 0; k <= reached && k < kFunnelStages; ++k) ++out.stages[k].reached;
    // A stay in a stage ends with the next event; only stays ended by as_of have a length.
    for (uint32_t h = o.hist_begin[i]; h + 1 < o.hist_begin[i + 1] && o.hist_day[h + 1] <= p.as_of.days; ++h)
      if (o.hist_stage[h] < kWon) {
        ++out.stages[o.hist_stage[h]].stays;
        stay_days[o.hist_stage[h]] += o.hist_day[h + 1] - o.hist_day[h];
      }
    out.rows.push_back({static_cast<uint32_t>(i), static_cast<int8_t>(reached), static_cast<int8_t>(stage),
                        entered_day(o, i, p.as_of)});
  }
  for (int k = 0; k < kFunnelStages; ++k) {
    auto& st = out.stages[k];
    st.stage = k;
    if (k > 0 && out.stages[k - 1].reached > 0)
      st.conversion = static_cast<double>(st.reached) / static_cast<double>(out.stages[k - 1].reached);
    if (st.stays > 0) st.mean_days = static_cast<double>(stay_days[k]) / static_cast<double>(st.stays);
  }
  if (out.won + out.lost > 0) out.win_rate = static_cast<double>(out.won) / static_cast<double>(out.won + out.lost);
  std::sort(out.rows.begin(), out.rows.end(), [&](const FunnelRow& a, const FunnelRow& b) {
    return o.amount[a.row] != o.amount[b.row] ? o.amount[a.row] > o.amount[b.row] : o.id[a.row] < o.id[b.row];
  });
  return out;
}

std::vector<const FunnelRow*> reached_rows(const Funnel& f, int stage) {
  std::vector<const FunnelRow*> out;
  for (const auto& r : f.rows)
    if (r.reached >= stage) out.push_back(&r);
  return out;
}

}  // namespace sl::analytics
