// The import page's jobs in the store (task import2): added, saved, listed newest first, and the
// ones a stopped server left running marked interrupted — none of it moves the data version.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <string>

#include "store/store.h"

namespace sl {
namespace {

using Job = store::Store::ImportJobRecord;

TEST(ImportJobs, AddSaveListInterrupt) {
  auto s = store::open_store(":memory:");
  const Id admin = s->add_user({0, "admin", "管理员", model::Role::admin}, "");
  const int64_t version = s->data_version();
  Job a;
  a.name = "回款.csv";
  a.format = "csv";
  a.sha256 = "ab";
  a.size = 10;
  a.user = admin;
  a.login = "admin";
  a.state = "uploaded";
  a.uploaded_at = 100;
  a.id = s->add_import_job(a);
  Job b = a;
  b.name = "客户.xlsx";
  b.state = "committing";
  b.run = "commit";
  b.phase = "writing";
  b.rows_read = 5;
  b.started_at = 120;
  b.id = s->add_import_job(b);
  EXPECT_GT(b.id, a.id);

  a.state = "checked";
  a.run = "dry_run";
  a.entity = "payments";
  a.rows = 3;
  a.inserted = 2;
  a.updated = 0;
  a.unchanged = 0;
  a.errors = 1;
  a.report = "/tmp/r.xlsx";
  a.finished_at = 130;
  s->save_import_job(a);

  auto list = s->import_jobs(10);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, b.id);  // newest first
  EXPECT_EQ(list[1].state, "checked");
  EXPECT_EQ(list[1].entity, "payments");
  EXPECT_EQ(list[1].rows, 3);
  EXPECT_EQ(list[1].errors, 1);
  EXPECT_EQ(list[1].report, "/tmp/r.xlsx");
  EXPECT_EQ(list[1].finished_at, 130);
  EXPECT_EQ(list[0].inserted, std::nullopt);  // no run finished yet
  EXPECT_EQ(list[0].rows_read, 5);
  EXPECT_EQ(s->import_jobs(1).size(), 1u);

  EXPECT_EQ(s->interrupt_import_jobs(200, "停了", "stopped"), 1);
  list = s->import_jobs(10);
  EXPECT_EQ(list[0].state, "interrupted");
  EXPECT_EQ(list[0].error_code, "interrupted");
  EXPECT_EQ(list[0].error_en, "stopped");
  EXPECT_EQ(list[0].finished_at, 200);
  EXPECT_EQ(list[1].state, "checked");  // a finished one is left as it was
  EXPECT_EQ(s->interrupt_import_jobs(300, "", ""), 0);
  EXPECT_EQ(s->data_version(), version);
}

// The import page gives ids itself (api/import_job_keeper.h): saving a job of an id not stored
// yet inserts it with that id; saving it again replaces it.
TEST(ImportJobs, SaveInsertsAnUnknownId) {
  auto s = store::open_store(":memory:");
  Job a;
  a.id = 7;
  a.name = "产品.csv";
  a.state = "uploaded";
  a.uploaded_at = 50;
  s->save_import_job(a);
  a.state = "checked";
  a.rows = 4;
  s->save_import_job(a);
  auto list = s->import_jobs(10);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, 7);
  EXPECT_EQ(list[0].name, "产品.csv");
  EXPECT_EQ(list[0].state, "checked");
  EXPECT_EQ(list[0].rows, 4);
  EXPECT_EQ(list[0].user, 0);  // no user: NULL, read back as 0
  EXPECT_EQ(s->add_import_job(a), 8);  // the database's own ids go on after it
}

// Task import4: job ids from the store's counter, in blocks; two stores on one file never get
// the same id, and no block starts below an id already stored.
TEST(ImportJobs, ReservedIdBlocksNeverOverlap) {
  const std::string path = ::testing::TempDir() + "import_job_ids_test.db";
  std::remove(path.c_str());
  auto a = store::open_store(path);
  auto b = store::open_store(path);
  Job j;
  j.name = "x.csv";
  j.state = "uploaded";
  j.id = 100;
  a->save_import_job(j);  // a row saved with its own id: ids go on above it
  const Id first_a = a->reserve_import_job_ids(32);
  const Id first_b = b->reserve_import_job_ids(32);
  EXPECT_EQ(first_a, 101);
  EXPECT_EQ(first_b, 133);
  EXPECT_EQ(a->add_import_job(j), 165);  // one more, above both blocks
  EXPECT_EQ(b->reserve_import_job_ids(1), 166);
  a.reset();
  b.reset();
  std::remove(path.c_str());
}

// Task import4: a job left committing whose import's audit row names it is committed; one
// without such a row is left to interrupt_import_jobs.
TEST(ImportJobs, SettleCommittedReadsTheAuditRow) {
  const std::string path = ::testing::TempDir() + "import_job_settle_test.db";
  std::remove(path.c_str());
  auto s = store::open_store(path);
  Job j;
  j.name = "x.csv";
  j.state = "committing";
  j.phase = "writing";
  for (Id id : {7, 8, 70}) {
    j.id = id;
    s->save_import_job(j);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // Job 7's import committed; job 70's audit text must not be read as job 7's.
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO audit_log(at, entity, entity_key, new_value) VALUES"
                         " (1, 'import', 'payments', '{\"job\":7,\"file\":\"x.csv\"}'),"
                         " (1, 'import', 'payments', '{\"file\":\"y.csv\"}'),"
                         " (1, 'payment', '8', '{\"job\":8,')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(s->settle_committed_import_jobs(500), 1);
  EXPECT_EQ(s->interrupt_import_jobs(501, "中", "en"), 2);
  std::map<Id, std::string> state;
  for (const auto& r : s->import_jobs(10)) state[r.id] = r.state + "/" + std::to_string(r.finished_at);
  EXPECT_EQ(state[7], "committed/500");
  EXPECT_EQ(state[8], "interrupted/501");
  EXPECT_EQ(state[70], "interrupted/501");
  s.reset();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace sl
