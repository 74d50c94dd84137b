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
#include "api/routes.h"
#include "auth/auth.h"
#include "jobs/push/reports.h"
#include "jobs/render/render.h"
#include "publish/snapshot_holder.h"
#include "store/store.h"

namespace sl::app {

namespace {

std::string param(const std::map<std::string, std::string>& ps, const std::string& k, const std::string& fallback) {
  auto it = ps.find(k);
  return it == ps.end() ? fallback : it->second;
}

std::string page_list() {
  std::string out;
  for (const auto& p : jobs::report_pages()) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

int render_page(const RenderOptions& o) {
  const jobs::ReportBuilder* build = nullptr;
  auto find_page = [&] { return build = jobs::find_report(o.page); };
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
    const auto as_of = parse_date(param(ps, "as_of", format_date(local_today())));
    if (!as_of) throw AppError(422, "invalid", "as_of", "as_of 应为 YYYY-MM-DD", "as_of must be YYYY-MM-DD");
    // The pages as the server declares them (the builders run them: api::run_page), today the as_of.
    auth::Auth auth(*store);
    api::Context ctx{*store, auth, snapshots, [d = *as_of] { return d; }};
    http::Router router;
    api::register_routes(router, ctx);
    if (!find_page())
      throw AppError(404, "not_found", "page", "没有这个页面的报表：" + o.page + "；可推送的页面：" + page_list(),
                     "No report for page " + o.page + "; the pages are " + page_list());
    const engine::Scope scope = api::scope_for(user->user, *snap);

    const Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
    boost::json::object params;  // as a subscription holds them
    for (const auto& [k, v] : ps)
      if (k != "as_of") params[k] = v;
    // The same builder a subscription's run calls for this recipient (src/api/report_*.cpp).
    auto make_doc = [&]() -> jobs::ReportDoc {
      return (*build)({*snap, scope, user->user, lang, params, *as_of, o.base_url, &ctx}).doc;
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
