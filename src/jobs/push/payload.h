// The generic JSON webhook's body (channel "webhook", issue 14): one report for one recipient,
// in their scope and language — the same figures the e-mail and the robots carry.
#pragma once
#include <map>
#include <string>

#include "jobs/report_doc.h"
#include "model/entities.h"

namespace sl::jobs {

// {"event":"report","subscription","page","title","subtitle","link","lang",
//  "recipient":{"id","login","name"},"kpis":[{"label","value","note"}],"metrics":{…},"markdown"}
std::string webhook_payload(int64_t subscription, const std::string& page, const ReportDoc& doc,
                            const std::map<std::string, double>& metrics, const model::User& recipient,
                            const std::string& markdown);

}  // namespace sl::jobs
