#include "jobs/push/payload.h"

#include <boost/json.hpp>

namespace sl::jobs {

namespace json = boost::json;

std::string webhook_payload(int64_t subscription, const std::string& page, const ReportDoc& doc,
                            const std::map<std::string, double>& metrics, const model::User& recipient,
                            const std::string& markdown) {
  json::array kpis;
  for (const auto& k : doc.kpis) kpis.push_back(json::object{{"label", k.label}, {"value", k.value}, {"note", k.note}});
  json::object m;
  for (const auto& [k, v] : metrics) m[k] = v;
  return json::serialize(json::object{
      {"event", "report"},
      {"subscription", subscription},
      {"page", page},
      {"title", doc.title},
      {"subtitle", doc.subtitle},
      {"link", doc.link},
      {"lang", doc.lang == Lang::en ? "en" : "zh-CN"},
      {"recipient", json::object{{"id", recipient.id}, {"login", recipient.login}, {"name", recipient.display_name}}},
      {"kpis", std::move(kpis)},
      {"metrics", std::move(m)},
      {"markdown", markdown}});
}

}  // namespace sl::jobs
