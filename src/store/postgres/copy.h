// Reads a query's rows with COPY (SELECT …) TO STDOUT (FORMAT binary): the fastest way out
// of PostgreSQL (no text to parse, no result kept whole in memory). Integers are int8,
// dates DATE, floats float8, everything else text; the row gives them by column.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/postgres/conn.h"

namespace sl::store::pg {

class CopyRow {
 public:
  bool is_null(int c) const { return f_[c].len < 0; }
  int64_t i64(int c) const;  // int8 (bigint) or int4
  int64_t id(int c) const { return is_null(c) ? 0 : i64(c); }
  double f64(int c) const;  // float8
  std::string text(int c) const { return is_null(c) ? std::string() : std::string(f_[c].p, f_[c].len); }
  // The field's bytes as they came (text, bytea), valid during the row's call.
  std::string_view view(int c) const { return is_null(c) ? std::string_view() : std::string_view(f_[c].p, f_[c].len); }
  Date date(int c) const;  // DATE
  std::optional<Date> opt_date(int c) const {
    if (is_null(c)) return std::nullopt;
    return date(c);
  }
  Month month(int c) const;  // text 'YYYY-MM'

 private:
  friend void copy_rows(Conn&, const std::string&, const std::function<void(const CopyRow&)>&);
  struct Field {
    const char* p;
    int32_t len;  // -1 = NULL
  };
  std::vector<Field> f_;
};

// Calls `row` for each row of `select` (a SELECT without parameters), in its order.
void copy_rows(Conn& c, const std::string& select, const std::function<void(const CopyRow&)>& row);

}  // namespace sl::store::pg

namespace sl::store::pg {

// Writes rows with COPY table(columns) FROM STDIN in text format: the bulk path of a whole
// data set (10M contract lines), one round trip per 1 MB instead of one per row. Values are
// escaped here; nullopt / id 0 is \N. finish() ends the COPY and throws if the server refused.
class CopyIn {
 public:
  CopyIn(Conn& c, const std::string& table_and_columns);
  ~CopyIn();
  CopyIn& add(int64_t v);
  CopyIn& add(int v) { return add(static_cast<int64_t>(v)); }
  CopyIn& add(double v);
  CopyIn& add(std::string_view v);
  CopyIn& add(const char* v) { return add(std::string_view(v)); }
  CopyIn& add(const std::string& v) { return add(std::string_view(v)); }
  CopyIn& add(Date d) { return add(std::string_view(format_date(d))); }
  CopyIn& add(Month m) { return add(std::string_view(format_month(m))); }
  CopyIn& add(const std::optional<Date>& d) { return d ? add(*d) : null(); }
  CopyIn& add_id(Id id) { return id == 0 ? null() : add(static_cast<int64_t>(id)); }
  CopyIn& null();
  void end_row();
  void finish();

 private:
  void sep();
  void flush();
  Conn& c_;
  std::string buf_;
  bool first_ = true, done_ = false;
};

}  // namespace sl::store::pg
