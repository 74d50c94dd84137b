// `migrate` against SQLite's own rendering of the rows (quote()): a database copied
// SQLite → SQLite, and SQLite → PostgreSQL → SQLite (with SALESLOOP_PG_URL), reads back the
// same in every table; a target holding data is refused and left as it was.
#include "store/migrate/copy_tables.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include "core/error.h"
#include "store/postgres/conn.h"
#include "store/postgres/migrations.h"
#include "store/store.h"
#include "store/test_dataset.h"

using namespace sl;

namespace {

std::string temp_db(const std::string& name) {
  const std::string p = ::testing::TempDir() + "sl_migrate_" + std::to_string(::getpid()) + "_" + name + ".db";
  for (const char* s : {"", "-wal", "-shm"}) std::remove((p + s).c_str());
  return p;
}

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "") << " in " << sql;
}

// The demo-like data set, and values every kind of column must carry exactly: text with
// tab, newline and backslash, a real that needs 17 digits, a blob with NUL, NULLs.
std::string source_db() {
  const std::string path = temp_db("source");
  auto s = store::open_store(path);
  s->write_dataset(store::testing::small_dataset());
  s.reset();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  exec(db,
       "INSERT INTO users(id, login, display_name, role, lang, active, password_hash) VALUES"
       " (7, 'ann', 'A\tB\nC\\D \"q\" ''s'' 中文', 'admin', 'en', 1, 'x');"
       "INSERT INTO alert_rules(id, owner, name, kind, metric, scope, filters, op, value, severity, channels, enabled,"
       " created_at, updated_at) VALUES (1, 7, 'r', 'threshold', 'm', '{}', '{}', '<', 1.0/3, 'warn', '[]', 1, 5, 6);"
       "INSERT INTO deliveries(id, subscription, recipient, channel, address, idem_key, subject, message_id,"
       " created_at) VALUES (3, NULL, 7, 'email', 'a@b', 'k', 's', 'm', 9);"
       "INSERT INTO delivery_files(delivery, name, mime, data) VALUES (3, 'f', 'image/png', x'00ff5c0a09');"
       "INSERT INTO login_failures(key, at) VALUES ('b', 2), ('a', 1), ('a', 1);");
  sqlite3_close(db);
  return path;
}

// Every table as SQLite renders it (quote() of each column), rows in primary-key order, in
// insertion order for the tables read back in it (rowid_tables), else by every column: a
// table without a key has no order to keep.
bool by_rowid(const std::string& t) {
  const auto& r = store::pg::rowid_tables();
  return std::find(r.begin(), r.end(), t) != r.end();
}

std::map<std::string, std::string> dump(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  std::map<std::string, std::string> out;
  auto rows = [&](const std::string& sql, const std::function<void(sqlite3_stmt*)>& fn) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(st) == SQLITE_ROW) fn(st);
    sqlite3_finalize(st);
  };
  std::vector<std::string> tables;
  rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
       [&](sqlite3_stmt* st) { tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))); });
  for (const auto& t : tables) {
    std::string cols, key, all;
    rows("SELECT name, pk FROM pragma_table_info('" + t + "') ORDER BY pk, cid", [&](sqlite3_stmt* st) {
      const std::string c = "\"" + std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + "\"";
      cols += (cols.empty() ? "quote(" : " || ',' || quote(") + c + ")";
      if (sqlite3_column_int(st, 1)) key += (key.empty() ? "" : ", ") + c;
      all += (all.empty() ? "" : ", ") + c;
    });
    std::string& text = out[t];
    rows("SELECT rowid, " + cols + " FROM \"" + t + "\" ORDER BY " +
             (by_rowid(t)   ? "rowid"
              : key.empty() ? all
                            : key),
         [&](sqlite3_stmt* st) {
           text += std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 1))) + "\n";
         });
  }
  sqlite3_close(db);
  return out;
}

double rule_value(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT value FROM alert_rules", -1, &st, nullptr);
  sqlite3_step(st);
  const double v = sqlite3_column_double(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

TEST(Migrate, SqliteToSqliteReadsBackTheSame) {
  const std::string from = source_db(), to = temp_db("copy");
  std::ostringstream progress;
  auto rep = store::migrate::copy_database(from, to, progress);
  EXPECT_TRUE(rep.ok());
  EXPECT_EQ(dump(from), dump(to));
  EXPECT_EQ(dump(to).at("login_failures"), "'a',1\n'a',1\n'b',2\n");
  EXPECT_EQ(dump(to).at("delivery_files"), "3,'f','image/png',X'00FF5C0A09'\n");
  EXPECT_EQ(rule_value(to), 1.0 / 3);
  for (const auto& t : rep.tables)
    if (t.table == "regions") EXPECT_EQ(t.from_rows, 3);
}

TEST(Migrate, RefusesATargetWithData) {
  const std::string from = source_db(), to = temp_db("full");
  std::ostringstream progress;
  store::migrate::copy_database(from, to, progress);
  const auto before = dump(to);
  try {
    store::migrate::copy_database(from, to, progress);
    FAIL() << "copied into a database that holds data";
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 409);
    EXPECT_EQ(e.code, "not_empty");
    EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
  }
  EXPECT_EQ(dump(to), before);
}

TEST(PgMigrate, SqliteToPostgresAndBackReadsTheSame) {
  const char* admin = std::getenv("SALESLOOP_PG_URL");
  if (!admin || !*admin) GTEST_SKIP() << "SALESLOOP_PG_URL is not set (scripts/test.sh sets it)";
  const std::string name = "sl_migrate_" + std::to_string(::getpid());
  {
    store::pg::Conn c(admin);
    c.exec("DROP DATABASE IF EXISTS " + name);
    c.exec("CREATE DATABASE " + name);
  }
  const std::string url = std::string(admin).substr(0, std::string(admin).rfind('/') + 1) + name;
  const std::string from = source_db(), back = temp_db("back");
  std::ostringstream progress;
  EXPECT_TRUE(store::migrate::copy_database(from, url, progress).ok());
  EXPECT_TRUE(store::migrate::copy_database(url, back, progress).ok());
  EXPECT_EQ(dump(from), dump(back));
  EXPECT_EQ(rule_value(back), 1.0 / 3);
  {
    store::pg::Conn c(url);
    // The rowid identity moved past the copied rows: a new row sorts after them.
    const int64_t max = c.scalar("SELECT max(rowid) FROM market_stats");
    c.exec(
        "INSERT INTO market_stats(month, industry, region, category, market_size) VALUES ('2023-02', '制造', 2, 'x', "
        "1)");
    EXPECT_EQ(c.scalar("SELECT max(rowid) FROM market_stats"), max + 1);
    EXPECT_EQ(c.scalar("SELECT count(*) FROM market_stats"), 2);
  }
  EXPECT_THROW(store::migrate::copy_database(from, url, progress), AppError);
  store::pg::Conn c(admin);
  c.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

}  // namespace
