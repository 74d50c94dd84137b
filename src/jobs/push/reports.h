// The pages a subscription can push, each declared once next to its page
// (src/api/report_*.cpp): a builder that computes the page's result for the recipient — their
// own Scope and language — into a ReportDoc, with the figures a condition may test.
#pragma once
#include <boost/json.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"
#include "jobs/report_doc.h"
#include "model/entities.h"

namespace sl::api {
struct Context;  // the page runner's (src/api/context.h); jobs only carry it to the builders
}

namespace sl::jobs {

struct ReportInput {
  const engine::Snapshot& snap;
  const engine::Scope& scope;  // the recipient's
  const model::User& user;     // the recipient
  Lang lang;                   // the recipient's
  const boost::json::object& params;  // the subscription's page parameters
  Date today;
  std::string base_url;  // "http://host:port" for the page link
  api::Context* ctx = nullptr;  // what the builders run the pages with (the caller's: a run, an alert check)
};

struct ReportOutput {
  ReportDoc doc;
  std::map<std::string, double> metrics;  // what a condition may test ("completion_minus_time_progress")
};

using ReportBuilder = std::function<ReportOutput(const ReportInput&)>;

// `metrics`: the names the builder may put in ReportOutput::metrics — what a subscription's
// condition on this page may test (docs/push.md "Report pages").
void register_report(const std::string& page, ReportBuilder b, std::vector<std::string> metrics = {});
const ReportBuilder* find_report(const std::string& page);
std::vector<std::string> report_metrics(const std::string& page);
std::vector<std::string> report_pages();

}  // namespace sl::jobs
