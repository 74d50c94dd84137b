#include "jobs/render/text.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace sl::jobs::render {

void require_font() {
  static std::once_flag once;
  static bool found = false;
  std::call_once(once, [] {
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(kFontFamily));
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern* match = FcFontMatch(nullptr, pat, &res);
    FcChar8* family = nullptr;
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch)
      found = std::string(reinterpret_cast<const char*>(family)) == kFontFamily;
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pat);
  });
  if (!found)
    throw std::runtime_error(std::string("report rendering needs the font ") + kFontFamily +
                             " (Debian package fonts-noto-cjk); fontconfig does not have it");
}

void set_color(cairo_t* cr, uint32_t hex) {
  const Rgb c = rgb(hex);
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

namespace {

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

Layout make_layout(cairo_t* cr, const std::string& text, const TextStyle& s) {
  Layout layout(pango_cairo_create_layout(cr));
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, kFontFamily);
  pango_font_description_set_weight(desc, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(desc, s.size * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), desc);
  pango_font_description_free(desc);
  if (s.max_width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(s.max_width * PANGO_SCALE));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

TextSize size_of(PangoLayout* l) {
  PangoRectangle logical;
  pango_layout_get_extents(l, nullptr, &logical);
  return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

}  // namespace

TextSize measure(cairo_t* cr, const std::string& text, const TextStyle& style) {
  return size_of(make_layout(cr, text, style).get());
}

TextSize draw_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style) {
  Layout l = make_layout(cr, text, style);
  const TextSize sz = size_of(l.get());
  const double left = style.align == Align::left ? x : style.align == Align::center ? x - sz.width / 2 : x - sz.width;
  cairo_save(cr);
  set_color(cr, style.color);
  cairo_move_to(cr, left, y);
  pango_cairo_show_layout(cr, l.get());
  cairo_restore(cr);
  return sz;
}

}  // namespace sl::jobs::render
