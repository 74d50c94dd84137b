#include "jobs/push/reports.h"

#include <mutex>

namespace sl::jobs {

namespace {
std::mutex mu;
std::map<std::string, ReportBuilder>& registry() {
  static std::map<std::string, ReportBuilder> r;
  return r;
}
}  // namespace

void register_report(const std::string& page, ReportBuilder b) {
  std::lock_guard lock(mu);
  registry()[page] = std::move(b);
}

const ReportBuilder* find_report(const std::string& page) {
  std::lock_guard lock(mu);
  auto it = registry().find(page);
  return it == registry().end() ? nullptr : &it->second;
}

std::vector<std::string> report_pages() {
  std::lock_guard lock(mu);
  std::vector<std::string> out;
  for (const auto& [k, v] : registry()) out.push_back(k);
  return out;
}

}  // namespace sl::jobs
