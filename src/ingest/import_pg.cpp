// The PostgreSQL side of `salesloop import`: ingest's ImportDb over store/postgres's
// ImportWriter, which translates the importers' statements and writes them in one DataTx.
#include "ingest/import_pg.h"

#include "store/postgres/import_writer.h"

namespace sl::ingest {

namespace {

class PgImportDb : public ImportDb {
 public:
  explicit PgImportDb(const std::string& url) : w_(url) {}
  bool has_column(const std::string& table, const std::string& column) override { return w_.has_column(table, column); }
  std::vector<SqlRow> query(const std::string& sql) override { return w_.query(sql); }
  int64_t data_version() override { return w_.data_version(); }
  void commit(const WriteSource& writes, const ImportAudit& audit, int64_t read_at,
              const std::function<void(int64_t)>& written) override {
    w_.commit(
        [&](const store::pg::ImportWriter::Write& put) {
          writes.each_write([&](const SqlWrite& x) { put(x.sql, x.values); });
        },
        audit.entity, audit_json(audit), read_at, written, kWriteStep);
  }

 private:
  store::pg::ImportWriter w_;
};

}  // namespace

std::unique_ptr<ImportDb> open_pg_import_db(const std::string& url) { return std::make_unique<PgImportDb>(url); }

}  // namespace sl::ingest
