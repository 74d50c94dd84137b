// An opportunities row as the store reads it: the columns in order and the reader of one row,
// shared by the snapshot load (dataset_load.cpp) and the 商机维护 drawer (opportunity_reads.cpp).
// The stage history is read separately.
#pragma once
#include "store/sqlite/stmt.h"
#include "store/store.h"

namespace sl::store::sqlite {

// "SELECT <every column> FROM opportunities " — append the WHERE/ORDER BY.
extern const char* const kOpportunityCols;
model::Opportunity read_opportunity(const Stmt& q);

}  // namespace sl::store::sqlite
