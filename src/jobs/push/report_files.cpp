#include "jobs/push/report_files.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "jobs/push/send.h"
#include "jobs/render/render.h"
#include "present/catalog.h"
#include "present/writers.h"

namespace sl::jobs {

namespace {

std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '&': o += "&amp;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string grouped(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string s(buf), frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    frac = s.substr(dot);
    s = s.substr(0, dot);
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return (v < 0 ? "-" : "") + out + frac;
}

}  // namespace

std::string cell_text(const present::Value& v, present::Unit unit, Lang lang) {
  using present::Unit;
  if (std::holds_alternative<std::monostate>(v)) return "—";
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* l = std::get_if<present::Label>(&v)) return present::text(l->key, lang);
  const double x = std::holds_alternative<int64_t>(v) ? static_cast<double>(std::get<int64_t>(v)) : std::get<double>(v);
  if (unit == Unit::money) return grouped(x / 100.0, 2);
  if (unit == Unit::percent) return grouped(x * 100.0, 1) + "%";
  if (unit == Unit::count) return grouped(x, 0);
  return grouped(x, 2);
}

std::string email_html(const ReportDoc& doc) {
  const bool zh = doc.lang == Lang::zh;
  std::string h = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + esc(doc.title) +
                  "</title></head><body style=\"font-family:sans-serif;color:#222\">";
  h += "<h2 style=\"margin:0\">" + esc(doc.title) + "</h2>";
  h += "<p style=\"color:#666\">" + esc(doc.subtitle) + "</p>";
  h += "<table role=\"presentation\"><tr>";
  for (const auto& k : doc.kpis) {
    h += "<td class=\"kpi\" style=\"border:1px solid #ddd;padding:8px 14px\"><div style=\"color:#666\">" + esc(k.label) +
         "</div><div class=\"kpi-value\" style=\"font-size:20px;font-weight:bold\">" + esc(k.value) + "</div>";
    if (!k.note.empty()) h += "<div style=\"color:#888;font-size:12px\">" + esc(k.note) + "</div>";
    h += "</td>";
  }
  h += "</tr></table>";
  for (size_t i = 0; i < doc.charts.size(); ++i)
    h += "<p><img alt=\"" + esc(doc.charts[i].title) + "\" src=\"cid:chart-" + std::to_string(i + 1) + ".png\"></p>";
  for (const auto& t : doc.tables) {
    h += "<h3>" + esc(present::sheet_name(t, doc.lang)) + "</h3>";
    h += "<table data-sheet=\"" + esc(t.sheet) + "\" style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\"><tr>";
    for (const auto& c : t.columns) h += "<th data-key=\"" + esc(c.key) + "\">" + esc(present::header(c, doc.lang)) + "</th>";
    h += "</tr>";
    for (const auto& row : t.rows) {
      h += "<tr>";
      for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c)
        h += "<td>" + esc(cell_text(row[c], t.columns[c].unit, doc.lang)) + "</td>";
      h += "</tr>";
    }
    h += "</table>";
  }
  h += "<p><a href=\"" + esc(doc.link) + "\">" + (zh ? "在 salesloop 中打开" : "Open in salesloop") + "</a></p>";
  return h + "</body></html>";
}

std::string report_markdown(const ReportDoc& doc, size_t limit) {
  const bool zh = doc.lang == Lang::zh;
  std::string md = "### " + doc.title + "\n" + doc.subtitle + "\n\n";
  for (const auto& k : doc.kpis) md += "- **" + k.label + "**: " + k.value + (k.note.empty() ? "" : " (" + k.note + ")") + "\n";
  for (const auto& t : doc.tables) {
    md += "\n**" + present::sheet_name(t, doc.lang) + "**\n";
    for (const auto& row : t.rows) {
      std::string line = ">";
      for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c)
        line += (c ? " · " : " ") + cell_text(row[c], t.columns[c].unit, doc.lang);
      md += line + "\n";
    }
  }
  const std::string more = "[" + std::string(zh ? "查看完整报表" : "Open the full report") + "](" + doc.link + ")";
  return fit_markdown(md + "\n" + more, limit, more);
}

std::vector<File> xlsx_files(const ReportDoc& doc) {
  std::vector<File> out;
  for (const auto& t : doc.tables)
    out.push_back({"report-" + t.sheet + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   present::to_xlsx(t, doc.lang)});
  return out;
}

void attach_rendered(const ReportDoc& doc, const std::vector<std::string>& formats, std::vector<File>& files) {
  for (size_t i = 0; i < doc.charts.size(); ++i)
    files.push_back({"inline/chart-" + std::to_string(i + 1) + ".png", "image/png",
                     render_chart_png(doc.charts[i], kChartWidth, kChartHeight)});
  if (std::find(formats.begin(), formats.end(), "pdf") != formats.end())
    files.push_back({"report.pdf", "application/pdf", render_pdf(doc)});
}

}  // namespace sl::jobs
