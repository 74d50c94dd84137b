// The widths of a PDF table's columns (pdf.cpp). Each column wants its widest cell and its
// header (bold), at most 45 % of the width. When all of that fits, the columns grow in
// proportion to fill the width. When it does not, the cells come first: every column gets its
// widest cell, and what is left goes to the headers in proportion to what each lacks (a long
// header is cut with "…", never a name in a cell). Only when the cells alone do not fit are
// they scaled down together. The widths add up to `width`.
#pragma once
#include <cairo.h>

#include <vector>

#include "present/cell_text.h"

namespace sl::jobs::render {

inline constexpr double kCellPad = 10;  // points beside a cell's text, both sides together

std::vector<double> column_widths(cairo_t* cr, const std::vector<present::ColumnText>& cols, double width,
                                  double text_size);

}  // namespace sl::jobs::render
