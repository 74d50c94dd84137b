// `salesloop export --db PATH --entity ENTITY --file F.csv|F.xlsx` (issue 12): one entity in
// the shape `salesloop import` reads (src/ingest/export.h, docs/import.md).
#include <filesystem>
#include <iostream>

#include "app/cli_errors.h"
#include "app/commands.h"
#include "core/error.h"
#include "ingest/export.h"
#include "ingest/table_file.h"
#include "store/store.h"

namespace sl::app {

int export_entity(const ExportOptions& o) {
  if (!ingest::find_entity(o.entity)) {
    std::cerr << "error: unknown entity " << o.entity << " (未知的数据类型)\n";
    return 2;
  }
  try {
    ingest::check_table_file_name(o.file);  // before the load, so a wrong name costs nothing
  } catch (const AppError& e) {
    print_error(e);
    return 2;
  }
  if (!database_exists(o.db)) return 1;
  return run_reporting([&] {
    auto store = store::open_store(o.db);
    ingest::TextTable t = ingest::export_entity(store->load_dataset(), o.entity);
    ingest::write_table_file(t, o.file, o.entity);
    std::cout << "exported " << t.rows.size() << " rows of " << o.entity << " to " << o.file << "\n";
    return 0;
  });
}

}  // namespace sl::app
