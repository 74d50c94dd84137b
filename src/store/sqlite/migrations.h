// The schema as an ordered list of SQLite scripts: the dialect stays with its backend.
// Script i (0-based) upgrades the database to version i+1. Never edit a released script:
// append a new one.
#pragma once
#include <string>
#include <vector>

namespace sl::store::sqlite {

const std::vector<std::string>& migrations();

}  // namespace sl::store::sqlite
