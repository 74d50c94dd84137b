#include "store/postgres/rows.h"

namespace sl::store::pg {

std::string user_audit_json(Conn& c, Id id) {
  Result r = c.query(std::string(rows::kUserCols) + "WHERE id = $1", Params().add(id));
  if (r.empty()) return "";
  return rows::user_audit_json(rows::read_user(r.row(0)).user);
}

void write_audit(Conn& c, const AuditRow& r, const std::string& source) {
  const Id id = next_id(c, "audit_log");
  c.query(
      "INSERT INTO audit_log(id, at, \"user\", entity, entity_key, old_value, new_value, source)"
      " VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
      Params().add(id).add(r.at).add_id(r.user).add(r.entity).add(r.entity_key).add(r.old_value).add(r.new_value).add(
          source));
}

}  // namespace sl::store::pg
