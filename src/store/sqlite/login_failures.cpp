// Failed logins (the throttle's counters) and the case-insensitive unique keys added after
// the fact to contract codes and logins.
#include <iostream>

#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

Store::FailureCount SqliteStore::login_failures(const std::string& key, int64_t since) {
  auto rd = reader();
  Stmt q(rd.db,
         "SELECT COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM login_failures WHERE key = ? AND at >= ?");
  q.bind(1, key).bind(2, since);
  FailureCount c;
  if (q.step()) c = FailureCount{static_cast<int>(q.i64(0)), q.i64(1), q.i64(2)};
  q.reset();
  return c;
}

void SqliteStore::add_login_failure(const std::string& key, int64_t at, int64_t forget_before) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt del(db_, "DELETE FROM login_failures WHERE at < ?");
  del.bind(1, forget_before).run();
  Stmt ins(db_, "INSERT INTO login_failures(key, at) VALUES (?, ?)");
  ins.bind(1, key).bind(2, at).run();
  tx.commit();
}

void SqliteStore::clear_login_failures(const std::string& key) {
  std::lock_guard lock(mu_);
  Stmt del(db_, "DELETE FROM login_failures WHERE key = ?");
  del.bind(1, key).run();
}

namespace {
// Creates a unique index on `expr` unless it exists; when existing rows would break it, says
// which ones on stderr and leaves the table as it is (the application still refuses new
// duplicates, and the next start tries again once they are resolved).
void unique_key(sqlite3* db, const char* index, const char* table, const char* expr, const char* what) {
  Stmt has(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  has.bind(1, index);
  const bool exists = has.step();
  has.reset();
  if (exists) return;
  Stmt dup(db, std::string("SELECT ") + expr + ", COUNT(*) FROM " + table +
                   " GROUP BY 1 HAVING COUNT(*) > 1 ORDER BY 1 LIMIT 20");
  std::string found;
  int n = 0;
  while (dup.step()) found += (n++ ? ", " : "") + ("'" + dup.text(0) + "' × " + std::to_string(dup.i64(1)));
  if (n) {
    std::cerr << "warning: " << what << " are not unique (case and spaces ignored): " << found << (n == 20 ? ", …" : "")
              << "; rename them, then restart to add the unique index " << index << "\n";
    return;
  }
  exec(db, std::string("CREATE UNIQUE INDEX ") + index + " ON " + table + "(" + expr + ")");
}
}  // namespace

void SqliteStore::ensure_unique_keys_locked() {
  unique_key(db_, "contracts_code_key", "contracts", "lower(trim(code))", "contract codes");
  unique_key(db_, "customers_code_key", "customers", "lower(trim(code))", "customer codes");
  unique_key(db_, "products_code_key", "products", "lower(trim(code))", "product codes");
  unique_key(db_, "users_login_key", "users", "lower(login)", "user logins");
}

}  // namespace sl::store::sqlite
