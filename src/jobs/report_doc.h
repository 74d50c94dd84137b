// A page as a pushed report sees it, already in the recipient's scope and language: the
// subscription worker fills it from the page's result, the renderers draw it (PDF, chart PNG,
// e-mail HTML, webhook markdown). Numbers are formatted text here except in the tables, which
// stay present::Table (the page's own column specs) so every writer formats them the same way.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "present/table.h"

namespace sl::jobs {

struct ReportKpi {
  std::string label;  // "签单完成率"
  std::string value;  // "82.4%" — formatted in the report's language and unit
  std::string note;   // optional second line: "时间进度 75.0%"
};

struct ReportSeries {
  std::string name;                          // legend entry
  std::vector<std::optional<double>> values;  // one per category; nullopt = gap
};

struct ReportChart {
  std::string title;
  std::string kind;                     // "line" or "bar"
  std::string unit;                     // axis unit label, e.g. "万元" or "%"
  std::vector<std::string> categories;  // x axis, e.g. months "2026-01"
  std::vector<ReportSeries> series;
};

struct ReportDoc {
  Lang lang = Lang::zh;
  std::string title;     // the page's name in the language ("目标达成进度")
  std::string subtitle;  // who and what: scope, period, as-of ("华东大区 · 2026-06 · 截至 2026-06-15")
  std::string link;      // absolute URL of the page with its filters
  std::vector<ReportKpi> kpis;
  std::vector<ReportChart> charts;
  std::vector<present::Table> tables;  // headline tables of the page
  // sheet → the column keys the PDF and the e-mail show of a wide table (absent: every column);
  // the XLSX attachment keeps them all, as the page's export.
  std::map<std::string, std::vector<std::string>> shown_columns;

  present::Table shown(const present::Table& t) const {
    auto it = shown_columns.find(t.sheet);
    return it == shown_columns.end() ? t : present::select_columns(t, it->second);
  }
};

}  // namespace sl::jobs
