// The importers' SQLite statements in PostgreSQL's form (no server needed): expected texts
// written out by hand.
#include "store/postgres/import_writer.h"

#include <gtest/gtest.h>

using sl::store::pg::translate_import_sql;

namespace {

const auto kRowidTables = [](const std::string& t) { return t == "targets"; };
const auto kKeys = [](const std::string& t) {
  return t == "payment_plan" ? std::vector<std::string>{"contract", "seq"} : std::vector<std::string>{"id"};
};

TEST(PgImportSql, ParametersNumberedOutsideLiterals) {
  auto s = translate_import_sql("UPDATE products SET name = ?, category = '?' WHERE id = ?", kRowidTables, kKeys);
  EXPECT_EQ(s.sql, "UPDATE products SET name = $1, category = '?' WHERE id = $2");
  EXPECT_EQ(s.params, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(s.rowid_table, "");
}

TEST(PgImportSql, PrintfBecomesLpad) {
  auto s = translate_import_sql("SELECT id, 'O' || printf('%06d', id) FROM opportunities", kRowidTables, kKeys);
  EXPECT_EQ(s.sql, "SELECT id, 'O' || lpad(id::text, 6, '0') FROM opportunities");
}

TEST(PgImportSql, RowidTableInsertOverridesTheIdentity) {
  auto s = translate_import_sql("INSERT INTO targets(rowid, month, value) VALUES (?, ?, ?)", kRowidTables, kKeys);
  EXPECT_EQ(s.sql, "INSERT INTO targets(rowid, month, value) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3)");
  EXPECT_EQ(s.params, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(s.rowid_table, "targets");
  EXPECT_EQ(translate_import_sql("UPDATE targets SET value = ? WHERE rowid = ?", kRowidTables, kKeys).sql,
            "UPDATE targets SET value = $1 WHERE rowid = $2");
}

TEST(PgImportSql, RowidElsewhereIsThePackedKey) {
  auto ins = translate_import_sql(
      "INSERT INTO payment_plan(rowid, contract, due_date, amount, seq) VALUES (?, ?, ?, ?, ?)", kRowidTables, kKeys);
  EXPECT_EQ(ins.sql, "INSERT INTO payment_plan(contract, due_date, amount, seq) VALUES ($1, $2, $3, $4)");
  EXPECT_EQ(ins.params, (std::vector<size_t>{1, 2, 3, 4}));  // the rowid value is left out
  auto sel =
      translate_import_sql("SELECT rowid, contract, due_date, amount, seq FROM payment_plan", kRowidTables, kKeys);
  EXPECT_EQ(sel.sql, "SELECT (contract * 1048576 + seq), contract, due_date, amount, seq FROM payment_plan");
  auto upd = translate_import_sql("UPDATE payment_plan SET amount = ? WHERE rowid = ?", kRowidTables, kKeys);
  EXPECT_EQ(upd.sql, "UPDATE payment_plan SET amount = $1 WHERE (contract * 1048576 + seq) = $2");
}

}  // namespace
