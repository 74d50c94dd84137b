// `salesloop import` into PostgreSQL (import_pg.cpp); open_import_db picks it for a URL.
#pragma once
#include <memory>
#include <string>

#include "ingest/import_db.h"

namespace sl::ingest {

std::unique_ptr<ImportDb> open_pg_import_db(const std::string& url);

}  // namespace sl::ingest
