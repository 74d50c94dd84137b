#include "store/sqlite/audit.h"

namespace sl::store::sqlite {

AuditWriter::AuditWriter(sqlite3* db)
    : insert_(db, "INSERT INTO audit_log(at, user, entity, entity_key, old_value, new_value, source) VALUES (?,?,?,?,?,?,?)") {}

void AuditWriter::write(const AuditRow& r, const std::string& source) {
  insert_.bind(1, r.at).bind_id(2, r.user).bind(3, r.entity).bind(4, r.entity_key).bind(5, r.old_value);
  insert_.bind(6, r.new_value).bind(7, source).run();
}

void write_audit(sqlite3* db, const AuditRow& row) { AuditWriter(db).write(row); }

}  // namespace sl::store::sqlite
