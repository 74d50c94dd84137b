// The 数据导入 page's files (imports_api.cpp): an upload checked and kept as an ImportJob, its
// columns and guessed mapping as JSON, and tables sent back as CSV/XLSX downloads (blank
// templates, exports, the error report) through the same writer as the CLI (ingest/table_file.h).
#pragma once
#include <boost/json.hpp>
#include <string>

#include "api/import_jobs.h"
#include "http/request.h"
#include "ingest/export.h"

namespace sl::api {

// The request's file (the server's upload file, or the body) checked as a CSV or XLSX by its
// name (?name=) and content, its header row read; 422 (field "file") when it is neither, is
// broken or empty; ?encoding= and ?delimiter= choose how a CSV is read (422 on those fields for
// an unknown one). The job's file is left in `dir`.
ImportJob take_upload(http::Request& req, const std::string& dir);

// The sheets, header row and guessed mapping of the job's file for an entity: every field
// with its column (or null) and candidates. 422 for an unknown entity or sheet.
boost::json::object columns_json(const ImportJob& job, const std::string& entity, const std::string& sheet);

// A table as a download (format "csv" or "xlsx", else 422 on "format") named name.csv|xlsx,
// its XLSX sheet called `sheet`; written in `dir` and read back.
http::Response table_download(const ingest::TextTable& t, const std::string& format, const std::string& name,
                              const std::string& sheet, const std::string& dir);

// A CSV or XLSX file (by its extension) as a download named name.csv|xlsx.
http::Response file_download(const std::string& path, const std::string& name);

// The mapping of a request ([{"field", "column"}, …] or {"field": "column"}) checked against
// the entity and the file's header (when given): 422 naming the field ("map.<field>") for an
// unknown field, a column the file lacks, a field given two columns or a column given to two
// fields. A field with an empty or null column is left unmapped.
ColumnMap read_column_map(const boost::json::value& v, const std::string& entity,
                          const std::vector<std::string>* headers);
boost::json::array column_map_json(const ColumnMap& m);

// The header row of the job's file (sheet: XLSX only).
std::vector<std::string> header_row(const ImportJob& job, const std::string& sheet);

}  // namespace sl::api
