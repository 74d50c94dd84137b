// `salesloop render --db DB --as LOGIN --page do/progress [--param k=v …] --lang zh-CN|en
// --format pdf|png --out FILE`: a page as its pushed report, in that user's scope (as the
// server would show it to them), without a subscription — to look at the rendering.
#include <fstream>
#include <iostream>
#include <map>

#include "api/context.h"
#include "app/cli_errors.h"
#include "app/commands.h"
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

}  // namespace

int render_page(const RenderOptions& o) {
  if (o.page != "do/progress") {
    std::cerr << "error: render knows the page do/progress only (暂仅支持 do/progress)\n";
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

    analytics::ProgressParams p;
    const auto as_of = parse_date(param(ps, "as_of", format_date(local_today())));
    if (!as_of) throw AppError(422, "invalid", "as_of", "as_of 应为 YYYY-MM-DD", "as_of must be YYYY-MM-DD");
    p.as_of = *as_of;
    const auto period = parse_period(param(ps, "period", format_month(Month::of(p.as_of))));
    if (!period) throw AppError(422, "invalid", "period", "period 无法识别", "period is not a period");
    p.period = *period;
    const model::Role role = user->user.role;
    const std::string level = param(ps, "level", role == model::Role::rep       ? "rep"
                                                 : role == model::Role::manager ? "region"
                                                                                : "company");
    p.level = level == "rep" ? analytics::ProgressLevel::rep
              : level == "region" ? analytics::ProgressLevel::region
                                  : analytics::ProgressLevel::company;
    p.metric = param(ps, "metric", "sales") == "collection" ? model::TargetMetric::collection : model::TargetMetric::sales;
    p.region = std::stoll(param(ps, "region", "0"));

    jobs::render::DocContext ctx{o.lang == "en" ? Lang::en : Lang::zh, "",
                                 o.base_url + "/do/progress?period=" + p.period.label() + "&as_of=" + format_date(p.as_of)};
    const jobs::ReportDoc doc = jobs::render::progress_doc(*snap, scope, p, ctx);
    const std::string bytes = o.format == "png" ? jobs::render_chart_png(doc.charts.at(0), 960, 480) : jobs::render_pdf(doc);
    std::ofstream(o.out, std::ios::binary) << bytes;
    std::cout << "rendered " << o.page << " for " << o.login << " (" << bytes.size() << " bytes) to " << o.out << "\n";
    return 0;
  });
}

}  // namespace sl::app
