// rows::user_audit_json against an independent encoder: SQLite's json_object over the same
// values (what the SQLite backend wrote before both backends shared the C++ encoder).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "store/rows.h"

using namespace sl;
namespace rows = sl::store::rows;

namespace {

std::string sqlite_json_object(const model::User& u) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT json_object('login', ?1, 'display_name', ?2, 'role', ?3, 'region', ?4, 'rep', ?5,"
                     " 'lang', ?6, 'active', ?7, 'email', ?8, 'wecom_id', ?9, 'dingtalk_id', ?10)",
                     -1, &st, nullptr);
  auto text = [&](int i, const std::string& s) { sqlite3_bind_text(st, i, s.data(), int(s.size()), SQLITE_TRANSIENT); };
  auto id = [&](int i, Id v) { v == 0 ? sqlite3_bind_null(st, i) : sqlite3_bind_int64(st, i, v); };
  text(1, u.login);
  text(2, u.display_name);
  text(3, model::role_code(u.role));
  id(4, u.region);
  id(5, u.rep);
  text(6, u.lang);
  sqlite3_bind_int64(st, 7, u.active ? 1 : 0);
  text(8, u.email);
  text(9, u.wecom_id);
  text(10, u.dingtalk_id);
  sqlite3_step(st);
  std::string out(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

}  // namespace

TEST(UserAuditJson, SameBytesAsSqliteJsonObject) {
  model::User u;
  u.id = 7;
  u.login = "zhang.wei";
  u.display_name = "张伟 \"Wei\" \\ back";
  u.role = model::Role::manager;
  u.region = 3;
  u.lang = "zh-CN";
  u.active = true;
  u.email = "w@example.com";
  EXPECT_EQ(rows::user_audit_json(u), sqlite_json_object(u));

  std::string ctl = "a";
  for (int c = 1; c < 0x20; ++c) ctl += static_cast<char>(c);
  ctl += "\x7f/é😀";
  u.display_name = ctl;
  u.wecom_id = "line1\nline2\ttab";
  u.dingtalk_id = "\b\f\r";
  u.role = model::Role::rep;
  u.region = 0;
  u.rep = 123456789012;
  u.active = false;
  EXPECT_EQ(rows::user_audit_json(u), sqlite_json_object(u));

  u.login = u.display_name = u.email = u.wecom_id = u.dingtalk_id = u.lang = "";
  u.rep = 0;
  u.role = model::Role::admin;
  EXPECT_EQ(rows::user_audit_json(u), sqlite_json_object(u));
}
