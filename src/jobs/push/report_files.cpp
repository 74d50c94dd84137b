#include "jobs/push/report_files.h"

#include <algorithm>

#include "jobs/push/send.h"
#include "jobs/render/render.h"
#include "present/catalog.h"
#include "present/cell_text.h"
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

}  // namespace

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
  for (const auto& full : doc.tables) {
    const present::Table t = doc.shown(full);
    h += "<h3>" + esc(present::sheet_name(t, doc.lang)) + "</h3>";
    // The cells as the PDF's table reads them (present::table_text: one money unit per column).
    const auto cols = present::table_text(t, doc.lang);
    h += "<table data-sheet=\"" + esc(t.sheet) + "\" style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\"><tr>";
    for (size_t c = 0; c < cols.size(); ++c)
      h += "<th data-key=\"" + esc(t.columns[c].key) + "\">" + esc(cols[c].header) + "</th>";
    h += "</tr>";
    for (size_t r = 0; r < t.rows.size(); ++r) {
      h += "<tr>";
      for (const auto& col : cols)
        h += std::string(col.numeric ? "<td align=\"right\">" : "<td>") + esc(col.cells[r]) + "</td>";
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
  for (const auto& full : doc.tables) {
    const present::Table t = doc.shown(full);
    md += "\n**" + present::sheet_name(t, doc.lang) + "**\n";
    const auto cols = present::table_text(t, doc.lang);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      std::string line = ">";
      for (size_t c = 0; c < cols.size(); ++c) line += (c ? " · " : " ") + cols[c].cells[r];
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
