// A1 carry-over (遗留问题): which resolutions a meeting must take up again when it opens.
#pragma once
#include <vector>

#include "model/entities.h"

namespace sl::analytics {

// Every resolution made in an earlier meeting of the same series (earlier date, or the
// same date and a smaller id) that is still open (model::resolution_closed: neither done nor cancelled), in the order
// they were made (meeting date, then resolution id). A resolution carried over before and
// still unresolved is carried again: it belongs to its original meeting, which stays
// earlier. Not a metric over sales data, so it takes no Scope: the caller has already
// been allowed to open the meeting.
std::vector<Id> carry_over_for(const model::Meeting& meeting, const std::vector<model::Meeting>& meetings,
                               const std::vector<model::Resolution>& resolutions);

}  // namespace sl::analytics
