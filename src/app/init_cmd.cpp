// `salesloop init --db PATH --login L`: a new company's empty database (the schema of the
// migrations, no demo data) with its first admin, whose password comes on stdin.
#include <filesystem>
#include <iostream>
#include <system_error>

#include "app/cli_errors.h"
#include "app/commands.h"
#include "auth/password.h"
#include "core/error.h"
#include "model/keys.h"
#include "store/store.h"

namespace sl::app {

namespace {
void remove_database(const std::string& db) {
  std::error_code ec;  // best effort: the files may not exist
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);
}
}  // namespace

int init(const InitOptions& o) {
  try {
    model::validate_login(o.login);  // a bad --login is bad usage, like a missing one
  } catch (const AppError& e) {
    print_error(e);
    return 2;
  }
  std::error_code ec;
  bool existed = std::filesystem::exists(o.db, ec);
  if (existed && std::filesystem::file_size(o.db, ec) > 0) {
    std::cerr << "error: " << o.db << " already exists and is not empty; init makes a new database ("
              << "数据库文件已存在且非空，init 只创建新数据库)\n";
    return 1;
  }
  return run_reporting([&] {
    std::string hash = auth::hash_password(read_password(o.login));
    try {
      auto store = store::open_store(o.db);
      model::User admin;
      admin.login = o.login;
      admin.display_name = o.name.empty() ? o.login : o.name;
      admin.role = model::Role::admin;
      store->add_user(admin, hash);
      std::cout << "created " << o.db << " (schema version " << store->schema_version() << ", no data) with admin "
                << o.login << "\n";
    } catch (...) {
      remove_database(o.db);  // nothing half-made: no database rather than one without its admin
      throw;
    }
    return 0;
  });
}

}  // namespace sl::app
