// `salesloop import --db PATH --entity ENTITY --file F [--sheet NAME] [--map MAP.json]
// [--encoding E] [--delimiter D] [--dry-run] [--report OUT.xlsx]` (issue 12): one file of one entity into the database
// (src/ingest/import.h). Prints one summary line "inserted N, updated N, unchanged N,
// errors N"; progress and the first errors go to stderr.
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli_errors.h"
#include "app/commands.h"
#include "core/error.h"
#include "ingest/entities.h"
#include "ingest/file_hash.h"
#include "ingest/import.h"
#include "ingest/table_file.h"
#include "ingest/import_sqlite.h"

namespace sl::app {

namespace {

constexpr size_t kErrorsShown = 20;

// MAP.json: {"field": "column header", …}, in the file's order. AppError 422 (field "map")
// when it cannot be read or is not such an object.
std::vector<std::pair<std::string, std::string>> read_map(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto v = boost::json::parse(text.str(), ec);
  if (!in || ec || !v.is_object())
    throw invalid_field("map", "映射文件应为 {\"字段\": \"表头\"} 形式的 JSON：" + path,
                        "The map file must be a JSON object {\"field\": \"header\"}: " + path);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, h] : v.as_object()) {
    if (!h.is_string())
      throw invalid_field("map", "映射的表头应为文本：" + std::string(k),
                          "A map's header must be text: " + std::string(k));
    out.emplace_back(std::string(k), std::string(h.as_string()));
  }
  return out;
}

}  // namespace

int import_file(const ImportOptions& o) {
  ingest::ImportRequest req;
  req.entity = o.entity;
  req.file = o.file;
  req.read.sheet = o.sheet;
  req.dry_run = o.dry_run;
  req.today = local_today();
  req.progress = [](const std::string& line) { std::cerr << "import: " << line << "\n"; };
  try {  // bad usage: exit 2
    if (!ingest::find_entity(o.entity))
      throw invalid_field("entity", "未知的数据类型：" + o.entity, "Unknown entity: " + o.entity);
    if (!o.report.empty()) ingest::check_table_file_name(o.report);
    ingest::set_csv_choices(req.read, o.encoding, o.delimiter);
    if (!o.map.empty()) req.map = read_map(o.map);
  } catch (const AppError& e) {
    print_error(e);
    return 2;
  }
  if (!database_exists(o.db)) return 1;
  return run_reporting(
      [&] {
        req.sha256 = ingest::file_sha256(o.file);
        auto db = ingest::open_import_db(o.db);
        ingest::ImportResult r = ingest::run_import(req, *db);
        for (size_t i = 0; i < r.errors.size() && i < kErrorsShown; ++i) {
          const auto& e = r.errors[i];
          std::cerr << "row " << e.row << (e.column.empty() ? "" : ", " + e.column) << ": " << e.error.en << " ("
                    << e.error.zh << ")\n";
        }
        if (r.errors.size() > kErrorsShown)
          std::cerr << "… " << r.errors.size() - kErrorsShown << " more errors"
                    << (o.report.empty() ? "" : " in the report") << "\n";
        if (!o.report.empty()) ingest::write_table_file(ingest::error_table(r), o.report, "errors");
        std::cout << "inserted " << r.inserted << ", updated " << r.updated << ", unchanged " << r.unchanged
                  << ", errors " << r.errors.size() << "\n";
        if (!r.errors.empty()) {
          if (!o.dry_run) std::cerr << "nothing written: fix the rows above and import again (未写入任何数据)\n";
          return 1;
        }
        return 0;
      },
      [](const AppError& e) { return e.field == "entity" ? 2 : 1; });
}

}  // namespace sl::app
