// The one place that picks a backend: a postgresql:// or postgres:// URL (libpq's
// connection URI) is PostgreSQL, anything else a SQLite file ("path", "sqlite:path",
// ":memory:"). Callers see only the Store interface.
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace sl::store {

bool is_postgres_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> open_store(const std::string& url) {
  std::unique_ptr<Store> s;
  if (is_postgres_url(url))
    s = std::make_unique<pg::PgStore>(url);
  else
    s = std::make_unique<sqlite::SqliteStore>(url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url);
  s->migrate();
  return s;
}

}  // namespace sl::store
