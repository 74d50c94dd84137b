// A users row as the store reads it: the columns in order and the reader of one row, shared
// by the lookups (sqlite_store.cpp) and the administration writes (users_admin.cpp).
#pragma once
#include "store/sqlite/stmt.h"
#include "store/store.h"

namespace sl::store::sqlite {

// "SELECT <every column> FROM users " — append the WHERE/ORDER BY.
extern const char* const kUserCols;
UserRecord read_user(const Stmt& q);

}  // namespace sl::store::sqlite
