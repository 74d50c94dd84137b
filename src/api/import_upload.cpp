#include "api/import_upload.h"

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "api/export.h"
#include "auth/auth.h"
#include "ingest/file_hash.h"
#include "ingest/guess.h"
#include "ingest/row_source.h"
#include "ingest/table_file.h"
#include "ingest/xlsx_reader.h"

namespace sl::api {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::atomic<uint64_t> g_files{1};

std::string temp_name(const std::string& dir, const std::string& what, const std::string& ext) {
  return (fs::path(dir) / (what + "-" + std::to_string(g_files.fetch_add(1)) + ext)).string();
}

std::string lower_ext(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

AppError bad_file(const std::string& zh, const std::string& en) { return AppError(422, "unreadable_file", "file", zh, en); }

// Removes the file unless released: an upload refused half-way leaves nothing behind.
struct FileGuard {
  std::string path;
  ~FileGuard() {
    std::error_code ec;
    if (!path.empty()) fs::remove(path, ec);
  }
};

std::string head_bytes(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string out(n, '\0');
  in.read(out.data(), static_cast<std::streamsize>(n));
  out.resize(static_cast<size_t>(in.gcount()));
  return out;
}

const ingest::Entity& entity_of(const std::string& name) {
  const ingest::Entity* e = ingest::find_entity(name);
  if (!e) throw invalid_field("entity", "未知的数据类型：" + name, "Unknown entity: " + name);
  return *e;
}

const char* match_kind(ingest::MatchKind k) {
  switch (k) {
    case ingest::MatchKind::exact: return "exact";
    case ingest::MatchKind::contains: return "contains";
    case ingest::MatchKind::given: return "given";
  }
  return "";
}

}  // namespace

std::vector<std::string> header_row(const ImportJob& job, const std::string& sheet) {
  ingest::ReadOptions o;
  o.sheet = sheet;
  o.encoding = job.encoding;
  o.delimiter = job.delimiter;
  auto rows = ingest::open_rows(job.file, o);
  ingest::Row r;
  if (!rows->next(r)) throw bad_file("文件是空的：没有表头行", "The file is empty: no header row");
  return r.cells;
}

ImportJob take_upload(http::Request& req, const std::string& dir) {
  ImportJob job;
  job.name = req.query_value("name", req.header("x-file-name"));
  if (job.name.empty() || job.name.size() > 255)
    throw invalid_field("name", "请在 ?name= 中给出文件名（不超过 255 字节）",
                        "Give the file's name in ?name= (at most 255 bytes)");
  const std::string ext = lower_ext(job.name);
  if (ext == ".csv" || ext == ".txt")
    job.format = "csv";
  else if (ext == ".xlsx")
    job.format = "xlsx";
  else
    throw bad_file("只能导入 CSV 或 XLSX 文件：" + job.name, "Only CSV and XLSX files can be imported: " + job.name);
  ingest::ReadOptions csv;
  ingest::set_csv_choices(csv, req.query_value("encoding"), req.query_value("delimiter"));
  job.encoding = csv.encoding;
  job.delimiter = csv.delimiter;
  FileGuard guard;
  if (!req.body_file.empty()) {
    guard.path = std::move(req.body_file);
    req.body_file.clear();
  } else {  // not through the server's upload path (a handler test): the body as it came
    fs::create_directories(dir);
    guard.path = temp_name(dir, "upload", ".part");
    std::ofstream(guard.path, std::ios::binary) << req.body;
  }
  job.file = guard.path;
  job.size = static_cast<int64_t>(fs::file_size(job.file));
  if (job.size == 0) throw bad_file("文件是空的：" + job.name, "The file is empty: " + job.name);
  const std::string head = head_bytes(job.file, 64 * 1024);
  const bool zip = head.rfind("PK\3\4", 0) == 0;
  if (job.format == "xlsx" && !zip)
    throw bad_file("不是有效的 XLSX 文件（已损坏，或不是 Excel 工作簿）：" + job.name,
                   "Not a valid XLSX file (broken, or not an Excel workbook): " + job.name);
  const bool utf16 = head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0;
  if (job.format == "csv" && (zip || (!utf16 && head.find('\0') != std::string::npos)))
    throw bad_file("不是 CSV 文本文件：" + job.name, "Not a CSV text file: " + job.name);
  try {
    header_row(job, "");
  } catch (const AppError& e) {
    if (e.field != "file") throw;
    // The reader's message names our temp file: name the upload instead.
    throw bad_file("无法读取文件 " + job.name + "：" + e.zh, "Cannot read " + job.name + ": " + e.en);
  }
  job.sha256 = ingest::file_sha256(job.file);
  job.uploaded_at = auth::system_clock_seconds();
  guard.path.clear();
  return job;
}

json::object columns_json(const ImportJob& job, const std::string& entity, const std::string& sheet) {
  const ingest::Entity& e = entity_of(entity);
  json::array sheets;
  std::string sheet_name;
  std::vector<std::string> headers;
  if (job.format == "xlsx") {
    ingest::XlsxOptions o;
    o.sheet = sheet;
    ingest::XlsxReader x(job.file, o);
    for (const auto& n : x.sheet_names()) sheets.emplace_back(n);
    sheet_name = x.sheet();
    ingest::Row r;
    if (!x.next(r)) throw bad_file("工作表是空的：没有表头行", "The sheet is empty: no header row");
    headers = r.cells;
  } else {
    headers = header_row(job, "");
  }
  const ingest::Mapping m = ingest::guess_mapping(e, headers);
  json::array fields;
  for (size_t i = 0; i < e.fields.size(); ++i) {
    const ingest::Field& f = e.fields[i];
    std::set<size_t> cand;
    if (auto c = m.column_of(i)) cand.insert(*c);
    for (const auto& a : m.ambiguous)
      if (std::find(a.fields.begin(), a.fields.end(), i) != a.fields.end()) cand.insert(a.columns.begin(), a.columns.end());
    json::array candidates, aliases;
    for (size_t c : cand)
      if (c < headers.size()) candidates.emplace_back(headers[c]);
    for (const auto& a : f.aliases) aliases.emplace_back(a);
    const ingest::ColumnMatch* hit = m.match_of(i);
    fields.push_back(json::object{{"name", f.name},
                                  {"type", ingest::type_label(f)},
                                  {"required", f.required},
                                  {"aliases", std::move(aliases)},
                                  {"example", f.example},
                                  {"column", hit && hit->column < headers.size() ? json::value(headers[hit->column])
                                                                                 : json::value(nullptr)},
                                  {"match", hit ? json::value(match_kind(hit->kind)) : json::value(nullptr)},
                                  {"candidates", std::move(candidates)}});
  }
  json::array hs, unmapped;
  for (const auto& h : headers) hs.emplace_back(h);
  for (size_t c : m.unmapped_columns)
    if (c < headers.size()) unmapped.emplace_back(headers[c]);
  return json::object{{"entity", e.name},  {"sheets", std::move(sheets)},     {"sheet", sheet_name},
                      {"headers", std::move(hs)}, {"fields", std::move(fields)}, {"unmapped", std::move(unmapped)}};
}

ColumnMap read_column_map(const json::value& v, const std::string& entity, const std::vector<std::string>* headers) {
  const ingest::Entity& e = entity_of(entity);
  ColumnMap pairs;
  auto text = [](const json::value& x, const std::string& field) -> std::string {
    if (x.is_null()) return "";
    if (!x.is_string()) throw invalid_field(field, "映射的列名应为文本", "A mapped column must be text");
    return std::string(x.as_string());
  };
  if (v.is_object()) {
    for (const auto& [k, col] : v.as_object()) pairs.emplace_back(std::string(k), text(col, "map." + std::string(k)));
  } else if (v.is_array()) {
    for (const auto& item : v.as_array()) {
      if (!item.is_object() || !item.as_object().contains("field") || !item.as_object().at("field").is_string())
        throw invalid_field("map", "映射应为 [{\"field\": 字段, \"column\": 列名}, …]",
                            "The map must be [{\"field\": …, \"column\": …}, …]");
      const std::string f(item.as_object().at("field").as_string());
      const json::value* col = item.as_object().if_contains("column");
      pairs.emplace_back(f, col ? text(*col, "map." + f) : "");
    }
  } else {
    throw invalid_field("map", "映射应为 [{\"field\": 字段, \"column\": 列名}, …]",
                        "The map must be [{\"field\": …, \"column\": …}, …]");
  }
  ColumnMap out;
  std::map<std::string, std::string> column_of, field_of;  // field → column, column → field
  for (const auto& [f, col] : pairs) {
    const std::string at = "map." + f;
    if (!ingest::find_field(e, f))
      throw invalid_field(at, "没有这个字段：" + f + "（" + e.zh + "）", "No such field of " + e.en + ": " + f);
    if (col.empty()) continue;  // the field left unmapped
    if (headers && std::find(headers->begin(), headers->end(), col) == headers->end())
      throw invalid_field(at, "文件中没有列「" + col + "」（字段 " + f + "）", "The file has no column \"" + col + "\" (field " + f + ")");
    if (auto it = column_of.find(f); it != column_of.end())
      throw invalid_field(at, "字段 " + f + " 对应了两列：" + it->second + "、" + col,
                          "Two columns map to the field " + f + ": " + it->second + ", " + col);
    if (auto it = field_of.find(col); it != field_of.end())
      throw invalid_field(at, "列「" + col + "」同时对应字段 " + it->second + " 和 " + f,
                          "The column \"" + col + "\" maps to two fields: " + it->second + " and " + f);
    column_of[f] = col;
    field_of[col] = f;
    out.emplace_back(f, col);
  }
  return out;
}

json::array column_map_json(const ColumnMap& m) {
  json::array out;
  for (const auto& [f, c] : m) out.push_back(json::object{{"field", f}, {"column", c}});
  return out;
}

http::Response file_download(const std::string& path, const std::string& name) {
  const std::string format = lower_ext(path).substr(1);
  std::ifstream in(path, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  http::Response r;
  r.content_type = format == "csv" ? "text/csv; charset=utf-8"
                                   : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = body.str();
  r.headers.push_back({"Content-Disposition", disposition(name, format)});
  return r;
}

http::Response table_download(const ingest::TextTable& t, const std::string& format, const std::string& name,
                              const std::string& sheet, const std::string& dir) {
  if (format != "csv" && format != "xlsx")
    throw invalid_field("format", "格式应为 xlsx 或 csv", "format must be xlsx or csv");
  fs::create_directories(dir);
  FileGuard file{temp_name(dir, "download", "." + format)};
  ingest::write_table_file(t, file.path, sheet);
  return file_download(file.path, name);
}

}  // namespace sl::api
