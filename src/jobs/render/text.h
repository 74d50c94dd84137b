// Text on a cairo surface through pango, always in Noto Sans CJK SC (one font for Chinese and
// Latin, so zh-CN and en reports look alike and no glyph falls back to tofu).
#pragma once
#include <cairo.h>

#include <string>

#include "jobs/render/palette.h"

namespace sl::jobs::render {

inline constexpr const char* kFontFamily = "Noto Sans CJK SC";

// Throws std::runtime_error when fontconfig has no Noto Sans CJK SC (Debian fonts-noto-cjk):
// a report drawn in a substitute font would show boxes for Chinese text.
void require_font();

enum class Align { left, center, right };

struct TextStyle {
  double size = 10;  // in the surface's units (points in the PDF, pixels in a PNG)
  bool bold = false;
  uint32_t color = kText;
  Align align = Align::left;
  double max_width = 0;  // > 0: one line, cut with "…" past this width
};

struct TextSize {
  double width = 0, height = 0;
};

TextSize measure(cairo_t* cr, const std::string& text, const TextStyle& style);
// Draws with the top of the line at y; x is the left edge, the centre or the right edge after
// style.align. Returns the size drawn.
TextSize draw_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style);

void set_color(cairo_t* cr, uint32_t hex);

}  // namespace sl::jobs::render
