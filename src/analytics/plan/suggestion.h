// P6 目标建议 (shared/METRICS.md P6, docs/metrics.md "P6"): for a coming period (whole months)
// and an owner (its Scope: the company, a region's subtree or a rep's book), three evidences of
// the owner's sales in the period, each with a rolling-origin backtest, blended with weights
// ∝ 1 / MAPE, and a range.
//   history:  forecast_line (P4's model) on the owner's monthly sales;
//   market:   forecast market size of the owner's market cells × the owner's share of them over
//             the last 12 history months;
//   pipeline: the weighted pipeline expected to close in each month + the run-rate of
//             opportunities created and won within a period of the same length (the mean of
//             the 12 windows ending with the last 12 history months), spread evenly.
// History ends with the last month complete at as_of (and before the period).
#pragma once
#include <optional>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"
#include "forecast/forecast.h"

namespace sl::analytics {

enum class EvidenceMethod { market, pipeline, history };
constexpr int kEvidences = 3;
const char* evidence_code(EvidenceMethod m);  // "market" | "pipeline" | "history"

// The backtest origins of market and pipeline: the ends of the 12 months before the last
// history month (each scored on the months after it up to the last history month, ≤ 12).
constexpr int kSuggestionOrigins = 12;

struct Evidence {
  EvidenceMethod method = EvidenceMethod::history;
  std::vector<double> months;      // fen per period month, unrounded; empty: no evidence
  std::optional<Money> value;      // Σ months rounded to fen
  forecast::Accuracy backtest;     // mape undefined: shown, not blended
  double weight = 0;               // in the blend (0: not used)
  // Basis, as the method needs it.
  forecast::Method model = forecast::Method::trend_seasonal_naive;  // market, history: the model
  std::optional<forecast::HwParams> params;  // its fitted parameters when Holt-Winters
  std::optional<double> share;     // market: own / market over the last 12 history months
  Money share_own = 0, share_market = 0;
  double market_forecast = 0;      // market: Σ forecast market size over the period (fen)
  double expected = 0;             // pipeline: weighted pipeline expected to close in the period
  double run_rate = 0;             // pipeline: created and won within a period this long (mean)
  int64_t open = 0;                // pipeline: open opportunities on as_of
};

struct SuggestionParams {
  Date as_of;
  Month first, last;  // the period's months
};

struct Suggestion {
  Month history_first, history_last;  // the owner's sales series (empty when last < first)
  std::vector<Money> sales;           // by month, history_first … history_last
  std::vector<Evidence> evidence;     // market, pipeline, history
  std::optional<Money> suggested, low, high;
  std::optional<double> error;        // Σ weight × WAPE: the range is suggested × (1 ± error)
  std::vector<Money> split;           // suggested by period month, shaped by history's forecast
};

Suggestion suggestion(const engine::Snapshot& s, const engine::Scope& owner, const SuggestionParams& p);

// The blend (suggestion_blend.cpp): weights ∝ 1 / MAPE over the evidences with a value and a
// defined MAPE; a zero MAPE takes all the weight (shared equally when several are zero).
// Nothing blendable: no suggestion. error = Σ weight × WAPE (the MAPE where a WAPE is
// undefined): the blend's error in proportion to sales — MAPE explodes on a month with tiny
// sales (a rep's), WAPE weighs each month by its sales, so it makes the range.
struct Blend {
  std::vector<double> weights;  // one per evidence, Σ = 1 when value is set
  std::optional<double> value, error;
};
Blend blend(const std::vector<std::optional<double>>& values, const std::vector<std::optional<double>>& mapes,
            const std::vector<std::optional<double>>& wapes = {});

// total split over the months in proportion to shape (rounded to fen, the remainder on the
// last month); equal parts when the shape has a negative value or sums to ≤ 0.
std::vector<Money> split_by(Money total, const std::vector<double>& shape);

}  // namespace sl::analytics
