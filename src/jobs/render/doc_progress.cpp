#include "jobs/render/doc_progress.h"

#include "present/cell_text.h"

namespace sl::jobs::render {

namespace {

using present::Unit;
using present::Value;
using Row = analytics::ProgressRow;

// The D3 page declares no download table yet (src/api/progress_api.cpp, `.tables = {}`); these
// are its table's columns with the catalogue's labels.
present::Table progress_table(const analytics::ProgressResult& r) {
  static const present::TableSpec<Row> spec{
      "d3_progress",
      {{{"name", "col.name"}, [](const Row& x) { return Value{x.name}; }},
       {{"target", "col.target", Unit::money}, [](const Row& x) { return present::opt_value(x.target); }},
       {{"actual", "col.amount", Unit::money}, [](const Row& x) { return Value{static_cast<int64_t>(x.actual)}; }},
       {{"completion", "col.completion", Unit::percent}, [](const Row& x) { return present::opt_value(x.completion); }},
       {{"time_progress", "col.time_progress", Unit::percent}, [](const Row& x) { return Value{x.time_progress}; }}}};
  return spec.build(r.rows);
}

std::string pct(std::optional<double> v) { return v ? present::grouped(*v * 100, 1) + "%" : "—"; }

}  // namespace

ReportDoc progress_doc(const analytics::ProgressResult& r, const analytics::ProgressParams& p, const DocContext& ctx) {
  const bool zh = ctx.lang == Lang::zh;
  ReportDoc d;
  d.lang = ctx.lang;
  d.title = zh ? "目标达成进度" : "Target progress";
  // The KPIs read the row the table breaks down; at company level the one row is the company.
  const Row* total = r.parent ? &*r.parent : r.rows.size() == 1 ? &r.rows.front() : nullptr;
  const std::string who = !ctx.scope_name.empty() ? ctx.scope_name : total ? total->name : "";
  d.subtitle = (who.empty() ? "" : who + " · ") + r.period.label() + (zh ? " · 截至 " : " · as of ") + format_date(p.as_of);
  d.link = ctx.link;
  if (total) {
    const Row& t = *total;
    d.kpis = {{zh ? "完成率" : "Completion", pct(t.completion),
               (zh ? "时间进度 " : "Time progress ") + pct(t.time_progress)},
              {zh ? "实际" : "Actual", present::money_text(static_cast<double>(t.actual), ctx.lang), ""},
              {zh ? "目标" : "Target", t.target ? present::money_text(static_cast<double>(*t.target), ctx.lang) : "—", ""},
              {zh ? "差距" : "Gap", t.gap ? present::grouped(*t.gap * 100, 1) : "—", zh ? "百分点" : "points"}};
  }
  ReportChart c{zh ? "完成率与时间进度" : "Completion and time progress", "bar", "%", {}, {}};
  ReportSeries done{zh ? "完成率" : "Completion", {}}, time{zh ? "时间进度" : "Time progress", {}};
  for (const Row& x : r.rows) {
    c.categories.push_back(x.name);
    done.values.push_back(x.completion ? std::optional<double>(*x.completion * 100) : std::nullopt);
    time.values.push_back(x.time_progress * 100);
  }
  c.series = {done, time};
  d.charts.push_back(std::move(c));
  d.tables.push_back(progress_table(r));
  return d;
}

}  // namespace sl::jobs::render
