// The colours of report charts, copied from the web's charts (web/src/charts/colors.ts: Element
// Plus's theme colours and the status colours), so a pushed chart looks like the page's.
#pragma once
#include <array>
#include <cstdint>

namespace sl::jobs::render {

struct Rgb {
  double r, g, b;
};
constexpr Rgb rgb(uint32_t hex) {
  return {((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0};
}

// Series in order: PRIMARY, SUCCESS, WARNING, NEUTRAL, then STATUS_COLOR.behind / at_risk,
// TONE_COLOR.up and MEDAL_COLORS[0] (colors.ts).
inline constexpr std::array<uint32_t, 8> kSeriesColors{0x409eff, 0x67c23a, 0xe6a23c, 0x909399,
                                                       0xf5222d, 0xfa8c16, 0x389e0d, 0xd4a017};
inline constexpr uint32_t kPrimary = 0x409eff;
inline constexpr uint32_t kText = 0x303133;       // Element Plus text colours (primary, secondary)
inline constexpr uint32_t kTextMuted = 0x909399;
inline constexpr uint32_t kBorder = 0xdcdfe6;
inline constexpr uint32_t kGrid = 0xebeef5;
inline constexpr uint32_t kHeaderFill = 0xf2f3f5;  // the XLSX header's fill (present/writers.cpp)

}  // namespace sl::jobs::render
