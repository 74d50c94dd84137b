// The report as an A4 portrait PDF: header (title, subtitle, link), KPI cards in a grid, the
// charts, then the tables, broken across pages with their header row repeated; "第 1 / 3 页".
// Each page is drawn into a recording surface first, so the footer knows the page count, then
// replayed onto the PDF surface (vectors and text stay vectors and text). The link to the web
// page is a link annotation over its text (cairo_tag_begin CAIRO_TAG_LINK), so it opens on a click.
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "jobs/render/chart.h"
#include "jobs/render/column_widths.h"
#include "present/cell_text.h"
#include "jobs/render/render.h"
#include "jobs/render/surface_bytes.h"
#include "jobs/render/text.h"
#include "present/catalog.h"

namespace sl::jobs {

namespace {

using namespace render;

constexpr double kPageW = 595.276, kPageH = 841.890;  // A4 in points
constexpr double kMargin = 42, kFooter = 30;
constexpr double kLeft = kMargin, kRight = kPageW - kMargin, kTop = kMargin, kBottom = kPageH - kMargin - kFooter + 12;
constexpr double kWidth = kRight - kLeft;
constexpr double kBody = 8.5;  // table and axis text, points

class Pages {
 public:
  Pages() { next(); }
  ~Pages() {
    if (cr) cairo_destroy(cr);
    for (auto* s : recordings) cairo_surface_destroy(s);
  }
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;

  void next() {
    if (cr) cairo_destroy(cr);
    cairo_rectangle_t extents{0, 0, kPageW, kPageH};
    recordings.push_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    cr = cairo_create(recordings.back());
    y = kTop;
  }
  // Starts a new page unless h more points fit on this one (a block taller than a page goes
  // on a fresh page and is cut by the margin).
  void need(double h) {
    if (y + h > kBottom && y > kTop) next();
  }

  cairo_t* cr = nullptr;
  double y = kTop;
  std::vector<cairo_surface_t*> recordings;
  // The web page's link on page 1 (x, y, w, h in points), made clickable on the PDF (link_tag).
  double link_box[4] = {0, 0, 0, 0};
};

// A link annotation over box to uri (cairo's tag attribute string: a quoted uri, \ and ' escaped).
void link_tag(cairo_t* cr, const double (&box)[4], const std::string& uri) {
  std::string quoted;
  for (char ch : uri) {
    if (ch == '\\' || ch == '\'') quoted += '\\';
    quoted += ch;
  }
  char rect[96];
  std::snprintf(rect, sizeof rect, "rect=[%.2f %.2f %.2f %.2f] ", box[0], box[1], box[2], box[3]);
  const std::string attrs = std::string(rect) + "uri='" + quoted + "'";
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
  cairo_tag_end(cr, CAIRO_TAG_LINK);
}

void header(Pages& p, const ReportDoc& d) {
  p.y += draw_text(p.cr, d.title, kLeft, p.y, {.size = 18, .bold = true, .max_width = kWidth}).height + 2;
  if (!d.subtitle.empty())
    p.y += draw_text(p.cr, d.subtitle, kLeft, p.y, {.size = 10, .color = kTextMuted, .max_width = kWidth}).height;
  if (!d.link.empty()) {
    const TextSize sz = draw_text(p.cr, d.link, kLeft, p.y, {.size = 8, .color = kPrimary, .max_width = kWidth});
    p.link_box[0] = kLeft, p.link_box[1] = p.y, p.link_box[2] = std::min(sz.width, kWidth), p.link_box[3] = sz.height;
    p.y += sz.height;
  }
  p.y += 6;
  set_color(p.cr, kBorder);
  cairo_set_line_width(p.cr, 0.8);
  cairo_move_to(p.cr, kLeft, p.y);
  cairo_line_to(p.cr, kRight, p.y);
  cairo_stroke(p.cr);
  p.y += 12;
}

void kpi_cards(Pages& p, const std::vector<ReportKpi>& kpis) {
  if (kpis.empty()) return;
  const size_t n = kpis.size();
  const size_t cols = n <= 4 ? n : n <= 6 ? 3 : 4;
  const double gap = 10, cw = (kWidth - gap * static_cast<double>(cols - 1)) / static_cast<double>(cols), ch = 60;
  for (size_t i = 0; i < n; ++i) {
    if (i % cols == 0) {
      if (i) p.y += ch + gap;
      p.need(ch);
    }
    const double x = kLeft + static_cast<double>(i % cols) * (cw + gap), y = p.y;
    cairo_set_line_width(p.cr, 0.8);
    set_color(p.cr, kBorder);
    cairo_rectangle(p.cr, x + 0.4, y + 0.4, cw - 0.8, ch - 0.8);
    cairo_stroke(p.cr);
    const double inner = cw - 16;
    draw_text(p.cr, kpis[i].label, x + 8, y + 6, {.size = 8.5, .color = kTextMuted, .max_width = inner});
    draw_text(p.cr, kpis[i].value, x + 8, y + 19, {.size = 16, .bold = true, .max_width = inner});
    if (!kpis[i].note.empty())
      draw_text(p.cr, kpis[i].note, x + 8, y + 43, {.size = 7.5, .color = kTextMuted, .max_width = inner});
  }
  p.y += ch + 16;
}

void charts(Pages& p, const std::vector<ReportChart>& cs) {
  const double h = 230;
  for (const auto& c : cs) {
    p.need(h);
    draw_chart(p.cr, c, kLeft, p.y, kWidth, h, kBody);
    p.y += h + 14;
  }
}

void table(Pages& p, const present::Table& t, Lang lang) {
  const auto cols = present::table_text(t, lang);
  if (cols.empty()) return;
  const auto widths = column_widths(p.cr, cols, kWidth, kBody);
  const double row_h = kBody * 2, title_h = 20;
  const std::string title = present::sheet_name(t, lang);
  const std::string more = lang == Lang::zh ? "（续）" : " (continued)";

  auto cell = [&](const std::string& s, size_t c, double x, bool head) {
    const TextStyle st{.size = kBody, .bold = head, .color = kText, .align = Align::left, .max_width = widths[c] - 8};
    const double ty = p.y + (row_h - kBody * 1.45) / 2;
    if (cols[c].numeric) {  // numbers and their headers right-aligned, as on the page
      const double tw = std::min(measure(p.cr, s, st).width, widths[c] - 8);
      draw_text(p.cr, s, x + widths[c] - 4 - tw, ty, st);
    } else {
      draw_text(p.cr, s, x + 4, ty, st);
    }
  };
  auto head_row = [&](bool continued) {
    p.y += draw_text(p.cr, title + (continued ? more : ""), kLeft, p.y, {.size = 11, .bold = true}).height + 4;
    set_color(p.cr, kHeaderFill);
    cairo_rectangle(p.cr, kLeft, p.y, kWidth, row_h);
    cairo_fill(p.cr);
    double x = kLeft;
    for (size_t c = 0; c < cols.size(); ++c) cell(cols[c].header, c, x, true), x += widths[c];
    p.y += row_h;
  };

  p.need(title_h + row_h * 3);  // a title never ends a page alone
  head_row(false);
  const size_t rows = cols.front().cells.size();
  for (size_t r = 0; r < rows; ++r) {
    if (p.y + row_h > kBottom) {
      p.next();
      head_row(true);
    }
    double x = kLeft;
    for (size_t c = 0; c < cols.size(); ++c) cell(cols[c].cells[r], c, x, false), x += widths[c];
    set_color(p.cr, kGrid);
    cairo_set_line_width(p.cr, 0.5);
    cairo_move_to(p.cr, kLeft, p.y + row_h);
    cairo_line_to(p.cr, kRight, p.y + row_h);
    cairo_stroke(p.cr);
    p.y += row_h;
  }
  p.y += 16;
}

std::string page_number(size_t i, size_t n, Lang lang) {
  return lang == Lang::zh ? "第 " + std::to_string(i) + " / " + std::to_string(n) + " 页"
                          : "Page " + std::to_string(i) + " of " + std::to_string(n);
}

}  // namespace

std::string render_pdf(const ReportDoc& d) {
  require_font();
  Pages pages;
  header(pages, d);
  kpi_cards(pages, d.kpis);
  charts(pages, d.charts);
  for (const auto& t : d.tables) table(pages, d.shown(t), d.lang);

  std::string out;
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(append_bytes, &out, kPageW, kPageH);
  // No clock in the file: cairo ≥ 1.16 writes the current time as CreationDate unless told.
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, d.title.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "salesloop");
  cairo_t* cr = cairo_create(pdf);
  const size_t n = pages.recordings.size();
  for (size_t i = 0; i < n; ++i) {
    cairo_set_source_surface(cr, pages.recordings[i], 0, 0);
    cairo_paint(cr);
    if (i == 0 && !d.link.empty()) link_tag(cr, pages.link_box, d.link);
    draw_text(cr, page_number(i + 1, n, d.lang), kPageW / 2, kPageH - kMargin + 6,
              {.size = 8, .color = kTextMuted, .align = Align::center});
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  const cairo_status_t st = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(st));
  return out;
}

}  // namespace sl::jobs
