#include "store/postgres/foreign_keys.h"

namespace sl::store::pg {

std::vector<ForeignKey> foreign_keys(Conn& c, const std::vector<std::string>& tables) {
  std::string list;
  for (const auto& t : tables) list += (list.empty() ? "'" : ",'") + t + "'";
  const std::string which =
      list.empty() ? ""
                   : " AND (conrelid::regclass::text IN (" + list + ") OR confrelid::regclass::text IN (" + list + "))";
  Result r = c.query(
      "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
      " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace" +
      which + " ORDER BY 1, 2");
  std::vector<ForeignKey> out;
  for (int i = 0; i < r.rows(); ++i) {
    const std::string table = r.row(i).text(0), name = r.row(i).text(1), def = r.row(i).text(2);
    out.push_back({"ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"",
                   "ALTER TABLE " + table + " ADD CONSTRAINT \"" + name + "\" " + def});
  }
  return out;
}

}  // namespace sl::store::pg
