// 商机维护 without a rebuild: the next Snapshot after a new opportunity or a stage move, the
// opportunity table changed as a rebuild would build it and every other part shared. No
// other table of the Snapshot is derived from opportunities (bids keep their own rows), so
// these few columns are all a write changes.
#pragma once
#include <memory>

#include "engine/snapshot.h"

namespace sl::engine {

// A new opportunity (with its first stage event) appended as the last row. `prev`
// itself when it already holds the id (a rebuild read it); nullptr (the caller rebuilds)
// when the id is not above every id held or the customer or rep is unknown to it.
std::shared_ptr<const Snapshot> with_opportunity(const std::shared_ptr<const Snapshot>& prev, const model::Opportunity& o, int64_t version);

// A committed stage move of opportunity `id`: its stage set, the event (to, on) put after its
// history (a move is never dated before the last event), closed = on for won or lost. Moves
// only go forward (model::check_move), so a row already at `to` holds the move (a rebuild
// read it): `prev` itself then. nullptr when the id is not held.
std::shared_ptr<const Snapshot> with_stage_move(const std::shared_ptr<const Snapshot>& prev, Id id, model::Stage to, Date on, int64_t version);

}  // namespace sl::engine
