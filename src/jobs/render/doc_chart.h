// A report chart from a page's raw figures (fen, ratios, counts): money in one unit for the
// whole chart (万元 / K yuan / yuan, from its largest figure — present::money_unit), ratios in
// percent, counts as they are. Every report document draws its charts through this.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "jobs/report_doc.h"

namespace sl::jobs::render {

struct RawSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // fen for money, ratios for percent
};

ReportChart scaled_chart(std::string title, std::string kind, present::Unit unit, Lang lang,
                         std::vector<std::string> categories, std::vector<RawSeries> series);

}  // namespace sl::jobs::render
