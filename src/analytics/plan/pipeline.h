// P3 stage win probabilities and the weighted pipeline; P6 reads them for its pipeline
// evidence (pipeline_expected over a coming period, created_and_won for the run-rate).
//
// p(s) = won / closed among the opportunities that reached s and closed (won or lost) in the
// trailing 12 months [as_of − 364, as_of]. Below `min_closed` (default 20) closed in the
// caller's scope and filter, p(s) is the company's: every opportunity, no scope, no filter.
#pragma once
#include <array>
#include <optional>
#include <span>
#include <vector>

#include "analytics/plan/funnel.h"

namespace sl::analytics {

enum class ProbabilityBasis { scope, company, none };  // none: nothing closed company-wide either
const char* probability_basis_code(ProbabilityBasis b);

struct StageProbability {
  std::optional<double> p;
  ProbabilityBasis basis = ProbabilityBasis::none;
  int64_t closed = 0, won = 0;  // in the caller's scope and filter
};
using StageProbabilities = std::array<StageProbability, kFunnelStages>;

struct ProbabilityParams {
  Date as_of;
  RowFilter rf;
  int min_closed = 20;
};
StageProbabilities stage_probabilities(const engine::Snapshot& s, const engine::Scope& scope,
                                       const ProbabilityParams& p);

struct PipelineMonth {
  Month month;  // expected close month
  int64_t count = 0;
  Money amount = 0;
  double weighted = 0;  // fen, Σ amount × p(stage), unrounded
};

struct Pipeline {
  std::vector<PipelineMonth> months;  // by month, only months with an open opportunity
  std::array<PipelineMonth, kFunnelStages> stages{};  // the same by stage on as_of (month unused)
  int64_t count = 0;
  Money amount = 0;
  double weighted = 0;
};

struct PipelineParams {
  Date as_of;
  RowFilter rf;
};
// The opportunities open on as_of (created by then, not closed by then) in scope and filter,
// weighted by the probability of the stage they are in on as_of (none counts 0).
Pipeline weighted_pipeline(const engine::Snapshot& s, const engine::Scope& scope, const PipelineParams& p,
                           const StageProbabilities& probs);
// The weighted pipeline expected to close in the months [first, last] (fen, unrounded).
double pipeline_expected(const Pipeline& p, Month first, Month last);

// The same figures at several dates in one pass over the opportunities (P6's backtest asks
// for 13): element k equals stage_probabilities(s, scope, {dates[k], rf,
// min_closed}) and weighted_pipeline(s, scope, {dates[k], rf}, probs[k]) exactly — each date's
// sums are taken over the same rows in the same order. Dates in any order.
std::vector<StageProbabilities> stage_probabilities_at(const engine::Snapshot& s, const engine::Scope& scope,
                                                       std::span<const Date> dates, const RowFilter& rf,
                                                       int min_closed = 20);
std::vector<Pipeline> weighted_pipelines_at(const engine::Snapshot& s, const engine::Scope& scope,
                                            std::span<const Date> dates, const RowFilter& rf,
                                            std::span<const StageProbabilities> probs);

// Opportunities created in [first, min(last, as_of)] and, of those, the ones won by then.
struct CreatedWon {
  int64_t created = 0, won = 0;
  Money created_amount = 0, won_amount = 0;
};
struct CreatedWonParams {
  Date first, last, as_of;
  RowFilter rf;
};
CreatedWon created_and_won(const engine::Snapshot& s, const engine::Scope& scope, const CreatedWonParams& p);

}  // namespace sl::analytics
