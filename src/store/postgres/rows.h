// Pieces shared by the PostgreSQL store's files: the user audit text, the one audit_log
// writer, small whole-table reads. Row → model readers common to both backends: store/rows.h.
#pragma once
#include <string>

#include "store/postgres/conn.h"
#include "store/rows.h"
#include "store/store.h"

namespace sl::store::pg {

// The audited fields of one user as compact JSON (what SQLite's json_object writes); "" if none.
std::string user_audit_json(Conn& c, Id id);

struct AuditRow {
  int64_t at = 0;
  Id user = 0;  // 0 (NULL): the system
  std::string entity, entity_key, old_value, new_value;
};
// Inside the caller's transaction. source: "" typed in, "suggestion" (P6).
void write_audit(Conn& c, const AuditRow& row, const std::string& source = "");

}  // namespace sl::store::pg

namespace sl::store::pg {
// Contracts with their lines and payment plans, ids as given (dataset_write.cpp).
void insert_contracts(Conn& c, const std::vector<model::Contract>& cs);
// Outbox rows (and their files) of a push run or an alert, in the caller's transaction; an
// idem_key stored already is skipped (push.cpp).
void insert_deliveries(Conn& c, const std::vector<PushStore::Delivery>& ds);
}  // namespace sl::store::pg

namespace sl::store::pg {
// Small whole-table reads shared by the Snapshot load and the store's own methods (binary COPY).
std::vector<model::Region> load_regions_on(Conn& c);
std::vector<model::Rep> load_reps_on(Conn& c);
std::vector<model::Target> load_targets_on(Conn& c);

// The meeting tables (series, meetings with attendees, resolutions, action items) in id
// order, as store/sqlite/meeting_rows.cpp reads them (meetings.cpp).
struct MeetingRows {
  std::vector<model::MeetingSeries>& series;
  std::vector<model::Meeting>& meetings;
  std::vector<model::Resolution>& resolutions;
  std::vector<model::ActionItem>& action_items;
};
void read_meeting_rows(Conn& c, MeetingRows out);
}  // namespace sl::store::pg
