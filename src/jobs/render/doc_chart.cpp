#include "jobs/render/doc_chart.h"

#include "present/cell_text.h"

namespace sl::jobs::render {

ReportChart scaled_chart(std::string title, std::string kind, present::Unit unit, Lang lang,
                         std::vector<std::string> categories, std::vector<RawSeries> series) {
  using present::MoneyUnit;
  std::vector<double> fens;
  for (const auto& s : series)
    for (const auto& v : s.values)
      if (v) fens.push_back(*v);
  const MoneyUnit mu = present::money_unit(fens, lang);
  const double div = unit == present::Unit::money     ? (mu == MoneyUnit::wan ? 1e6
                                                         : mu == MoneyUnit::k ? 1e5
                                                                              : 100)
                     : unit == present::Unit::percent ? 0.01
                                                      : 1;
  ReportChart c{std::move(title), std::move(kind), "", std::move(categories), {}};
  c.unit = unit == present::Unit::money     ? present::money_unit_name(mu, lang)
           : unit == present::Unit::percent ? "%"
                                            : "";
  for (auto& s : series) {
    ReportSeries out{std::move(s.name), {}};
    for (const auto& v : s.values) out.values.push_back(v ? std::optional<double>(*v / div) : std::nullopt);
    c.series.push_back(std::move(out));
  }
  return c;
}

}  // namespace sl::jobs::render
