#include "analytics/act/carry_over.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace sl::analytics {

std::vector<Id> carry_over_for(const model::Meeting& meeting, const std::vector<model::Meeting>& meetings,
                               const std::vector<model::Resolution>& resolutions) {
  std::map<Id, const model::Meeting*> earlier;
  for (const auto& m : meetings)
    if (m.series == meeting.series && m.id != meeting.id &&
        std::tuple(m.date, m.id) < std::tuple(meeting.date, meeting.id))
      earlier[m.id] = &m;
  std::vector<std::tuple<Date, Id, Id>> picked;  // (meeting date, meeting id, resolution id)
  for (const auto& r : resolutions) {
    auto it = earlier.find(r.meeting);
    if (it == earlier.end() || model::resolution_closed(r.status)) continue;
    picked.emplace_back(it->second->date, it->second->id, r.id);
  }
  std::sort(picked.begin(), picked.end());
  std::vector<Id> out;
  for (auto& p : picked) out.push_back(std::get<2>(p));
  return out;
}

}  // namespace sl::analytics
