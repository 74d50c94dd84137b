// The schema as an ordered list of SQL scripts. Script i (0-based) upgrades the database
// to version i+1. Never edit a released script: append a new one.
#pragma once
#include <string>
#include <vector>

namespace sl::store {

const std::vector<std::string>& sqlite_migrations();

}  // namespace sl::store
