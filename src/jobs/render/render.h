// Pushed reports drawn server-side with cairo + pango in Noto Sans CJK SC (docs/render.md):
// a chart as PNG (e-mail inline image, 企业微信 image message) and the page as an A4 PDF.
// Deterministic: the same document gives the same bytes (no dates in the PDF).
// Both throw std::runtime_error when the font is missing (render::require_font).
#pragma once
#include <string>

#include "jobs/report_doc.h"

namespace sl::jobs {

std::string render_chart_png(const ReportChart& c, int width_px, int height_px);
std::string render_pdf(const ReportDoc& d);

}  // namespace sl::jobs
