// The CLI subcommands, one per file.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace sl::app {

struct ServeOptions {
  std::string db, host = "127.0.0.1", web_dir;
  uint16_t port = 8080;
  std::string today;          // YYYY-MM-DD; empty = the real date (tests pin it)
  size_t result_cache = 512;  // api::ResultCache capacity; 0 = off
  int workers = 4;            // handler threads for reads (writes have 2 of their own)
  int max_connections_per_client = 256;
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For/-Proto count
  std::string secure_cookie = "auto";        // auto | always | never
  size_t max_upload_mb = 200;                // the import page's upload limit (413 above it)
  int forecast_lock_day = 3;                 // P5: forecasts of a month lock on this day
};
int serve(const ServeOptions& o);

struct DemoOptions {
  std::string db, scale = "small", as_of;
  uint64_t seed = 1;
};
int demo(const DemoOptions& o);

struct UserOptions {
  std::string db, login, role, name, email;
  int64_t region = 0, rep = 0;
};
int user_add(const UserOptions& o);
int user_passwd(const UserOptions& o);
int user_list(const std::string& db);
// One line of stdin, checked against the password policy (AppError 422 when it fails).
std::string read_password(const std::string& login);

// `salesloop init` (init_cmd.cpp): a new empty database and its first admin. Exit codes:
// 0 made, 1 refused or failed (the database exists and is not empty, a weak password, a
// write error; nothing is left behind), 2 bad usage.
struct InitOptions {
  std::string db, login, name;
};
int init(const InitOptions& o);

// `salesloop export` (export_cmd.cpp): one entity as the file `import` reads. Exit codes: 0
// written, 1 failed (no such database, cannot write), 2 bad usage (unknown entity, a file
// name not ending in .csv or .xlsx).
struct ExportOptions {
  std::string db, entity, file;
};
int export_entity(const ExportOptions& o);

// `salesloop import` (import_cmd.cpp): one file of one entity into the database. Exit codes:
// 0 committed (or a dry run without errors), 1 a row has an error (nothing written) or the
// file or database cannot be read, 2 bad usage.
struct ImportOptions {
  std::string db, entity, file, sheet, map, report;
  std::string encoding, delimiter;  // CSV: empty = detected
  bool dry_run = false;
};
int import_file(const ImportOptions& o);

// A1: `salesloop jobs run` (jobs_cmd.cpp) runs the scheduler's jobs once.
struct JobsOptions {
  std::string db, today;
};
int jobs_run(const JobsOptions& o);

// `salesloop render` (render_cmd.cpp): a page as its pushed report (PDF, or its chart as PNG)
// in one user's scope. Exit codes: 0 written, 1 failed, 2 bad usage.
struct RenderOptions {
  std::string db, login, page, lang = "zh-CN", format = "pdf", out, base_url = "http://127.0.0.1:8080";
  std::vector<std::string> params;  // k=v
  int repeat = 0;                   // > 0: also time this many renders (docs/performance.md)
};
int render_page(const RenderOptions& o);

// `salesloop migrate` (migrate_cmd.cpp): every table of --from copied into the empty --to,
// then counts and checksums compared. Exit codes: 0 equal, 1 refused/failed/differs, 2 bad usage.
struct MigrateOptions {
  std::string from, to;
};
int migrate(const MigrateOptions& o);

// `salesloop routes` (routes_cmd.cpp): the HTTP routes, one "METHOD /pattern" a line.
int routes();

// Today in the server's local calendar.
Date local_today();

}  // namespace sl::app
