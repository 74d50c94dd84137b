// The import page's jobs (store.h, task import2): one row per uploaded file and its last run.
// Not data: plain statements, the data version stays, no audit row.
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

constexpr const char* kColumns =
    "name, format, sha256, size, user, login, entity, sheet, state, run, phase, rows_read, rows_checked, "
    "rows_written, rows, inserted, updated, unchanged, errors, error_code, error_zh, error_en, report, uploaded_at, "
    "started_at, finished_at";

Stmt& bind_opt(Stmt& s, int i, const std::optional<int64_t>& v) { return v ? s.bind(i, *v) : s.bind_null(i); }

// Binds the record's columns as ?1 … ?26, in kColumns' order.
void bind_job(Stmt& s, const Store::ImportJobRecord& j) {
  s.bind(1, j.name).bind(2, j.format).bind(3, j.sha256).bind(4, j.size).bind_id(5, j.user).bind(6, j.login);
  s.bind(7, j.entity).bind(8, j.sheet).bind(9, j.state).bind(10, j.run).bind(11, j.phase);
  s.bind(12, j.rows_read).bind(13, j.rows_checked).bind(14, j.rows_written);
  bind_opt(s, 15, j.rows);
  bind_opt(s, 16, j.inserted);
  bind_opt(s, 17, j.updated);
  bind_opt(s, 18, j.unchanged);
  bind_opt(s, 19, j.errors);
  s.bind(20, j.error_code).bind(21, j.error_zh).bind(22, j.error_en).bind(23, j.report);
  s.bind(24, j.uploaded_at).bind(25, j.started_at).bind(26, j.finished_at);
}

std::optional<int64_t> opt(const Stmt& q, int c) {
  if (q.is_null(c)) return std::nullopt;
  return q.i64(c);
}

}  // namespace

Id SqliteStore::add_import_job(const ImportJobRecord& j) {
  std::lock_guard lock(mu_);
  Stmt ins(db_, std::string("INSERT INTO import_jobs(") + kColumns +
                    ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)");
  bind_job(ins, j);
  ins.run();
  return sqlite3_last_insert_rowid(db_);
}

void SqliteStore::save_import_job(const ImportJobRecord& j) {
  std::lock_guard lock(mu_);
  Stmt up(db_,
          "UPDATE import_jobs SET name = ?1, format = ?2, sha256 = ?3, size = ?4, user = ?5, login = ?6, entity = ?7,"
          " sheet = ?8, state = ?9, run = ?10, phase = ?11, rows_read = ?12, rows_checked = ?13, rows_written = ?14,"
          " rows = ?15, inserted = ?16, updated = ?17, unchanged = ?18, errors = ?19, error_code = ?20, error_zh = ?21,"
          " error_en = ?22, report = ?23, uploaded_at = ?24, started_at = ?25, finished_at = ?26 WHERE id = ?27");
  bind_job(up, j);
  up.bind(27, j.id).run();
}

std::vector<Store::ImportJobRecord> SqliteStore::import_jobs(int64_t limit) {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT id, ") + kColumns + " FROM import_jobs ORDER BY id DESC LIMIT ?");
  q.bind(1, limit);
  std::vector<ImportJobRecord> out;
  while (q.step()) {
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

int64_t SqliteStore::interrupt_import_jobs(int64_t at, const std::string& zh, const std::string& en) {
  std::lock_guard lock(mu_);
  Stmt up(db_,
          "UPDATE import_jobs SET state = 'interrupted', error_code = 'interrupted', error_zh = ?, error_en = ?,"
          " finished_at = ? WHERE state IN ('checking', 'committing')");
  up.bind(1, zh).bind(2, en).bind(3, at).run();
  return sqlite3_changes(db_);
}

}  // namespace sl::store::sqlite
