// The user audit text, one encoder for both backends (rows.h). Byte for byte SQLite's
// json_object('login', …): compact, keys in this order, NULL for an unset region or rep,
// active as 0/1; boost::json escapes as SQLite does (\" \\ \b \f \n \r \t, other control
// characters \u00xx, UTF-8 as is) — store/user_audit_test.cpp compares the two.
#include <boost/json.hpp>

#include "store/rows.h"

namespace sl::store::rows {

std::string user_audit_json(const model::User& u) {
  namespace json = boost::json;
  auto id = [](Id v) { return v == 0 ? json::value(nullptr) : json::value(v); };
  json::object o;
  o["login"] = u.login;
  o["display_name"] = u.display_name;
  o["role"] = model::role_code(u.role);
  o["region"] = id(u.region);
  o["rep"] = id(u.rep);
  o["lang"] = u.lang;
  o["active"] = u.active ? 1 : 0;
  o["email"] = u.email;
  o["wecom_id"] = u.wecom_id;
  o["dingtalk_id"] = u.dingtalk_id;
  return json::serialize(o);
}

}  // namespace sl::store::rows
