#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <unistd.h>

#include "api/alerts.h"
#include "api/routes.h"
#include "app/commands.h"
#include "http/server.h"
#include "api/subscriptions.h"
#include "jobs/goal_checker.h"
#include "jobs/push/outbox.h"
#include "jobs/scheduler.h"
#include "ingest/import_sqlite.h"

namespace sl::app {

Date local_today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

namespace {
std::string find_web_dir(const std::string& given) {
  if (!given.empty()) return given;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (auto candidate : {std::filesystem::path("web/dist"), exe.parent_path() / "../web/dist"})
    if (std::filesystem::exists(candidate / "index.html", ec))
      return std::filesystem::weakly_canonical(candidate, ec).string();
  return "";
}
}  // namespace

int serve(const ServeOptions& o) {
  std::optional<Date> pinned;
  if (!o.today.empty()) {
    pinned = parse_date(o.today);
    if (!pinned) throw std::runtime_error("--today must be a date as YYYY-MM-DD");
  }
  store::prefetch(o.db);  // cold start: read the file in order once if it is not cached
  auto store = store::open_store(o.db);
  store->delete_expired_sessions(std::time(nullptr));
  publish::SnapshotHolder snapshots(*store);
  snapshots.reload();
  auth::Auth auth(*store);
  api::Context ctx{*store, auth, snapshots, [pinned] { return pinned ? *pinned : local_today(); }};
  ctx.secure_cookie = o.secure_cookie;
  ctx.db = o.db;
  ctx.upload_dir = (std::filesystem::temp_directory_path() / ("salesloop-uploads-" + std::to_string(::getpid()))).string();
  ctx.forecast_lock_day = o.forecast_lock_day;
  ctx.results.set_capacity(o.result_cache);
  if (o.result_cache == 0) ctx.bodies.set_capacity(0);
  http::Router router;
  api::register_routes(router, ctx);

  http::ServerConfig cfg;
  cfg.host = o.host;
  cfg.port = o.port;
  cfg.static_dir = find_web_dir(o.web_dir);
  cfg.read_workers = o.workers;
  cfg.max_connections_per_client = o.max_connections_per_client;
  cfg.trusted_proxies = o.trusted_proxies;
  cfg.upload_paths = {"/api/v1/imports"};  // the import page's files stream to disk (imports_api.cpp)
  cfg.upload_limit = o.max_upload_mb * 1024 * 1024;
  cfg.upload_dir = ctx.upload_dir;
  if (cfg.static_dir.empty()) spdlog::warn("no built web app found (web/dist): serving the API only");
  http::Server server(cfg, router);
  // The scheduled jobs below run on one server at a time when several share a database
  // (store::Store::run_claimed: an advisory lock per kind on PostgreSQL), and each skips what
  // an earlier run recorded, so nothing runs or is sent twice (issue 15).
  auto claimed = [&store](const char* kind, std::function<void()> job) {
    return [&store, kind, job = std::move(job)] { store->run_claimed(kind, job); };
  };
  // A1: metric goals are checked at start and every minute, on the published snapshot.
  jobs::Scheduler scheduler(
      claimed("goal_checks",
              [&] {
                auto run = jobs::check_due_goals(*store, *snapshots.current(), ctx.today(), std::time(nullptr));
                if (run.checked > 0) spdlog::info("goal checks: {} recorded", run.checked);
                for (const auto& e : run.errors) spdlog::warn("goal check: {}", http::log_safe(e));
              }),
      std::chrono::minutes(1), [](const std::string& e) { spdlog::error("scheduled jobs: {}", http::log_safe(e)); });
  // Push (issue 14): due subscriptions are run every 20 s (each run claimed once in the store);
  // the outbox sends what is due every second. Rendered files older than keep_days are dropped.
  jobs::Scheduler subscriptions(
      claimed("subscriptions",
              [&] {
                const int64_t now = std::time(nullptr);
                if (int runs = api::run_due_subscriptions(ctx, now); runs > 0)
                  spdlog::info("subscriptions: {} run(s)", runs);
                store->forget_delivery_files(now - int64_t{86400} * jobs::retry_policy(*store).keep_days);
              }),
      std::chrono::seconds(20), [](const std::string& e) { spdlog::error("subscriptions: {}", http::log_safe(e)); });
  jobs::Outbox outbox(*store);
  jobs::Scheduler outbox_worker(
      claimed("outbox",
              [&] {
                if (int sent = outbox.run_once(std::time(nullptr)); sent > 0) spdlog::info("outbox: {} sent", sent);
              }),
      std::chrono::seconds(1), [](const std::string& e) { spdlog::error("outbox: {}", http::log_safe(e)); });
  // Alerts (issue 14): checked every alert_check_minutes (a push setting, 60 by default), and
  // woken by every new published Snapshot (any write: forms, imports, targets, another
  // server's write caught up) and every rule write; off the request threads. The tick runs a
  // check only when one of those moved or the period is due.
  int64_t alerts_seen_version = -1, alerts_seen_rules = -1, alerts_next = 0;
  jobs::Scheduler alert_checks(
      [&] {
        const int64_t now = std::time(nullptr), version = snapshots.current()->version,
                      rules = api::alert_rules_generation();
        if (version == alerts_seen_version && rules == alerts_seen_rules && now < alerts_next) return;
        // Another server checking now: ours runs at the next wake-up or period.
        store->run_claimed("alerts", [&] {
          alerts_seen_version = version;  // before the check: a failing one waits for the next change
          alerts_seen_rules = rules;
          alerts_next = now + int64_t{60} * api::alert_check_minutes(*store);
          const auto run = api::check_alerts(ctx, now);
          if (run.opened + run.closed > 0) spdlog::info("alerts: {} opened, {} closed", run.opened, run.closed);
          for (const auto& e : run.errors) spdlog::warn("alert check: {}", http::log_safe(e));
        });
      },
      std::chrono::seconds(60), [](const std::string& e) { spdlog::error("alert checks: {}", http::log_safe(e)); });
  snapshots.on_publish([&alert_checks](int64_t) { alert_checks.wake(); });
  api::on_alert_rules_changed([&alert_checks] { alert_checks.wake(); });
  // Several servers on one database: another server's write is caught up here (nullptr on
  // SQLite). A failed catch-up (the database went away mid-rebuild) is thrown back to the
  // watch, which reconnects and reports the version again.
  auto watch = store->watch_data([&snapshots](int64_t version) {
    try {
      snapshots.catch_up(version);
    } catch (const std::exception& e) {
      spdlog::warn("catching up to data version {}: {}", version, http::log_safe(e.what()));
      throw;
    }
  });
  // `salesloop import` writes beside the server: the next Snapshot within a second of it.
  ingest::ImportWatch imports(o.db);
  jobs::Scheduler import_watch(
      [&] {
        if (imports.changed()) snapshots.reload();
      },
      std::chrono::seconds(1), [](const std::string& e) { spdlog::error("data watch: {}", http::log_safe(e)); });
  spdlog::info("salesloop listening on http://{}:{}/", cfg.host, server.port());
  server.run();
  api::on_alert_rules_changed(nullptr);
  spdlog::info("salesloop stopped");
  return 0;
}

}  // namespace sl::app
