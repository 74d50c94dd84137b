// The import page's jobs in the store (task import2): added, saved, listed newest first, and the
// ones a stopped server left running marked interrupted — none of it moves the data version.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sl
