// GET /api/v1/check/rfm: C2 客户价值分析 — the eight RFM segments of the scope (counts, amount
// and shares; the suggested action is the catalogue's rfm_action.<code>), and one page of the
// customers of a segment (?segment=CODE, or of every segment), searchable by name (?q=) and
// sortable (?sort=monetary|frequency|recency|name&order=desc|asc). ?format=xlsx|csv|json with
// table=segments|customers downloads a table (customers: every row of the list, not a page).
#include <algorithm>

#include "analytics/check/rfm.h"
#include "api/check_lists.h"
#include "api/do_json.h"
#include "api/page.h"
#include "api/routes.h"

namespace sl::api {

namespace {

using present::Unit;
using present::Value;
using Row = analytics::RfmCustomer;

std::vector<std::string> segment_codes() {
  std::vector<std::string> out;
  for (int s = 7; s >= 0; --s) out.push_back(analytics::rfm_segment_code(s));
  return out;
}

// Segments in the METRICS.md order: 重要价值, 重要发展, 重要保持, 重要挽留, 一般价值, … (codes 7, 5, 3, 1, 6, 4, 2, 0).
constexpr int kSegmentOrder[8] = {7, 5, 3, 1, 6, 4, 2, 0};

std::vector<ParamSpec> rfm_params() {
  std::vector<ParamSpec> p =
      join({as_of_param(), period_param(),
            count_param("window", 365, 1, 3650, "window 应在 1 到 3650 天之间", "window must be 1 to 3650 days"),
            choice_param("threshold", "mean", {"mean", "median"}, "threshold 应为 mean 或 median：",
                         "threshold must be mean or median: ")},
           filter_params());
  std::vector<std::string> codes = segment_codes();
  ParamSpec seg = choice_param("segment", "", codes, "未知客户分群：", "Unknown segment: ");
  ParamSpec sort = choice_param("sort", "monetary", {"monetary", "frequency", "recency", "name"},
                                "sort 应为 monetary、frequency、recency 或 name：",
                                "sort must be monetary, frequency, recency or name: ");
  ParamSpec order =
      choice_param("order", "desc", {"desc", "asc"}, "order 应为 desc 或 asc：", "order must be desc or asc: ");
  for (ParamSpec* s : {&seg, &sort, &order}) s->keys_result = false;
  p.insert(p.end(), {seg, sort, order});
  return join(p, check::list_params());
}

// The customers of the list: the segment asked (or all), names holding q, in the asked order.
std::vector<const Row*> listed(const PageCall& q, const analytics::RfmResult& r) {
  const std::string seg = q.p.text("segment"), text = q.p.text("q"), sort = q.p.text("sort");
  const auto& names = q.c.snap->facts->customers.name;
  std::vector<const Row*> out;
  for (const auto& c : r.customers)
    if ((seg.empty() || seg == analytics::rfm_segment_code(c.segment)) && check::name_matches(names[c.customer], text))
      out.push_back(&c);
  const bool asc = q.p.text("order") == "asc";
  const auto& ids = q.c.snap->facts->customer_id;
  auto key_less = [&](const Row* a, const Row* b) {
    if (sort == "frequency" && a->frequency != b->frequency) return a->frequency < b->frequency;
    if (sort == "recency" && a->recency != b->recency) return a->recency < b->recency;
    if (sort == "name" && names[a->customer] != names[b->customer]) return names[a->customer] < names[b->customer];
    if (sort != "name" && a->monetary != b->monetary) return a->monetary < b->monetary;
    return false;
  };
  std::stable_sort(out.begin(), out.end(), [&](const Row* a, const Row* b) {
    if (key_less(a, b)) return asc;
    if (key_less(b, a)) return !asc;
    return ids[static_cast<size_t>(a->customer)] < ids[static_cast<size_t>(b->customer)];  // ties: lower id first
  });
  return out;
}

Money total_amount(const analytics::RfmResult& r) {
  Money t = 0;
  for (const auto& s : r.segments) t += s.amount;
  return t;
}

double share(int64_t part, int64_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

present::Table segments_table(const analytics::RfmResult& r) {
  const Money total = total_amount(r);
  const int64_t n = static_cast<int64_t>(r.customers.size());
  std::vector<int> rows(kSegmentOrder, kSegmentOrder + 8);
  auto seg = [&r](int s) { return r.segments[static_cast<size_t>(s)]; };
  const present::TableSpec<int> spec{
      "c2_segments",
      {{{"segment", "c2.segment"},
        [](const int& s) {
          return Value{present::Label{std::string("rfm_segment.") + analytics::rfm_segment_code(s)}};
        }},
       {{"customers", "c2.customers", Unit::count}, [&](const int& s) { return Value{seg(s).customers}; }},
       {{"customer_share", "c2.customer_share", Unit::percent},
        [&](const int& s) { return Value{share(seg(s).customers, n)}; }},
       {{"amount", "c2.amount", Unit::money}, [&](const int& s) { return Value{seg(s).amount}; }},
       {{"amount_share", "c2.amount_share", Unit::percent},
        [&](const int& s) { return Value{share(seg(s).amount, total)}; }},
       {{"action", "c2.action"}, [](const int& s) {
          return Value{present::Label{std::string("rfm_action.") + analytics::rfm_segment_code(s)}};
        }}}};
  return spec.build(rows);
}

present::Table customers_table(const PageCall& q, const analytics::RfmResult& r) {
  const auto& s = *q.c.snap;
  const auto& cu = s.facts->customers;
  const present::TableSpec<const Row*> spec{
      "c2_customers",
      {{{"customer", "c2.customer"}, [&](const Row* c) { return Value{cu.name[c->customer]}; }},
       {{"industry", "c2.industry"},
        [&](const Row* c) { return Value{cu.industries[static_cast<size_t>(cu.industry[c->customer])]}; }},
       {{"size", "c2.size"},
        [&](const Row* c) {
          return Value{present::Label{std::string("size.") + check::size_code(cu.size[c->customer])}};
        }},
       {{"segment", "c2.segment"},
        [](const Row* c) {
          return Value{present::Label{std::string("rfm_segment.") + analytics::rfm_segment_code(c->segment)}};
        }},
       {{"recency", "c2.recency", Unit::count}, [](const Row* c) { return Value{int64_t{c->recency}}; }},
       {{"frequency", "c2.frequency", Unit::count}, [](const Row* c) { return Value{int64_t{c->frequency}}; }},
       {{"monetary", "c2.monetary", Unit::money}, [](const Row* c) { return Value{c->monetary}; }}}};
  return spec.build(listed(q, r));
}

json::value rfm_json(const PageCall& q, const analytics::RfmResult& r) {
  const Date as_of = check::read_date(q);
  const int64_t window = q.p.number("window");
  const Money total = total_amount(r);
  const int64_t n = static_cast<int64_t>(r.customers.size());
  json::array segments;
  for (int s : kSegmentOrder) {
    const auto& x = r.segments[static_cast<size_t>(s)];
    segments.push_back(json::object{{"code", analytics::rfm_segment_code(s)},
                                    {"r_good", (s & 4) != 0},
                                    {"f_high", (s & 2) != 0},
                                    {"m_high", (s & 1) != 0},
                                    {"customers", x.customers},
                                    {"amount", x.amount},
                                    {"customer_share", share(x.customers, n)},
                                    {"amount_share", share(x.amount, total)}});
  }
  const auto& snap = *q.c.snap;
  json::object list = check::page_of(q, listed(q, r), [&](const Row& c) {
    json::object o = check::customer_json(snap, c.customer);
    o["segment"] = analytics::rfm_segment_code(c.segment);
    o["recency"] = c.recency;
    o["frequency"] = c.frequency;
    o["monetary"] = c.monetary;
    return o;
  });
  const std::string seg = q.p.text("segment");
  return json::object{{"as_of", format_date(as_of)},
                      {"period", do_api::period_json(q.p.period("period"), as_of)},
                      {"window", window},
                      {"window_first", format_date(Date{as_of.days - static_cast<int>(window) + 1})},
                      {"threshold", q.p.text("threshold")},
                      {"thresholds", json::object{{"r", r.threshold_r}, {"f", r.threshold_f}, {"m", r.threshold_m}}},
                      {"scored", n},
                      {"amount", total},
                      {"segments", std::move(segments)},
                      {"segment", seg.empty() ? json::value(nullptr) : json::value(seg)},
                      {"sort", q.p.text("sort")},
                      {"order", q.p.text("order")},
                      {"customers", std::move(list)},
                      {"options", do_api::filter_options(q.c)}};
}

}  // namespace

void add_check_rfm_routes(http::Router& r, Context& ctx) {
  add_page<analytics::RfmResult>(
      r, ctx,
      {
          .path = "/api/v1/check/rfm",
          .kind = "c2",
          .params = rfm_params(),
          .scope = filter_scope,
          .compute =
              [](const PageCall& q) {
                analytics::RfmParams p{
                    check::read_date(q), static_cast<int>(q.p.number("window")), q.p.text("threshold") == "median", {}};
                p.filter = analytics::row_filter(*q.c.snap, filter_of(q));
                return analytics::rfm(*q.c.snap, q.scope, p);
              },
          .encode = rfm_json,
          .tables = {{"segments", [](const PageCall&, const analytics::RfmResult& res) { return segments_table(res); }},
                     {"customers", customers_table}},
          .table_zh = "table 应为 segments 或 customers",
          .table_en = "table must be segments or customers",
          .file =
              [](const PageCall& q, const std::string& t) {
                const std::string seg = q.p.text("segment");
                return "c2-" + t + (t == "customers" && !seg.empty() ? "-" + seg : "") + "-" +
                       format_date(check::read_date(q));
              },
      });
}

}  // namespace sl::api
