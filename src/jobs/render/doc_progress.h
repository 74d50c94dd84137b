// The D3 page (target progress) as a report document, from the page's result for the
// recipient's Scope: the do/progress entry of the pushed reports' registry
// (src/api/report_progress.cpp) draws it, and `salesloop render` through that registry.
#pragma once
#include <string>

#include "analytics/do/progress.h"
#include "jobs/report_doc.h"

namespace sl::jobs::render {

struct DocContext {
  Lang lang = Lang::zh;
  std::string scope_name;  // "华东大区"; empty: the name of the result's parent row
  std::string link;        // the page's URL with its filters
};

ReportDoc progress_doc(const analytics::ProgressResult& r, const analytics::ProgressParams& p, const DocContext& ctx);

}  // namespace sl::jobs::render
