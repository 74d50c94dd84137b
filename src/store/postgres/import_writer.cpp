#include "store/postgres/import_writer.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <regex>
#include <set>

#include "core/error.h"
#include "store/insert_rows.h"
#include "store/postgres/rows.h"
#include "store/store.h"

namespace sl::store::pg {

namespace {

// ? → $n outside quoted literals, skipping the parameters in `dropped`.
std::string number_params(const std::string& s, size_t dropped_index, std::vector<size_t>& params) {
  std::string out;
  bool quoted = false;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch == '\'') quoted = !quoted;
    if (ch != '?' || quoted) {
      out += ch;
      continue;
    }
    if (n == dropped_index) {  // drop "?" and the ", " after it
      ++n;
      while (i + 1 < s.size() && (s[i + 1] == ',' || s[i + 1] == ' ')) ++i;
      continue;
    }
    params.push_back(n++);
    out += "$" + std::to_string(params.size());
  }
  return out;
}

// A row's text with every $n outside quoted literals moved on by `by` ("($1, lpad($2::text…" for
// the second row of two parameters: "($3, lpad($4::text…").
std::string shift_params(std::string_view row, size_t by) {
  std::string out;
  bool quoted = false;
  for (size_t i = 0; i < row.size(); ++i) {
    const char ch = row[i];
    if (ch == '\'') quoted = !quoted;
    if (ch != '$' || quoted || i + 1 >= row.size() || !std::isdigit(static_cast<unsigned char>(row[i + 1]))) {
      out += ch;
      continue;
    }
    size_t n = 0;
    while (i + 1 < row.size() && std::isdigit(static_cast<unsigned char>(row[i + 1]))) n = n * 10 + (row[++i] - '0');
    out += "$" + std::to_string(n + by);
  }
  return out;
}

void add_value(Params& p, const ImportValue& v) {
  if (const auto* n = std::get_if<int64_t>(&v))
    p.add(*n);
  else if (const auto* t = std::get_if<std::string>(&v))
    p.add(*t);
  else
    p.null();
}

// A commit's writes, in order, as ingest/import_sqlite.cpp's Writer does them: a run of one
// INSERT goes kRows rows to a statement ("VALUES (…),(…),…", one round trip for kRows rows
// instead of kRows); any other write, and a run's last rows, one by one (a statement per tail
// length would be prepared for each run). A write of another statement first writes the rows
// held, so the order is the writes' own; all of it inside the caller's transaction.
class Batcher {
 public:
  explicit Batcher(Conn& c) : c_(c) {}

  void add(const ImportStatement& st, const ImportRow& values) {
    if (&st != st_) {
      flush();
      st_ = &st;
      many_ = insert_parts(st.sql) ? many_text(st) : "";
    }
    if (many_.empty()) {
      Params p;
      for (size_t i : st.params) add_value(p, values.at(i));
      c_.query(st.sql, p);
      return;
    }
    for (size_t i : st.params) add_value(held_, values.at(i));
    if (++rows_ == kRows) {
      c_.query(many_, held_);
      held_ = Params();
      rows_ = 0;
    }
  }

  void flush() {
    if (rows_ == 0) return;
    const size_t width = st_->params.size();
    const auto& all = held_.values();
    for (size_t r = 0; r < rows_; ++r) {
      Params one;
      for (size_t i = 0; i < width; ++i) {
        const auto& v = all[r * width + i];
        if (v)
          one.add(*v);
        else
          one.null();
      }
      c_.query(st_->sql, one);
    }
    held_ = Params();
    rows_ = 0;
  }

 private:
  static constexpr size_t kRows = 64;

  std::string many_text(const ImportStatement& st) const {
    const std::string_view row = insert_parts(st.sql)->second;
    return insert_rows(st.sql, kRows, [&](size_t r) { return shift_params(row, r * st.params.size()); });
  }

  Conn& c_;
  const ImportStatement* st_ = nullptr;
  std::string many_;  // the kRows-row statement of st_; empty: st_ is written row by row
  Params held_;
  size_t rows_ = 0;
};

}  // namespace

ImportStatement translate_import_sql(std::string_view sqlite_sql,
                                     const std::function<bool(const std::string&)>& has_rowid,
                                     const std::function<std::vector<std::string>(const std::string&)>& key_of) {
  static const std::regex printf_(R"(printf\('%0(\d+)d', (\w+)\))");
  static const std::regex table_re(R"(^\s*(?:SELECT\b.*?\bFROM|UPDATE|INSERT INTO|DELETE FROM)\s+(\w+))",
                                   std::regex::icase);
  static const std::regex rowid_word(R"(\browid\b)");
  std::string s = std::regex_replace(std::string(sqlite_sql), printf_, "lpad($2::text, $1, '0')");
  std::smatch m;
  const std::string table = std::regex_search(s, m, table_re) ? m[1].str() : "";
  const bool insert = s.rfind("INSERT", 0) == 0;
  size_t dropped = SIZE_MAX;
  ImportStatement out;
  if (!table.empty() && s.find("rowid") != std::string::npos) {
    if (has_rowid(table)) {
      if (insert) {
        s = std::regex_replace(s, std::regex(R"(\)\s*VALUES)"), ") OVERRIDING SYSTEM VALUE VALUES",
                               std::regex_constants::format_first_only);
        out.rowid_table = table;
      }
    } else if (insert) {  // INSERT INTO t(rowid, a, …) VALUES (?, ?, …): the key is in the other columns
      const size_t open = s.find('(');
      const size_t at = s.find("rowid", open);
      std::string cols = s.substr(open + 1, s.find(')', open) - open - 1);
      size_t index = 0;
      for (size_t p = 0; p < at - open - 1; ++p) index += cols[p] == ',';
      dropped = index;
      s.erase(at, 5);
      const size_t comma = s.find_first_not_of(" ,", at);
      s.erase(at, comma - at);
    } else {
      const auto key = key_of(table);
      if (key.size() == 2)
        s = std::regex_replace(s, rowid_word, "(" + key[0] + " * 1048576 + " + key[1] + ")");
      else if (key.size() == 1)
        s = std::regex_replace(s, rowid_word, key[0]);
    }
  }
  out.sql = number_params(s, dropped, out.params);
  return out;
}

ImportWriter::ImportWriter(const std::string& url) : c_(url) { open_store(url); }

bool ImportWriter::has_column(const std::string& table, const std::string& column) {
  return !c_.query(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = $1 AND column_name = $2",
                Params().add(table).add(column))
              .empty();
}

const ImportStatement& ImportWriter::statement(std::string_view sqlite_sql) {
  for (const auto& [text, st] : translated_)
    if (text == sqlite_sql) return st;
  auto has_rowid = [&](const std::string& t) { return has_column(t, "rowid"); };
  auto key_of = [&](const std::string& t) {
    Result r = c_.query(
        "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
        " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary"
        " ORDER BY array_position(i.indkey::int2[], a.attnum)",
        Params().add(t));
    std::vector<std::string> cols;
    for (int i = 0; i < r.rows(); ++i) cols.push_back(r.row(i).text(0));
    return cols;
  };
  translated_.emplace_back(std::string(sqlite_sql), translate_import_sql(sqlite_sql, has_rowid, key_of));
  return translated_.back().second;
}

std::vector<ImportRow> ImportWriter::query(const std::string& sqlite_sql) {
  const ImportStatement& st = statement(sqlite_sql);
  Result r = c_.query(st.sql);
  std::vector<ImportRow> out;
  out.reserve(static_cast<size_t>(r.rows()));
  const int cols = PQnfields(r.get());
  std::vector<bool> integer(static_cast<size_t>(cols));
  for (int c = 0; c < cols; ++c) {
    const Oid t = PQftype(r.get(), c);
    integer[static_cast<size_t>(c)] = t == 20 || t == 21 || t == 23;  // int8, int2, int4
  }
  for (int i = 0; i < r.rows(); ++i) {
    const Row row = r.row(i);
    ImportRow values;
    values.reserve(static_cast<size_t>(cols));
    for (int c = 0; c < cols; ++c) {
      if (row.is_null(c))
        values.emplace_back(std::monostate{});
      else if (integer[static_cast<size_t>(c)])
        values.emplace_back(row.i64(c));
      else
        values.emplace_back(row.text(c));
    }
    out.push_back(std::move(values));
  }
  return out;
}

int64_t ImportWriter::data_version() { return c_.scalar("SELECT version FROM data_version WHERE id = 1"); }

void ImportWriter::commit(const std::function<void(const Write&)>& each_write, const std::string& audit_entity,
                          const std::string& audit_json, int64_t read_at, const std::function<void(int64_t)>& written,
                          int64_t step) {
  DataTx tx(c_);
  // The row lock holds off every other writer until COMMIT, so the check stays true.
  if (c_.scalar("SELECT version FROM data_version WHERE id = 1 FOR UPDATE") != read_at)
    throw AppError(409, "conflict", "file", "导入期间数据库已被修改（例如另一个导入）：未写入任何数据，请重新导入",
                   "The database changed while the file was checked (another import?): nothing was written, "
                   "import it again");
  std::set<std::string> rowid_tables;
  int64_t done = 0;
  Batcher batch(c_);
  each_write([&](std::string_view sql, const ImportRow& values) {
    const ImportStatement& st = statement(sql);
    batch.add(st, values);
    if (!st.rowid_table.empty()) rowid_tables.insert(st.rowid_table);
    if (written && ++done % step == 0) written(done);
  });
  batch.flush();
  // Rows given their rowid (OVERRIDING SYSTEM VALUE): the identity moves past them.
  for (const auto& t : rowid_tables)
    c_.exec("SELECT setval(pg_get_serial_sequence('" + t + "', 'rowid'), m) FROM (SELECT max(rowid) AS m FROM " + t +
            ") x WHERE m IS NOT NULL");
  AuditRow row;
  row.at = static_cast<int64_t>(std::time(nullptr));
  row.entity = "import";
  row.entity_key = audit_entity;
  row.new_value = audit_json;
  write_audit(c_, row);
  tx.commit();
}

}  // namespace sl::store::pg
