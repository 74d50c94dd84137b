#include "store/postgres/copy.h"

#include <charconv>
#include <cstring>
#include <stdexcept>

namespace sl::store::pg {

namespace {

uint64_t be(const char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

[[noreturn]] void bad(const std::string& what) { throw std::runtime_error("postgres: binary COPY: " + what); }

constexpr char kSignature[] = "PGCOPY\n\377\r\n";  // 11 bytes with its NUL
constexpr int32_t kEpochShift = 10957;           // days from 1970-01-01 to PostgreSQL's 2000-01-01

}  // namespace

int64_t CopyRow::i64(int c) const {
  const Field& f = f_[c];
  if (f.len == 8) return static_cast<int64_t>(be(f.p, 8));
  if (f.len == 4) return static_cast<int32_t>(be(f.p, 4));
  if (f.len == 2) return static_cast<int16_t>(be(f.p, 2));
  if (f.len == 1) return f.p[0] != 0;  // boolean
  bad("integer of " + std::to_string(f.len) + " bytes");
}

double CopyRow::f64(int c) const {
  const Field& f = f_[c];
  if (f.len != 8) bad("float of " + std::to_string(f.len) + " bytes");
  uint64_t bits = be(f.p, 8);
  double d;
  std::memcpy(&d, &bits, 8);
  return d;
}

Date CopyRow::date(int c) const {
  const Field& f = f_[c];
  if (f.len != 4) bad("date of " + std::to_string(f.len) + " bytes");
  return Date{static_cast<int32_t>(be(f.p, 4)) + kEpochShift};
}

Month CopyRow::month(int c) const {
  auto t = text(c);
  auto m = parse_month(t);
  if (!m) bad("malformed month '" + t + "'");
  return *m;
}

void copy_rows(Conn& c, const std::string& select, const std::function<void(const CopyRow&)>& row) {
  c.ensure();
  {
    Result start(PQexec(c.raw(), ("COPY (" + select + ") TO STDOUT (FORMAT binary)").c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_OUT) throw_pg(c.raw(), start.get(), "COPY '" + select.substr(0, 120) + "'");
  }
  CopyRow r;
  bool header = false, done = false;
  std::string pending;  // bytes of a message that did not end on a row boundary (never, in practice)
  for (;;) {
    char* buf = nullptr;
    const int n = PQgetCopyData(c.raw(), &buf, 0);
    if (n == -1) break;
    if (n < 0) throw_pg(c.raw(), nullptr, "COPY");
    std::string_view data(buf, static_cast<size_t>(n));
    if (!pending.empty()) {
      pending.append(data);
      data = pending;
    }
    size_t at = 0;
    if (!header) {
      if (data.size() < 19 || std::memcmp(data.data(), kSignature, 11) != 0) bad("no header");
      at = 19 + be(data.data() + 15, 4);
      header = true;
    }
    size_t used = at;
    while (!done && at + 2 <= data.size()) {
      const int16_t fields = static_cast<int16_t>(be(data.data() + at, 2));
      if (fields == -1) {
        done = true;
        used = data.size();
        break;
      }
      size_t p = at + 2;
      r.f_.resize(static_cast<size_t>(fields));
      bool whole = true;
      for (int i = 0; i < fields; ++i) {
        if (p + 4 > data.size()) {
          whole = false;
          break;
        }
        const int32_t len = static_cast<int32_t>(be(data.data() + p, 4));
        p += 4;
        if (len > 0 && p + static_cast<size_t>(len) > data.size()) {
          whole = false;
          break;
        }
        r.f_[i] = {data.data() + p, len};
        if (len > 0) p += static_cast<size_t>(len);
      }
      if (!whole) break;
      row(r);
      at = used = p;
    }
    std::string rest(data.substr(used));
    PQfreemem(buf);
    pending = std::move(rest);
  }
  Result end(PQgetResult(c.raw()));
  if (PQresultStatus(end.get()) != PGRES_COMMAND_OK) throw_pg(c.raw(), end.get(), "COPY");
  while (PGresult* more = PQgetResult(c.raw())) PQclear(more);
}

}  // namespace sl::store::pg

namespace sl::store::pg {

CopyIn::CopyIn(Conn& c, const std::string& table_and_columns) : c_(c) {
  c.ensure();
  Result start(PQexec(c.raw(), ("COPY " + table_and_columns + " FROM STDIN").c_str()));
  if (PQresultStatus(start.get()) != PGRES_COPY_IN) throw_pg(c.raw(), start.get(), "COPY " + table_and_columns);
  buf_.reserve(1 << 20);
}

CopyIn::~CopyIn() {
  if (!done_) {  // an exception on the way: abandon the COPY so the connection is usable
    PQputCopyEnd(c_.raw(), "abandoned");
    while (PGresult* r = PQgetResult(c_.raw())) PQclear(r);
  }
}

void CopyIn::sep() {
  if (!first_) buf_ += '\t';
  first_ = false;
}

CopyIn& CopyIn::add(int64_t v) {
  sep();
  buf_ += std::to_string(v);
  return *this;
}

CopyIn& CopyIn::add(double v) {
  sep();
  char b[64];
  auto [end, ec] = std::to_chars(b, b + sizeof b, v);
  buf_.append(b, end);
  return *this;
}

CopyIn& CopyIn::add(std::string_view v) {
  sep();
  for (char ch : v) {
    switch (ch) {
      case '\\': buf_ += "\\\\"; break;
      case '\t': buf_ += "\\t"; break;
      case '\n': buf_ += "\\n"; break;
      case '\r': buf_ += "\\r"; break;
      default: buf_ += ch;
    }
  }
  return *this;
}

CopyIn& CopyIn::null() {
  sep();
  buf_ += "\\N";
  return *this;
}

void CopyIn::end_row() {
  buf_ += '\n';
  first_ = true;
  if (buf_.size() >= (1 << 20)) flush();
}

void CopyIn::flush() {
  if (!buf_.empty() && PQputCopyData(c_.raw(), buf_.data(), static_cast<int>(buf_.size())) != 1)
    throw_pg(c_.raw(), nullptr, "COPY data");
  buf_.clear();
}

void CopyIn::finish() {
  flush();
  done_ = true;
  if (PQputCopyEnd(c_.raw(), nullptr) != 1) throw_pg(c_.raw(), nullptr, "COPY end");
  Result end(PQgetResult(c_.raw()));
  const bool ok = PQresultStatus(end.get()) == PGRES_COMMAND_OK;
  std::string err = ok ? "" : PQresultErrorMessage(end.get());
  while (PGresult* r = PQgetResult(c_.raw())) PQclear(r);
  if (!ok) throw_pg(c_.raw(), end.get(), "COPY");
}

}  // namespace sl::store::pg
