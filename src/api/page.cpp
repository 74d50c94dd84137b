#include "api/page.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace sl::api {

bool Params::has(const std::string& name) const {
  auto it = values_.find(name);
  return it != values_.end() && !std::holds_alternative<std::monostate>(it->second);
}
Date Params::date(const std::string& name) const { return std::get<Date>(values_.at(name)); }
Period Params::period(const std::string& name) const { return std::get<Period>(values_.at(name)); }
int64_t Params::number(const std::string& name, int64_t absent) const {
  return has(name) ? std::get<int64_t>(values_.at(name)) : absent;
}
std::string Params::text(const std::string& name) const {
  return has(name) ? std::get<std::string>(values_.at(name)) : "";
}

ParamSpec as_of_param() {
  ParamSpec s{"as_of", ParamSpec::Type::date};
  s.fallback = [](const PageCall& q) { return format_date(q.ctx.today()); };
  return s;
}

ParamSpec period_param(bool custom) {
  ParamSpec s{"period", ParamSpec::Type::period};
  s.custom_range = custom;
  s.fallback = [](const PageCall& q) { return format_month(Month::of(q.p.date("as_of"))); };
  return s;
}

ParamSpec id_param(std::string name) { return ParamSpec{std::move(name), ParamSpec::Type::id}; }
ParamSpec text_param(std::string name) { return ParamSpec{std::move(name), ParamSpec::Type::text}; }

ParamSpec count_param(std::string name, int64_t fallback, int64_t min, int64_t max, std::string zh, std::string en) {
  ParamSpec s{std::move(name), ParamSpec::Type::count};
  s.fallback = [fallback](const PageCall&) { return std::to_string(fallback); };
  s.min = min, s.max = max, s.bounds_zh = std::move(zh), s.bounds_en = std::move(en);
  return s;
}

ParamSpec choice_param(std::string name, std::string fallback, std::vector<std::string> choices, std::string zh,
                       std::string en) {
  ParamSpec s{std::move(name), ParamSpec::Type::choice};
  s.fallback = [fallback](const PageCall&) { return fallback; };
  s.choices = std::move(choices), s.choice_zh = std::move(zh), s.choice_en = std::move(en);
  return s;
}

std::vector<ParamSpec> filter_params() {
  return {id_param("region"), id_param("rep"), text_param("industry"), text_param("category"),
          choice_param("size", "", {model::customer_size_codes().begin(), model::customer_size_codes().end()},
                       "客户规模应为 large、medium 或 small：", "size must be large, medium or small: ")};
}

analytics::DoFilter filter_of(const PageCall& q) {
  return {q.p.number("region"), q.p.number("rep"), q.p.text("industry"), q.p.text("category"), q.p.text("size")};
}

engine::Scope filter_scope(const PageCall& q) { return analytics::narrow_scope(*q.c.snap, q.c.scope, filter_of(q)); }

std::vector<ParamSpec> join(std::vector<ParamSpec> a, const std::vector<ParamSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

namespace {

Period decode_period(const std::string& v, bool custom) {
  auto dots = v.find("..");
  if (dots == std::string::npos || !custom) return query_period(v, "period");
  auto a = parse_date(v.substr(0, dots)), b = parse_date(v.substr(dots + 2));
  if (!a || !b || *b < *a || b->days - a->days > 3 * 366)
    throw invalid_field("period", "自定义区间应为 YYYY-MM-DD..YYYY-MM-DD，且不超过三年：" + v,
                        "A custom range is YYYY-MM-DD..YYYY-MM-DD, at most three years: " + v);
  return Period{PeriodKind::custom, *a, *b};
}

}  // namespace

Params decode_params(const std::vector<ParamSpec>& specs, const PageCall& call) {
  PageCall q{call.ctx, call.req, call.c, {}, call.scope};  // fallbacks read what is decoded so far
  for (const auto& s : specs) {
    std::string v = call.req.query_value(s.name);
    if (v.empty() && s.fallback) v = s.fallback(q);
    Params::Value value;
    std::string key;
    if (!v.empty()) switch (s.type) {
        case ParamSpec::Type::date: {
          Date d = query_date(v, s.name);
          value = d, key = std::to_string(d.days);
          break;
        }
        case ParamSpec::Type::period: {
          Period p = decode_period(v, s.custom_range);
          value = p, key = std::to_string(p.first.days) + "~" + std::to_string(p.last.days);
          break;
        }
        case ParamSpec::Type::id: {
          int64_t id = query_id(v, s.name);
          value = id, key = std::to_string(id);
          break;
        }
        case ParamSpec::Type::count: {
          // Any value that is not a whole number within the bounds gets the bounds' message
          // ("window 应在 1 到 3650 之间"), not an id's.
          int64_t n = 0;
          auto r = std::from_chars(v.data(), v.data() + v.size(), n);
          if (r.ec != std::errc() || r.ptr != v.data() + v.size() || n < s.min || n > s.max)
            throw invalid_field(s.name, s.bounds_zh, s.bounds_en);
          value = n, key = std::to_string(n);
          break;
        }
        case ParamSpec::Type::choice: {
          bool ok = false;
          for (const auto& c : s.choices) ok |= c == v;
          if (!ok) throw invalid_field(s.name, s.choice_zh + v, s.choice_en + v);
          value = v, key = v;
          break;
        }
        case ParamSpec::Type::text: value = v, key = v; break;
      }
    q.p.set(s.name, value);
    if (s.keys_result) q.p.add_to_key(s.name + "=" + key);
  }
  return std::move(q.p);
}

Lang download_lang(const http::Request& req) {
  std::string l = req.query_value("lang");
  if (l.rfind("en", 0) == 0) return Lang::en;
  if (l.rfind("zh", 0) == 0) return Lang::zh;
  return req.lang();
}

namespace page_detail {

namespace {
std::mutex runners_mu;
std::map<std::string, Runner>& runners() {
  static std::map<std::string, Runner> r;
  return r;
}
}  // namespace

void add_runner(const std::string& path, Runner run) {
  std::lock_guard lock(runners_mu);
  runners()[path] = std::move(run);
}

http::Response serve(Context& ctx, http::Request& req, const std::vector<ParamSpec>& specs,
                     const std::function<engine::Scope(const PageCall&)>& scope,
                     const std::function<http::Response(PageCall&)>& answer) {
  Caller c = require_caller(ctx, req);
  PageCall q{ctx, req, c, {}, c.scope};
  q.p = decode_params(specs, q);
  if (scope) q.scope = scope(q);
  return answer(q);
}

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

http::Response json_answer(const std::function<json::value()>& encode, const std::function<void(JsonWriter&)>& write,
                           double analytics_ms) {
  static const bool check = [] {
    const char* v = std::getenv("SALESLOOP_JSON_CHECK");
    return v && std::string(v) == "1";
  }();
  const auto t = std::chrono::steady_clock::now();
  http::Response res;
  if (write) {
    JsonWriter w(res.body);
    write(w);
  } else {
    res.body = json::serialize(encode());
  }
  const double encode_ms = ms_since(t);
  if (write && check && json::serialize(encode()) != res.body)
    throw AppError(500, "encode_mismatch", "", "流式 JSON 与 DOM 编码不一致", "The streamed JSON differs from the DOM encoding");
  char timing[96];
  std::snprintf(timing, sizeof timing, "analytics;dur=%.2f, encode;dur=%.2f", analytics_ms, encode_ms);
  res.headers.emplace_back("Server-Timing", timing);
  return res;
}

}  // namespace page_detail

PageRun run_page(Context& ctx, const std::string& path, const Caller& c, const std::map<std::string, std::string>& query,
                 const std::vector<std::string>& tables) {
  page_detail::Runner run;
  {
    std::lock_guard lock(page_detail::runners_mu);
    auto it = page_detail::runners().find(path);
    if (it == page_detail::runners().end()) throw not_found();
    run = it->second;
  }
  http::Request req;
  req.path = path;
  req.query = query;
  return run(ctx, c, req, tables);
}

}  // namespace sl::api
