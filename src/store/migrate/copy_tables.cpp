#include "store/migrate/copy_tables.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/error.h"
#include "store/migrate/canonical.h"
#include "store/migrate/tables.h"
#include "store/store.h"

namespace sl::store::migrate {

bool Report::ok() const {
  return std::all_of(tables.begin(), tables.end(), [](const TableReport& t) { return t.ok(); });
}

// One-row tables a migration seeds (versions, the import job id counter): emptied on the target
// and copied from the source like the rest.
bool filled_by_migrations(const std::string& table) {
  return table == "schema_version" || table == "data_version" || table == "import_job_ids";
}

void refuse_not_empty(const std::string& table, int64_t rows) {
  const std::string n = std::to_string(rows);
  throw AppError(409, "not_empty", "to",
                 "目标数据库不是空的（表 " + table + " 有 " + n + " 行）：migrate 只写入空数据库",
                 "The target database is not empty (table " + table + " holds " + n +
                     " rows): migrate writes only into an empty database");
}

std::string ordered_select(const Table& t, const std::function<std::string(const std::string&)>& quote,
                           std::string_view text_suffix, std::string_view other_suffix) {
  std::string cols, order;
  for (const auto& c : t.columns) cols += (cols.empty() ? "" : ", ") + quote(c.name);
  for (const auto& o : t.order) {
    Kind k = Kind::text;
    for (const auto& c : t.columns)
      if (c.name == o) k = c.kind;
    order += (order.empty() ? "" : ", ") + quote(o);
    order += k == Kind::text ? text_suffix : other_suffix;
  }
  return "SELECT " + cols + " FROM \"" + t.name + "\" ORDER BY " + order;
}

std::vector<Table> in_fk_order(std::vector<Table> tables) {
  std::set<std::string> placed, known;
  for (const auto& t : tables) known.insert(t.name);
  std::vector<Table> out;
  while (!tables.empty()) {
    auto ready = std::find_if(tables.begin(), tables.end(), [&](const Table& t) {
      return std::all_of(t.parents.begin(), t.parents.end(),
                         [&](const std::string& p) { return placed.count(p) || !known.count(p); });
    });
    if (ready == tables.end()) ready = tables.begin();  // a cycle: the keys are checked at the end anyway
    placed.insert(ready->name);
    out.push_back(std::move(*ready));
    tables.erase(ready);
  }
  return out;
}

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::unique_ptr<Side> open_side(const std::string& url, bool read_only) {
  if (is_postgres_url(url)) return pg_side(url);
  return sqlite_side(url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url, read_only);
}

// The target's tables in the source's order; the two schemas must have the same columns.
std::vector<Table> matching(const std::vector<Table>& from, const std::vector<Table>& to) {
  std::map<std::string, const Table*> by_name;
  for (const auto& t : to) by_name[t.name] = &t;
  auto differ = [](const std::string& what) -> AppError {
    return AppError(409, "schema_differs", "to", "两个数据库的表结构不同（" + what + "）",
                    "The two databases' schemas differ (" + what + ")");
  };
  if (from.size() != to.size())
    throw differ(std::to_string(from.size()) + " / " + std::to_string(to.size()) + " tables");
  std::vector<Table> out;
  for (const auto& f : from) {
    auto it = by_name.find(f.name);
    if (it == by_name.end()) throw differ(f.name);
    const Table& t = *it->second;
    bool same = t.columns.size() == f.columns.size();
    for (size_t c = 0; same && c < t.columns.size(); ++c) {
      auto plain = [](Kind k) { return k == Kind::date ? Kind::text : k; };  // a date is text in SQLite
      same = t.columns[c].name == f.columns[c].name && plain(t.columns[c].kind) == plain(f.columns[c].kind);
    }
    if (!same) throw differ(f.name);
    out.push_back(t);
  }
  return out;
}

// Reads every row of `t`, into its checksum and to `also`; progress every million rows.
TableReport read_table(Side& side, const Table& t, std::ostream& progress, const RowFn& also, bool source) {
  Checksum sum(t);
  const auto start = Clock::now();
  side.scan(t, [&](const Row& r) {
    sum.add(r);
    if (also) also(r);
    if (sum.rows() % 1000000 == 0) progress << "  " << t.name << ": " << sum.rows() << " rows…" << std::endl;
  });
  if (sum.rows() >= 100000)
    progress << "  " << t.name << ": " << sum.rows() << " rows in " << since(start) << " s" << std::endl;
  TableReport r;
  r.table = t.name;
  (source ? r.from_rows : r.to_rows) = sum.rows();
  (source ? r.from_md5 : r.to_md5) = sum.hex();
  return r;
}

}  // namespace

Report copy_database(const std::string& from, const std::string& to, std::ostream& progress) {
  if (from == to)
    throw AppError(400, "invalid_field", "to", "源数据库与目标数据库相同",
                   "The source and the target are the same database");
  open_store(to);  // the schema of the migrations (a new SQLite file is made here)
  auto src = open_side(from, true);
  auto dst = open_side(to, false);
  src->begin_read();
  const int sv = src->schema_version(), dv = dst->schema_version();
  if (sv != dv)
    throw AppError(409, "schema_version", "from",
                   "源数据库的表结构版本为 " + std::to_string(sv) + "，本程序为 " + std::to_string(dv) +
                       "：请先用本版本打开源数据库（例如 salesloop serve）完成升级",
                   "The source's schema version is " + std::to_string(sv) + ", this salesloop's " + std::to_string(dv) +
                       ": open the source once with this version (e.g. salesloop serve) to upgrade it");
  const std::vector<Table> from_tables = in_fk_order(src->tables());
  const std::vector<Table> to_tables = matching(from_tables, dst->tables());
  Report rep;
  auto start = Clock::now();
  progress << "copying " << from_tables.size() << " tables from " << src->name() << " to " << dst->name() << std::endl;
  dst->begin(to_tables);
  for (size_t i = 0; i < from_tables.size(); ++i) {
    auto w = dst->writer(to_tables[i]);
    rep.tables.push_back(read_table(
        *src, from_tables[i], progress, [&](const Row& r) { w->put(r); }, true));
    w->finish();
  }
  progress << "checking foreign keys and committing…" << std::endl;
  const auto committing = Clock::now();
  dst->commit();
  progress << "  committed in " << since(committing) << " s" << std::endl;
  rep.copy_seconds = since(start);
  start = Clock::now();
  progress << "reading the target back for the checksums…" << std::endl;
  for (size_t i = 0; i < to_tables.size(); ++i) {
    TableReport back = read_table(*dst, to_tables[i], progress, {}, false);
    rep.tables[i].to_rows = back.to_rows;
    rep.tables[i].to_md5 = back.to_md5;
  }
  rep.check_seconds = since(start);
  return rep;
}

}  // namespace sl::store::migrate
