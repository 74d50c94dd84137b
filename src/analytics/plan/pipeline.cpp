#include "analytics/plan/pipeline.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace sl::analytics {

const char* probability_basis_code(ProbabilityBasis b) {
  switch (b) {
    case ProbabilityBasis::scope: return "scope";
    case ProbabilityBasis::company: return "company";
    case ProbabilityBasis::none: return "none";
  }
  return "none";
}

namespace {

struct Closed {
  std::array<int64_t, kFunnelStages> closed{}, won{};
};

// Opportunities closed in the trailing 12 months, by stage reached, for the rows `pass` keeps.
template <class Pass>
Closed closed_by_stage(const engine::OpportunityTable& o, Date as_of, Pass pass) {
  Closed c;
  const int32_t from = as_of.days - 364;
  for (size_t i = 0; i < o.size(); ++i) {
    const int32_t day = o.closed[i];
    if (day == engine::kNoDay || day < from || day > as_of.days || !pass(i)) continue;
    const bool won = o.stage_at(i, as_of) == kWon;
    const int reached = reached_stage(o, i, as_of);
    for (int k = 0; k <= reached && k < kFunnelStages; ++k) {
      ++c.closed[k];
      c.won[k] += won;
    }
  }
  return c;
}

}  // namespace

namespace {

// p(s) from the closed counts of the caller's rows; `company` gives the company's when a stage
// has fewer than min_closed (called at most once).
template <class Company>
StageProbabilities probabilities_of(const Closed& mine, Company company_closed, int min_closed) {
  std::optional<Closed> company;
  StageProbabilities out;
  for (int k = 0; k < kFunnelStages; ++k) {
    auto& sp = out[k];
    sp.closed = mine.closed[k], sp.won = mine.won[k];
    if (sp.closed >= min_closed && sp.closed > 0) {
      sp.basis = ProbabilityBasis::scope;
      sp.p = static_cast<double>(sp.won) / static_cast<double>(sp.closed);
      continue;
    }
    if (!company) company = company_closed();
    if (company->closed[k] > 0) {
      sp.basis = ProbabilityBasis::company;
      sp.p = static_cast<double>(company->won[k]) / static_cast<double>(company->closed[k]);
    }
  }
  return out;
}

}  // namespace

StageProbabilities stage_probabilities(const engine::Snapshot& s, const engine::Scope& scope,
                                       const ProbabilityParams& p) {
  const auto& f = *s.facts;
  const auto& o = f.opportunities;
  const Closed mine = closed_by_stage(o, p.as_of, [&](size_t i) { return opportunity_passes(f, scope, p.rf, i); });
  return probabilities_of(
      mine, [&] { return closed_by_stage(o, p.as_of, [](size_t) { return true; }); }, p.min_closed);
}

Pipeline weighted_pipeline(const engine::Snapshot& s, const engine::Scope& scope, const PipelineParams& p,
                           const StageProbabilities& probs) {
  const auto& f = *s.facts;
  const auto& o = f.opportunities;
  std::map<int32_t, PipelineMonth> months;
  Pipeline out;
  for (size_t i = 0; i < o.size(); ++i) {
    if (!o.open_at(i, p.as_of) || !opportunity_passes(f, scope, p.rf, i)) continue;
    const int stage = o.stage_at(i, p.as_of);
    if (stage < 0 || stage >= kWon) continue;
    const double w = static_cast<double>(o.amount[i]) * probs[stage].p.value_or(0.0);
    const Month m = Month::of(Date{o.expected_close[i]});
    for (PipelineMonth* x : {&months[m.index], &out.stages[stage]}) {
      ++x->count;
      x->amount += o.amount[i];
      x->weighted += w;
    }
    ++out.count;
    out.amount += o.amount[i];
    out.weighted += w;
  }
  for (auto& [index, x] : months) {
    x.month = Month{index};
    out.months.push_back(x);
  }
  return out;
}

double pipeline_expected(const Pipeline& p, Month first, Month last) {
  double sum = 0;
  for (const auto& m : p.months)
    if (first <= m.month && m.month <= last) sum += m.weighted;
  return sum;
}

CreatedWon created_and_won(const engine::Snapshot& s, const engine::Scope& scope, const CreatedWonParams& p) {
  const auto& f = *s.facts;
  const auto& o = f.opportunities;
  const int32_t first = p.first.days, last = std::min(p.last, p.as_of).days;
  CreatedWon out;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.created[i] < first || o.created[i] > last || !opportunity_passes(f, scope, p.rf, i)) continue;
    ++out.created;
    out.created_amount += o.amount[i];
    if (o.closed[i] != engine::kNoDay && o.closed[i] <= last && o.stage[i] == kWon) {
      ++out.won;
      out.won_amount += o.amount[i];
    }
  }
  return out;
}

namespace {

// The dates' positions in ascending day order.
std::vector<size_t> ascending(std::span<const Date> dates) {
  std::vector<size_t> order(dates.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return dates[a].days < dates[b].days; });
  return order;
}

// One row's history walked forward through ascending days: at the end of each day passed to
// `to` (on or after the row's creation), stage() is OpportunityTable::stage_at and reached()
// is reached_stage.
class HistoryWalk {
 public:
  HistoryWalk(const engine::OpportunityTable& o, size_t i) : o_(o), h_(o.hist_begin[i]), end_(o.hist_begin[i + 1]) {
    if (h_ == end_) {
      stage_ = o.stage[i];
      reached_ = stage_ == kLost ? -1 : stage_;
    } else {
      stage_ = o.hist_stage[h_];
    }
  }
  void to(int32_t day) {
    for (; h_ < end_ && o_.hist_day[h_] <= day; ++h_) {
      stage_ = o_.hist_stage[h_];
      if (stage_ != kLost) reached_ = std::max(reached_, stage_);
    }
  }
  int stage() const { return stage_; }
  int reached() const { return reached_; }

 private:
  const engine::OpportunityTable& o_;
  uint32_t h_, end_;
  int stage_ = -1, reached_ = -1;
};

}  // namespace

std::vector<StageProbabilities> stage_probabilities_at(const engine::Snapshot& s, const engine::Scope& scope,
                                                       std::span<const Date> dates, const RowFilter& rf,
                                                       int min_closed) {
  const auto& f = *s.facts;
  const auto& o = f.opportunities;
  const std::vector<size_t> order = ascending(dates);
  std::vector<Closed> mine(dates.size()), company(dates.size());
  if (!dates.empty()) {
    const int32_t first = dates[order.front()].days, last = dates[order.back()].days;
    for (size_t i = 0; i < o.size(); ++i) {
      // Closed in [d − 364, d] for some date d.
      const int32_t closed = o.closed[i];
      if (closed == engine::kNoDay || closed > last || closed < first - 364) continue;
      const bool passes = opportunity_passes(f, scope, rf, i);
      HistoryWalk walk(o, i);
      for (size_t k : order) {
        const int32_t day = dates[k].days;
        if (day < closed || o.created[i] > day) continue;
        if (day - 364 > closed) break;
        walk.to(day);
        const bool won = walk.stage() == kWon;
        for (int st = 0; st <= walk.reached() && st < kFunnelStages; ++st) {
          ++company[k].closed[st];
          company[k].won[st] += won;
          if (passes) ++mine[k].closed[st], mine[k].won[st] += won;
        }
      }
    }
  }
  std::vector<StageProbabilities> out;
  for (size_t k = 0; k < dates.size(); ++k)
    out.push_back(probabilities_of(mine[k], [&] { return company[k]; }, min_closed));
  return out;
}

std::vector<Pipeline> weighted_pipelines_at(const engine::Snapshot& s, const engine::Scope& scope,
                                            std::span<const Date> dates, const RowFilter& rf,
                                            std::span<const StageProbabilities> probs) {
  const auto& f = *s.facts;
  const auto& o = f.opportunities;
  const std::vector<size_t> order = ascending(dates);
  std::vector<std::map<int32_t, PipelineMonth>> months(dates.size());
  std::vector<Pipeline> out(dates.size());
  if (!dates.empty()) {
    const int32_t first = dates[order.front()].days, last = dates[order.back()].days;
    for (size_t i = 0; i < o.size(); ++i) {
      // Open (created by d, not closed by d) on some date d.
      const int32_t closed = o.closed[i];
      if (o.created[i] > last || (closed != engine::kNoDay && closed <= first)) continue;
      if (!opportunity_passes(f, scope, rf, i)) continue;
      HistoryWalk walk(o, i);
      const int32_t month = Month::of(Date{o.expected_close[i]}).index;
      for (size_t k : order) {
        const int32_t day = dates[k].days;
        if (o.created[i] > day) continue;
        if (closed != engine::kNoDay && closed <= day) break;
        walk.to(day);
        const int stage = walk.stage();
        if (stage < 0 || stage >= kWon) continue;
        const double w = static_cast<double>(o.amount[i]) * probs[k][stage].p.value_or(0.0);
        Pipeline& p = out[k];
        for (PipelineMonth* x : {&months[k][month], &p.stages[stage]}) {
          ++x->count;
          x->amount += o.amount[i];
          x->weighted += w;
        }
        ++p.count;
        p.amount += o.amount[i];
        p.weighted += w;
      }
    }
  }
  for (size_t k = 0; k < dates.size(); ++k)
    for (auto& [index, x] : months[k]) {
      x.month = Month{index};
      out[k].months.push_back(x);
    }
  return out;
}

}  // namespace sl::analytics
