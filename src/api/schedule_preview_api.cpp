// GET /api/v1/subscriptions/schedule-preview?schedule=…&n=3&after=YYYY-MM-DD HH:MM — the next
// run times of a schedule before it is saved (the subscription form's preview), computed by
// jobs/schedule.h, the code the scheduler runs on. Any signed-in user; nothing is stored.
// after: the moment to count from (default now, the server's wall clock); n: 1..10 (default 3).
#include <boost/json.hpp>
#include <cstdio>

#include "api/json_fields.h"
#include "api/routes.h"
#include "api/subscriptions.h"
#include "auth/auth.h"
#include "jobs/schedule.h"

namespace sl::api {

namespace {

namespace json = boost::json;

jobs::LocalTime read_after(const http::Request& req) {
  const std::string s = req.query_value("after");
  if (s.empty()) return jobs::local_time(auth::system_clock_seconds());
  int h = -1, m = -1;
  char tail = 0;
  const auto day = s.size() == 16 ? parse_date(std::string_view(s).substr(0, 10)) : std::nullopt;
  if (!day || s[10] != ' ' || std::sscanf(s.c_str() + 11, "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 ||
      m > 59)
    throw invalid_field("after", "after 应为 YYYY-MM-DD HH:MM：" + s, "after must be YYYY-MM-DD HH:MM: " + s);
  return {*day, h * 60 + m};
}

int read_count(const http::Request& req) {
  const std::string s = req.query_value("n", "3");
  int n = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%d%c", &n, &tail) != 1 || n < 1 || n > 10)
    throw invalid_field("n", "n 应为 1 到 10 的整数", "n must be a whole number from 1 to 10");
  return n;
}

}  // namespace

void add_schedule_preview_route(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/subscriptions/schedule-preview", [&ctx](http::Request& req) {
    require_caller(ctx, req);
    const std::string text = req.query_value("schedule");
    const jobs::Schedule s = jobs::parse_schedule(text);  // 422 on field "schedule"
    const jobs::LocalTime after = read_after(req);
    json::array runs;
    for (const auto& t : jobs::next_runs(s, after, read_count(req))) runs.push_back(json::string(jobs::format_local(t)));
    return http::json_response(200, json::object{{"schedule", text}, {"next_runs", std::move(runs)}});
  });
}

}  // namespace sl::api
