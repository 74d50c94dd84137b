// One report chart drawn into a rectangle of any cairo surface (the PNG of an e-mail or a
// 企业微信 message, or a box on a PDF page): title, legend, value axis with its unit, categories.
#pragma once
#include <cairo.h>

#include "jobs/report_doc.h"

namespace sl::jobs::render {

// `scale` is the body text size (axis labels, legend); the title is 1.2 × that.
void draw_chart(cairo_t* cr, const ReportChart& c, double x, double y, double w, double h, double scale);

}  // namespace sl::jobs::render
