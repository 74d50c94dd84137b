// A one-row INSERT made a many-row one, for the importers' runs of one INSERT (SQLite's
// ingest/import_sqlite.cpp with `?` marks, PostgreSQL's store/postgres/import_writer.cpp with
// `$n`): "INSERT INTO t(a, b) VALUES (?, ?)" → "INSERT INTO t(a, b) VALUES (?, ?),(?, ?),…".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sl::store {

// "INSERT INTO t(a, b) [OVERRIDING SYSTEM VALUE] VALUES (…)": the text up to and with
// " VALUES", and the one row of values "(…)". nullopt for any other statement (an UPDATE, a
// DELETE, an upsert, an INSERT … SELECT, a row that is not the statement's end).
inline std::optional<std::pair<std::string_view, std::string_view>> insert_parts(std::string_view sql) {
  if (sql.rfind("INSERT INTO ", 0) != 0 || sql.empty() || sql.back() != ')') return std::nullopt;
  const size_t at = sql.find(" VALUES (");
  if (at == std::string_view::npos || sql.find(" VALUES (", at + 1) != std::string_view::npos ||
      sql.find(')', at) != sql.size() - 1)
    return std::nullopt;
  return std::make_pair(sql.substr(0, at + 8), sql.substr(at + 8));
}

// The statement for `rows` rows; `row(r)` gives row r's text ("(?, ?)", or "($3, $4)" for
// numbered parameters). Call only with a statement insert_parts accepts.
template <class Row>
std::string insert_rows(std::string_view sql, size_t rows, Row row) {
  std::string text(insert_parts(sql)->first);
  for (size_t r = 0; r < rows; ++r) (text += r ? "," : "") += row(r);
  return text;
}

}  // namespace sl::store
