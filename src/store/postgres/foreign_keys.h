// The foreign keys of the current schema as statements to drop them and to add them back.
// Bulk writes (the demo's data set, `migrate`) drop them, COPY, and add them again: a
// deferred check at COMMIT is one trigger call per row (10M contract lines: many minutes);
// re-adding a constraint checks all rows with one join (seconds).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "store/postgres/conn.h"

namespace sl::store::pg {

struct ForeignKey {
  std::string drop, add;  // "ALTER TABLE … DROP CONSTRAINT …", "ALTER TABLE … ADD CONSTRAINT …"
};

// The keys on or into `tables`; every key of the schema when `tables` is empty.
std::vector<ForeignKey> foreign_keys(Conn& c, const std::vector<std::string>& tables = {});

}  // namespace sl::store::pg
