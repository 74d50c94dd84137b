// Reads the meeting tables (series, meetings with attendees, resolutions, action items)
// in id order. Shared by the whole-data-set load and the meeting module's book, so the two
// can never disagree on how a row maps to a struct.
#pragma once
#include <sqlite3.h>

#include <vector>

#include "model/entities.h"

namespace sl::store::sqlite {

struct MeetingRows {
  std::vector<model::MeetingSeries>& series;
  std::vector<model::Meeting>& meetings;
  std::vector<model::Resolution>& resolutions;
  std::vector<model::ActionItem>& action_items;
};

// Attendees whose user is NULL come back as 0, as the data set wrote them.
void read_meeting_rows(sqlite3* db, MeetingRows out);

}  // namespace sl::store::sqlite
