// `salesloop migrate --from DB --to DB`: a whole database copied between SQLite and
// PostgreSQL (either way) into an empty one, then a table of each table's row counts and
// checksums on both sides. Exit codes: 0 copied and every table equal, 1 refused, failed or
// a table differs, 2 bad usage.
#include <iomanip>
#include <iostream>

#include "app/cli_errors.h"
#include "app/commands.h"
#include "store/migrate/copy_tables.h"

namespace sl::app {

int migrate(const MigrateOptions& o) {
  if (!database_exists(o.from)) return 1;
  return run_reporting([&] {
    const auto rep = store::migrate::copy_database(o.from, o.to, std::cerr);
    int64_t rows = 0;
    std::cout << std::left << std::setw(26) << "table" << std::right << std::setw(12) << "from rows" << std::setw(12)
              << "to rows"
              << "  " << std::left << std::setw(34) << "md5"
              << "check\n";
    for (const auto& t : rep.tables) {
      rows += t.from_rows;
      std::cout << std::left << std::setw(26) << t.table << std::right << std::setw(12) << t.from_rows << std::setw(12)
                << t.to_rows << "  " << std::left << std::setw(34) << t.from_md5
                << (t.ok() ? "ok" : "MISMATCH (target " + t.to_md5 + ")") << "\n";
    }
    std::cout << std::fixed << std::setprecision(1) << "copied " << rep.tables.size() << " tables, " << rows
              << " rows in " << rep.copy_seconds << " s, checked in " << rep.check_seconds
              << " s: " << (rep.ok() ? "every count and checksum equal" : "TABLES DIFFER") << "\n";
    return rep.ok() ? 0 : 1;
  });
}

}  // namespace sl::app
