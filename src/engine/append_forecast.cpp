#include "engine/append_forecast.h"

#include <tuple>

namespace sl::engine {

std::shared_ptr<const Snapshot> with_forecast(const Snapshot& s, const model::Forecast& f, int64_t version) {
  const int32_t rep = s.dims->find_rep(f.rep);
  if (rep == kNone) return nullptr;
  const ForecastTable& t = s.facts->forecasts;
  // The new id is above every id in, so it goes after every row of the same (rep, month, at).
  auto key = std::make_tuple(rep, f.month.index, f.submitted_at);
  size_t lo = 0, hi = t.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (std::make_tuple(t.rep[mid], t.month[mid], t.submitted_at[mid]) <= key)
      lo = mid + 1;
    else
      hi = mid;
  }
  const size_t at = lo;
  auto facts = std::make_shared<Facts>(*s.facts);
  ForecastTable& n = facts->forecasts;
  n.rep = n.rep.inserted(at, rep);
  n.month = n.month.inserted(at, f.month.index);
  n.value = n.value.inserted(at, f.value);
  n.submitted_at = n.submitted_at.inserted(at, f.submitted_at);
  auto next = std::make_shared<Snapshot>(s);
  next->version = version;
  next->facts = std::move(facts);
  return next;
}

}  // namespace sl::engine
