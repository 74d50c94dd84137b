// The import page's jobs and mapping templates on PostgreSQL, as store/sqlite/import_jobs.cpp
// and import_templates.cpp. Not data: the data version stays.
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

#include <stdexcept>

namespace sl::store::pg {

namespace {
constexpr const char* kColumns =
    "name, format, sha256, size, \"user\", login, entity, sheet, state, run, phase, rows_read, rows_checked, "
    "rows_written, rows, inserted, updated, unchanged, errors, error_code, error_zh, error_en, report, uploaded_at, "
    "started_at, finished_at";

Params& add_opt(Params& p, const std::optional<int64_t>& v) { return v ? p.add(*v) : p.null(); }

// The record's columns as $1 … $26, in kColumns' order.
Params job_params(const Store::ImportJobRecord& j) {
  Params p;
  p.add(j.name).add(j.format).add(j.sha256).add(j.size).add_id(j.user).add(j.login).add(j.entity).add(j.sheet);
  p.add(j.state).add(j.run).add(j.phase).add(j.rows_read).add(j.rows_checked).add(j.rows_written);
  add_opt(p, j.rows);
  add_opt(p, j.inserted);
  add_opt(p, j.updated);
  add_opt(p, j.unchanged);
  add_opt(p, j.errors);
  p.add(j.error_code).add(j.error_zh).add(j.error_en).add(j.report).add(j.uploaded_at).add(j.started_at);
  return p.add(j.finished_at);
}

std::optional<int64_t> opt(const Row& q, int c) {
  if (q.is_null(c)) return std::nullopt;
  return q.i64(c);
}

// "name = excluded.name, …" over kColumns: the upsert's SET.
std::string excluded_set() {
  const std::string cols = kColumns;
  std::string out;
  for (size_t at = 0; at < cols.size();) {
    size_t end = cols.find(',', at);
    if (end == std::string::npos) end = cols.size();
    std::string col = cols.substr(at, end - at);
    col.erase(0, col.find_first_not_of(' '));
    col.erase(col.find_last_not_of(' ') + 1);
    if (!col.empty()) out += (out.empty() ? "" : ", ") + col + " = excluded." + col;
    at = end + 1;
  }
  return out;
}

std::string placeholders(int from, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? ",$" : "$") + std::to_string(from + i);
  return s;
}
}  // namespace

namespace {
// n ids from the counter (never below an id stored), inside the caller's transaction: the row's
// lock makes a second server's UPDATE wait for this one and go on above it.
Id take_ids(Conn& c, int64_t n) {
  Result r = c.query(
      "UPDATE import_job_ids SET next_id = GREATEST(next_id, (SELECT coalesce(max(id), 0) + 1 FROM import_jobs)) + "
      "$1::bigint RETURNING next_id - $1::bigint",
      Params().add(n));
  if (r.empty()) throw std::runtime_error("import_job_ids: no counter row");
  return r.row(0).i64(0);
}
}  // namespace

Id PgStore::reserve_import_job_ids(int64_t n) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  const Id first = take_ids(*c_, n);
  tx.commit();
  return first;
}

int64_t PgStore::settle_committed_import_jobs(int64_t at) {
  std::lock_guard lock(mu_);
  return c_
      ->query(
          "UPDATE import_jobs SET state = 'committed', phase = 'committed', finished_at = $1 WHERE state ="
          " 'committing' AND EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'import' AND a.new_value LIKE"
          " '{\"job\":' || import_jobs.id || ',%')",
          Params().add(at))
      .affected();
}

Id PgStore::add_import_job(const ImportJobRecord& j) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  const Id id = take_ids(*c_, 1);
  c_->query(std::string("INSERT INTO import_jobs(") + kColumns + ", id) VALUES (" + placeholders(1, 27) + ")",
            job_params(j).add(id));
  tx.commit();
  return id;
}

// Replaces the job of that id, or inserts it with that id (task import3: the import page gives
// ids itself). Under next_id's lock, so an add_import_job elsewhere goes on above it.
void PgStore::save_import_job(const ImportJobRecord& j) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  c_->query("SELECT pg_advisory_xact_lock(hashtext($1))", Params().add(std::string("id:import_jobs")));
  c_->query(
      std::string("INSERT INTO import_jobs(") + kColumns + ", id) VALUES (" + placeholders(1, 27) +
          ") ON CONFLICT (id) DO UPDATE SET " + excluded_set(),
      job_params(j).add(j.id));
  tx.commit();
}

std::vector<Store::ImportJobRecord> PgStore::import_jobs(int64_t limit) {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT id, ") + kColumns +
                            " FROM import_jobs ORDER BY id DESC LIMIT (CASE WHEN $1::bigint < 0 THEN NULL ELSE $1::bigint END)",
                        Params().add(limit));
  std::vector<ImportJobRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row q = r.row(i);
    ImportJobRecord j;
    j.id = q.i64(0);
    j.name = q.text(1);
    j.format = q.text(2);
    j.sha256 = q.text(3);
    j.size = q.i64(4);
    j.user = q.id(5);
    j.login = q.text(6);
    j.entity = q.text(7);
    j.sheet = q.text(8);
    j.state = q.text(9);
    j.run = q.text(10);
    j.phase = q.text(11);
    j.rows_read = q.i64(12);
    j.rows_checked = q.i64(13);
    j.rows_written = q.i64(14);
    j.rows = opt(q, 15);
    j.inserted = opt(q, 16);
    j.updated = opt(q, 17);
    j.unchanged = opt(q, 18);
    j.errors = opt(q, 19);
    j.error_code = q.text(20);
    j.error_zh = q.text(21);
    j.error_en = q.text(22);
    j.report = q.text(23);
    j.uploaded_at = q.i64(24);
    j.started_at = q.i64(25);
    j.finished_at = q.i64(26);
    out.push_back(std::move(j));
  }
  return out;
}

int64_t PgStore::interrupt_import_jobs(int64_t at, const std::string& zh, const std::string& en) {
  std::lock_guard lock(mu_);
  return c_->query(
               "UPDATE import_jobs SET state = 'interrupted', error_code = 'interrupted', error_zh = $1, error_en = $2,"
               " finished_at = $3 WHERE state IN ('checking', 'committing')",
               Params().add(zh).add(en).add(at))
      .affected();
}

Id PgStore::save_import_template(const ImportTemplate& t) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  Result found = c_->query("SELECT id FROM import_templates WHERE entity = $1 AND lower(trim(name)) = lower(trim($2))",
                           Params().add(t.entity).add(t.name));
  Id id = found.empty() ? 0 : found.row(0).i64(0);
  if (id) {
    c_->query("UPDATE import_templates SET mapping = $1, \"user\" = $2, at = $3 WHERE id = $4",
              Params().add(t.mapping).add_id(t.user).add(t.at).add(id));
  } else {
    id = next_id(*c_, "import_templates");
    c_->query("INSERT INTO import_templates(id, entity, name, mapping, \"user\", at) VALUES ($1,$2,$3,$4,$5,$6)",
              Params().add(id).add(t.entity).add(t.name).add(t.mapping).add_id(t.user).add(t.at));
  }
  write_audit(*c_, {t.at, t.user, "import_template", t.entity + "/" + t.name, "", t.mapping});
  tx.commit();
  return id;
}

std::vector<Store::ImportTemplate> PgStore::import_templates(const std::string& entity) {
  auto rd = reader();
  Result r = rd.c.query(
      "SELECT t.id, t.entity, t.name, t.mapping, t.\"user\", COALESCE(u.login, ''), t.at FROM import_templates t"
      " LEFT JOIN users u ON u.id = t.\"user\" WHERE $1::text = '' OR t.entity = $1"
      " ORDER BY t.entity, lower(t.name), t.id",
      Params().add(entity));
  std::vector<ImportTemplate> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row q = r.row(i);
    out.push_back({q.i64(0), q.text(1), q.text(2), q.text(3), q.id(4), q.text(5), q.i64(6)});
  }
  return out;
}

bool PgStore::delete_import_template(Id id, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  Result found = c_->query("SELECT entity, name, mapping FROM import_templates WHERE id = $1", Params().add(id));
  if (found.empty()) return false;
  const std::string key = found.row(0).text(0) + "/" + found.row(0).text(1), old = found.row(0).text(2);
  c_->query("DELETE FROM import_templates WHERE id = $1", Params().add(id));
  write_audit(*c_, {at, user, "import_template", key, old, ""});
  tx.commit();
  return true;
}

}  // namespace sl::store::pg
