#include <gtest/gtest.h>

#include <sqlite3.h>

#include <cstdio>
#include <thread>

#include "core/error.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"
#include "store/test_dataset.h"

using namespace sl;
using namespace sl::model;
using sl::store::open_store;

namespace {

using sl::store::testing::d;
using sl::store::testing::small_dataset;

}  // namespace

TEST(SqliteStore, MigrateIsIdempotent) {
  auto s = open_store(":memory:");
  const int newest = static_cast<int>(sl::store::sqlite::migrations().size());
  EXPECT_EQ(s->schema_version(), newest);
  s->migrate();
  s->migrate();
  EXPECT_EQ(s->schema_version(), newest);
  EXPECT_EQ(s->data_version(), 0);  // migrations are not data writes
}

TEST(SqliteStore, SqlitePrefixAndFileDatabase) {
  std::string path = ::testing::TempDir() + "sl_store_test.db";
  std::remove(path.c_str());
  {
    auto s = open_store("sqlite:" + path);
    s->write_dataset(small_dataset());
  }
  auto s = open_store(path);  // reopen: migrations are a no-op, data is there
  EXPECT_EQ(s->schema_version(), static_cast<int>(sl::store::sqlite::migrations().size()));
  EXPECT_EQ(s->load_reps().size(), 2u);
  EXPECT_EQ(s->data_version(), 1);
}

TEST(SqliteStore, DatasetRoundTrip) {
  auto s = open_store(":memory:");
  auto in = small_dataset();
  s->write_dataset(in);
  auto out = s->load_dataset();

  sl::store::testing::expect_small_dataset(out);
}

TEST(SqliteStore, MeetingAttendeesRoundTripWithUsers) {
  auto s = open_store(":memory:");
  auto x = small_dataset();
  s->write_dataset(x);
  Id u1 = s->add_user({0, "a", "A", Role::manager, 2, 0}, "");
  Id u2 = s->add_user({0, "b", "B", Role::rep, 0, 10}, "");
  x.meetings[0].chair = u1;
  x.meetings[0].attendees = {u2, u1};
  x.resolutions[0].owner = u2;
  s->write_dataset(x);  // replaces the data set, users stay
  auto out = s->load_dataset();
  EXPECT_EQ(out.meetings[0].chair, u1);
  EXPECT_EQ(out.meetings[0].attendees, (std::vector<Id>{u2, u1}));
  EXPECT_EQ(out.resolutions[0].owner, u2);
}

TEST(SqliteStore, ForeignKeyViolationRollsBackEverything) {
  auto s = open_store(":memory:");
  auto good = small_dataset();
  s->write_dataset(good);
  auto v = s->data_version();
  auto bad = small_dataset();
  bad.regions.push_back({4, "新区域", 1, 1});
  bad.payments.push_back({701, 999, d(2023, 5, 1), 1});  // contract 999 does not exist
  EXPECT_THROW(s->write_dataset(bad), std::exception);
  auto out = s->load_dataset();
  EXPECT_EQ(out.regions.size(), 3u);  // neither the new region nor a wipe: the old data stands
  EXPECT_EQ(out.payments.size(), 1u);
  EXPECT_EQ(s->data_version(), v);

  // On an empty store nothing is half-written either.
  auto e = open_store(":memory:");
  EXPECT_THROW(e->write_dataset(bad), std::exception);
  EXPECT_TRUE(e->load_dataset().regions.empty());
}

TEST(SqliteStore, CheckConstraintRejectsNegativeAmount) {
  auto s = open_store(":memory:");
  auto bad = small_dataset();
  bad.payments[0].amount = -1;
  EXPECT_THROW(s->write_dataset(bad), std::exception);
  EXPECT_TRUE(s->load_dataset().customers.empty());
}

TEST(SqliteStore, SaveTargetsUpsertDeleteAudit) {
  auto s = open_store(":memory:");
  s->write_dataset(small_dataset());  // holds rep 10 sales 2023-03 = 250000, company = 900000
  Id admin = s->add_user({0, "admin", "管理员", Role::admin}, "");
  auto m3 = Month::of(2023, 3);
  using store::TargetChange;
  auto key = [&](TargetMetric met, OwnerKind k, Id id) { return Target{m3, met, k, id, 0}; };
  s->save_targets({{key(TargetMetric::sales, OwnerKind::rep, 10), 260000},            // update
                   {key(TargetMetric::sales, OwnerKind::company, 0), 900000},         // unchanged
                   {key(TargetMetric::collection, OwnerKind::region, 2), 50000},      // insert
                   {key(TargetMetric::bids_won, OwnerKind::rep, 11), std::nullopt}},  // delete of nothing
                  admin, 1000);
  auto t = s->load_targets();
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].value, 260000);
  EXPECT_EQ(t[1].value, 900000);
  EXPECT_EQ(t[2].owner_kind, OwnerKind::region);
  EXPECT_EQ(t[2].value, 50000);

  // Only the two cells that changed are audited, newest first.
  auto a = s->audit_log({"target", "", 100});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].entity_key, "2023-03/collection/region/2");
  EXPECT_EQ(a[0].old_value, "");
  EXPECT_EQ(a[0].new_value, "50000");
  EXPECT_EQ(a[1].entity_key, "2023-03/sales/rep/10");
  EXPECT_EQ(a[1].old_value, "250000");
  EXPECT_EQ(a[1].new_value, "260000");
  EXPECT_EQ(a[1].user_login, "admin");
  EXPECT_EQ(a[1].at, 1000);

  s->save_targets({{key(TargetMetric::sales, OwnerKind::rep, 10), std::nullopt}}, admin, 2000);
  EXPECT_EQ(s->load_targets().size(), 2u);
  a = s->audit_log({"target", "2023-03/sales/", 100});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].old_value, "260000");
  EXPECT_EQ(a[0].new_value, "");
  EXPECT_EQ(s->audit_log({"target", "", 1}).size(), 1u);
  EXPECT_TRUE(s->audit_log({"contract", "", 100}).empty());
}

TEST(SqliteStore, InvalidTargetChangeRollsBackBatch) {
  auto s = open_store(":memory:");
  s->write_dataset(small_dataset());
  auto v = s->data_version();
  auto m3 = Month::of(2023, 3);
  try {
    s->save_targets({{{m3, TargetMetric::sales, OwnerKind::rep, 10, 0}, 1},
                     {{m3, TargetMetric::sales, OwnerKind::rep, 4242, 0}, 5}},  // no rep 4242
                    0, 1);
    FAIL() << "expected AppError";
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 422);
    EXPECT_EQ(e.field, "owner_id");
  }
  EXPECT_EQ(s->load_targets()[0].value, 250000);  // the first change did not stick
  EXPECT_TRUE(s->audit_log({}).empty());
  EXPECT_EQ(s->data_version(), v);
  EXPECT_THROW(s->save_targets({{{m3, TargetMetric::sales, OwnerKind::company, 0, 0}, -1}}, 0, 1), AppError);
  EXPECT_THROW(s->save_targets({{{m3, TargetMetric::sales, OwnerKind::company, 3, 0}, 1}}, 0, 1), AppError);
}

TEST(SqliteStore, UserContacts) {
  auto s = open_store(":memory:");
  s->write_dataset(small_dataset());
  User c{0, "mgr.mail", "李", Role::manager, 2, 0, "zh-CN", true, "li@acme.cn", "li.wecom", "li.ding"};
  auto got = s->find_user(s->add_user(c, "h"))->user;
  EXPECT_EQ(got.email, "li@acme.cn");
  EXPECT_EQ(got.wecom_id, "li.wecom");
  EXPECT_EQ(got.dingtalk_id, "li.ding");
  EXPECT_EQ(s->list_users().at(0).email, "li@acme.cn");
}

TEST(SqliteStore, Users) {
  auto s = open_store(":memory:");
  s->write_dataset(small_dataset());
  User u{0, "mgr.east", "王经理", Role::manager, 2, 0, "en", true};
  Id id = s->add_user(u, "hash1");
  EXPECT_GT(id, 0);
  auto r = s->find_user_by_login("mgr.east");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->user.id, id);
  EXPECT_EQ(r->user.display_name, "王经理");
  EXPECT_EQ(r->user.role, Role::manager);
  EXPECT_EQ(r->user.region, 2);
  EXPECT_EQ(r->user.rep, 0);
  EXPECT_EQ(r->user.lang, "en");
  EXPECT_EQ(r->password_hash, "hash1");
  EXPECT_EQ(s->find_user(id)->user.login, "mgr.east");
  EXPECT_FALSE(s->find_user(id + 1));
  EXPECT_EQ(r->user.email, "");
  EXPECT_FALSE(s->find_user_by_login("nobody"));
  try {
    s->add_user(u, "x");
    FAIL() << "duplicate login accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 422);
    EXPECT_EQ(e.code, "invalid_field");
    EXPECT_EQ(e.field, "login");
  }
  EXPECT_TRUE(s->set_password("mgr.east", "hash2"));
  EXPECT_EQ(s->find_user(id)->password_hash, "hash2");
  EXPECT_FALSE(s->set_password("nobody", "h"));
  s->add_user({0, "rep1", "张三", Role::rep, 0, 10}, "");
  auto all = s->list_users();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].rep, 10);
}

TEST(SqliteStore, Sessions) {
  auto s = open_store(":memory:");
  Id u = s->add_user({0, "a", "A", Role::admin}, "");
  s->create_session({"tok1", u, "csrf1", 100, 200});
  s->create_session({"tok2", u, "csrf2", 100, 300});
  auto f = s->find_session("tok1");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->user, u);
  EXPECT_EQ(f->csrf, "csrf1");
  EXPECT_EQ(f->expires_at, 200);
  s->delete_expired_sessions(200);  // expires_at <= now is expired
  EXPECT_FALSE(s->find_session("tok1"));
  EXPECT_TRUE(s->find_session("tok2"));
  s->delete_session("tok2");
  EXPECT_FALSE(s->find_session("tok2"));
}

TEST(SqliteStore, DataVersionIncreasesAfterWrites) {
  auto s = open_store(":memory:");
  auto v0 = s->data_version();
  s->write_dataset(small_dataset());
  auto v1 = s->data_version();
  EXPECT_GT(v1, v0);
  s->add_user({0, "a", "A", Role::admin}, "");
  auto v2 = s->data_version();
  EXPECT_GT(v2, v1);
  s->save_targets({{{Month::of(2023, 4), TargetMetric::sales, OwnerKind::company, 0, 0}, 7}}, 0, 1);
  EXPECT_GT(s->data_version(), v2);
}

TEST(SqliteStore, ConcurrentUse) {
  auto s = open_store(":memory:");
  s->write_dataset(small_dataset());
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&, i] {
      for (int j = 0; j < 20; ++j) {
        s->save_targets({{{Month::of(2024, 1 + j % 12), TargetMetric::sales, OwnerKind::rep, 10, 0}, i * 100 + j}}, 0,
                        j);
        EXPECT_EQ(s->load_reps().size(), 2u);
      }
    });
  for (auto& t : ts) t.join();
  EXPECT_GE(s->data_version(), 1 + 80);
}

// Child rows are read in table order and only fall back to their key's order when the table
// order differs: move each parent's first child to the end of its table and load again.
TEST(SqliteStore, ChildRowsOutOfTableOrderLoadInKeyOrder) {
  std::string path = ::testing::TempDir() + "sl_store_order_test.db";
  std::remove(path.c_str());
  open_store(path)->write_dataset(small_dataset());
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    for (const char* t : {"contract_lines", "payment_plan", "opportunity_stage_events"}) {
      std::string parent = std::string(t) == "opportunity_stage_events" ? "opportunity" : "contract";
      std::string sql = "CREATE TEMP TABLE moved AS SELECT * FROM " + std::string(t) +
                        " WHERE rowid = (SELECT MIN(rowid) FROM " + t + ");" + "DELETE FROM " + t +
                        " WHERE rowid = (SELECT MIN(rowid) FROM " + t + ");" + "INSERT INTO " + t +
                        " SELECT * FROM moved; DROP TABLE moved;";
      ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    }
    sqlite3_close(db);
  }
  auto in = small_dataset();
  auto out = open_store(path)->load_dataset();
  ASSERT_EQ(out.contracts.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_EQ(out.contracts[i].lines.size(), in.contracts[i].lines.size());
    for (size_t k = 0; k < in.contracts[i].lines.size(); ++k)
      EXPECT_EQ(out.contracts[i].lines[k].amount, in.contracts[i].lines[k].amount);
    ASSERT_EQ(out.contracts[i].plan.size(), in.contracts[i].plan.size());
    for (size_t k = 0; k < in.contracts[i].plan.size(); ++k)
      EXPECT_EQ(out.contracts[i].plan[k].due_date, in.contracts[i].plan[k].due_date);
  }
  ASSERT_EQ(out.opportunities[0].history.size(), 3u);
  EXPECT_EQ(out.opportunities[0].history[0].stage, Stage::lead);
  EXPECT_EQ(out.opportunities[0].history[2].stage, Stage::won);
}

// prefetch reads the file through the page cache before a store opens it; it must leave
// the file usable and ignore what it cannot read.
TEST(SqliteStore, PrefetchBeforeOpen) {
  std::string path = ::testing::TempDir() + "sl_store_prefetch_test.db";
  std::remove(path.c_str());
  open_store(path)->write_dataset(small_dataset());
  sl::store::prefetch(path);
  sl::store::prefetch("sqlite:" + path);
  sl::store::prefetch(":memory:");
  sl::store::prefetch(path + ".missing");
  EXPECT_EQ(open_store(path)->load_dataset().contracts.size(), 2u);
}

TEST(SqliteStore, LoginsAreUniqueIgnoringCase) {
  auto s = open_store(":memory:");
  Id id = s->add_user({0, "admin", "A", Role::admin}, "h");
  EXPECT_THROW(s->add_user({0, "ADMIN", "B", Role::admin}, "h"), AppError);
  EXPECT_EQ(s->find_user_by_login("Admin")->user.id, id);
  EXPECT_EQ(s->list_users().size(), 1u);
}

TEST(SqliteStore, NewPasswordEndsSessions) {
  auto s = open_store(":memory:");
  Id a = s->add_user({0, "a", "A", Role::admin}, "h");
  Id b = s->add_user({0, "b", "B", Role::admin}, "h");
  s->create_session({"ta", a, "c", 100, 900});
  s->create_session({"tb", b, "c", 100, 900});
  EXPECT_TRUE(s->set_password("A", "h2"));
  EXPECT_FALSE(s->find_session("ta"));
  EXPECT_TRUE(s->find_session("tb"));
  s->delete_user_sessions(b);
  EXPECT_FALSE(s->find_session("tb"));
}

TEST(SqliteStore, LoginFailuresAreCountedByKeyAndForgotten) {
  auto s = open_store(":memory:");
  s->add_login_failure("k", 100, 0);
  s->add_login_failure("k", 200, 0);
  s->add_login_failure("j", 150, 0);
  auto c = s->login_failures("k", 0);
  EXPECT_EQ(c.count, 2);
  EXPECT_EQ(c.first, 100);
  EXPECT_EQ(c.last, 200);
  EXPECT_EQ(s->login_failures("k", 101).count, 1);
  s->add_login_failure("k", 300, 160);  // forgets the rows at 100 and 150
  EXPECT_EQ(s->login_failures("k", 0).count, 2);
  EXPECT_EQ(s->login_failures("j", 0).count, 0);
  s->clear_login_failures("k");
  EXPECT_EQ(s->login_failures("k", 0).count, 0);
  EXPECT_EQ(s->data_version(), 0);  // not data
}

TEST(SqliteStore, ContractCodesAreOneKeyIgnoringCaseAndSpaces) {
  auto s = open_store(":memory:");
  s->write_dataset(small_dataset());
  const Contract base = s->load_dataset().contracts.at(0);
  auto fresh = [&](std::string code) {
    Contract k = base;
    k.code = std::move(code);
    return k;
  };
  const std::string code = base.code;
  std::string lower = code;
  for (auto& ch : lower) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_THROW(s->add_contracts({fresh(lower)}, 0, 1), AppError);
  EXPECT_THROW(s->add_contracts({fresh(code + " ")}, 0, 1), AppError);
  EXPECT_THROW(s->add_contracts({fresh("NEW-1"), fresh("new-1")}, 0, 1), AppError);  // within one batch
  EXPECT_EQ(s->add_contracts({fresh("NEW-1")}, 0, 1).size(), 1u);
}

TEST(SqliteStore, DuplicateCodesInAnOldDatabaseAreReportedNotFatal) {
  std::string path = ::testing::TempDir() + "sl_store_dups.db";
  std::remove(path.c_str());
  {
    auto s = open_store(path);
    s->write_dataset(small_dataset());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP INDEX contracts_code_key;"
                         "INSERT INTO contracts(id, code, customer, rep, signed_date, amount)"
                         " SELECT 9999, lower(code) || ' ', customer, rep, signed_date, amount FROM contracts LIMIT 1;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ::testing::internal::CaptureStderr();
  auto s = open_store(path);  // opens, with a warning naming the code
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("contract codes are not unique"), std::string::npos) << err;
  EXPECT_EQ(s->load_dataset().contracts.size(), small_dataset().contracts.size() + 1);
}

namespace {
int exec_rc(sqlite3* db, const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); }
std::string one_text(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  std::string out = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
  sqlite3_finalize(st);
  return out;
}
}  // namespace

// Schema version 6 (issue 9 item 15): a version-5 database gets employee numbers backfilled
// ('E' and five digits of the id), and the business keys refuse duplicates that differ only
// in case or surrounding spaces.
TEST(SqliteStore, Version6EmployeeNumbersAndUniqueBusinessKeys) {
  std::string path = ::testing::TempDir() + "sl_store_v5.db";
  std::remove(path.c_str());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // A database as version 5 left it, with two reps of the same name.
  ASSERT_EQ(exec_rc(db, "CREATE TABLE schema_version(version INTEGER NOT NULL)"), SQLITE_OK);
  const auto& scripts = sl::store::sqlite::migrations();
  for (int v = 0; v < 5; ++v) ASSERT_EQ(exec_rc(db, scripts[v]), SQLITE_OK) << "script " << v + 1;
  ASSERT_EQ(exec_rc(db,
                    "INSERT INTO schema_version VALUES (5);"
                    "INSERT INTO regions VALUES (1, '总部', NULL, 0);"
                    "INSERT INTO reps(id, name, region, hire_date) VALUES (7, '曹艳', 1, '2021-03-01'), "
                    "(42, '曹艳', 1, '2022-05-01');"
                    "INSERT INTO customers(id, code, name, industry, size, region, created)"
                    " VALUES (1, 'C001', '甲', '制造', 'large', 1, '2022-01-01');"
                    "INSERT INTO products VALUES (1, 'P001', '服务器', '服务器', '2020-01-01', 100, 60);"),
            SQLITE_OK);
  sqlite3_close(db);

  auto s = open_store(path);  // migrates to the newest version
  EXPECT_EQ(s->schema_version(), static_cast<int>(scripts.size()));
  auto reps = s->load_reps();
  ASSERT_EQ(reps.size(), 2u);
  EXPECT_EQ(reps[0].employee_no, "E00007");
  EXPECT_EQ(reps[1].employee_no, "E00042");

  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(one_text(db, "SELECT group_concat(employee_no, ',') FROM reps ORDER BY id"), "E00007,E00042");
  // Duplicates refused with case and spaces ignored; a new key is accepted.
  const char* dup_rep = "INSERT INTO reps(id, name, region, hire_date, employee_no) VALUES (50, '王五', 1, '2023-01-01', ' e00007')";
  EXPECT_EQ(exec_rc(db, dup_rep), SQLITE_CONSTRAINT);
  EXPECT_EQ(exec_rc(db, "INSERT INTO reps(id, name, region, hire_date, employee_no)"
                        " VALUES (50, '王五', 1, '2023-01-01', 'E00050')"),
            SQLITE_OK);
  EXPECT_EQ(exec_rc(db, "INSERT INTO customers(id, code, name, industry, size, region, created)"
                        " VALUES (2, 'c001 ', '乙', '制造', 'small', 1, '2022-01-01')"),
            SQLITE_CONSTRAINT);
  EXPECT_EQ(exec_rc(db, "INSERT INTO products VALUES (2, 'p001', '存储', '存储', '2020-01-01', 100, 60)"), SQLITE_CONSTRAINT);
  EXPECT_EQ(exec_rc(db, "INSERT INTO products VALUES (2, 'P002', '存储', '存储', '2020-01-01', 100, 60)"), SQLITE_OK);
  sqlite3_close(db);
}

// The employee number survives a write and load of the data set; one written without any
// gets the same default as the migration's backfill.
TEST(SqliteStore, EmployeeNumbersRoundTrip) {
  auto s = open_store(":memory:");
  Dataset x = small_dataset();
  x.reps[0].employee_no = "E22001";
  s->write_dataset(x);
  auto reps = s->load_reps();
  ASSERT_EQ(reps.size(), 2u);
  EXPECT_EQ(reps[0].employee_no, "E22001");
  EXPECT_EQ(reps[1].employee_no, "E00011");  // rep 11 had none
}
