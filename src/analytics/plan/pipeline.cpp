#include "analytics/plan/pipeline.h"

#include <algorithm>
#include <map>

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

StageProbabilities stage_probabilities(const engine::Snapshot& s, const engine::Scope& scope,
                                       const ProbabilityParams& p) {
  const auto& f = *s.facts;
  const auto& o = f.opportunities;
  const Closed mine = closed_by_stage(o, p.as_of, [&](size_t i) { return opportunity_passes(f, scope, p.rf, i); });
  std::optional<Closed> company;
  StageProbabilities out;
  for (int k = 0; k < kFunnelStages; ++k) {
    auto& sp = out[k];
    sp.closed = mine.closed[k], sp.won = mine.won[k];
    if (sp.closed >= p.min_closed && sp.closed > 0) {
      sp.basis = ProbabilityBasis::scope;
      sp.p = static_cast<double>(sp.won) / static_cast<double>(sp.closed);
      continue;
    }
    if (!company) company = closed_by_stage(o, p.as_of, [](size_t) { return true; });
    if (company->closed[k] > 0) {
      sp.basis = ProbabilityBasis::company;
      sp.p = static_cast<double>(company->won[k]) / static_cast<double>(company->closed[k]);
    }
  }
  return out;
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

}  // namespace sl::analytics
