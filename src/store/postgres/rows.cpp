#include "store/postgres/rows.h"

#include <cstdio>

namespace sl::store::pg {

const char* const kUserCols =
    "SELECT id, login, display_name, role, region, rep, lang, active, password_hash, email, wecom_id, dingtalk_id"
    " FROM users ";

UserRecord read_user(const Row& q) {
  UserRecord r;
  r.user.id = q.i64(0);
  r.user.login = q.text(1);
  r.user.display_name = q.text(2);
  r.user.role = model::parse_role(q.text(3)).value_or(model::Role::rep);
  r.user.region = q.id(4);
  r.user.rep = q.id(5);
  r.user.lang = q.text(6);
  r.user.active = q.i64(7) != 0;
  r.password_hash = q.text(8);
  r.user.email = q.text(9);
  r.user.wecom_id = q.text(10);
  r.user.dingtalk_id = q.text(11);
  return r;
}

namespace {
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (ch < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", ch);
          out += buf;
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  return out + "\"";
}
std::string json_id(Id id) { return id == 0 ? "null" : std::to_string(id); }
}  // namespace

std::string user_audit_json(Conn& c, Id id) {
  Result r = c.query(std::string(kUserCols) + "WHERE id = $1", Params().add(id));
  if (r.empty()) return "";
  const model::User u = read_user(r.row(0)).user;
  return "{\"login\":" + json_string(u.login) + ",\"display_name\":" + json_string(u.display_name) +
         ",\"role\":" + json_string(model::role_code(u.role)) + ",\"region\":" + json_id(u.region) +
         ",\"rep\":" + json_id(u.rep) + ",\"lang\":" + json_string(u.lang) + ",\"active\":" + (u.active ? "1" : "0") +
         ",\"email\":" + json_string(u.email) + ",\"wecom_id\":" + json_string(u.wecom_id) +
         ",\"dingtalk_id\":" + json_string(u.dingtalk_id) + "}";
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
