// The PostgreSQL schema: the SQLite migration scripts (store/sqlite/migrations.cpp) put
// through a small dialect map, so both backends have the same versions, tables and columns.
#pragma once
#include <string>
#include <vector>

namespace sl::store::pg {

// One SQLite script in PostgreSQL's dialect (see migrations.cpp for the map).
std::string translate(const std::string& sqlite_script);

// Every version's script, translated; index = version - 1.
const std::vector<std::string>& migrations();

// Tables that SQLite reads back in rowid (insertion) order and that have no id: PostgreSQL
// gives them a `rowid` identity column to order by (the one column SQLite's tables lack).
const std::vector<std::string>& rowid_tables();

}  // namespace sl::store::pg
