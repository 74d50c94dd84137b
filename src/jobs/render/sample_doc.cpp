#include "jobs/render/sample_doc.h"

namespace sl::jobs::render {

namespace {

// A ranking in the shape of the D4 page's table (catalogue keys of do_leaderboard_api.cpp).
present::Table ranking(size_t rows) {
  using present::Unit;
  present::Table t{"d4_reps",
                   {{"rank", "col.rank", Unit::count},
                    {"name", "col.name"},
                    {"region", "col.region"},
                    {"value", "board.sales", Unit::money},
                    {"completion", "col.completion", Unit::percent}},
                   {}};
  const char* names[] = {"张伟", "李娜", "王芳", "刘洋"};
  for (size_t i = 0; i < rows; ++i) {
    // Row 1: 3,545,000 yuan; row 2: 9,000 yuan (docs/metrics.md's example); then falling.
    const int64_t fen = i == 0 ? 354500000 : i == 1 ? 900000 : 300000000 - static_cast<int64_t>(i) * 1000000;
    std::string name = i < 4 ? names[i] : "代表" + std::to_string(i + 1);
    t.rows.push_back({present::Value{static_cast<int64_t>(i + 1)}, present::Value{name},
                      present::Value{std::string(i % 2 ? "华南大区" : "华东大区")}, present::Value{fen},
                      i == 2 ? present::Value{} : present::Value{0.824 - 0.01 * static_cast<double>(i)}});
  }
  return t;
}

}  // namespace

ReportDoc sample_doc(Lang lang, size_t table_rows) {
  const bool zh = lang == Lang::zh;
  ReportDoc d;
  d.lang = lang;
  d.title = zh ? "目标达成进度" : "Target progress";
  d.subtitle = zh ? "华东大区 · 2026-06 · 截至 2026-06-15" : "华东大区 · 2026-06 · as of 2026-06-15";
  d.link = "http://127.0.0.1:8080/do/progress?period=2026-06&region=3";
  d.kpis = {{zh ? "签单完成率" : "Sales completion", "82.4%", zh ? "时间进度 50.0%" : "Time progress 50.0%"},
            {zh ? "签单额" : "Sales", zh ? "354.5万" : "3,545.0K", ""},
            {zh ? "目标" : "Target", zh ? "430.0万" : "4,300.0K", ""},
            {zh ? "差距" : "Gap", "-32.4", zh ? "百分点" : "points"}};
  std::vector<std::string> months;
  for (int m = 1; m <= 12; ++m) months.push_back("2026-" + std::string(m < 10 ? "0" : "") + std::to_string(m));
  d.charts.push_back({zh ? "月度签单额" : "Monthly sales", "line", zh ? "万元" : "K yuan", months,
                      {{zh ? "今年" : "This year", {120, 135.5, 150, 90, std::nullopt, 160, 170, 150, 180, 200, 210, 260}},
                       {zh ? "去年" : "Last year", {100, 110, 130, 95, 120, 140, 150, 145, 160, 175, 180, 230}}}});
  d.charts.push_back({zh ? "各大区完成率" : "Completion by region", "bar", "%",
                      {"华东大区", "华南大区", "华北大区", "西南大区", "西北大区"},
                      {{zh ? "完成率" : "Completion", {82.4, 64.1, 91.0, std::nullopt, 45.5}},
                       {zh ? "时间进度" : "Time progress", {50, 50, 50, 50, 50}}}});
  d.tables.push_back(ranking(table_rows));
  return d;
}

ReportDoc long_table_doc(Lang lang, size_t rows) {
  ReportDoc d;
  d.lang = lang;
  d.title = lang == Lang::zh ? "销售排行" : "Leaderboard";
  d.tables.push_back(ranking(rows));
  return d;
}

}  // namespace sl::jobs::render
