#include <cmath>

#include "analytics/plan/suggestion.h"

namespace sl::analytics {

const char* evidence_code(EvidenceMethod m) {
  switch (m) {
    case EvidenceMethod::market: return "market";
    case EvidenceMethod::pipeline: return "pipeline";
    case EvidenceMethod::history: return "history";
  }
  return "";
}

Blend blend(const std::vector<std::optional<double>>& values, const std::vector<std::optional<double>>& mapes,
            const std::vector<std::optional<double>>& wapes) {
  Blend b;
  b.weights.assign(values.size(), 0.0);
  auto usable = [&](size_t i) { return values[i] && i < mapes.size() && mapes[i] && *mapes[i] >= 0; };
  size_t zeros = 0;
  double inverse = 0;
  for (size_t i = 0; i < values.size(); ++i)
    if (usable(i)) *mapes[i] == 0 ? (void)++zeros : (void)(inverse += 1.0 / *mapes[i]);
  if (zeros == 0 && inverse == 0) return b;
  double value = 0, error = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!usable(i)) continue;
    const double m = *mapes[i];
    b.weights[i] = zeros ? (m == 0 ? 1.0 / static_cast<double>(zeros) : 0.0) : (1.0 / m) / inverse;
    value += b.weights[i] * *values[i];
    error += b.weights[i] * (i < wapes.size() && wapes[i] ? *wapes[i] : m);
  }
  b.value = value;
  b.error = error;
  return b;
}

std::vector<Money> split_by(Money total, const std::vector<double>& shape) {
  std::vector<Money> out(shape.size(), 0);
  if (shape.empty()) return out;
  double sum = 0;
  bool negative = false;
  for (double v : shape) sum += v, negative = negative || v < 0;
  const bool equal = negative || !(sum > 0);
  Money given = 0;
  for (size_t k = 0; k + 1 < shape.size(); ++k) {
    const double part = equal ? 1.0 / static_cast<double>(shape.size()) : shape[k] / sum;
    out[k] = std::llround(static_cast<double>(total) * part);
    given += out[k];
  }
  out.back() = total - given;
  return out;
}

}  // namespace sl::analytics
