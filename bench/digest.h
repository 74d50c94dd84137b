// A digest of every figure of a C page's result (each row, each field), so the bench can tell
// that a faster kernel gives the same answer at 10M lines: run the bench before and after a
// change with --rows 1 and compare the requests' rows.
#pragma once
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/check/churn_reasons.h"
#include "analytics/check/customer_flow.h"
#include "analytics/check/customer_profile.h"
#include "analytics/check/key_accounts.h"
#include "analytics/check/products.h"
#include "analytics/check/review.h"
#include "analytics/check/rfm.h"
#include "analytics/do/cockpit.h"

namespace sl::bench {

struct Digest {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the bytes of each value
  void bytes(const void* p, size_t n) {
    for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ull;
  }
  Digest& operator<<(int64_t v) { return bytes(&v, sizeof v), *this; }
  Digest& operator<<(double v) { return bytes(&v, sizeof v), *this; }
  Digest& operator<<(std::string_view v) {
    return *this << static_cast<int64_t>(v.size()), bytes(v.data(), v.size()), *this;
  }
  Digest& operator<<(const char* v) { return *this << std::string_view(v ? v : "(null)"); }
  template <class T>
  Digest& operator<<(const std::optional<T>& v) {
    *this << static_cast<int64_t>(v.has_value());
    if (v) *this << *v;
    return *this;
  }
  int64_t value() const { return static_cast<int64_t>(h); }
};

inline void add(Digest& d, const analytics::AgingParty& x) {
  d << x.receivable << x.overdue << x.items << int64_t{x.max_days};
}

inline int64_t digest(const analytics::ReviewResult& r) {
  Digest d;
  const auto& t = r.totals;
  d << t.sales << t.collections << t.collection_rate << t.sales_last_year << t.collections_last_year
    << t.collection_rate_last_year << t.sales_yoy << t.collections_yoy << int64_t{r.trend_year};
  for (const auto& m : r.trend)
    d << int64_t{m.month.index} << m.sales << m.collections << m.collection_rate << m.sales_last_year
      << m.collections_last_year << m.collection_rate_last_year;
  auto cohort = [&d](const analytics::CohortRow& c) {
    d << int64_t{c.month.index} << c.signed_amount << c.collected << c.share;
    for (double x : c.curve) d << x;
  };
  cohort(r.cohort);
  for (const auto& c : r.cohorts) cohort(c);
  d << r.aging.receivable << r.aging.overdue << r.sales_90d << r.dso;
  for (const auto& b : r.aging.buckets) d << b.items << b.amount;
  for (const auto* rows : {&r.customers, &r.reps, &r.regions})
    for (const auto& x : *rows) {
      d << x.id << x.name << x.owner << x.owner_name << x.region << x.share;
      add(d, x.figures);
    }
  return d.value();
}

inline int64_t digest(const analytics::RfmResult& r) {
  Digest d;
  d << r.threshold_r << r.threshold_f << r.threshold_m;
  for (const auto& s : r.segments) d << s.customers << s.amount;
  for (const auto& c : r.customers)
    d << int64_t{c.customer} << int64_t{c.recency} << int64_t{c.frequency} << c.monetary << int64_t{c.segment};
  return d.value();
}

inline int64_t digest(const std::vector<analytics::FlowRow>& flow, const analytics::ParetoResult& p,
                      const std::vector<analytics::KeyAccount>& ka, const analytics::ChurnReasons& why) {
  Digest d;
  for (const auto& f : flow)
    d << int64_t{f.year} << int64_t{f.quarter} << int64_t{f.month} << f.active << f.fresh << f.retained << f.returned
      << f.churned << f.active_prev << f.churn_rate;
  d << p.total;
  for (const auto& c : p.classes) d << c.customers << c.amount;
  for (const auto& c : p.customers) d << int64_t{c.customer} << c.amount << int64_t{c.cls};
  for (const auto& k : ka)
    d << int64_t{k.customer} << int64_t{k.contracts} << k.t12m << k.t12m_prev << int64_t{k.risk.days_since_last}
      << k.risk.median_gap << k.risk.yoy << int64_t{k.risk.gap} << int64_t{k.risk.decline};
  d << why.customers;
  for (const auto& x : why.reasons) d << x.reason << x.code << x.customers << x.amount;
  for (const auto* c : {&why.industry, &why.size, &why.region})
    for (size_t i = 0; i < c->rows.size(); ++i) {
      d << c->rows[i];
      for (int64_t n : c->counts[i]) d << n;
    }
  return d.value();
}

inline void add(Digest& d, const analytics::SalesFigures& f) {
  d << f.sales << f.sales_ly << f.cost << f.cost_ly << f.yoy << f.margin << f.margin_ly << f.share << f.share_ly
    << f.rival_sales << f.relative_share << f.quadrant;
  d << static_cast<int64_t>(f.last_sale ? f.last_sale->days : INT32_MIN);
}

inline int64_t digest(const analytics::ProductResult& r) {
  Digest d;
  add(d, r.totals);
  d << r.market << r.market_ly;
  for (const auto& p : r.products) {
    d << int64_t{p.product} << p.id << p.code << p.name << p.category << int64_t{p.launch.days};
    add(d, p.f);
  }
  for (const auto& c : r.categories) {
    d << int64_t{c.code} << c.name << int64_t{c.products} << c.market << c.market_ly << c.market_growth << c.potential
      << c.rival_id << c.rival_name << c.rival_company;
    add(d, c.f);
  }
  for (const auto& w : r.warnings)
    d << w.unit << w.id << w.code << w.name << w.category << w.rule << w.severity << w.value << w.base;
  return d.value();
}

inline int64_t digest(const analytics::CustomerProfile& p) {
  Digest d;
  d << int64_t{p.customer} << int64_t{p.cls ? *p.cls : 0} << p.t12m << p.sales_total << p.receivable << p.overdue;
  if (p.rfm) d << int64_t{p.rfm->recency} << int64_t{p.rfm->frequency} << p.rfm->monetary << int64_t{p.rfm->segment};
  if (p.at_risk) {
    d << int64_t{p.at_risk->days_since_last} << p.at_risk->median_gap << p.at_risk->t12m << p.at_risk->t12m_prev
      << p.at_risk->yoy;
    for (const auto& x : p.at_risk->reasons) d << x;
  }
  for (const auto& c : p.contracts)
    d << static_cast<int64_t>(c.contract) << c.paid << c.receivable << c.overdue << int64_t{c.max_days};
  for (size_t o : p.opportunities) d << static_cast<int64_t>(o);
  for (const auto& e : p.timeline) d << int64_t{e.date.days} << e.kind << int64_t{e.rep} << e.amount << e.ref;
  d << static_cast<int64_t>(p.timeline_total);
  return d.value();
}

inline int64_t digest(const analytics::CockpitResult& r) {
  Digest d;
  d << r.rep << r.name << r.region << r.region_name;
  for (const auto& c : r.cards) {
    for (const auto* p : {&c.sales, &c.collection})
      d << p->target << p->actual << p->completion << p->gap << p->time_progress << int64_t{static_cast<int>(p->status)}
        << p->required_daily << p->projected;
    const auto& f = c.figures;
    d << f.sales << f.collections << f.sales_target << f.collection_target << f.completion << f.collection_completion
      << f.collection_rate << f.new_customers << f.new_customer_target << f.win_rate << f.won << f.lost
      << f.forecast_accuracy << f.kpi_score;
    d << (c.sales_rank ? int64_t{*c.sales_rank} : -1) << (c.kpi_rank ? int64_t{*c.kpi_rank} : -1) << int64_t{c.peers};
  }
  for (const auto& b : r.pipeline) d << int64_t{static_cast<int>(b.stage)} << int64_t{b.count} << b.amount;
  d << int64_t{r.created_this_month} << r.created_this_month_amount;
  for (const auto& m : r.monthly) d << int64_t{m.month.index} << m.actual << m.target;
  for (int a : r.activities) d << int64_t{a};
  for (size_t o : r.closing_this_week) d << static_cast<int64_t>(o);
  for (const auto& o : r.overdue)
    d << static_cast<int64_t>(o.contract) << o.overdue << int64_t{o.oldest_due.days} << int64_t{o.days_overdue};
  d << r.overdue_total << int64_t{r.owned_customers};
  for (const auto& a : r.at_risk) {
    d << int64_t{a.customer} << int64_t{a.days_since_last} << a.median_gap << a.t12m << a.t12m_prev << a.yoy;
    for (const auto& x : a.reasons) d << x;
  }
  return d.value();
}

inline int64_t digest(const std::vector<analytics::CockpitResult>& all) {
  Digest d;
  for (const auto& r : all) d << digest(r);
  return d.value();
}

}  // namespace sl::bench
