// The PostgreSQL backend against a real server: SALESLOOP_PG_URL names a database the test
// may create databases from (scripts/lib/pg.sh start prints one); without it every test is
// skipped. Each test gets a fresh database, dropped at the end.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <thread>

#include "core/error.h"
#include "store/postgres/conn.h"
#include "store/postgres/migrations.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"
#include "store/test_dataset.h"

using namespace sl;
using namespace sl::model;
using sl::store::testing::d;
using sl::store::testing::small_dataset;

namespace {

// A database of its own for one test.
class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("SALESLOOP_PG_URL");
    if (!url || !*url) GTEST_SKIP() << "SALESLOOP_PG_URL is not set (scripts/test.sh sets it)";
    admin_ = url;
    static std::atomic<int> n{0};
    name_ = "sl_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
    sl::store::pg::Conn c(admin_);
    c.exec("DROP DATABASE IF EXISTS " + name_);
    c.exec("CREATE DATABASE " + name_);
    url_ = admin_.substr(0, admin_.rfind('/') + 1) + name_;
  }
  void TearDown() override {
    if (name_.empty()) return;
    sl::store::pg::Conn c(admin_);
    c.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  std::unique_ptr<store::Store> open() { return store::open_store(url_); }

  std::string admin_, name_, url_;
};

std::set<std::string> sqlite_columns() {
  const std::string path = ::testing::TempDir() + "sl_pg_schema_" + std::to_string(::getpid()) + ".db";
  std::remove(path.c_str());
  store::open_store(path);
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p"
                     " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
                     -1, &st, nullptr);
  std::set<std::string> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string table = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    std::string col = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    std::string type = reinterpret_cast<const char*>(sqlite3_column_text(st, 2));
    out.insert(table + "." + col + " " + type);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  std::remove(path.c_str());
  return out;
}

// PostgreSQL's type of a column as the SQLite type it maps from (migrations.cpp's dialect map).
std::string as_sqlite_type(const std::string& pg) {
  if (pg == "bigint") return "INTEGER";
  if (pg == "double precision") return "REAL";
  if (pg == "bytea") return "BLOB";
  return "TEXT";  // text, and date (a TEXT 'YYYY-MM-DD' column in SQLite)
}

}  // namespace

TEST(PgMigrations, DialectMap) {
  using sl::store::pg::translate;
  EXPECT_EQ(translate("id INTEGER PRIMARY KEY, hire_date TEXT NOT NULL, name TEXT"),
            "id BIGINT PRIMARY KEY, hire_date DATE NOT NULL, name TEXT");
  EXPECT_EQ(translate("user INTEGER REFERENCES users(id) ON DELETE CASCADE,"),
            "\"user\" BIGINT REFERENCES users(id) ON DELETE CASCADE,");
  EXPECT_EQ(translate("UPDATE reps SET employee_no = 'E' || printf('%05d', id)"),
            "UPDATE reps SET employee_no = 'E' || lpad(id::text, 5, '0')");
  EXPECT_EQ(translate("goal_value REAL NOT NULL, data BLOB NOT NULL, created TEXT, closed TEXT"),
            "goal_value DOUBLE PRECISION NOT NULL, data BYTEA NOT NULL, created DATE, closed DATE");
  EXPECT_EQ(sl::store::pg::migrations().size(), sl::store::sqlite::migrations().size());
}

TEST_F(PgStoreTest, SameTablesAndColumnsAsSqlite) {
  auto s = open();
  EXPECT_EQ(s->schema_version(), static_cast<int>(sl::store::sqlite::migrations().size()));
  sl::store::pg::Conn c(url_);
  auto r = c.query(
      "SELECT table_name, column_name, data_type FROM information_schema.columns"
      " WHERE table_schema = current_schema()");
  std::set<std::string> pg, dates;
  const auto& rowid = sl::store::pg::rowid_tables();
  for (int i = 0; i < r.rows(); ++i) {
    const std::string table = r.row(i).text(0), col = r.row(i).text(1), type = r.row(i).text(2);
    if (col == "rowid" && std::find(rowid.begin(), rowid.end(), table) != rowid.end()) continue;
    pg.insert(table + "." + col + " " + as_sqlite_type(type));
    if (type == "date") dates.insert(table + "." + col);
  }
  EXPECT_EQ(pg, sqlite_columns());
  // Dates are DATE: every one of them, written out by hand from migrations.cpp.
  EXPECT_EQ(dates, (std::set<std::string>{
                       "reps.hire_date", "reps.leave_date", "customers.created", "products.launch_date",
                       "opportunities.created", "opportunities.expected_close", "opportunities.closed",
                       "opportunity_stage_events.date", "bids.bid_date", "bids.result_date",
                       "contracts.signed_date", "payment_plan.due_date", "payments.date", "activities.date",
                       "meetings.date", "resolutions.due_date", "resolutions.closed_date", "action_items.due_date",
                       "action_items.done_date", "goal_checks.as_of"}));
}

TEST_F(PgStoreTest, MigrateIsIdempotent) {
  auto s = open();
  s->migrate();
  auto again = open();  // a second process starting on the same database
  EXPECT_EQ(again->schema_version(), static_cast<int>(sl::store::sqlite::migrations().size()));
  EXPECT_EQ(s->data_version(), 0);
}

TEST_F(PgStoreTest, DatasetRoundTrip) {
  auto s = open();
  s->write_dataset(small_dataset());
  auto out = s->load_dataset();
  sl::store::testing::expect_small_dataset(out);
  EXPECT_EQ(out.data_version, 1);
  // Written again (a second demo): replaced, not doubled.
  s->write_dataset(small_dataset());
  auto twice = s->load_dataset();
  sl::store::testing::expect_small_dataset(twice);
  EXPECT_EQ(twice.contracts[0].lines.size(), 2u);
}

TEST_F(PgStoreTest, DatesBeforeAndAfterPostgresEpoch) {
  auto s = open();
  auto x = small_dataset();
  x.reps[0].hire_date = d(1969, 12, 31);  // negative days since 1970 and since 2000
  x.reps[1].hire_date = d(2000, 1, 1);    // PostgreSQL's day 0
  x.reps[1].leave_date = d(2099, 12, 31);
  s->write_dataset(x);
  auto reps = s->load_reps();
  EXPECT_EQ(reps[0].hire_date, d(1969, 12, 31));
  EXPECT_EQ(reps[1].hire_date, d(2000, 1, 1));
  EXPECT_EQ(reps[1].leave_date, d(2099, 12, 31));
  EXPECT_EQ(format_date(s->load_dataset().reps[0].hire_date), "1969-12-31");
}

TEST_F(PgStoreTest, ChildRowsOutOfTableOrderLoadInKeyOrder) {
  auto s = open();
  s->write_dataset(small_dataset());
  {
    sl::store::pg::Conn c(url_);
    // An update moves a row to the end of the heap: physical order is no longer key order.
    c.exec("UPDATE contract_lines SET qty = qty WHERE contract = 600 AND seq = 0");
    c.exec("UPDATE opportunity_stage_events SET stage = stage WHERE opportunity = 400 AND seq = 0");
  }
  auto out = s->load_dataset();
  ASSERT_EQ(out.contracts[0].lines.size(), 2u);
  EXPECT_EQ(out.contracts[0].lines[0].qty, 2);
  EXPECT_EQ(out.contracts[0].lines[1].amount, 100000);
  ASSERT_EQ(out.opportunities[0].history.size(), 3u);
  EXPECT_EQ(out.opportunities[0].history[0].stage, Stage::lead);
}

TEST_F(PgStoreTest, ForeignKeyViolationRollsBackEverything) {
  auto s = open();
  s->write_dataset(small_dataset());
  auto bad = small_dataset();
  bad.payments[0].contract = 999;  // no such contract
  EXPECT_ANY_THROW(s->write_dataset(bad));
  EXPECT_EQ(s->load_dataset().contracts.size(), 2u);  // the first data set is intact
  EXPECT_EQ(s->data_version(), 1);
}

TEST_F(PgStoreTest, UsersSessionsAndThrottle) {
  auto s = open();
  s->write_dataset(small_dataset());
  const Id a = s->add_user({0, "Alice", "A", Role::manager, 2, 0}, "h1");
  EXPECT_EQ(a, 1);  // ids as SQLite gives them: MAX + 1
  EXPECT_EQ(s->add_user({0, "bob", "B", Role::rep, 0, 10}, ""), 2);
  try {
    s->add_user({0, "ALICE", "dup", Role::rep, 0, 0}, "");
    FAIL() << "a taken login was accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 422);
    EXPECT_EQ(e.field, "login");
  }
  auto found = s->find_user_by_login("alice");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user.id, a);
  EXPECT_EQ(found->user.region, 2);
  EXPECT_EQ(found->user.rep, 0);
  EXPECT_EQ(found->password_hash, "h1");

  s->create_session({"t1", a, "csrf1", 100, 200});
  auto sess = s->find_session("t1");
  ASSERT_TRUE(sess);
  EXPECT_EQ(sess->csrf, "csrf1");
  EXPECT_EQ(sess->expires_at, 200);
  try {
    s->create_session({"t1", a, "again", 100, 200});
    FAIL() << "a duplicate session token was accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 409);  // unique violation → conflict
  }
  EXPECT_TRUE(s->set_password("ALICE", "h2"));
  EXPECT_FALSE(s->find_session("t1"));  // a new password ends the sessions
  EXPECT_FALSE(s->set_password("nobody", "h"));

  s->add_login_failure("k", 10, 0);
  s->add_login_failure("k", 20, 0);
  s->add_login_failure("other", 30, 0);
  auto f = s->login_failures("k", 0);
  EXPECT_EQ(f.count, 2);
  EXPECT_EQ(f.first, 10);
  EXPECT_EQ(f.last, 20);
  s->add_login_failure("k", 40, 15);  // forgets what is before 15
  EXPECT_EQ(s->login_failures("k", 0).count, 2);
  s->clear_login_failures("k");
  EXPECT_EQ(s->login_failures("k", 0).count, 0);
}

TEST_F(PgStoreTest, SaveTargetsUpsertDeleteAudit) {
  auto s = open();
  s->write_dataset(small_dataset());
  const Id u = s->add_user({0, "m", "M", Role::manager, 2, 0}, "");
  const int64_t v0 = s->data_version();
  store::TargetChange up{{Month::of(2023, 3), TargetMetric::sales, OwnerKind::rep, 10, 0}, 260000, ""};
  store::TargetChange add{{Month::of(2023, 4), TargetMetric::sales, OwnerKind::region, 2, 0}, 50, "suggestion"};
  store::TargetChange del{{Month::of(2023, 3), TargetMetric::sales, OwnerKind::company, 0, 0}, std::nullopt, ""};
  s->save_targets({up, add, del}, u, 1000);
  EXPECT_EQ(s->data_version(), v0 + 1);
  auto t = s->load_targets();
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, 260000);  // updated in place: keeps its position
  EXPECT_EQ(t[1].owner_kind, OwnerKind::region);
  auto log = s->audit_log({"target", "", 100});
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].entity_key, "2023-03/sales/company/0");  // newest first
  EXPECT_EQ(log[0].old_value, "900000");
  EXPECT_EQ(log[0].new_value, "");
  EXPECT_EQ(log[1].source, "suggestion");
  EXPECT_EQ(log[2].old_value, "250000");
  EXPECT_EQ(log[2].user_login, "m");
  EXPECT_EQ(s->audit_log({"target", "2023-04", 100}).size(), 1u);
  store::TargetChange bad{{Month::of(2023, 5), TargetMetric::sales, OwnerKind::rep, 999, 0}, 1, ""};
  EXPECT_THROW(s->save_targets({add, bad}, u, 1001), AppError);
  EXPECT_EQ(s->audit_log({"target", "", 100}).size(), 3u);  // nothing of the failed batch
}

TEST_F(PgStoreTest, WritesAssignIdsAboveTheTable) {
  auto s = open();
  s->write_dataset(small_dataset());
  Contract c = small_dataset().contracts[1];
  c.code = "HT-NEW";
  auto ids = s->add_contracts({c}, 0, 5);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0], 602);
  EXPECT_THROW(s->add_contracts({c}, 0, 6), AppError);  // the code is taken (any case)
  EXPECT_EQ(s->add_payment({0, 601, d(2023, 5, 1), 1000}, 0, 7), 701);
  auto k = s->find_contract(601);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->customer_name, "上海某制造");
  ASSERT_EQ(k->payments.size(), 1u);
  EXPECT_EQ(k->payments[0].amount, 1000);
  Forecast f{0, Month::of(2023, 4), 10, 5, 9};
  EXPECT_EQ(s->add_forecast(f, 0, 9), 801);
}

TEST_F(PgStoreTest, PushOutboxClaimsOnce) {
  auto s = open();
  store::PushStore::Delivery dv;
  dv.channel = "email";
  dv.address = "a@example.com";
  dv.idem_key = "run1/1/email";
  dv.subject = "s";
  dv.message_id = "<m@x>";
  dv.created_at = 5;
  dv.files = {{"r.bin", "application/octet-stream", std::string("a\0b\xff", 4)}};
  EXPECT_TRUE(s->claim_run(0, "", {dv, dv}));  // the second one's idem_key exists: skipped
  auto got = s->claim_deliveries("w1", 10, 0, 10);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].attempts, 1);
  EXPECT_TRUE(s->claim_deliveries("w2", 10, 0, 10).empty());  // claimed already
  auto files = s->delivery_files(got[0].id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].data, std::string("a\0b\xff", 4));  // bytes intact
  EXPECT_FALSE(s->finish_delivery(got[0].id, "w2", "sent", "", 0, 11));
  EXPECT_TRUE(s->finish_delivery(got[0].id, "w1", "sent", "", 0, 11));
  EXPECT_EQ(s->find_delivery(got[0].id)->sent_at, 11);
}

TEST_F(PgStoreTest, ConcurrentUse) {
  auto s = open();
  s->write_dataset(small_dataset());
  std::vector<std::thread> ts;
  std::atomic<int> errors{0};
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([&, t] {
      try {
        for (int i = 0; i < 20; ++i) {
          if (t % 2)
            s->add_login_failure("k" + std::to_string(t), i, 0);
          else
            (void)s->load_regions();
        }
      } catch (...) {
        ++errors;
      }
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(s->login_failures("k1", 0).count, 20);
}

TEST_F(PgStoreTest, ReconnectsAfterTheServerDropsTheConnection) {
  auto s = open();
  s->write_dataset(small_dataset());
  const Id u = s->add_user({0, "a", "A", Role::admin, 0, 0}, "");
  {
    sl::store::pg::Conn c(url_);
    c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            sl::store::pg::Params().add(name_));
  }
  // The first use of a dropped connection may fail, as a 503 to retry (nothing written)…
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      s->create_session({"after", u, "c", 1, 2});
      break;
    } catch (const AppError& e) {
      EXPECT_EQ(e.status, 503);
      EXPECT_GT(e.retry_after, 0);
    }
  }
  // …and the store is back by itself: reads and writes on both connections.
  EXPECT_TRUE(s->find_session("after"));
  EXPECT_EQ(s->data_version(), 2);
  EXPECT_EQ(s->load_dataset().contracts.size(), 2u);
}

TEST(PgMigrations, AlertsTranslate) {
  // The alerts script keeps its partial unique index and gets PostgreSQL types (found by its
  // table: other scripts are appended after it).
  std::string s;
  for (const auto& m : sl::store::pg::migrations())
    if (m.find("CREATE TABLE alerts(") != std::string::npos) s = m;
  EXPECT_NE(s.find("CREATE UNIQUE INDEX alerts_open_once ON alerts(rule, key) WHERE state = 'open'"), std::string::npos);
  EXPECT_NE(s.find("value DOUBLE PRECISION NOT NULL DEFAULT 0"), std::string::npos);
  EXPECT_NE(s.find("snoozed_until TEXT NOT NULL DEFAULT ''"), std::string::npos);
  EXPECT_EQ(s.find("INTEGER"), std::string::npos);
  EXPECT_EQ(s.find(" REAL"), std::string::npos);
}

namespace {
store::PushStore::Delivery alert_delivery(const std::string& idem_key) {
  store::PushStore::Delivery dv;
  dv.recipient = 1;
  dv.channel = "email";
  dv.address = "a@example.com";
  dv.idem_key = idem_key;
  dv.subject = "Alert";
  dv.message_id = "<" + idem_key + "@x>";
  dv.created_at = dv.next_attempt_at = 100;
  dv.files = {{"body.html", "text/html", "<p>x</p>"}};
  return dv;
}
}  // namespace

TEST_F(PgStoreTest, AlertRulesAndAlerts) {
  auto s = open();
  const Id u = s->add_user({0, "m", "M", Role::admin, 0, 0}, "");
  const Id other = s->add_user({0, "n", "N", Role::admin, 0, 0}, "");
  const int64_t v0 = s->data_version();

  store::AlertStore::AlertRule r;
  r.owner = u;
  r.name = "低完成率";
  r.kind = "threshold";
  r.metric = "progress.ratio";
  r.scope = "region:3";
  r.filters = R"({"period":"2026-06"})";
  r.op = "<";
  r.value = 0.85;
  r.channels = R"(["email"])";
  r.created_at = r.updated_at = 10;
  const Id r1 = s->add_alert_rule(r);
  EXPECT_EQ(r1, 1);  // MAX + 1, as SQLite
  r.kind = "anomaly";
  r.metric = "d2";
  r.severity = "high";
  r.owner = other;
  const Id r2 = s->add_alert_rule(r);
  EXPECT_EQ(r2, 2);
  EXPECT_EQ(s->alert_rules(0).size(), 2u);
  ASSERT_EQ(s->alert_rules(u).size(), 1u);
  auto got = s->find_alert_rule(r1);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "低完成率");
  EXPECT_EQ(got->value, 0.85);
  EXPECT_EQ(got->filters, R"({"period":"2026-06"})");
  EXPECT_TRUE(got->enabled);
  got->name = "renamed";
  got->enabled = false;
  got->value = 0.9;
  got->updated_at = 20;
  s->update_alert_rule(*got);
  auto again = s->find_alert_rule(r1);
  EXPECT_EQ(again->name, "renamed");
  EXPECT_FALSE(again->enabled);
  EXPECT_EQ(again->value, 0.9);
  EXPECT_EQ(again->created_at, 10);
  EXPECT_EQ(again->updated_at, 20);
  EXPECT_FALSE(s->find_alert_rule(99));
  EXPECT_EQ(s->audit_log({"alert_rule", "", 100}).size(), 3u);

  // Opened twice for one rule and key: one open alert, the second call writes nothing.
  store::AlertStore::Alert a;
  a.rule = r1;
  a.owner = u;
  a.key = "region:3/2026-06";
  a.title_zh = "完成率低";
  a.title_en = "Low attainment";
  a.measured = 0.5;
  a.threshold = 0.85;
  a.link = "/do/progress?period=2026-06";
  a.opened_at = 100;
  auto a1 = s->open_alert(a, {alert_delivery("alert:1:region:3/2026-06:100:email")});
  ASSERT_TRUE(a1);
  a.opened_at = 200;
  EXPECT_FALSE(s->open_alert(a, {alert_delivery("alert:1:region:3/2026-06:200:email")}));
  EXPECT_EQ(s->deliveries({}).total, 1);  // the second one's delivery rolled back with it
  EXPECT_EQ(s->delivery_files(s->deliveries({}).rows[0].id).size(), 1u);
  auto f = s->find_alert(*a1);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->state, "open");
  EXPECT_EQ(f->opened_at, 100);
  EXPECT_EQ(f->measured, 0.5);
  EXPECT_EQ(f->figures, "{}");  // none given
  EXPECT_EQ(f->title_zh, "完成率低");
  EXPECT_EQ(f->snoozed_until, "");

  // Another key of the same rule, and the other rule (no measure: NULL).
  a.key = "region:4/2026-06";
  auto a2 = s->open_alert(a, {});
  ASSERT_TRUE(a2);
  store::AlertStore::Alert b = a;
  b.rule = r2;
  b.owner = other;
  b.measured.reset();
  b.figures = R"({"z":3.1})";
  auto b1 = s->open_alert(b, {alert_delivery("alert:2:region:4/2026-06:200:email")});
  ASSERT_TRUE(b1);
  EXPECT_FALSE(s->find_alert(*b1)->measured);
  EXPECT_EQ(s->find_alert(*b1)->figures, R"({"z":3.1})");

  // Closed: the key may open again.
  s->close_alert(*a1, 300);
  s->close_alert(*a1, 400);  // closed already: stays as it was
  EXPECT_EQ(s->find_alert(*a1)->state, "closed");
  EXPECT_EQ(s->find_alert(*a1)->closed_at, 300);
  a.key = "region:3/2026-06";
  a.opened_at = 500;
  auto a3 = s->open_alert(a, {});
  ASSERT_TRUE(a3);
  auto ra = s->rule_alerts(r1);
  ASSERT_EQ(ra.size(), 3u);  // oldest first
  EXPECT_EQ(ra[0].id, *a1);
  EXPECT_EQ(ra[2].id, *a3);
  EXPECT_EQ(ra[2].state, "open");

  // Pages by state; marks.
  auto page = s->alerts({u, "", "2026-06-10", 50, 0});
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(page.unread, 3);
  ASSERT_EQ(page.rows.size(), 3u);
  EXPECT_EQ(page.rows[0].id, *a3);  // newest first
  EXPECT_EQ(s->alerts({u, "open", "2026-06-10", 50, 0}).total, 2);
  EXPECT_EQ(s->alerts({u, "closed", "2026-06-10", 50, 0}).total, 1);
  auto paged = s->alerts({u, "open", "2026-06-10", 1, 1});
  ASSERT_EQ(paged.rows.size(), 1u);
  EXPECT_EQ(paged.rows[0].id, *a2);

  auto m = *s->find_alert(*a2);
  m.snoozed_until = "2026-06-12";
  s->mark_alert(m);
  page = s->alerts({u, "unread", "2026-06-10", 50, 0});
  EXPECT_EQ(page.total, 2);  // the snoozed one is hidden until after the 12th
  EXPECT_EQ(page.unread, 2);
  EXPECT_EQ(s->alerts({u, "snoozed", "2026-06-10", 50, 0}).total, 1);
  EXPECT_EQ(s->alerts({u, "unread", "2026-06-13", 50, 0}).total, 3);
  EXPECT_EQ(s->alerts({u, "snoozed", "2026-06-13", 50, 0}).total, 0);
  m = *s->find_alert(*a3);
  m.acked_at = 600;
  m.agenda_item = 7;
  m.meeting = 8;
  s->mark_alert(m);
  auto marked = s->find_alert(*a3);
  EXPECT_EQ(marked->acked_at, 600);
  EXPECT_EQ(marked->agenda_item, 7);
  EXPECT_EQ(marked->meeting, 8);
  EXPECT_EQ(s->alerts({u, "acked", "2026-06-10", 50, 0}).total, 1);
  EXPECT_EQ(s->alerts({u, "", "2026-06-10", 50, 0}).unread, 1);
  EXPECT_EQ(s->mark_alerts_read(u, 700), 3);  // every one not read yet, acked or not
  EXPECT_EQ(s->mark_alerts_read(u, 800), 0);
  EXPECT_EQ(s->find_alert(*a1)->read_at, 700);
  EXPECT_EQ(s->alerts({u, "unread", "2026-06-13", 50, 0}).total, 0);
  EXPECT_EQ(s->alerts({other, "unread", "2026-06-13", 50, 0}).total, 1);  // another owner's stay

  // Deleting a rule takes its alerts and cancels its queued deliveries, not another rule's.
  EXPECT_TRUE(s->delete_alert_rule(r1));
  EXPECT_FALSE(s->delete_alert_rule(r1));
  EXPECT_TRUE(s->rule_alerts(r1).empty());
  EXPECT_FALSE(s->find_alert(*a1));
  auto failed = s->deliveries({0, "failed", 50, 0});
  ASSERT_EQ(failed.total, 1);
  EXPECT_EQ(failed.rows[0].idem_key, "alert:1:region:3/2026-06:100:email");
  EXPECT_EQ(failed.rows[0].last_error, "alert rule deleted");
  auto queued = s->deliveries({0, "queued", 50, 0});
  ASSERT_EQ(queued.total, 1);
  EXPECT_EQ(queued.rows[0].idem_key, "alert:2:region:4/2026-06:200:email");
  EXPECT_EQ(s->rule_alerts(r2).size(), 1u);
  EXPECT_EQ(s->data_version(), v0);  // not data
}

// A server on the same database opening the same alert at the same moment: one of them wins.
TEST_F(PgStoreTest, AlertOpensOnceAcrossServers) {
  auto s = open();
  const Id u = s->add_user({0, "m", "M", Role::admin, 0, 0}, "");
  store::AlertStore::AlertRule r;
  r.owner = u;
  r.name = "x";
  r.kind = "anomaly";
  r.metric = "c4";
  r.scope = "company";
  const Id rule = s->add_alert_rule(r);
  std::vector<std::unique_ptr<store::Store>> servers;
  for (int i = 0; i < 4; ++i) servers.push_back(open());
  std::atomic<int> opened{0}, errors{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&, i] {
      try {
        store::AlertStore::Alert a;
        a.rule = rule;
        a.owner = u;
        a.key = "k";
        a.title_zh = a.title_en = "t";
        a.opened_at = 10 + i;
        if (servers[i]->open_alert(a, {alert_delivery("alert:1:k:" + std::to_string(i) + ":email")})) ++opened;
      } catch (...) {
        ++errors;
      }
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(opened, 1);
  EXPECT_EQ(s->rule_alerts(rule).size(), 1u);
  EXPECT_EQ(s->deliveries({}).total, 1);
}

// As the SQLite store (task import3): saving a job of an id not stored yet inserts it with that
// id; saving it again replaces it; the database's own ids go on above it.
TEST_F(PgStoreTest, SaveImportJobInsertsAnUnknownId) {
  auto s = open();
  store::Store::ImportJobRecord a;
  a.id = 7;
  a.name = "产品.csv";
  a.state = "uploaded";
  a.uploaded_at = 50;
  s->save_import_job(a);
  a.state = "checked";
  a.rows = 4;
  a.errors = 0;
  s->save_import_job(a);
  auto list = s->import_jobs(10);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, 7);
  EXPECT_EQ(list[0].name, "产品.csv");
  EXPECT_EQ(list[0].state, "checked");
  EXPECT_EQ(list[0].rows, 4);
  EXPECT_EQ(list[0].errors, 0);
  EXPECT_FALSE(list[0].inserted);
  EXPECT_EQ(list[0].user, 0);  // no user: NULL, read back as 0
  EXPECT_EQ(list[0].uploaded_at, 50);
  EXPECT_EQ(s->add_import_job(a), 8);
  a.id = 8;
  a.state = "done";
  a.rows.reset();
  s->save_import_job(a);
  list = s->import_jobs(10);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].state, "done");
  EXPECT_FALSE(list[0].rows);  // NULL again
  EXPECT_EQ(list[1].state, "checked");
}
