#include <cairo.h>

#include <algorithm>
#include <stdexcept>

#include "jobs/render/chart.h"
#include "jobs/render/render.h"
#include "jobs/render/surface_bytes.h"
#include "jobs/render/text.h"

namespace sl::jobs {

std::string render_chart_png(const ReportChart& c, int width_px, int height_px) {
  render::require_font();
  if (width_px < 50 || height_px < 50 || width_px > 4000 || height_px > 4000)
    throw std::invalid_argument("chart size must be 50..4000 pixels a side");
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_px, height_px);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double fs = std::clamp(std::min(width_px / 50.0, height_px / 26.0), 9.0, 16.0);
  render::draw_chart(cr, c, 0, 0, width_px, height_px, fs);
  cairo_destroy(cr);
  std::string out = render::png_bytes(s);
  cairo_surface_destroy(s);
  return out;
}

}  // namespace sl::jobs
