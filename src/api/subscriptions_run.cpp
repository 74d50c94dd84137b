#include <boost/json.hpp>
#include <set>

#include "api/report_pieces.h"
#include "api/subscriptions.h"
#include "jobs/push/mime.h"
#include "jobs/push/payload.h"
#include "jobs/push/report_files.h"
#include "jobs/push/send.h"
#include "jobs/render/render.h"
#include "jobs/schedule.h"
#include "core/error.h"

namespace sl::api {

namespace json = boost::json;
using Sub = store::PushStore::Subscription;
using Delivery = store::PushStore::Delivery;

namespace {

std::vector<std::string> strings(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  const json::value list = json::parse(text);
  for (const auto& v : list.as_array())
    if (v.is_string()) out.emplace_back(v.as_string());
  return out;
}

}  // namespace

bool condition_holds(const std::string& condition, const std::map<std::string, double>& metrics) {
  if (condition.empty()) return true;
  const auto c = json::parse(condition).as_object();
  const std::string metric(c.at("metric").as_string()), op(c.at("op").as_string());
  const double value = c.at("value").to_number<double>();
  auto it = metrics.find(metric);
  if (it == metrics.end()) return false;  // undefined here (e.g. no target): nothing to report
  const double x = it->second;
  return op == "<" ? x < value : op == "<=" ? x <= value : op == ">" ? x > value : op == ">=" ? x >= value : false;
}

std::string address_of(const model::User& u, const std::string& channel) {
  if (channel == "email") return u.email;
  if (channel == "wecom") return u.wecom_id.empty() ? "group" : u.wecom_id;
  if (channel == "dingtalk") return u.dingtalk_id.empty() ? "group" : u.dingtalk_id;
  if (channel == "webhook") return "webhook";  // the URL is in the channel settings (a secret)
  return "";
}

std::vector<model::User> subscription_recipients(Context& ctx, const Sub& s) {
  const auto r = json::parse(s.recipients).as_object();
  auto ids = [&](const char* k) {
    std::set<int64_t> out;
    if (auto* a = r.if_contains(k); a && a->is_array())
      for (const auto& v : a->as_array())
        if (v.is_int64()) out.insert(v.as_int64());
    return out;
  };
  std::set<std::string> roles;
  if (auto* a = r.if_contains("roles"); a && a->is_array())
    for (const auto& v : a->as_array())
      if (v.is_string()) roles.emplace(v.as_string());
  const auto users = ids("users"), regions = ids("region_managers");
  const auto snap = ctx.snapshots.current();
  const auto& d = *snap->dims;
  std::vector<model::User> out;
  for (const auto& u : ctx.store.list_users()) {
    if (!u.active) continue;
    bool in = users.count(u.id) > 0 || roles.count(std::string(model::role_code(u.role))) > 0;
    if (!in && u.role == model::Role::manager)
      for (int64_t rid : regions)
        if (engine::scope_region(d, d.find_region(rid)).sees_region(d.find_region(u.region))) in = true;
    if (in) out.push_back(u);
  }
  return out;
}

RunOutcome run_subscription(Context& ctx, const Sub& s, const std::vector<model::User>& recipients,
                            const std::string& run_key, int64_t now, const std::string& base_url) {
  const jobs::ReportBuilder* build = jobs::find_report(s.page);
  if (!build) throw invalid_field("page", "该页面不能订阅：" + s.page, "This page cannot be subscribed to: " + s.page);
  const auto snap = ctx.snapshots.current();
  const json::object params = s.params.empty() ? json::object{} : json::parse(s.params).as_object();
  const auto channels = strings(s.channels), formats = strings(s.formats);
  const bool xlsx = std::find(formats.begin(), formats.end(), "xlsx") != formats.end();
  const std::string key = run_key.empty() ? "now-" + std::to_string(now) + "-" + jobs::random_hex(6) : run_key;
  RunOutcome out;
  std::vector<Delivery> ds;
  for (const auto& u : recipients) {
    const Lang lang = u.lang == "en" ? Lang::en : Lang::zh;
    const engine::Scope scope = scope_for(u, *snap);
    const jobs::ReportInput in{*snap, scope, u, lang, params, ctx.today(), base_url, &ctx};
    const jobs::ReportOutput rep = (*build)(in);
    if (!condition_holds(s.condition, rep.metrics)) {
      ++out.skipped;
      continue;
    }
    for (const auto& ch : channels) {
      Delivery d;
      d.subscription = s.id;
      d.recipient = u.id;
      d.channel = ch;
      d.address = address_of(u, ch);
      if (d.address.empty()) {
        out.missing.push_back(u.login + ": " + ch);
        continue;
      }
      d.idem_key = "sub:" + std::to_string(s.id) + ":" + key + ":" + std::to_string(u.id) + ":" + ch;
      d.subject = rep.doc.title + " · " + rep.doc.subtitle;
      d.message_id = jobs::make_message_id(d.idem_key, "salesloop");
      d.created_at = now;
      d.next_attempt_at = now;
      if (ch == "email") {
        d.files.push_back({"body.html", "text/html", jobs::email_html(rep.doc)});
        if (xlsx)
          for (auto& f : jobs::xlsx_files(rep.doc)) d.files.push_back(std::move(f));
        jobs::attach_rendered(rep.doc, formats, d.files);
      } else if (ch == "webhook") {
        const std::string md = jobs::report_markdown(rep.doc, jobs::kDingtalkMarkdownLimit);
        d.files.push_back({"payload.json", "application/json", jobs::webhook_payload(s.id, s.page, rep.doc, rep.metrics, u, md)});
      } else {
        const size_t limit = ch == "wecom" ? jobs::kWecomMarkdownLimit : jobs::kDingtalkMarkdownLimit;
        d.files.push_back({"message.md", "text/markdown", jobs::report_markdown(rep.doc, limit)});
        if (ch == "wecom" && !rep.doc.charts.empty()) {  // the first chart as an image message (≤ 2 MB)
          std::string png = jobs::render_chart_png(rep.doc.charts.front(), jobs::kChartWidth, jobs::kChartHeight);
          if (png.size() <= jobs::kWecomImageLimit) d.files.push_back({"image.png", "image/png", std::move(png)});
        }
      }
      ds.push_back(std::move(d));
    }
  }
  out.claimed = ctx.store.claim_run(run_key.empty() ? 0 : s.id, key, ds);
  if (out.claimed) out.queued = static_cast<int>(ds.size());
  return out;
}

int run_due_subscriptions(Context& ctx, int64_t now) {
  const jobs::LocalTime here = jobs::local_time(now);
  std::string base = ctx.store.push_setting("base_url");
  int runs = 0;
  for (const auto& s : ctx.store.subscriptions()) {
    if (!s.enabled) continue;
    jobs::Schedule sched;
    try {
      sched = jobs::parse_schedule(s.schedule);
    } catch (const AppError&) {
      continue;
    }
    // The latest run time at or before now, after the last claimed one (or the creation).
    jobs::LocalTime from = jobs::local_time(s.created_at);
    if (!s.last_run_key.empty() && s.last_run_key.size() == 16)
      if (auto day = parse_date(s.last_run_key.substr(0, 10)))
        from = {*day, std::stoi(s.last_run_key.substr(11, 2)) * 60 + std::stoi(s.last_run_key.substr(14, 2))};
    std::optional<jobs::LocalTime> due;
    for (int i = 0; i < 1000; ++i) {
      auto next = jobs::next_runs(sched, due.value_or(from), 1);
      if (next.empty() || here < next.front()) break;
      due = next.front();
    }
    if (!due) continue;
    const auto out = run_subscription(ctx, s, subscription_recipients(ctx, s), jobs::format_local(*due), now, base);
    if (out.claimed) ++runs;
  }
  return runs;
}

}  // namespace sl::api
