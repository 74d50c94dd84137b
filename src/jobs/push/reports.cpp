#include "jobs/push/reports.h"

#include <mutex>

namespace sl::jobs {

namespace {
std::mutex mu;
struct Entry {
  ReportBuilder build;
  std::vector<std::string> metrics;
};
std::map<std::string, Entry>& registry() {
  static std::map<std::string, Entry> r;
  return r;
}
}  // namespace

void register_report(const std::string& page, ReportBuilder b, std::vector<std::string> metrics) {
  std::lock_guard lock(mu);
  registry()[page] = {std::move(b), std::move(metrics)};
}

const ReportBuilder* find_report(const std::string& page) {
  std::lock_guard lock(mu);
  auto it = registry().find(page);
  return it == registry().end() ? nullptr : &it->second.build;
}

std::vector<std::string> report_metrics(const std::string& page) {
  std::lock_guard lock(mu);
  auto it = registry().find(page);
  return it == registry().end() ? std::vector<std::string>{} : it->second.metrics;
}

std::vector<std::string> report_pages() {
  std::lock_guard lock(mu);
  std::vector<std::string> out;
  for (const auto& [k, v] : registry()) out.push_back(k);
  return out;
}

}  // namespace sl::jobs
