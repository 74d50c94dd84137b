// P5 forecast submissions in SQLite: appended, audited with the value replaced, checked.
#include <gtest/gtest.h>

#include "core/error.h"
#include "store/store.h"

using namespace sl;
using namespace sl::model;

TEST(SqliteForecasts, SubmissionsAreKeptAndAudited) {
  auto s = store::open_store(":memory:");
  Dataset x;
  x.regions = {{1, "总部", 0, 0}};
  x.reps = {{10, "张三", 1, 0, from_ymd(2022, 3, 1), std::nullopt, "E10"}};
  x.forecasts = {{5, Month::of(2026, 6), 10, 100, 1000}};
  s->write_dataset(x);
  Id admin = s->add_user({0, "admin", "管理员", Role::admin}, "");
  const int64_t v0 = s->data_version();
  EXPECT_EQ(s->add_forecast({0, Month::of(2026, 6), 10, 120, 2000}, admin, 2000), 6);
  EXPECT_EQ(s->add_forecast({0, Month::of(2026, 7), 10, 0, 2001}, admin, 2001), 7);
  EXPECT_GT(s->data_version(), v0);
  auto d = s->load_dataset();
  ASSERT_EQ(d.forecasts.size(), 3u);
  EXPECT_EQ(d.forecasts[1].value, 120);
  EXPECT_EQ(d.forecasts[1].submitted_at, 2000);
  auto a = s->audit_log({"forecast", "", 10});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].entity_key, "2026-07/rep/10");
  EXPECT_EQ(a[0].old_value, "");
  EXPECT_EQ(a[1].entity_key, "2026-06/rep/10");
  EXPECT_EQ(a[1].old_value, "100");
  EXPECT_EQ(a[1].new_value, "120");
  EXPECT_EQ(a[1].user_login, "admin");

  const int64_t v1 = s->data_version();
  EXPECT_THROW(s->add_forecast({0, Month::of(2026, 6), 10, -1, 3000}, admin, 3000), AppError);
  EXPECT_THROW(s->add_forecast({0, Month::of(2026, 6), 99, 1, 3000}, admin, 3000), AppError);
  EXPECT_EQ(s->data_version(), v1);  // nothing written
  EXPECT_EQ(s->load_dataset().forecasts.size(), 3u);
}
