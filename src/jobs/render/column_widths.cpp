#include "jobs/render/column_widths.h"

#include <algorithm>

#include "jobs/render/text.h"

namespace sl::jobs::render {

std::vector<double> column_widths(cairo_t* cr, const std::vector<present::ColumnText>& cols, double width,
                                  double text_size) {
  const double cap = width * 0.45;
  std::vector<double> cell_w, want;
  double cells = 0, wanted = 0;
  for (const auto& c : cols) {
    double m = 0;
    const size_t probe = std::min<size_t>(c.cells.size(), 300);  // enough rows to see the widths
    for (size_t r = 0; r < probe; ++r) m = std::max(m, measure(cr, c.cells[r], {.size = text_size}).width);
    const double head = measure(cr, c.header, {.size = text_size, .bold = true}).width;
    cell_w.push_back(std::min(m + kCellPad, cap));
    want.push_back(std::min(std::max(m, head) + kCellPad, cap));
    cells += cell_w.back();
    wanted += want.back();
  }
  if (wanted <= width || cells >= width || wanted <= cells) {  // grow (or shrink) in proportion
    std::vector<double>& base = cells >= width ? cell_w : want;
    const double total = cells >= width ? cells : wanted;
    for (auto& x : base) x *= width / total;
    return base;
  }
  const double share = (width - cells) / (wanted - cells);  // 0 < share < 1: the headers' part
  for (size_t i = 0; i < cell_w.size(); ++i) cell_w[i] += (want[i] - cell_w[i]) * share;
  return cell_w;
}

}  // namespace sl::jobs::render
