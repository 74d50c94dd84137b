// GET /api/v1/check/review: C1 销售结果复盘 — the whole page in one answer (blocking
// customers paginated: page, page_size, sort; reps and 大区 the first `top`), or with
// format=xlsx|csv|json&table=totals|trend|cohorts|aging|customers|reps|regions one table in full.
#include <algorithm>

#include "analytics/check/review.h"
#include "api/do_json.h"
#include "api/json_fields.h"
#include "api/page.h"
#include "api/rep_json.h"
#include "api/routes.h"

namespace sl::api {

using namespace do_api;

namespace {

using analytics::BlockerRow;
using analytics::CohortRow;
using analytics::ReviewResult;
using present::Unit;
using present::Value;

const char* const kBuckets[] = {"1_30", "31_60", "61_90", "91_180", "over_180"};

json::value opt_money(const std::optional<Money>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object blocker_json(const BlockerRow& r, bool customer) {
  json::object o{{"id", r.id},
                 {"name", r.name},
                 {"region", r.region},
                 {"receivable", r.figures.receivable},
                 {"overdue", r.figures.overdue},
                 {"items", r.figures.items},
                 {"max_days", r.figures.max_days},
                 {"share", r.share}};
  if (customer)
    o["owner"] = r.owner ? json::value(json::object{{"id", r.owner}, {"name", r.owner_name}}) : json::value(nullptr);
  return o;
}

json::object cohort_json(const CohortRow& c, bool with_month) {
  json::object o{{"signed", c.signed_amount}, {"collected", c.collected}, {"share", opt(c.share)}};
  if (with_month) {
    json::array curve;
    for (double x : c.curve) curve.push_back(x);
    o["month"] = format_month(c.month);
    o["curve"] = std::move(curve);
  }
  return o;
}

// Positions in r.customers of the first `count` customers in the order asked: the result's
// own order for overdue (the default: it is overdue, largest first, ties by id), else by the
// key, largest first, ties in the result's order (a stable sort's order) — only the rows
// answered are put in order, and no row is copied.
std::vector<size_t> customer_order(const ReviewResult& r, const std::string& sort, size_t count) {
  const auto& rows = r.customers;
  count = std::min(count, rows.size());
  std::vector<size_t> pos(sort == "overdue" ? count : rows.size());
  for (size_t i = 0; i < pos.size(); ++i) pos[i] = i;
  if (sort == "overdue") return pos;
  auto key = [&sort](const BlockerRow& x) -> int64_t {
    if (sort == "receivable") return x.figures.receivable;
    if (sort == "max_days") return x.figures.max_days;
    return x.figures.items;
  };
  std::vector<int64_t> keys(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) keys[i] = key(rows[i]);
  std::partial_sort(pos.begin(), pos.begin() + static_cast<long>(count), pos.end(), [&keys](size_t a, size_t b) {
    return keys[a] != keys[b] ? keys[a] > keys[b] : a < b;
  });
  pos.resize(count);
  return pos;
}

// Every customer in the order asked (the export).
std::vector<BlockerRow> sorted_customers(const ReviewResult& r, const std::string& sort) {
  std::vector<BlockerRow> out;
  for (size_t i : customer_order(r, sort, r.customers.size())) out.push_back(r.customers[i]);
  return out;
}

json::value review_json(const PageCall& q, const ReviewResult& r) {
  const Period period = q.p.period("period");
  const Date as_of = q.p.date("as_of");
  const auto& t = r.totals;
  json::array trend, cohorts;
  for (const auto& m : r.trend)
    trend.push_back(json::object{{"month", format_month(m.month)},
                                 {"sales", opt_money(m.sales)},
                                 {"collections", opt_money(m.collections)},
                                 {"collection_rate", opt(m.collection_rate)},
                                 {"sales_last_year", m.sales_last_year},
                                 {"collections_last_year", m.collections_last_year},
                                 {"collection_rate_last_year", opt(m.collection_rate_last_year)}});
  for (const auto& c : r.cohorts) cohorts.push_back(cohort_json(c, true));
  json::object aging, aging_items;
  for (size_t b = 0; b < 5; ++b) {
    aging[kBuckets[b]] = r.aging.buckets[b].amount;
    aging_items[kBuckets[b]] = r.aging.buckets[b].items;
  }
  const size_t page = static_cast<size_t>(q.p.number("page")), size = static_cast<size_t>(q.p.number("page_size"));
  const size_t top = static_cast<size_t>(q.p.number("top"));
  const auto order = customer_order(r, q.p.text("sort"), page * size);
  json::array customer_rows, rep_rows, region_rows;
  const engine::Dims& d = *q.c.snap->dims;
  for (size_t k = (page - 1) * size; k < order.size(); ++k) {
    const BlockerRow& x = r.customers[order[k]];
    customer_rows.push_back(blocker_json(x, true));
    if (x.owner) add_employee_no(customer_rows.back().at("owner").as_object(), d, x.owner);
  }
  for (size_t i = 0; i < r.reps.size() && i < top; ++i) {
    rep_rows.push_back(blocker_json(r.reps[i], false));
    add_employee_no(rep_rows.back().as_object(), d, r.reps[i].id);
  }
  for (size_t i = 0; i < r.regions.size() && i < top; ++i) region_rows.push_back(blocker_json(r.regions[i], false));
  const auto f = filter_of(q);
  auto window = [](const analytics::Window& w) {
    return json::object{{"first", format_date(w.first)}, {"last", format_date(w.last)}};
  };
  return json::object{
      {"period", period_json(period, as_of)},
      {"as_of", format_date(as_of)},
      {"filter", json::object{{"region", f.region ? json::value(f.region) : json::value(nullptr)},
                              {"rep", f.rep ? json::value(f.rep) : json::value(nullptr)},
                              {"industry", f.industry},
                              {"category", f.category},
                              {"size", f.size}}},
      {"windows", json::object{{"current", window(r.current)}, {"yoy", window(r.yoy)}}},
      {"totals", json::object{{"sales", t.sales},
                              {"collections", t.collections},
                              {"collection_rate", opt(t.collection_rate)},
                              {"sales_last_year", t.sales_last_year},
                              {"collections_last_year", t.collections_last_year},
                              {"collection_rate_last_year", opt(t.collection_rate_last_year)},
                              {"sales_yoy", opt(t.sales_yoy)},
                              {"collections_yoy", opt(t.collections_yoy)}}},
      {"trend_year", r.trend_year},
      {"trend", std::move(trend)},
      {"cohort", cohort_json(r.cohort, false)},
      {"cohorts", std::move(cohorts)},
      {"receivables", r.aging.receivable},
      {"overdue", r.aging.overdue},
      {"overdue_rate", opt(r.aging.receivable > 0 ? std::optional<double>(static_cast<double>(r.aging.overdue) /
                                                                          static_cast<double>(r.aging.receivable))
                                                  : std::nullopt)},
      {"sales_90d", r.sales_90d},
      {"dso", opt(r.dso)},
      {"aging", std::move(aging)},
      {"aging_items", std::move(aging_items)},
      {"blockers",
       json::object{{"customers", json::object{{"total", r.customers.size()},
                                               {"page", page},
                                               {"page_size", size},
                                               {"sort", q.p.text("sort")},
                                               {"rows", std::move(customer_rows)}}},
                    {"reps", json::object{{"total", r.reps.size()}, {"rows", std::move(rep_rows)}}},
                    {"regions", json::object{{"total", r.regions.size()}, {"rows", std::move(region_rows)}}}}},
      {"options", filter_options(q.c)}};
}

// --- tables ---

present::Table totals_table(const ReviewResult& r) {
  using Row = int;
  const auto& t = r.totals;
  const present::TableSpec<Row> spec{
      "c1_totals",
      {{{"sales", "col.sales", Unit::money}, [&](const Row&) { return Value{t.sales}; }},
       {{"collections", "col.collections", Unit::money}, [&](const Row&) { return Value{t.collections}; }},
       {{"collection_rate", "col.collection_rate", Unit::percent},
        [&](const Row&) { return present::opt_value(t.collection_rate); }},
       {{"sales_yoy", "col.yoy", Unit::percent, "metric.sales"},
        [&](const Row&) { return present::opt_value(t.sales_yoy); }},
       {{"collections_yoy", "col.yoy", Unit::percent, "metric.collection"},
        [&](const Row&) { return present::opt_value(t.collections_yoy); }},
       {{"cohort_share", "col.cohort_share", Unit::percent},
        [&](const Row&) { return present::opt_value(r.cohort.share); }},
       {{"receivables", "col.receivable", Unit::money}, [&](const Row&) { return Value{r.aging.receivable}; }},
       {{"overdue", "col.overdue", Unit::money}, [&](const Row&) { return Value{r.aging.overdue}; }},
       {{"sales_90d", "col.sales_90d", Unit::money}, [&](const Row&) { return Value{r.sales_90d}; }},
       {{"dso", "col.dso", Unit::number}, [&](const Row&) { return present::opt_value(r.dso); }}}};
  return spec.build({0});
}

present::Table trend_table(const ReviewResult& r) {
  using Row = analytics::ReviewMonth;
  const present::TableSpec<Row> spec{
      "c1_trend",
      {{{"month", "col.month", Unit::month}, [](const Row& m) { return Value{format_month(m.month)}; }},
       {{"sales", "col.this_year", Unit::money, "metric.sales"},
        [](const Row& m) { return present::opt_value(m.sales); }},
       {{"sales_last_year", "col.last_year", Unit::money, "metric.sales"},
        [](const Row& m) { return Value{m.sales_last_year}; }},
       {{"collections", "col.this_year", Unit::money, "metric.collection"},
        [](const Row& m) { return present::opt_value(m.collections); }},
       {{"collections_last_year", "col.last_year", Unit::money, "metric.collection"},
        [](const Row& m) { return Value{m.collections_last_year}; }},
       {{"collection_rate", "col.this_year", Unit::percent, "col.collection_rate"},
        [](const Row& m) { return present::opt_value(m.collection_rate); }},
       {{"collection_rate_last_year", "col.last_year", Unit::percent, "col.collection_rate"},
        [](const Row& m) { return present::opt_value(m.collection_rate_last_year); }}}};
  return spec.build(r.trend);
}

present::Table cohorts_table(const ReviewResult& r) {
  using Row = CohortRow;
  present::TableSpec<Row> spec{
      "c1_cohorts",
      {{{"month", "col.signed_month", Unit::month}, [](const Row& c) { return Value{format_month(c.month)}; }},
       {{"signed", "col.signed", Unit::money}, [](const Row& c) { return Value{c.signed_amount}; }},
       {{"collected", "col.collected", Unit::money}, [](const Row& c) { return Value{c.collected}; }},
       {{"share", "col.cohort_share", Unit::percent}, [](const Row& c) { return present::opt_value(c.share); }}}};
  for (size_t k = 0; k < 12; ++k)
    spec.cols.push_back({{"m" + std::to_string(k), "col.cumulative_share", Unit::percent, "", "M+" + std::to_string(k)},
                         [k](const Row& c) { return k < c.curve.size() ? Value{c.curve[k]} : Value{}; }});
  return spec.build(r.cohorts);
}

present::Table aging_table(const ReviewResult& r) {
  using Row = size_t;
  const present::TableSpec<Row> spec{
      "c1_aging",
      {{{"bucket", "col.days_past_due"},
        [](const Row& b) { return Value{present::Label{std::string("value.aging_") + kBuckets[b]}}; }},
       {{"items", "col.overdue_items", Unit::count}, [&](const Row& b) { return Value{r.aging.buckets[b].items}; }},
       {{"amount", "col.overdue", Unit::money}, [&](const Row& b) { return Value{r.aging.buckets[b].amount}; }},
       {{"share", "col.overdue_share", Unit::percent}, [&](const Row& b) {
          return r.aging.overdue > 0
                     ? Value{static_cast<double>(r.aging.buckets[b].amount) / static_cast<double>(r.aging.overdue)}
                     : Value{};
        }}}};
  return spec.build({0, 1, 2, 3, 4});
}

present::Table blockers_table(const std::string& sheet, const char* name_label, const std::vector<BlockerRow>& rows,
                              bool customer) {
  using Row = BlockerRow;
  present::TableSpec<Row> spec{sheet,
                               {{{"id", "col.id", Unit::count}, [](const Row& x) { return Value{x.id}; }},
                                {{"name", name_label}, [](const Row& x) { return Value{std::string(x.name)}; }}}};
  if (customer)
    spec.cols.push_back({{"owner", "col.owner"}, [](const Row& x) { return Value{std::string(x.owner_name)}; }});
  if (sheet != "c1_regions")
    spec.cols.push_back({{"region", "col.region"}, [](const Row& x) { return Value{std::string(x.region)}; }});
  spec.cols.push_back(
      {{"receivable", "col.receivable", Unit::money}, [](const Row& x) { return Value{x.figures.receivable}; }});
  spec.cols.push_back({{"overdue", "col.overdue", Unit::money}, [](const Row& x) { return Value{x.figures.overdue}; }});
  spec.cols.push_back(
      {{"items", "col.overdue_items", Unit::count}, [](const Row& x) { return Value{x.figures.items}; }});
  spec.cols.push_back(
      {{"max_days", "col.max_days", Unit::count}, [](const Row& x) { return Value{int64_t{x.figures.max_days}}; }});
  spec.cols.push_back({{"share", "col.overdue_share", Unit::percent}, [](const Row& x) { return Value{x.share}; }});
  return spec.build(rows);
}

ParamSpec shaping(ParamSpec s) {
  s.keys_result = false;  // slices and orders the answer, the analysis is the same
  return s;
}

}  // namespace

void add_check_review_routes(http::Router& r, Context& ctx) {
  using Table = std::function<present::Table(const PageCall&, const ReviewResult&)>;
  auto plain = [](present::Table (*make)(const ReviewResult&)) -> Table {
    return [make](const PageCall&, const ReviewResult& x) { return make(x); };
  };
  add_page<ReviewResult>(
      r, ctx,
      {
          .path = "/api/v1/check/review",
          .kind = "c1",
          .params = join(
              join({as_of_param(), period_param()}, filter_params()),
              {shaping(count_param("page", 1, 1, 100000, "page 应在 1 到 100000 之间", "page must be 1 to 100000")),
               shaping(
                   count_param("page_size", 10, 1, 100, "page_size 应在 1 到 100 之间", "page_size must be 1 to 100")),
               shaping(choice_param("sort", "overdue", {"overdue", "receivable", "max_days", "items"},
                                    "sort 应为 overdue、receivable、max_days 或 items：",
                                    "sort must be overdue, receivable, max_days or items: ")),
               shaping(count_param("top", 10, 1, 500, "top 应在 1 到 500 之间", "top must be 1 to 500"))}),
          .scope = filter_scope,
          .compute =
              [](const PageCall& q) {
                return analytics::sales_review(
                    *q.c.snap, q.scope,
                    {q.p.period("period"), q.p.date("as_of"), analytics::row_filter(*q.c.snap, filter_of(q))});
              },
          .encode = review_json,
          .tables = {{"totals", plain(totals_table)},
                     {"trend", plain(trend_table)},
                     {"cohorts", plain(cohorts_table)},
                     {"aging", plain(aging_table)},
                     {"customers",
                      [](const PageCall& q, const ReviewResult& x) {
                        return blockers_table("c1_customers", "col.customer", sorted_customers(x, q.p.text("sort")),
                                              true);
                      }},
                     {"reps",
                      [](const PageCall&, const ReviewResult& x) {
                        return blockers_table("c1_reps", "col.rep", x.reps, false);
                      }},
                     {"regions",
                      [](const PageCall&, const ReviewResult& x) {
                        return blockers_table("c1_regions", "col.region", x.regions, false);
                      }}},
          .table_zh = "table 应为 totals、trend、cohorts、aging、customers、reps 或 regions",
          .table_en = "table must be totals, trend, cohorts, aging, customers, reps or regions",
          .file = [](const PageCall& q,
                     const std::string& t) { return "c1-" + t + "-" + q.p.period("period").label(); },
      });
}

}  // namespace sl::api
