// The import page's jobs (store.h, task import2): one row per uploaded file and its last run.
// Not data: plain statements, the data version stays, no audit row. The columns are named once
// (kFields): the INSERT, the upsert and the SELECT are made from that list, and one function
// binds a record and one reads it back.
#include <stdexcept>
#include <string>
#include <variant>

#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

using Job = Store::ImportJobRecord;

// A column and the record's member it holds; `user` is an Id (NULL for 0).
struct IdMember {
  Id Job::*member;
};
using Member = std::variant<std::string Job::*, int64_t Job::*, std::optional<int64_t> Job::*, IdMember>;
struct FieldSpec {
  const char* column;
  Member member;
};

const FieldSpec kFields[] = {
    {"name", &Job::name},
    {"format", &Job::format},
    {"sha256", &Job::sha256},
    {"size", &Job::size},
    {"user", IdMember{&Job::user}},
    {"login", &Job::login},
    {"entity", &Job::entity},
    {"sheet", &Job::sheet},
    {"state", &Job::state},
    {"run", &Job::run},
    {"phase", &Job::phase},
    {"rows_read", &Job::rows_read},
    {"rows_checked", &Job::rows_checked},
    {"rows_written", &Job::rows_written},
    {"rows", &Job::rows},
    {"inserted", &Job::inserted},
    {"updated", &Job::updated},
    {"unchanged", &Job::unchanged},
    {"errors", &Job::errors},
    {"error_code", &Job::error_code},
    {"error_zh", &Job::error_zh},
    {"error_en", &Job::error_en},
    {"report", &Job::report},
    {"uploaded_at", &Job::uploaded_at},
    {"started_at", &Job::started_at},
    {"finished_at", &Job::finished_at},
};
constexpr int kCount = static_cast<int>(std::size(kFields));

template <class... F>
struct Visit : F... {
  using F::operator()...;
};
template <class... F>
Visit(F...) -> Visit<F...>;

// "name, format, …" and "?1, ?2, …" in kFields' order.
std::string column_list() {
  std::string s;
  for (const auto& f : kFields) s += std::string(s.empty() ? "" : ", ") + f.column;
  return s;
}
std::string marks() {
  std::string s;
  for (int i = 1; i <= kCount; ++i) s += (i > 1 ? ",?" : "?") + std::to_string(i);
  return s;
}

// The record's columns as ?1 … ?kCount; its id, when bound, is ?kCount+1.
void bind_job(Stmt& s, const Job& j) {
  for (int i = 0; i < kCount; ++i)
    std::visit(Visit{[&](std::string Job::*m) { s.bind(i + 1, j.*m); }, [&](int64_t Job::*m) { s.bind(i + 1, j.*m); },
                     [&](std::optional<int64_t> Job::*m) {
                       if (j.*m)
                         s.bind(i + 1, *(j.*m));
                       else
                         s.bind_null(i + 1);
                     },
                     [&](IdMember m) { s.bind_id(i + 1, j.*m.member); }},
               kFields[i].member);
}

// A row of "SELECT id, <column_list()>".
Job read_job(const Stmt& q) {
  Job j;
  j.id = q.i64(0);
  for (int i = 0; i < kCount; ++i) {
    const int c = i + 1;
    std::visit(Visit{[&](std::string Job::*m) { j.*m = q.text(c); }, [&](int64_t Job::*m) { j.*m = q.i64(c); },
                     [&](std::optional<int64_t> Job::*m) {
                       if (!q.is_null(c)) j.*m = q.i64(c);
                     },
                     [&](IdMember m) { j.*m.member = q.id(c); }},
               kFields[i].member);
  }
  return j;
}

// n ids from the counter (never below an id stored: a row saved with its own id, task import3),
// inside the caller's transaction.
Id take_ids(sqlite3* db, int64_t n) {
  Stmt up(db,
          "UPDATE import_job_ids SET next_id = max(next_id, (SELECT coalesce(max(id), 0) + 1 FROM import_jobs)) + ?1"
          " RETURNING next_id - ?1");
  up.bind(1, n);
  if (!up.step()) throw std::runtime_error("import_job_ids: no counter row");
  const Id first = up.i64(0);
  up.reset();
  return first;
}

}  // namespace

Id SqliteStore::add_import_job(const ImportJobRecord& j) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  const Id id = take_ids(db_, 1);
  Stmt ins(db_, "INSERT INTO import_jobs(" + column_list() + ", id) VALUES (" + marks() + ",?" +
                    std::to_string(kCount + 1) + ")");
  bind_job(ins, j);
  ins.bind(kCount + 1, id).run();
  tx.commit();
  return id;
}

Id SqliteStore::reserve_import_job_ids(int64_t n) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  const Id first = take_ids(db_, n);
  tx.commit();
  return first;
}

int64_t SqliteStore::settle_committed_import_jobs(int64_t at) {
  std::lock_guard lock(mu_);
  Stmt up(db_,
          "UPDATE import_jobs SET state = 'committed', phase = 'committed',"
          " finished_at = ? WHERE state = 'committing' AND EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'import'"
          " AND a.new_value LIKE '{\"job\":' || import_jobs.id || ',%')");
  up.bind(1, at).run();
  return sqlite3_changes(db_);
}

void SqliteStore::save_import_job(const ImportJobRecord& j) {
  std::string set;
  for (const auto& f : kFields) set += std::string(set.empty() ? "" : ", ") + f.column + " = excluded." + f.column;
  std::lock_guard lock(mu_);
  Stmt up(db_, "INSERT INTO import_jobs(" + column_list() + ", id) VALUES (" + marks() + ",?" +
                   std::to_string(kCount + 1) + ") ON CONFLICT(id) DO UPDATE SET " + set);
  bind_job(up, j);
  up.bind(kCount + 1, j.id).run();
}

std::vector<Store::ImportJobRecord> SqliteStore::import_jobs(int64_t limit) {
  auto rd = reader();
  Stmt q(rd.db, "SELECT id, " + column_list() + " FROM import_jobs ORDER BY id DESC LIMIT ?");
  q.bind(1, limit);
  std::vector<ImportJobRecord> out;
  while (q.step()) out.push_back(read_job(q));
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
