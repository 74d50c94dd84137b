// The D3 page (target progress) as a report document — what `salesloop render --page
// do/progress` draws until the subscription worker's page registry (push) fills ReportDocs for
// every page; then this becomes that registry's D3 entry: (Snapshot, recipient's Scope, the
// page's params, language) → ReportDoc.
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

ReportDoc progress_doc(const engine::Snapshot& s, const engine::Scope& scope, const analytics::ProgressParams& p,
                       const DocContext& ctx);

}  // namespace sl::jobs::render
