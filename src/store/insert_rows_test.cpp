#include "store/insert_rows.h"

#include <gtest/gtest.h>

#include <string>

namespace sl::store {

TEST(InsertRows, SplitsAOneRowInsert) {
  auto p = insert_parts("INSERT INTO t(a, b) VALUES (?, ?)");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->first, "INSERT INTO t(a, b) VALUES ");
  EXPECT_EQ(p->second, "(?, ?)");
  auto o = insert_parts("INSERT INTO t(rowid, a) OVERRIDING SYSTEM VALUE VALUES ($1, $2)");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->first, "INSERT INTO t(rowid, a) OVERRIDING SYSTEM VALUE VALUES ");
}

TEST(InsertRows, LeavesEveryOtherStatement) {
  EXPECT_FALSE(insert_parts("UPDATE t SET a = ? WHERE id = ?"));
  EXPECT_FALSE(insert_parts("DELETE FROM t WHERE id = ?"));
  EXPECT_FALSE(insert_parts("INSERT INTO t(a) VALUES (?) ON CONFLICT(a) DO NOTHING"));
  EXPECT_FALSE(insert_parts("INSERT INTO t(a, b) VALUES (?, lpad(?::text, 6, '0'))"));  // a call in the row
  EXPECT_FALSE(insert_parts("INSERT INTO t(a) SELECT a FROM u"));
  EXPECT_FALSE(insert_parts("INSERT INTO t(a) VALUES (?) , (?) VALUES (?)"));
}

TEST(InsertRows, RepeatsTheRow) {
  EXPECT_EQ(insert_rows("INSERT INTO t(a, b) VALUES (?, ?)", 3, [](size_t) { return std::string("(?, ?)"); }),
            "INSERT INTO t(a, b) VALUES (?, ?),(?, ?),(?, ?)");
  EXPECT_EQ(insert_rows("INSERT INTO t(a) VALUES ($1)", 2, [](size_t r) { return "($" + std::to_string(r + 1) + ")"; }),
            "INSERT INTO t(a) VALUES ($1),($2)");
}

}  // namespace sl::store
