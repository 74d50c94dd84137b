// The renderers: axis arithmetic by hand, then the drawn files read back by other programs
// (cairo's PNG reader, poppler's pdftotext and pdfinfo).
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "jobs/render/axis.h"
#include "jobs/render/column_widths.h"
#include "jobs/render/text.h"
#include "present/cell_text.h"
#include "jobs/render/render.h"
#include "jobs/render/surface_bytes.h"
#include "jobs/render/sample_doc.h"

namespace sl::jobs {
namespace {

using render::nice_axis;
using render::nice_step;

TEST(Axis, NiceStepsAreOneTwoFive) {
  EXPECT_DOUBLE_EQ(nice_step(16.6), 20);
  EXPECT_DOUBLE_EQ(nice_step(11.8), 20);
  EXPECT_DOUBLE_EQ(nice_step(2.1), 5);
  EXPECT_DOUBLE_EQ(nice_step(5), 5);
  EXPECT_DOUBLE_EQ(nice_step(7), 10);
  EXPECT_NEAR(nice_step(0.1), 0.1, 1e-12);  // 0.3 / 3 in binary is 0.0999…
  EXPECT_NEAR(nice_step(0.13), 0.2, 1e-12);
  EXPECT_DOUBLE_EQ(nice_step(1200), 2000);
}

TEST(Axis, RangeHoldsDataAndZero) {
  // 0..83 in ≤ 6 ticks: 83 / 5 = 16.6 → step 20, 0..100.
  auto a = nice_axis(3, 83, 6);
  EXPECT_DOUBLE_EQ(a.min, 0);
  EXPECT_DOUBLE_EQ(a.max, 100);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 20, 40, 60, 80, 100}));
  // -12..47: 59 / 5 = 11.8 → 20; -20..60, five ticks.
  a = nice_axis(-12, 47, 6);
  EXPECT_EQ(a.ticks, (std::vector<double>{-20, 0, 20, 40, 60}));
  // Ratios 0..0.8 (percent charts in points stay the caller's): 0.8 / 5 = 0.16 → 0.2.
  a = nice_axis(0.1, 0.8, 6);
  ASSERT_EQ(a.ticks.size(), 5u);
  EXPECT_NEAR(a.ticks[4], 0.8, 1e-12);
  // Nothing but zeros: 0..1 by 0.2.
  a = nice_axis(0, 0, 6);
  EXPECT_DOUBLE_EQ(a.max, 1);
  EXPECT_NEAR(a.step, 0.2, 1e-12);
  // 0..101 in ≤ 3 ticks: 101 / 2 = 50.5 → 100, 0..200 (three ticks).
  a = nice_axis(0, 101, 3);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 100, 200}));
  // All negative: -37..0, 37 / 4 = 9.25 → 10, -40..0.
  a = nice_axis(-37, -5, 5);
  EXPECT_EQ(a.ticks, (std::vector<double>{-40, -30, -20, -10, 0}));
}

TEST(Axis, TickTextAndThinning) {
  EXPECT_EQ(render::tick_text(1500, 500), "1,500");
  EXPECT_EQ(render::tick_text(0.25, 0.05), "0.25");
  EXPECT_EQ(render::tick_text(-20, 20), "-20");
  EXPECT_EQ(render::tick_text(1e6, 2e5), "1,000,000");
  // 24 months on 480 px: 20 px a slot; a 44 px label + 6 gap needs 50 → every 3rd.
  EXPECT_EQ(render::label_stride(24, 20, 44), 3u);
  EXPECT_EQ(render::label_stride(6, 80, 44), 1u);
}

TEST(NumberText, MoneyUnitPerColumn) {
  using present::MoneyUnit;
  // docs/metrics.md: 9,000 yuan beside 3,545,000 yuan reads 0.9万 and 354.5万.
  EXPECT_EQ(present::money_unit({900000, 354500000}, Lang::zh), MoneyUnit::wan);
  EXPECT_EQ(present::money_number(900000, MoneyUnit::wan), "0.9");
  EXPECT_EQ(present::money_number(354500000, MoneyUnit::wan), "354.5");
  EXPECT_EQ(present::money_number(354500000, MoneyUnit::k), "3,545.0");
  EXPECT_EQ(present::money_unit({113333}, Lang::zh), MoneyUnit::yuan);
  EXPECT_EQ(present::money_number(113333, MoneyUnit::yuan), "1,133.33");
  EXPECT_EQ(present::money_unit({98765}, Lang::en), MoneyUnit::yuan);
  EXPECT_EQ(present::money_number(0, MoneyUnit::wan), "0");
}

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string temp_file(const std::string& bytes, const char* suffix) {
  std::string path = std::string("/tmp/sl-render-test-") + std::to_string(getpid()) + "-" +
                     std::to_string(reinterpret_cast<uintptr_t>(bytes.data()) % 100000) + suffix;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}
// pdftotext drops the narrow spaces around "/" in "第 1 / 2 页": compare without spaces too.
bool has(const std::string& text, const std::string& s) {
  return text.find(s) != std::string::npos || without_spaces(text).find(without_spaces(s)) != std::string::npos;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

TEST(Render, ChartPngDecodesAtItsSize) {
  const std::string png = render_chart_png(render::sample_doc(Lang::zh, 6).charts.at(0), 640, 320);
  const std::string path = temp_file(png, ".png");
  cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
  ASSERT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(s), 640);
  EXPECT_EQ(cairo_image_surface_get_height(s), 320);
  cairo_surface_destroy(s);
  std::remove(path.c_str());
}

TEST(Render, SameDocumentSameBytes) {
  const ReportDoc d = render::sample_doc(Lang::zh, 40);
  EXPECT_EQ(render_pdf(d), render_pdf(d));
  EXPECT_EQ(render_chart_png(d.charts[1], 600, 300), render_chart_png(d.charts[1], 600, 300));
}

// The text poppler extracts is the text we put in: no tofu, no substitute glyphs.
TEST(Render, PdfTextInChinese) {
  const ReportDoc d = render::sample_doc(Lang::zh, 6);
  const std::string path = temp_file(render_pdf(d), ".pdf");
  const std::string text = run("pdftotext -enc UTF-8 " + path + " -");
  std::remove(path.c_str());
  for (const char* s : {"目标达成进度", "华东大区 · 2026-06 · 截至 2026-06-15", "签单完成率", "82.4%", "时间进度 50.0%",
                        "销售代表排名", "名次", "签单额(万元)", "354.5", "0.9", "华东大区", "张伟", "第 1 / 2 页", "第 2 / 2 页"})
    EXPECT_TRUE(has(text, s)) << s << "\n" << text;
}

TEST(Render, PdfTextInEnglish) {
  const ReportDoc d = render::sample_doc(Lang::en, 6);
  const std::string path = temp_file(render_pdf(d), ".pdf");
  const std::string text = run("pdftotext -enc UTF-8 " + path + " -");
  std::remove(path.c_str());
  for (const char* s : {"Target progress", "Sales completion", "82.4%", "Rep ranking", "Rank", "Sales (K yuan)",
                        "3,545.0", "9.0", "华东大区", "Page 1 of 2", "Page 2 of 2"})
    EXPECT_TRUE(has(text, s)) << s << "\n" << text;
}

// The web page's link is a link annotation over its text on page 1: one /Link, its /URI the
// document's link (read from the PDF's bytes: cairo writes annotation dictionaries uncompressed).
TEST(Render, PdfLinkIsClickable) {
  ReportDoc d = render::sample_doc(Lang::zh, 6);
  d.link = "http://127.0.0.1:8080/do/progress?period=2026-06&region=3";
  const std::string pdf = render_pdf(d);
  EXPECT_EQ(count(pdf, "/Subtype /Link"), 1u);
  EXPECT_EQ(count(pdf, "/URI (http://127.0.0.1:8080/do/progress?period=2026-06&region=3)"), 1u) << pdf.substr(0, 0);
  d.link.clear();
  EXPECT_EQ(count(render_pdf(d), "/Subtype /Link"), 0u);
}

// Long headers never cut a name in a cell: seven columns whose English headers together are far
// wider than the page. Every cell's widest text fits its column (the cell draws within width − 8),
// the headers share what is left (cut with "…"), and the widths fill the page's 511.3 points.
// (pdftotext cannot tell: an ellipsized run keeps its whole text as the glyphs' cluster text.)
TEST(Render, LongHeadersLeaveTheCellsWhole) {
  present::Table t{"d2_regions", {{"region", "col.region"}}, {}};
  for (int k = 0; k < 6; ++k)
    t.columns.emplace_back("v" + std::to_string(k), "col.completion", present::Unit::percent, "",
                           "Collections this month in every region " + std::to_string(k));
  for (const char* name : {"华东大区", "西南大区", "东北大区"}) {
    std::vector<present::Value> row{present::Value{std::string(name)}};
    for (int k = 0; k < 6; ++k) row.push_back(present::Value{0.125});
    t.rows.push_back(std::move(row));
  }
  const auto cols = present::table_text(t, Lang::en);
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t* cr = cairo_create(s);
  const double page = 595.276 - 2 * 42;
  const auto w = render::column_widths(cr, cols, page, 8.5);
  ASSERT_EQ(w.size(), 7u);
  double sum = 0;
  for (double x : w) sum += x;
  EXPECT_NEAR(sum, page, 1e-6);
  const double name = render::measure(cr, "华东大区", {.size = 8.5}).width;
  const double pct = render::measure(cr, "12.5%", {.size = 8.5}).width;
  const double head = render::measure(cr, cols[1].header, {.size = 8.5, .bold = true}).width;
  EXPECT_GE(w[0] - 8, name);
  for (size_t i = 1; i < 7; ++i) {
    EXPECT_GE(w[i] - 8, pct);
    EXPECT_LT(w[i] - 8, head);  // this header is cut
  }
  // With short headers the same table grows in proportion and nothing is cut.
  present::Table narrow{"d2_regions", {{"region", "col.region"}, {"v", "col.completion", present::Unit::percent}}, {}};
  narrow.rows.push_back({present::Value{std::string("华东大区")}, present::Value{0.125}});
  const auto nc = present::table_text(narrow, Lang::en);
  const auto nw = render::column_widths(cr, nc, page, 8.5);
  EXPECT_NEAR(nw[0] + nw[1], page, 1e-6);
  EXPECT_GE(nw[1] - 8, render::measure(cr, nc[1].header, {.size = 8.5, .bold = true}).width);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
}

// 150 rows of 17 pt: about 38 fit under the header on page 1 and 41 on each next one, so the
// table takes 4 pages, each but the first starting with the title "(continued)" and the header.
TEST(Render, LongTableBreaksWithItsHeader) {
  const ReportDoc d = render::long_table_doc(Lang::zh, 150);
  const std::string path = temp_file(render_pdf(d), ".pdf");
  const std::string info = run("pdfinfo " + path);
  const std::string text = run("pdftotext -enc UTF-8 " + path + " -");
  std::remove(path.c_str());
  EXPECT_NE(without_spaces(info).find("Pages:4\n"), std::string::npos) << info;
  EXPECT_NE(without_spaces(info).find("Pagesize:595.276x841.89pts(A4)"), std::string::npos) << info;
  EXPECT_EQ(count(text, "销售代表排名（续）"), 3u);
  EXPECT_EQ(count(text, "签单额(万元)"), 4u);
  EXPECT_TRUE(has(text, "第 4 / 4 页"));
  EXPECT_NE(text.find("代表150"), std::string::npos);  // the last row
}

// The sample documents as PDF and page PNGs in test-results/render/, to be looked at.
TEST(Render, SamplesForTheEye) {
  const char* src = std::getenv("SALESLOOP_SOURCE_DIR");
  if (!src) GTEST_SKIP() << "SALESLOOP_SOURCE_DIR not set";
  const std::string dir = std::string(src) + "/test-results/render";
  run("mkdir -p " + dir);
  for (Lang lang : {Lang::zh, Lang::en}) {
    const std::string tag = lang == Lang::zh ? "zh-CN" : "en";
    for (const auto& [name, doc] : {std::pair{"sample-" + tag, render::sample_doc(lang, 6)},
                                    std::pair{"long-table-" + tag, render::long_table_doc(lang, 150)}}) {
      std::ofstream(dir + "/" + name + ".pdf", std::ios::binary) << render_pdf(doc);
      run("pdftoppm -png -r 80 " + dir + "/" + name + ".pdf " + dir + "/" + name);
    }
    std::ofstream(dir + "/chart-line-" + tag + ".png", std::ios::binary)
        << render_chart_png(render::sample_doc(lang, 0).charts[0], 720, 360);
  }
}

}  // namespace
}  // namespace sl::jobs
