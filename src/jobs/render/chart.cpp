#include "jobs/render/chart.h"

#include <algorithm>
#include <cmath>

#include "jobs/render/axis.h"
#include "jobs/render/palette.h"
#include "jobs/render/text.h"

namespace sl::jobs::render {

namespace {

uint32_t series_color(size_t i) { return kSeriesColors[i % kSeriesColors.size()]; }

// The legend: one swatch and name per series, wrapping onto more lines; returns its height.
double draw_legend(cairo_t* cr, const ReportChart& c, double x, double y, double w, double fs) {
  const TextStyle st{.size = fs, .color = kText};
  const double sw = fs * 1.2, gap = fs * 1.2, line = fs * 1.6;
  double cx = x, cy = y;
  for (size_t i = 0; i < c.series.size(); ++i) {
    const double tw = measure(cr, c.series[i].name, st).width;
    if (cx > x && cx + sw + 4 + tw > x + w) {
      cx = x;
      cy += line;
    }
    set_color(cr, series_color(i));
    if (c.kind == "line") {
      cairo_set_line_width(cr, 2);
      cairo_move_to(cr, cx, cy + line / 2 - 2);
      cairo_line_to(cr, cx + sw, cy + line / 2 - 2);
      cairo_stroke(cr);
    } else {
      cairo_rectangle(cr, cx, cy + line / 2 - fs * 0.4 - 2, sw, fs * 0.8);
      cairo_fill(cr);
    }
    draw_text(cr, c.series[i].name, cx + sw + 4, cy, st);
    cx += sw + 4 + tw + gap;
  }
  return c.series.empty() ? 0 : cy - y + line;
}

}  // namespace

void draw_chart(cairo_t* cr, const ReportChart& c, double x, double y, double w, double h, double fs) {
  cairo_save(cr);
  const double pad = fs * 0.6;
  double top = y + pad;
  if (!c.title.empty()) top += draw_text(cr, c.title, x + pad, top, {.size = fs * 1.2, .bold = true}).height + pad / 2;
  top += draw_legend(cr, c, x + pad, top, w - 2 * pad, fs);

  // The value range over every present value.
  double lo = 0, hi = 0;
  size_t n = c.categories.size();
  for (const auto& s : c.series)
    for (const auto& v : s.values)
      if (v && std::isfinite(*v)) lo = std::min(lo, *v), hi = std::max(hi, *v);
  const TextStyle axis_st{.size = fs * 0.9, .color = kTextMuted};
  const double label_h = measure(cr, "0", axis_st).height;

  // Unit above the value axis, then the plot; its height decides how many ticks fit.
  if (!c.unit.empty()) draw_text(cr, c.unit, x + pad, top, axis_st);
  top += label_h + 2;
  const double bottom = y + h - pad - label_h - 4;  // category labels below the plot
  const int max_ticks = std::clamp(static_cast<int>((bottom - top) / (label_h * 2.2)) + 1, 2, 7);
  const Axis axis = nice_axis(lo, hi, max_ticks);
  double tick_w = 0;
  for (double t : axis.ticks) tick_w = std::max(tick_w, measure(cr, tick_text(t, axis.step), axis_st).width);
  const double left = x + pad + tick_w + 6, right = x + w - pad;
  if (bottom <= top || right <= left) {
    cairo_restore(cr);
    return;
  }
  auto py = [&](double v) { return bottom - (v - axis.min) / (axis.max - axis.min) * (bottom - top); };

  cairo_set_line_width(cr, 1);
  for (double t : axis.ticks) {
    const double ty = std::round(py(t)) + 0.5;
    set_color(cr, t == 0 ? kBorder : kGrid);
    cairo_move_to(cr, left, ty);
    cairo_line_to(cr, right, ty);
    cairo_stroke(cr);
    draw_text(cr, tick_text(t, axis.step), left - 6, ty - label_h / 2, {.size = axis_st.size, .color = kTextMuted, .align = Align::right});
  }

  // Categories: evenly spaced slots; the labels thinned to every k-th when they would touch.
  const double slot = n ? (right - left) / static_cast<double>(n) : 0;
  double widest = 0;
  for (const auto& cat : c.categories) widest = std::max(widest, measure(cr, cat, axis_st).width);
  const size_t stride = label_stride(n, slot, widest);
  for (size_t i = 0; i < n; i += stride) {
    // Centred under its slot, but kept inside the chart's box (the first and last labels).
    const double half = measure(cr, c.categories[i], axis_st).width / 2;
    const double cx = std::clamp(left + slot * (static_cast<double>(i) + 0.5), x + half + 1, x + w - half - 1);
    draw_text(cr, c.categories[i], cx, bottom + 4, {.size = axis_st.size, .color = kTextMuted, .align = Align::center});
  }

  const size_t ns = c.series.size();
  for (size_t k = 0; k < ns; ++k) {
    const auto& vals = c.series[k].values;
    set_color(cr, series_color(k));
    if (c.kind == "bar") {
      const double group = slot * 0.7, bw = ns ? group / static_cast<double>(ns) : 0;
      for (size_t i = 0; i < n && i < vals.size(); ++i) {
        if (!vals[i]) continue;
        const double bx = left + slot * static_cast<double>(i) + (slot - group) / 2 + bw * static_cast<double>(k);
        const double y0 = py(0), y1 = py(*vals[i]);
        cairo_rectangle(cr, bx + bw * 0.08, std::min(y0, y1), bw * 0.84, std::fabs(y1 - y0));
        cairo_fill(cr);
      }
    } else {
      // A line broken at each missing value; a point alone is drawn as its dot.
      cairo_set_line_width(cr, 2);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      bool open = false;
      for (size_t i = 0; i < n && i < vals.size(); ++i) {
        if (!vals[i]) {
          open = false;
          continue;
        }
        const double px = left + slot * (static_cast<double>(i) + 0.5), yy = py(*vals[i]);
        if (open)
          cairo_line_to(cr, px, yy);
        else
          cairo_move_to(cr, px, yy);
        open = true;
      }
      cairo_stroke(cr);
      for (size_t i = 0; i < n && i < vals.size(); ++i) {
        if (!vals[i]) continue;
        cairo_arc(cr, left + slot * (static_cast<double>(i) + 0.5), py(*vals[i]), 2.5, 0, 2 * M_PI);
        cairo_fill(cr);
      }
    }
  }
  cairo_restore(cr);
}

}  // namespace sl::jobs::render
