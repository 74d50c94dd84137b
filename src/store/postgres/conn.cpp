#include "store/postgres/conn.h"

#include <charconv>
#include <cstring>
#include <stdexcept>

#include "core/error.h"

namespace sl::store::pg {

namespace {

// The same answer as SQLite's busy database (sqlite/stmt.cpp): nothing was written, retry.
[[noreturn]] void throw_busy() {
  AppError e(503, "database_busy", "", "数据库正被其他程序占用，本次保存未执行，请稍后重试",
             "The database is busy with another program; nothing was saved, please try again shortly");
  e.retry_after = 5;
  throw e;
}

[[noreturn]] void throw_down() {
  AppError e(503, "database_unavailable", "", "数据库暂时无法连接，本次操作未执行，请稍后重试",
             "The database cannot be reached just now; nothing was done, please try again shortly");
  e.retry_after = 5;
  throw e;
}

std::string sqlstate(const PGresult* r) {
  const char* s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  return s ? s : "";
}

[[noreturn]] void malformed(const char* what, const std::string& v) {
  throw std::runtime_error(std::string("postgres: malformed ") + what + " '" + v + "'");
}

}  // namespace

void throw_pg(PGconn* c, const PGresult* r, std::string_view what) {
  const std::string state = sqlstate(r);
  if (PQstatus(c) != CONNECTION_OK || state.rfind("08", 0) == 0 || state == "57P01" || state == "57P03") throw_down();
  if (state == "40001" || state == "40P01" || state == "55P03") throw_busy();
  if (state == "23505")  // unique_violation: a key another write took first
    throw AppError(409, "conflict", "", "该记录已被其他操作占用或修改，未保存，请刷新后重试",
                   "Another change took this key first; nothing was saved, refresh and try again");
  const char* msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c);
  throw std::runtime_error("postgres: " + std::string(what) + ": " + (msg && *msg ? msg : PQerrorMessage(c)));
}

// --- rows ----------------------------------------------------------------------

int64_t Row::i64(int c) const {
  const char* p = PQgetvalue(r_, row_, c);
  const char* end = p + PQgetlength(r_, row_, c);
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(p, end, v);
  if (ec != std::errc() || ptr != end) {
    // booleans come back as t/f
    if (end - p == 1 && (*p == 't' || *p == 'f')) return *p == 't';
    malformed("integer", std::string(p, end));
  }
  return v;
}

double Row::f64(int c) const {
  const char* p = PQgetvalue(r_, row_, c);
  const char* end = p + PQgetlength(r_, row_, c);
  double v = 0;
  auto [ptr, ec] = std::from_chars(p, end, v);
  if (ec != std::errc() || ptr != end) malformed("number", std::string(p, end));
  return v;
}

std::string Row::text(int c) const {
  return std::string(PQgetvalue(r_, row_, c), static_cast<size_t>(PQgetlength(r_, row_, c)));
}

std::string Row::bytes(int c) const {
  size_t n = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(r_, row_, c)), &n);
  if (!raw) throw std::runtime_error("postgres: malformed bytea");
  std::string out(reinterpret_cast<char*>(raw), n);
  PQfreemem(raw);
  return out;
}

Date Row::date(int c) const {
  auto t = text(c);
  auto d = parse_date(t);
  if (!d) malformed("date", t);
  return *d;
}

std::optional<Date> Row::opt_date(int c) const {
  if (is_null(c)) return std::nullopt;
  return date(c);
}

Month Row::month(int c) const {
  auto t = text(c);
  auto m = parse_month(t);
  if (!m) malformed("month", t);
  return *m;
}

Result& Result::operator=(Result&& o) noexcept {
  if (this != &o) {
    PQclear(r_);
    r_ = o.r_;
    o.r_ = nullptr;
  }
  return *this;
}

int64_t Result::affected() const {
  const char* n = PQcmdTuples(r_);
  return n && *n ? std::stoll(n) : 0;
}

Params& Params::add(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
  return put(std::string(buf, end));
}

// --- connection ----------------------------------------------------------------

PGconn* connect(const std::string& url) {
  // Later keywords win, and the URL's own are expanded where dbname stands: ours first.
  const char* keys[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {"5", url.c_str(), nullptr};
  return PQconnectdbParams(keys, values, 1);
}

Conn::Conn(const std::string& url) {
  c_ = connect(url);
  if (PQstatus(c_) != CONNECTION_OK) {
    std::string msg = c_ ? PQerrorMessage(c_) : "out of memory";
    PQfinish(c_);
    c_ = nullptr;
    throw std::runtime_error("postgres: cannot connect to '" + url + "': " + msg);
  }
  // Dates as YYYY-MM-DD and text as UTF-8 whatever the server's defaults; notices (e.g.
  // "relation already exists, skipping") are not printed.
  PQsetNoticeProcessor(c_, [](void*, const char*) {}, nullptr);
  pid_ = PQbackendPID(c_);
  exec("SET DateStyle = ISO; SET client_encoding = 'UTF8'; SET client_min_messages = warning");
}

Conn::~Conn() { PQfinish(c_); }

namespace {
// A connection lost between requests (a PostgreSQL restart) is reset once before the next
// statement; the statements prepared on it are gone with it.
void revive(PGconn* c, std::unordered_map<std::string, std::string>& prepared) {
  if (PQstatus(c) == CONNECTION_OK) return;
  PQreset(c);
  prepared.clear();
  if (PQstatus(c) != CONNECTION_OK) throw_down();
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  Result r(PQexec(c, "SET DateStyle = ISO; SET client_encoding = 'UTF8'; SET client_min_messages = warning"));
}
}  // namespace

void Conn::ensure() {
  revive(c_, prepared_);
  pid_ = PQbackendPID(c_);
}

void Conn::exec(const std::string& sql) {
  ensure();
  Result r(PQexec(c_, sql.c_str()));
  const auto st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) throw_pg(c_, r.get(), "exec '" + sql.substr(0, 200) + "'");
}

Result Conn::query(const std::string& sql, const Params& p) {
  // A read outside a transaction that met a dropped connection (a PostgreSQL restart since
  // the last request) is run once more on the reset connection; a write is not (it may have
  // committed before the connection went): it answers 503 and the caller retries.
  const bool retry = PQtransactionStatus(c_) == PQTRANS_IDLE && sql.rfind("SELECT", 0) == 0;
  try {
    return run(sql, p);
  } catch (const AppError&) {
    if (!retry || PQstatus(c_) == CONNECTION_OK) throw;
  }
  return run(sql, p);
}

Result Conn::run(const std::string& sql, const Params& p) {
  ensure();
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    PGresult* r = PQprepare(c_, name.c_str(), sql.c_str(), 0, nullptr);
    Result guard(r);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) throw_pg(c_, r, "prepare '" + sql.substr(0, 200) + "'");
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  const auto& vs = p.values();
  std::vector<const char*> values(vs.size());
  std::vector<int> lengths(vs.size()), formats(vs.size());
  for (size_t i = 0; i < vs.size(); ++i) {
    values[i] = vs[i] ? vs[i]->c_str() : nullptr;
    lengths[i] = vs[i] ? static_cast<int>(vs[i]->size()) : 0;
    formats[i] = p.binary(i) ? 1 : 0;
  }
  PGresult* r = PQexecPrepared(c_, it->second.c_str(), static_cast<int>(values.size()), values.data(),
                               lengths.data(), formats.data(), 0);
  const auto st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    Result guard(r);
    throw_pg(c_, r, "'" + sql.substr(0, 200) + "'");
  }
  return Result(r);
}

int64_t Conn::scalar(const std::string& sql, const Params& p, int64_t none) {
  Result r = query(sql, p);
  return r.empty() || r.row(0).is_null(0) ? none : r.row(0).i64(0);
}

// --- transactions --------------------------------------------------------------

Tx::Tx(Conn& c) : c_(c) { c_.exec("BEGIN"); }
Tx::~Tx() {
  if (!done_ && PQstatus(c_.raw()) == CONNECTION_OK) PQclear(PQexec(c_.raw(), "ROLLBACK"));
}
void Tx::commit() {
  c_.exec("COMMIT");  // on failure (a deferred constraint) the destructor rolls back
  done_ = true;
}

void DataTx::commit() {
  const int64_t version = c_.scalar("UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version");
  c_.query("SELECT pg_notify($1, $2)", Params().add(kDataChannel).add(std::to_string(version)));
  tx_.commit();
}

Id next_id(Conn& c, const char* table) {
  // Two servers on one database must not hand out the same id: the lock is held to COMMIT.
  c.query("SELECT pg_advisory_xact_lock(hashtext($1))", Params().add(std::string("id:") + table));
  return c.scalar(std::string("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table);
}

}  // namespace sl::store::pg
