#include "app/cli.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string_view>

#include "app/cli_errors.h"
#include "app/commands.h"
#include "core/error.h"

namespace sl::app {

int run_cli(int argc, char** argv) {
  // Logs go to stderr: stdout carries the answers (demo logins, user lists) scripts read.
  spdlog::set_default_logger(spdlog::stderr_color_mt("salesloop"));
  CLI::App app{"salesloop — PDCA sales-operations management"};
  app.require_subcommand(1);

  ServeOptions serve_o;
  auto* serve_cmd = app.add_subcommand("serve", "Run the HTTP server");
  serve_cmd->add_option("--db", serve_o.db, "SQLite database file")->required();
  serve_cmd->add_option("--host", serve_o.host, "Address to listen on");
  serve_cmd->add_option("--port", serve_o.port, "Port to listen on (0 = any free port)");
  serve_cmd->add_option("--web", serve_o.web_dir, "Built web app (default: web/dist)");
  serve_cmd->add_option("--today", serve_o.today, "Pin today's date (YYYY-MM-DD), for tests");
  serve_cmd->add_option("--result-cache", serve_o.result_cache,
                        "Dashboard results kept per Snapshot (default 512; 0 = off, also for whole answers, to measure "
                        "the uncached path)");
  serve_cmd->add_option("--max-upload-mb", serve_o.max_upload_mb, "Largest import file accepted, in MB (default 200)")
      ->check(CLI::Range(1, 100000));
  serve_cmd->add_option("--workers", serve_o.workers, "Handler threads for reads (default 4; writes have 2 more)")
      ->check(CLI::Range(1, 256));
  serve_cmd
      ->add_option("--max-connections-per-client", serve_o.max_connections_per_client,
                   "Open connections one client address may hold (default 256; trusted proxies are not capped)")
      ->check(CLI::Range(1, 100000));
  serve_cmd->add_option(
      "--trusted-proxy", serve_o.trusted_proxies,
      "Address of a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto are believed (repeatable)");
  serve_cmd
      ->add_option(
          "--secure-cookie", serve_o.secure_cookie,
          "Secure session cookie: auto (when X-Forwarded-Proto: https comes from a trusted proxy), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  serve_cmd
      ->add_option("--forecast-lock-day", serve_o.forecast_lock_day,
                   "Day of the month on which that month's forecasts lock, 00:00 Beijing time (default 3)")
      ->check(CLI::Range(1, 28));

  DemoOptions demo_o;
  auto* demo_cmd = app.add_subcommand("demo", "Create a database with the demo data set");
  demo_cmd->add_option("--db", demo_o.db, "SQLite database file to create")->required();
  demo_cmd->add_option("--seed", demo_o.seed, "Random seed");
  demo_cmd->add_option("--scale", demo_o.scale, "small | medium | large")
      ->check(CLI::IsMember({"small", "medium", "large"}));
  demo_cmd->add_option("--as-of", demo_o.as_of, "Last day of the data (YYYY-MM-DD, default today)");

  auto* user_cmd = app.add_subcommand("user", "Manage users");
  user_cmd->require_subcommand(1);
  UserOptions user_o;
  auto* add = user_cmd->add_subcommand("add", "Add a user; the password is read from stdin");
  add->add_option("--db", user_o.db)->required();
  add->add_option("--login", user_o.login)->required();
  add->add_option("--role", user_o.role)->required()->check(CLI::IsMember({"admin", "executive", "manager", "rep"}));
  add->add_option("--name", user_o.name, "Display name (default: the login)");
  add->add_option("--email", user_o.email, "Email address for pushed reports");
  add->add_option("--region", user_o.region, "Region id (managers)");
  add->add_option("--rep", user_o.rep, "Rep id (reps)");
  auto* passwd = user_cmd->add_subcommand("passwd", "Set a user's password, read from stdin");
  passwd->add_option("--db", user_o.db)->required();
  passwd->add_option("--login", user_o.login)->required();
  auto* list = user_cmd->add_subcommand("list", "List users");
  list->add_option("--db", user_o.db)->required();

  InitOptions init_o;
  auto* init_cmd = app.add_subcommand("init", "Create an empty database (no demo data) and its first admin");
  init_cmd->add_option("--db", init_o.db, "SQLite database file to create")->required();
  init_cmd->add_option("--login", init_o.login, "The admin's login; the password is read from stdin")->required();
  init_cmd->add_option("--name", init_o.name, "The admin's display name (default: the login)");

  ExportOptions export_o;
  auto* export_cmd =
      app.add_subcommand("export", "Write one entity as the CSV or XLSX file `import` reads (docs/import.md)");
  export_cmd->add_option("--db", export_o.db, "SQLite database file")->required();
  export_cmd->add_option("--entity", export_o.entity, "regions, reps, customers, … (docs/import.md)")->required();
  export_cmd->add_option("--file", export_o.file, "F.csv or F.xlsx")->required();

  ImportOptions import_o;
  auto* import_cmd = app.add_subcommand("import", "Read one entity from a CSV or XLSX file (docs/import.md)");
  import_cmd->add_option("--db", import_o.db, "SQLite database file")->required();
  import_cmd->add_option("--entity", import_o.entity, "regions, reps, customers, … (docs/import.md)")->required();
  import_cmd->add_option("--file", import_o.file, "F.csv or F.xlsx")->required();
  import_cmd->add_option("--sheet", import_o.sheet, "XLSX: the sheet (default: the first)");
  import_cmd->add_option("--map", import_o.map, "MAP.json: {\"field\": \"column header\"} (default: guessed)");
  import_cmd->add_option("--encoding", import_o.encoding, "CSV: utf-8, gbk or gb18030 (default: detected)");
  import_cmd->add_option("--delimiter", import_o.delimiter, "CSV: , ; | tab or another character (default: detected)");
  import_cmd->add_flag("--dry-run", import_o.dry_run, "Check every row, write nothing");
  import_cmd->add_option("--report", import_o.report, "Write the errors to OUT.xlsx (or .csv)");

  MigrateOptions migrate_o;
  auto* migrate_cmd = app.add_subcommand(
      "migrate", "Copy every table into an empty database (SQLite ⇄ PostgreSQL) and compare counts and checksums");
  migrate_cmd->add_option("--from", migrate_o.from, "Source: SQLite file or postgresql:// URL (only read)")->required();
  migrate_cmd->add_option("--to", migrate_o.to, "Target: SQLite file or postgresql:// URL, empty")->required();

  auto* routes_cmd = app.add_subcommand("routes", "List the HTTP routes, one \"METHOD /pattern\" a line");

  JobsOptions jobs_o;  // A1: the scheduler's jobs, once
  auto* jobs_cmd = app.add_subcommand("jobs", "Scheduled jobs");
  jobs_cmd->require_subcommand(1);
  auto* jobs_run_cmd = jobs_cmd->add_subcommand("run", "Run the scheduled jobs once (metric-goal checks)");
  jobs_run_cmd->add_option("--db", jobs_o.db, "SQLite database file")->required();
  jobs_run_cmd->add_option("--today", jobs_o.today, "Pin today's date (YYYY-MM-DD)");

  RenderOptions render_o;
  auto* render_cmd = app.add_subcommand("render", "Draw a page as its pushed report in one user's scope (docs/render.md)");
  render_cmd->add_option("--db", render_o.db, "SQLite database file")->required();
  render_cmd->add_option("--as", render_o.login, "The user whose scope the report shows")->required();
  render_cmd->add_option("--page", render_o.page, "A page with a pushed report: do/progress, do/leaderboard")->required();
  render_cmd->add_option("--param", render_o.params, "The page's parameter k=v (as_of, period, level, metric, region)");
  render_cmd->add_option("--lang", render_o.lang, "zh-CN | en")->check(CLI::IsMember({"zh-CN", "en"}));
  render_cmd->add_option("--format", render_o.format, "pdf | png (the chart)")->check(CLI::IsMember({"pdf", "png"}));
  render_cmd->add_option("--base-url", render_o.base_url, "The server's address for the report's link");
  render_cmd->add_option("--out", render_o.out, "Output file")->required();
  render_cmd->add_option("--repeat", render_o.repeat, "Also time this many renders of one recipient")
      ->check(CLI::Range(0, 10000));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    // The data-in commands (issue 12) promise exit code 2 for bad usage; the older ones keep CLI11's.
    const bool data_in = argc > 1 && (std::string_view(argv[1]) == "init" || std::string_view(argv[1]) == "export" ||
                                      std::string_view(argv[1]) == "import" ||
                                      std::string_view(argv[1]) == "migrate");
    return rc != 0 && data_in ? 2 : rc;
  }
  return run_reporting(
      [&] {
        if (*serve_cmd) return serve(serve_o);
        if (*demo_cmd) return demo(demo_o);
        if (*add) return user_add(user_o);
        if (*passwd) return user_passwd(user_o);
        if (*list) return user_list(user_o.db);
        if (*jobs_run_cmd) return jobs_run(jobs_o);
        if (*routes_cmd) return routes();
        if (*init_cmd) return init(init_o);
        if (*export_cmd) return export_entity(export_o);
        if (*import_cmd) return import_file(import_o);
        if (*render_cmd) return render_page(render_o);
        if (*migrate_cmd) return migrate(migrate_o);
        return 1;
      },
      [](const AppError&) { return 2; });
}

}  // namespace sl::app
