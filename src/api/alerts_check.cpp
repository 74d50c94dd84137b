// The alert check: each enabled rule measured on its owner's scope by the page's own code
// (jobs/alerts/catalogue.h for thresholds, analytics::detect_anomalies for D2), the breaches
// planned against the rule's alerts (jobs/alerts/dedupe.h), each new alert written with its
// outbox rows in one transaction (store::AlertStore::open_alert).
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>

#include "analytics/do/anomalies.h"
#include "api/alerts.h"
#include "api/json_fields.h"
#include "api/subscriptions.h"
#include "jobs/alerts/dedupe.h"
#include "jobs/push/mime.h"
#include "jobs/push/report_files.h"
#include "jobs/push/send.h"

namespace sl::api {

namespace json = boost::json;
using Rule = store::AlertStore::AlertRule;
using jobs::alerts::Finding;

namespace {

std::string fixed1(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

std::string figure(double x, const std::string& unit, bool zh) {
  if (unit == "points") return fixed1(x * 100) + (zh ? " 点" : " pts");
  if (unit == "ratio") return fixed1(x * 100) + "%";
  if (unit == "count") return std::to_string(std::llround(x));
  if (unit == "money") return zh ? fixed1(x / 1e6) + " 万元" : fixed1(x / 1e5) + "K";  // fen
  return fixed1(x);
}

json::object filters_of(const Rule& r) {
  if (r.filters.empty()) return {};
  json::value v = json::parse(r.filters);
  return v.is_object() ? v.as_object() : json::object{};
}

std::vector<Finding> threshold_findings(Context& ctx, const Rule& r, const engine::Snapshot& snap, const ResolvedScope& rs,
                                        const model::User& owner, Date today) {
  const auto* m = jobs::alerts::find_metric(r.metric);
  if (!m) throw std::runtime_error("unknown metric " + r.metric);
  const json::object filters = filters_of(r);
  const auto got = jobs::alerts::measure(*m, {snap, rs.scope, owner, rs.where, filters, today, &ctx});
  if (!got.value) return {};
  const std::string cond = json::serialize(json::object{{"metric", "x"}, {"op", r.op}, {"value", r.value}});
  if (!condition_holds(cond, {{"x", *got.value}})) return {};
  Finding f;
  f.key = got.key;
  f.measured = got.value;
  f.link = got.link;
  f.title_zh = r.name + "：" + got.where_zh + " " + m->zh + " " + figure(*got.value, m->unit, true) + "（阈值 " + r.op +
               " " + figure(r.value, m->unit, true) + "）";
  f.title_en = r.name + ": " + got.where_en + " " + m->en + " " + figure(*got.value, m->unit, false) +
               " (threshold " + r.op + " " + figure(r.value, m->unit, false) + ")";
  f.figures = json::serialize(json::object{{"metric", r.metric}, {"value", *got.value}, {"op", r.op}, {"threshold", r.value},
                                           {"scope", rs.where.code}});
  return f.key.empty() ? std::vector<Finding>{} : std::vector<Finding>{f};
}

std::vector<Finding> anomaly_findings(const Rule& r, const engine::Snapshot& snap, const ResolvedScope& rs, Date today) {
  const Month last = Month::of(today), first{last.index - 1};
  std::vector<Finding> out;
  for (const auto& a : analytics::detect_anomalies(snap, rs.scope, {}, first, last, today)) {
    if (r.severity == "high" && a.severity != "high") continue;
    const std::string month = format_month(a.month), metric = analytics::do_metric_code(a.metric);
    std::string rules;
    for (const auto& x : a.rules) rules += (rules.empty() ? "" : "+") + x;
    Finding f;
    f.key = a.key();
    f.link = "/do/process?period=" + month + (a.unit == "rep" ? "&rep=" : "&region=") + std::to_string(a.id);
    f.title_zh = r.name + "：" + a.name + " " + month + " " + metric + " 异常（" + rules + "，" +
                 (a.severity == "high" ? "高" : "中") + "）";
    f.title_en = r.name + ": " + a.name + " " + month + " " + metric + " anomaly (" + rules + ", " + a.severity + ")";
    json::object fig{{"unit", a.unit}, {"id", a.id}, {"name", a.name}, {"metric", metric}, {"month", month},
                     {"rules", rules}, {"severity", a.severity}, {"value", a.value}};
    if (a.yoy) fig["yoy"] = *a.yoy;
    if (a.completion) fig["completion"] = *a.completion;
    f.figures = json::serialize(fig);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> channels_of(const Rule& r) {
  std::vector<std::string> out;
  if (r.channels.empty()) return out;
  const json::value list = json::parse(r.channels);  // kept: a range-for would not keep parse's temporary
  for (const auto& v : list.as_array())
    if (v.is_string()) out.emplace_back(v.as_string());
  return out;
}

// The outbox rows of a new alert, one per channel the owner has an address on, in their language.
std::vector<store::PushStore::Delivery> deliveries_of(const Rule& r, const Finding& f, const model::User& owner,
                                                      const std::string& base_url, int64_t now) {
  const bool zh = owner.lang != "en";
  const std::string title = zh ? f.title_zh : f.title_en, url = base_url + f.link;
  // The e-mail and robot writers of pushed reports, on a one-line report.
  jobs::ReportDoc doc;
  doc.lang = zh ? Lang::zh : Lang::en;
  doc.title = (zh ? "预警：" : "Alert: ") + r.name;
  doc.subtitle = title;
  doc.link = url;
  std::vector<store::PushStore::Delivery> out;
  for (const auto& ch : channels_of(r)) {
    store::PushStore::Delivery d;
    d.recipient = owner.id;
    d.channel = ch;
    d.address = address_of(owner, ch);
    if (d.address.empty()) continue;
    d.idem_key = "alert:" + std::to_string(r.id) + ":" + f.key + ":" + std::to_string(now) + ":" + ch;
    d.subject = (zh ? "预警：" : "Alert: ") + title;
    d.message_id = jobs::make_message_id(d.idem_key, "salesloop");
    d.created_at = d.next_attempt_at = now;
    if (ch == "email")
      d.files.push_back({"body.html", "text/html", jobs::email_html(doc)});
    else
      d.files.push_back({"message.md", "text/markdown",
                         jobs::report_markdown(doc, ch == "wecom" ? jobs::kWecomMarkdownLimit : jobs::kDingtalkMarkdownLimit)});
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::optional<ResolvedScope> resolve_rule_scope(const engine::Snapshot& snap, const model::User& owner,
                                                const std::string& code) {
  const auto& d = *snap.dims;
  const engine::Scope mine = scope_for(owner, snap);
  ResolvedScope out;
  out.where.code = code;
  if (code == "company") {
    if (!mine.everything) return std::nullopt;
    out.scope = mine;
    return out;
  }
  const auto colon = code.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string kind = code.substr(0, colon), num = code.substr(colon + 1);
  if (num.empty() || num.size() > 18 || num.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const Id id = std::stoll(num);
  if (kind == "region") {
    const int32_t ri = d.find_region(id);
    if (!mine.sees_region(ri)) return std::nullopt;
    out.where.region = id;
    out.scope = engine::scope_region(d, ri);
    return out;
  }
  if (kind == "rep") {
    const int32_t pi = d.find_rep(id);
    if (!mine.sees_rep(pi)) return std::nullopt;
    out.where.rep = id;
    out.scope = engine::scope_rep(d, pi);
    return out;
  }
  return std::nullopt;
}

int alert_check_minutes(store::Store& store) {
  const std::string v = store.push_setting("alert_check_minutes");
  try {
    const int m = v.empty() ? 60 : std::stoi(v);
    return m > 0 ? m : 60;
  } catch (const std::exception&) {
    return 60;
  }
}

AlertCheckRun check_alerts(Context& ctx, int64_t now, Id only) {
  AlertCheckRun run;
  const auto snap = ctx.snapshots.current();
  const Date today = ctx.today();
  const std::string base = ctx.store.push_setting("base_url");
  for (const auto& r : ctx.store.alert_rules(0)) {
    if (!r.enabled || (only && r.id != only)) continue;
    try {
      const auto rec = ctx.store.find_user(r.owner);
      if (!rec || !rec->user.active) continue;
      const model::User& owner = rec->user;
      const auto rs = resolve_rule_scope(*snap, owner, r.scope);
      std::vector<Finding> found;
      // A scope the owner no longer sees finds nothing: its open alerts close.
      if (rs) found = r.kind == "anomaly" ? anomaly_findings(r, *snap, *rs, today) : threshold_findings(ctx, r, *snap, *rs, owner, today);
      const auto plan = jobs::alerts::plan_alerts(r.kind, ctx.store.rule_alerts(r.id), found);
      for (const auto& f : plan.open) {
        store::AlertStore::Alert a;
        a.rule = r.id;
        a.owner = r.owner;
        a.key = f.key;
        a.title_zh = f.title_zh;
        a.title_en = f.title_en;
        a.measured = f.measured;
        a.threshold = r.value;
        a.link = f.link;
        a.figures = f.figures;
        a.opened_at = now;
        if (ctx.store.open_alert(a, deliveries_of(r, f, owner, base, now))) ++run.opened;
      }
      for (Id id : plan.close) {
        ctx.store.close_alert(id, now);
        ++run.closed;
      }
      ++run.rules;
    } catch (const std::exception& e) {
      run.errors.push_back("rule " + std::to_string(r.id) + ": " + e.what());
    }
  }
  return run;
}

}  // namespace sl::api
