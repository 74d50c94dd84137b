// Report documents with known content for the renderers' tests and the `render --sample` preview:
// a D3-like page (KPIs, a line and a bar chart, a ranking table) and a long table.
#pragma once
#include "jobs/report_doc.h"

namespace sl::jobs::render {

ReportDoc sample_doc(Lang lang, size_t table_rows);
ReportDoc long_table_doc(Lang lang, size_t rows);

}  // namespace sl::jobs::render
