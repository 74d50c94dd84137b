// The one writer of audit_log rows: every write that is audited (contracts, targets,
// meetings and their parts, anomaly acknowledgements) inserts its rows through here, inside
// its own transaction, so the columns mean the same whoever wrote them.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "core/ids.h"
#include "store/sqlite/stmt.h"

namespace sl::store::sqlite {

struct AuditRow {
  int64_t at = 0;                    // unix seconds
  Id user = 0;                       // 0 (stored NULL): the system, e.g. a goal check
  std::string entity;                // "contract", "target", "meeting", ...
  std::string entity_key;            // the entity's id or key, e.g. "2026-06/sales/rep/17"
  std::string old_value, new_value;  // "" = none
};

// Keeps the statement prepared for a batch (one row per target cell or contract).
class AuditWriter {
 public:
  explicit AuditWriter(sqlite3* db);
  // source: where the change came from ("" typed in; "suggestion": P6's 采纳 of a target).
  void write(const AuditRow& row, const std::string& source = "");

 private:
  Stmt insert_;
};

void write_audit(sqlite3* db, const AuditRow& row);

}  // namespace sl::store::sqlite
