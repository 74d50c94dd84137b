// What a ReportDoc becomes on each channel: the e-mail's HTML body (KPI cards, the headline
// tables, the link), the XLSX attachments (every table, present::to_xlsx — the page export's
// writer), the robots' markdown. Charts and the PDF come from the renderer (src/jobs/render/)
// through attach_rendered.
#pragma once
#include <string>
#include <vector>

#include "jobs/report_doc.h"
#include "store/store.h"

namespace sl::jobs {

using File = store::PushStore::DeliveryFile;

std::string email_html(const ReportDoc& doc);
std::string report_markdown(const ReportDoc& doc, size_t limit);
// "report-<sheet>.xlsx", one per table.
std::vector<File> xlsx_files(const ReportDoc& doc);

// The renderer's part (src/jobs/render/): the charts as inline PNGs of kChartWidth × kChartHeight
// (files named "inline/chart-N.png", referenced as cid:chart-N.png by email_html) and, when
// formats holds "pdf", the page as an A4 PDF ("report.pdf").
constexpr int kChartWidth = 960, kChartHeight = 480;
void attach_rendered(const ReportDoc& doc, const std::vector<std::string>& formats, std::vector<File>& files);

}  // namespace sl::jobs
