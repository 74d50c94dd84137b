// `salesloop render --db DB --as LOGIN --page do/progress [--param k=v …] --lang zh-CN|en
// --format pdf|png --out FILE`: a page as its pushed report, in that user's scope (as the
// server would show it to them), without a subscription — to look at the rendering.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>

#include "api/context.h"
#include "app/cli_errors.h"
#include "app/commands.h"
#include "api/do_tables.h"
#include "jobs/render/doc_leaderboard.h"
#include "jobs/render/doc_progress.h"
#include "jobs/render/render.h"
#include "publish/snapshot_holder.h"
#include "store/store.h"

namespace sl::app {

namespace {

std::string param(const std::map<std::string, std::string>& ps, const std::string& k, const std::string& fallback) {
  auto it = ps.find(k);
  return it == ps.end() ? fallback : it->second;
}

using Params = std::map<std::string, std::string>;

jobs::ReportDoc progress_doc(const engine::Snapshot& snap, const engine::Scope& scope, const Params& ps,
                             const Period& period, Date as_of, model::Role role, const jobs::render::DocContext& ctx) {
  analytics::ProgressParams p;
  p.as_of = as_of;
  p.period = period;
  // The level a role opens on, as on the page (progress_api.cpp).
  const std::string level = param(ps, "level", role == model::Role::rep       ? "rep"
                                               : role == model::Role::manager ? "region"
                                                                              : "company");
  p.level = level == "rep"      ? analytics::ProgressLevel::rep
            : level == "region" ? analytics::ProgressLevel::region
                                : analytics::ProgressLevel::company;
  p.metric = param(ps, "metric", "sales") == "collection" ? model::TargetMetric::collection : model::TargetMetric::sales;
  p.region = std::stoll(param(ps, "region", "0"));
  return jobs::render::progress_doc(snap, scope, p, ctx);
}

jobs::ReportDoc leaderboard_doc(const engine::Snapshot& snap, const engine::Scope& scope, const Params& ps,
                                const Period& period, Date as_of, const jobs::render::DocContext& ctx) {
  const auto metric = analytics::parse_board_metric(param(ps, "metric", "sales"));
  if (!metric) throw AppError(422, "invalid", "metric", "未知排名指标", "Unknown ranking metric");
  analytics::DoFilter f;
  f.region = std::stoll(param(ps, "region", "0"));
  const engine::Scope narrowed = analytics::narrow_scope(snap, scope, f);  // as the page's board_scope
  const analytics::BoardResult b = analytics::leaderboard(snap, narrowed, {period, as_of, *metric});
  return jobs::render::leaderboard_doc(b, {api::board_table(b, "reps", *metric), api::board_table(b, "regions", *metric)},
                                       *metric, api::metric_unit(*metric), period, as_of, ctx);
}

}  // namespace

int render_page(const RenderOptions& o) {
  if (o.page != "do/progress" && o.page != "do/leaderboard") {
    std::cerr << "error: render knows the pages do/progress and do/leaderboard (暂仅支持 do/progress 和 do/leaderboard)\n";
    return 2;
  }
  std::map<std::string, std::string> ps;
  for (const auto& kv : o.params) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos) {
      std::cerr << "error: --param wants k=v, got " << kv << " (参数应为 k=v)\n";
      return 2;
    }
    ps[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  if (!database_exists(o.db)) return 1;
  return run_reporting([&] {
    auto store = store::open_store(o.db);
    auto user = store->find_user_by_login(o.login);
    if (!user) throw AppError(404, "not_found", "as", "没有这个用户：" + o.login, "No such user: " + o.login);
    publish::SnapshotHolder snapshots(*store);
    snapshots.reload();
    const auto snap = snapshots.current();
    const engine::Scope scope = api::scope_for(user->user, *snap);

    const auto as_of = parse_date(param(ps, "as_of", format_date(local_today())));
    if (!as_of) throw AppError(422, "invalid", "as_of", "as_of 应为 YYYY-MM-DD", "as_of must be YYYY-MM-DD");
    const auto period = parse_period(param(ps, "period", format_month(Month::of(*as_of))));
    if (!period) throw AppError(422, "invalid", "period", "period 无法识别", "period is not a period");
    const Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
    const std::string link = o.base_url + "/" + o.page + "?period=" + period->label() + "&as_of=" + format_date(*as_of);
    auto make_doc = [&]() -> jobs::ReportDoc {
      if (o.page == "do/leaderboard") return leaderboard_doc(*snap, scope, ps, *period, *as_of, {lang, "", link});
      return progress_doc(*snap, scope, ps, *period, *as_of, user->user.role, {lang, "", link});
    };
    const jobs::ReportDoc doc = make_doc();
    const std::string bytes = o.format == "png" ? jobs::render_chart_png(doc.charts.at(0), 960, 480) : jobs::render_pdf(doc);
    if (o.repeat > 0) {
      // What one recipient costs: the document from the analysis, the PDF and two inline
      // charts (the e-mail's), after the first render (fonts loaded) — docs/performance.md.
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu_start = std::clock();
      size_t sink = 0;
      for (int i = 0; i < o.repeat; ++i) {
        const jobs::ReportDoc again = make_doc();
        sink += jobs::render_pdf(again).size();
        for (int k = 0; k < 2; ++k) sink += jobs::render_chart_png(again.charts.at(0), 960, 480).size();
      }
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      const double cpu_ms = static_cast<double>(std::clock() - cpu_start) * 1000.0 / CLOCKS_PER_SEC;
      std::cout << "one recipient (document + PDF + 2 chart PNGs): " << cpu_ms / o.repeat << " ms CPU, "
                << ms / o.repeat << " ms wall, over " << o.repeat << " runs (" << sink << " bytes)\n";
    }
    std::ofstream(o.out, std::ios::binary) << bytes;
    std::cout << "rendered " << o.page << " for " << o.login << " (" << bytes.size() << " bytes) to " << o.out << "\n";
    return 0;
  });
}

}  // namespace sl::app
