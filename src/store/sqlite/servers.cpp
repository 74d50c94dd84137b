// Several servers on one database (issue 15) as SQLite sees them: one process owns the file,
// so jobs always run here and no other server commits beside it (a CLI import is watched by
// ingest::ImportWatch).
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/stmt.h"

namespace sl::store::sqlite {

bool SqliteStore::ping() {
  try {
    auto rd = reader();
    Stmt q(rd.db, "SELECT 1");
    const bool ok = q.step() && q.i64(0) == 1;
    q.reset();
    return ok;
  } catch (...) {
    return false;
  }
}

bool SqliteStore::run_claimed(const std::string&, const std::function<void()>& job) {
  job();
  return true;
}

std::unique_ptr<Store::Watch> SqliteStore::watch_data(std::function<void(int64_t)>) { return nullptr; }

}  // namespace sl::store::sqlite
