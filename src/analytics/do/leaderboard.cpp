#include "analytics/do/leaderboard.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sl::analytics {

using engine::kNone;

const char* board_metric_code(BoardMetric m) {
  switch (m) {
    case BoardMetric::sales: return "sales";
    case BoardMetric::completion: return "completion";
    case BoardMetric::collections: return "collections";
    case BoardMetric::collection_rate: return "collection_rate";
    case BoardMetric::new_customers: return "new_customers";
    case BoardMetric::win_rate: return "win_rate";
    case BoardMetric::forecast_accuracy: return "forecast_accuracy";
    case BoardMetric::kpi_score: return "kpi_score";
  }
  return "";
}

std::optional<BoardMetric> parse_board_metric(std::string_view s) {
  for (int i = 0; i <= static_cast<int>(BoardMetric::kpi_score); ++i)
    if (s == board_metric_code(static_cast<BoardMetric>(i))) return static_cast<BoardMetric>(i);
  return std::nullopt;
}

std::optional<double> board_value(const RepFigures& f, BoardMetric m) {
  switch (m) {
    case BoardMetric::sales: return static_cast<double>(f.sales);
    case BoardMetric::completion: return f.completion;
    case BoardMetric::collections: return static_cast<double>(f.collections);
    case BoardMetric::collection_rate: return f.collection_rate;
    case BoardMetric::new_customers: return static_cast<double>(f.new_customers);
    case BoardMetric::win_rate: return f.win_rate;
    case BoardMetric::forecast_accuracy: return f.forecast_accuracy;
    case BoardMetric::kpi_score: return f.kpi_score;
  }
  return std::nullopt;
}

bool ranked_in(const engine::Dims& d, int32_t rep, const Period& p, Date as_of) {
  const Date day = std::min(p.last, std::max(p.first, as_of));
  return d.rep_active(rep, day, day);
}

std::vector<std::optional<int>> competition_ranks(const std::vector<std::optional<double>>& values) {
  std::vector<std::optional<int>> out(values.size());
  // Ratios computed along different paths may differ in the last bit: compare at 1e-9.
  auto key = [](double v) { return std::round(v * 1e9) / 1e9; };
  std::vector<double> sorted;
  for (const auto& v : values)
    if (v) sorted.push_back(key(*v));
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    // Rank = 1 + the number of values strictly greater.
    auto better = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), key(*values[i]));
    out[i] = static_cast<int>(better) + 1;
  }
  return out;
}

namespace {

struct Ranked {
  std::vector<RepFigures> figures;
  std::vector<std::optional<int>> ranks;
};

// members: each unit's reps by index. One pass over the facts serves every unit.
Ranked rank_units(const engine::Snapshot& s, const std::vector<std::vector<int32_t>>& members,
                  const std::vector<int32_t>& slots, const PeriodSums& sums, BoardMetric m) {
  Ranked r;
  std::vector<std::optional<double>> values;
  for (size_t i = 0; i < members.size(); ++i) {
    r.figures.push_back(rep_figures(s, sums, members[i], slots[i]));
    values.push_back(board_value(r.figures.back(), m));
  }
  r.ranks = competition_ranks(values);
  return r;
}

void sort_rows(std::vector<BoardRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const BoardRow& a, const BoardRow& b) {
    if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
    return a.rank && *a.rank < *b.rank;
  });
}

}  // namespace

std::vector<int32_t> ranked_peers(const engine::Dims& d, const engine::Scope& scope, const Period& p, Date as_of) {
  // The peer group: a rep is ranked among the reps of their 大区; others among their scope.
  engine::Scope peers = scope;
  if (scope.own_rep != kNone) {
    int32_t top = d.region_top[d.rep_region[scope.own_rep]];
    peers = top != kNone ? engine::scope_region(d, top) : scope;
  }
  std::vector<int32_t> reps;
  for (int32_t rep = 0; rep < d.rep_count(); ++rep)
    if (peers.sees_rep(rep) && ranked_in(d, rep, p, as_of)) reps.push_back(rep);
  return reps;
}

std::vector<std::optional<int>> own_ranks(const engine::Snapshot& s, int32_t rep, const PeriodSums& sums,
                                          const std::vector<BoardMetric>& metrics, int* peers) {
  const std::vector<int32_t> reps = ranked_peers(*s.dims, engine::scope_rep(*s.dims, rep), sums.period, sums.as_of);
  *peers = static_cast<int>(reps.size());
  std::vector<RepFigures> figures;
  size_t own = reps.size();
  for (size_t i = 0; i < reps.size(); ++i) {
    figures.push_back(rep_figures(s, sums, {reps[i]}, s.targets->rep_slot(reps[i])));
    if (reps[i] == rep) own = i;
  }
  std::vector<std::optional<int>> out(metrics.size());
  if (own == reps.size()) return out;  // not ranked in this period
  for (size_t k = 0; k < metrics.size(); ++k) {
    std::vector<std::optional<double>> values;
    for (const auto& f : figures) values.push_back(board_value(f, metrics[k]));
    out[k] = competition_ranks(values)[own];
  }
  return out;
}

BoardResult leaderboard(const engine::Snapshot& s, const engine::Scope& scope, const BoardParams& p) {
  const Period prev = p.period.previous();
  return leaderboard(s, scope, p, period_sums(s, p.period, p.as_of, p.lock_day),
                     period_sums(s, prev, prev.last, p.lock_day));
}

BoardResult leaderboard(const engine::Snapshot& s, const engine::Scope& scope, const BoardParams& p,
                        const PeriodSums& sums_now, const PeriodSums& sums_before) {
  const engine::Dims& d = *s.dims;
  BoardResult out;

  const bool rep_caller = scope.own_rep != kNone;
  const std::vector<int32_t> reps = ranked_peers(d, scope, p.period, p.as_of);
  std::vector<std::vector<int32_t>> members;
  std::vector<int32_t> slots;
  for (int32_t rep : reps) {
    members.push_back({rep});
    slots.push_back(s.targets->rep_slot(rep));
  }
  Ranked now = rank_units(s, members, slots, sums_now, p.metric);
  Ranked before = rank_units(s, members, slots, sums_before, p.metric);
  for (size_t i = 0; i < reps.size(); ++i) {
    int32_t rep = reps[i];
    BoardRow row;
    row.id = d.rep_id[rep];
    row.name = d.rep_name[rep];
    int32_t top = d.region_top[d.rep_region[rep]];
    if (top != kNone) {
      row.region = d.region_id[top];
      row.region_name = d.region_name[top];
    }
    row.own = rep == scope.own_rep;
    row.visible = !rep_caller || row.own;
    row.rank = now.ranks[i];
    row.previous_rank = before.ranks[i];
    if (row.rank && row.previous_rank) row.change = *row.previous_rank - *row.rank;
    if (row.visible) {
      row.value = board_value(now.figures[i], p.metric);
      row.figures = now.figures[i];
    }
    out.reps.push_back(std::move(row));
  }
  sort_rows(out.reps);
  out.peers = static_cast<int>(out.reps.size());

  // 大区 leaderboard: only for callers who see regions.
  if (!rep_caller) {
    std::vector<int32_t> regions;
    std::vector<std::vector<int32_t>> rmembers;
    std::vector<int32_t> rslots;
    for (int32_t g : d.regions_at_level(1)) {
      if (!scope.sees_region(g)) continue;
      regions.push_back(g);
      std::vector<int32_t> m;
      for (int32_t rep = 0; rep < d.rep_count(); ++rep)
        if (scope.rep[rep] && d.in_subtree(d.rep_region[rep], g)) m.push_back(rep);
      rmembers.push_back(std::move(m));
      rslots.push_back(s.targets->region_slot(g));
    }
    Ranked rn = rank_units(s, rmembers, rslots, sums_now, p.metric);
    Ranked rb = rank_units(s, rmembers, rslots, sums_before, p.metric);
    for (size_t i = 0; i < regions.size(); ++i) {
      BoardRow row;
      row.id = d.region_id[regions[i]];
      row.name = d.region_name[regions[i]];
      row.value = board_value(rn.figures[i], p.metric);
      row.figures = rn.figures[i];
      row.rank = rn.ranks[i];
      row.previous_rank = rb.ranks[i];
      if (row.rank && row.previous_rank) row.change = *row.previous_rank - *row.rank;
      out.regions.push_back(std::move(row));
    }
    sort_rows(out.regions);
  }
  return out;
}

}  // namespace sl::analytics
