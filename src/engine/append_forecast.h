// with_forecast: the next Snapshot after one forecast submission, its row put where a rebuild
// puts it in the forecast table ((rep, month, submitted_at, id) order); every other part shared.
#pragma once
#include <memory>

#include "engine/snapshot.h"

namespace sl::engine {

// nullptr when the rep is unknown to the Snapshot (the caller rebuilds).
std::shared_ptr<const Snapshot> with_forecast(const Snapshot& s, const model::Forecast& f, int64_t version);

}  // namespace sl::engine
