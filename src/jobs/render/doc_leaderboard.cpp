#include "jobs/render/doc_leaderboard.h"

#include "jobs/render/doc_chart.h"
#include "present/cell_text.h"
#include "present/catalog.h"

namespace sl::jobs::render {

ReportDoc leaderboard_doc(const analytics::BoardResult& b, std::vector<present::Table> tables,
                          analytics::BoardMetric metric, present::Unit unit, const Period& period, Date as_of,
                          const DocContext& ctx) {
  const bool zh = ctx.lang == Lang::zh;
  const std::string metric_name = present::text(std::string("board.") + analytics::board_metric_code(metric), ctx.lang);
  ReportDoc d;
  d.lang = ctx.lang;
  d.title = (zh ? "销售排行 · " : "Leaderboard · ") + metric_name;
  d.subtitle = (ctx.scope_name.empty() ? "" : ctx.scope_name + " · ") + period.label() + (zh ? " · 截至 " : " · as of ") +
               format_date(as_of);
  d.link = ctx.link;
  // The first three ranked (and visible) reps, then how many are ranked.
  int ranked = 0;
  for (const auto& r : b.reps) {
    if (!r.rank) continue;
    ++ranked;
    if (d.kpis.size() < 3 && r.visible && r.value)
      d.kpis.push_back({zh ? "第 " + std::to_string(*r.rank) + " 名" : "No. " + std::to_string(*r.rank),
                        present::figure_text(*r.value, unit, ctx.lang), r.name + " · " + r.region_name});
  }
  d.kpis.push_back({zh ? "参与排名" : "Ranked reps", std::to_string(ranked), ""});

  // The 大区 by the metric, in the chart's one unit.
  RawSeries values{metric_name, {}};
  std::vector<std::string> names;
  for (const auto& r : b.regions) {
    names.push_back(r.name);
    values.values.push_back(r.value);
  }
  ReportChart c = scaled_chart((zh ? "各大区" : "By region: ") + metric_name, "bar", unit, ctx.lang, std::move(names),
                               {std::move(values)});
  if (!c.categories.empty()) d.charts.push_back(std::move(c));
  for (auto& t : tables)  // a rep's page has no region ranking: no empty table in the report
    if (!t.rows.empty()) d.tables.push_back(std::move(t));
  return d;
}

}  // namespace sl::jobs::render
