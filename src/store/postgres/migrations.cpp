#include "store/postgres/migrations.h"

#include <regex>

#include "store/sqlite/migrations.h"

namespace sl::store::pg {

const std::vector<std::string>& rowid_tables() {
  static const std::vector<std::string> kTables = {"market_stats", "competitor_sales", "targets", "finance_months"};
  return kTables;
}

// The dialect map, applied in order:
// - columns holding dates (date, *_date, created, closed, expected_close, as_of) TEXT → DATE;
// - INTEGER → BIGINT (ids, money in fen, unix seconds; an id is MAX + 1 as in SQLite, conn.h);
// - REAL → DOUBLE PRECISION, BLOB → BYTEA;
// - the column `user` (a reserved word in PostgreSQL) quoted;
// - printf('%0Nd', x) → lpad(x::text, N, '0');
// - the rowid tables get their rowid column.
// Booleans stay 0/1 integers with their CHECKs, so rows read the same on both backends.
std::string translate(const std::string& s) {
  static const std::regex dates(R"(\b(date|\w+_date|created|closed|expected_close|as_of) TEXT\b)");
  static const std::regex integer(R"(\bINTEGER\b)");
  static const std::regex real(R"(\bREAL\b)");
  static const std::regex blob(R"(\bBLOB\b)");
  static const std::regex user(R"(\buser\b)");
  static const std::regex printf_(R"(printf\('%0(\d+)d', (\w+)\))");
  std::string out = std::regex_replace(s, dates, "$1 DATE");
  out = std::regex_replace(out, integer, "BIGINT");
  out = std::regex_replace(out, real, "DOUBLE PRECISION");
  out = std::regex_replace(out, blob, "BYTEA");
  out = std::regex_replace(out, user, "\"user\"");
  out = std::regex_replace(out, printf_, "lpad($2::text, $1, '0')");
  for (const auto& t : rowid_tables())
    out = std::regex_replace(out, std::regex("CREATE TABLE " + t + "\\("),
                             "CREATE TABLE " + t + "(rowid BIGINT GENERATED ALWAYS AS IDENTITY, ");
  return out;
}

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> kAll = [] {
    std::vector<std::string> v;
    for (const auto& s : sqlite::migrations()) v.push_back(translate(s));
    return v;
  }();
  return kAll;
}

}  // namespace sl::store::pg
