// The import page's named mapping templates (store.h, schema version 8): saved and read with
// their audit rows. Not data: a plain transaction, the data version stays.
#include "core/error.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

Id SqliteStore::save_import_template(const ImportTemplate& t) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt find(db_, "SELECT id FROM import_templates WHERE entity = ? AND lower(trim(name)) = lower(trim(?))");
  find.bind(1, t.entity).bind(2, t.name);
  Id id = find.step() ? find.i64(0) : 0;
  find.reset();
  if (id) {
    Stmt up(db_, "UPDATE import_templates SET mapping = ?, user = ?, at = ? WHERE id = ?");
    up.bind(1, t.mapping).bind_id(2, t.user).bind(3, t.at).bind(4, id).run();
  } else {
    Stmt ins(db_, "INSERT INTO import_templates(entity, name, mapping, user, at) VALUES (?,?,?,?,?)");
    ins.bind(1, t.entity).bind(2, t.name).bind(3, t.mapping).bind_id(4, t.user).bind(5, t.at).run();
    id = sqlite3_last_insert_rowid(db_);
  }
  write_audit(db_, {t.at, t.user, "import_template", t.entity + "/" + t.name, "", t.mapping});
  tx.commit();
  return id;
}

std::vector<Store::ImportTemplate> SqliteStore::import_templates(const std::string& entity) {
  auto rd = reader();
  Stmt q(rd.db,
         "SELECT t.id, t.entity, t.name, t.mapping, t.user, COALESCE(u.login, ''), t.at FROM import_templates t"
         " LEFT JOIN users u ON u.id = t.user WHERE ? = '' OR t.entity = ? ORDER BY t.entity, lower(t.name), t.id");
  q.bind(1, entity).bind(2, entity);
  std::vector<ImportTemplate> out;
  while (q.step()) out.push_back({q.i64(0), q.text(1), q.text(2), q.text(3), q.id(4), q.text(5), q.i64(6)});
  return out;
}

bool SqliteStore::delete_import_template(Id id, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt find(db_, "SELECT entity, name, mapping FROM import_templates WHERE id = ?");
  find.bind(1, id);
  if (!find.step()) return false;
  const std::string key = find.text(0) + "/" + find.text(1), old = find.text(2);
  find.reset();
  Stmt del(db_, "DELETE FROM import_templates WHERE id = ?");
  del.bind(1, id).run();
  write_audit(db_, {at, user, "import_template", key, old, ""});
  tx.commit();
  return true;
}

}  // namespace sl::store::sqlite
