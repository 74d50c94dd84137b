// The `large` demo scale: a big enterprise for the engine benchmark (issue 3) — 2,000
// reps, 2,000 products, 200,000 customers, 5+ years and at least 10,000,000 contract
// lines, with payments, opportunities with stage history, bids, targets, forecasts and
// activities in proportion. It is a separate, simpler generator than small/medium (whose
// bytes must not change): every step is one pass with O(1) work per row so 10M lines
// generate in seconds. No meetings and no market data (the benchmark does not read them).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "demo/gen.h"

namespace sl::demo::detail {

namespace {

constexpr int kReps = 2000, kProducts = 2000, kCustomers = 200000;
constexpr int64_t kMinLines = 10'000'000;

Money round_yuan(double fen) { return static_cast<Money>(std::llround(fen / 100.0)) * 100; }

struct LargeCustomer {
  int daqu = 0;
  int category = 0;   // preferred product category
  double weight = 1;  // share of contracts
  Date from, to;      // active window (to = churn date or as_of)
  Id owner = 0;
};

void large_org(Ctx& c, Rng& r, std::vector<std::vector<Id>>& daqu_reps) {
  auto& regs = c.d.regions;
  regs.push_back({1, "总部", 0, 0});
  for (int i = 0; i < kDaqu; ++i) {
    c.daqu_region[i] = static_cast<Id>(regs.size() + 1);
    regs.push_back({c.daqu_region[i], std::string(kDaquNames[i]) + "大区", 1, 1});
  }
  c.provinces.assign(kDaqu, {});
  for (int i = 0; i < kDaqu; ++i)
    for (const char* p : kProvinces[i]) {
      Id id = static_cast<Id>(regs.size() + 1);
      regs.push_back({id, p, c.daqu_region[i], 2});
      c.provinces[i].push_back(id);
    }
  daqu_reps.assign(kDaqu, {});
  std::vector<Id> lead(kDaqu);
  for (int i = 0; i < kDaqu; ++i) {  // leads first: every other rep names one as manager
    model::Rep rp;
    rp.id = static_cast<Id>(c.d.reps.size() + 1);
    rp.name = person_name(r);
    rp.region = c.daqu_region[i];
    rp.hire_date = Date{c.start.days - static_cast<int>(r.range(400, 2500))};
    c.d.reps.push_back(rp);
    lead[i] = rp.id;
  }
  std::vector<double> w(kDaquWeight.begin(), kDaquWeight.end());
  while (c.d.reps.size() < kReps) {
    int i = static_cast<int>(r.weighted(w));
    model::Rep rp;
    rp.id = static_cast<Id>(c.d.reps.size() + 1);
    rp.name = person_name(r);
    rp.region = r.pick(c.provinces[i]);
    rp.manager = lead[i];
    rp.hire_date = Date{c.start.days - static_cast<int>(r.range(30, 2000))};
    // ~8% left during the data set; their customers pass to the 大区 lead afterwards.
    if (r.chance(0.08))
      rp.leave_date = Date{c.start.days + static_cast<int>(r.range(200, c.as_of.days - c.start.days - 60))};
    c.d.reps.push_back(rp);
    daqu_reps[i].push_back(rp.id);
  }
  for (int i = 0; i < kDaqu; ++i) c.lead_slot.push_back(static_cast<size_t>(lead[i]));  // rep id of the lead

  const char* series[] = {"A", "S", "X", "Pro", "Max", "E", "Lite", "Plus"};
  for (int i = 0; i < kProducts; ++i) {
    int cat = i % kCategories;
    model::Product p;
    p.id = i + 1;
    p.code = "P" + std::to_string(10000 + i);
    p.category = kCategoryNames[cat];
    p.name = std::string(kCategoryNames[cat]) + " " + series[i % 8] + std::to_string(i / kCategories + 1);
    p.launch_date = Date{c.start.days - static_cast<int>(r.range(0, 1500))};
    p.list_price = round_yuan(kCategoryTicket[cat] * 100 * r.uniform(0.05, 0.3));
    p.unit_cost = round_yuan(static_cast<double>(p.list_price) * (1 - kCategoryMargin[cat]));
    c.d.products.push_back(p);
    c.products_by_cat[cat].push_back(static_cast<size_t>(i));
  }
}

std::vector<LargeCustomer> large_customers(Ctx& c, Rng& r, const std::vector<std::vector<Id>>& daqu_reps) {
  std::vector<double> dw(kDaquWeight.begin(), kDaquWeight.end()), iw(kIndustryWeight.begin(), kIndustryWeight.end());
  std::vector<LargeCustomer> meta(kCustomers);
  c.d.customers.reserve(kCustomers);
  for (int i = 0; i < kCustomers; ++i) {
    auto& m = meta[static_cast<size_t>(i)];
    m.daqu = static_cast<int>(r.weighted(dw));
    model::Customer cu;
    cu.id = i + 1;
    cu.code = "C" + std::to_string(1000000 + i);
    cu.industry = kIndustryNames[r.weighted(iw)];
    cu.region = r.pick(c.provinces[static_cast<size_t>(m.daqu)]);
    double u = r.uniform();
    cu.size = u < 0.1 ? model::CustomerSize::large : u < 0.4 ? model::CustomerSize::medium : model::CustomerSize::small;
    cu.name =
        company_name(r, c.d.regions[static_cast<size_t>(cu.region - 1)].name, cu.industry) + std::to_string(i + 1);
    m.owner = r.pick(daqu_reps[static_cast<size_t>(m.daqu)]);
    cu.owner_rep = m.owner;
    // A quarter of the base existed before the data starts; the rest arrive over time.
    int span = c.as_of.days - c.start.days;
    cu.created = r.chance(0.25) ? Date{c.start.days - static_cast<int>(r.range(30, 1500))}
                                : Date{c.start.days + static_cast<int>(r.range(0, span - 30))};
    m.from = std::max(cu.created, c.start);
    m.to = c.as_of;
    if (r.chance(0.2)) {  // churned customers stop buying at a random date
      Date churn{m.from.days + static_cast<int>(r.range(0, std::max(1, c.as_of.days - m.from.days)))};
      m.to = churn;
      if (c.as_of.days - churn.days > 180) cu.lost_reason = r.pick(kLostReasons);
    }
    double size_mult = cu.size == model::CustomerSize::large ? 5 : cu.size == model::CustomerSize::medium ? 2 : 1;
    m.weight = size_mult * r.lognormal(0.8) * (m.to.days - m.from.days + 30);
    m.category = static_cast<int>(r.range(0, kCategories - 1));
    c.d.customers.push_back(cu);
  }
  return meta;
}

// The rep who holds a customer's business on a date: the owner, or the lead once the
// owner has left.
Id holder(const Ctx& c, const LargeCustomer& m, Date d) {
  const auto& rp = c.d.reps[static_cast<size_t>(m.owner - 1)];
  if (rp.leave_date && d > *rp.leave_date) return static_cast<Id>(c.lead_slot[static_cast<size_t>(m.daqu)]);
  return m.owner;
}

void add_payments(Ctx& c, Rng& r, const model::Contract& k) {
  for (const auto& item : k.plan) {
    double u = r.uniform();
    auto pay = [&](Date d, Money a) {
      if (d > c.as_of || a <= 0) return;
      c.d.payments.push_back({static_cast<Id>(c.d.payments.size() + 1), k.id, std::max(d, k.signed_date), a});
    };
    if (u < 0.8)
      pay(Date{item.due_date.days + static_cast<int>(r.range(-10, 7))}, item.amount);
    else if (u < 0.92)
      pay(Date{item.due_date.days + static_cast<int>(r.range(15, 180))}, item.amount);
    else if (u < 0.97) {
      Money first = std::min(item.amount, round_yuan(static_cast<double>(item.amount) * r.uniform(0.3, 0.7)));
      pay(Date{item.due_date.days + static_cast<int>(r.range(0, 60))}, first);
    }  // else never paid
  }
}

// An opportunity that ended in this contract, with its stage history and (for big
// deals) a won bid; a share of contracts come through the pipeline this way.
void add_won_opportunity(Ctx& c, Rng& r, model::Contract& k, int cat) {
  using model::Stage;
  model::Opportunity o;
  o.id = static_cast<Id>(c.d.opportunities.size() + 1);
  o.customer = k.customer;
  o.rep = k.rep;
  o.category = kCategoryNames[cat];
  o.amount = k.amount;
  int len = static_cast<int>(r.range(30, 150));
  o.created = Date{k.signed_date.days - len};
  o.expected_close = Date{k.signed_date.days + static_cast<int>(r.range(-20, 20))};
  o.stage = Stage::won;
  o.closed = k.signed_date;
  bool bid = k.amount >= 20000000;  // ≥ 200,000 yuan goes to tender
  Stage path[] = {Stage::lead, Stage::qualified, Stage::proposal, Stage::bidding, Stage::negotiation, Stage::won};
  int n = 0;
  for (Stage s : path) {
    if (s == Stage::bidding && !bid) continue;
    o.history.push_back({s, Date{o.created.days + len * n / 6}});
    ++n;
  }
  o.history.back().date = k.signed_date;
  k.opportunity = o.id;
  if (bid) {
    Date bd{k.signed_date.days - static_cast<int>(r.range(10, 25))};
    c.d.bids.push_back({static_cast<Id>(c.d.bids.size() + 1), o.id, bd, k.amount, model::BidResult::won,
                        Date{bd.days + static_cast<int>(r.range(3, 9))}});
  }
  c.d.opportunities.push_back(std::move(o));
}

void add_lost_opportunity(Ctx& c, Rng& r, Id customer, Id rep, int cat, Date closed, Money amount) {
  using model::Stage;
  model::Opportunity o;
  o.id = static_cast<Id>(c.d.opportunities.size() + 1);
  o.customer = customer;
  o.rep = rep;
  o.category = kCategoryNames[cat];
  o.amount = amount;
  int len = static_cast<int>(r.range(20, 120));
  o.created = Date{closed.days - len};
  o.expected_close = closed;
  o.stage = Stage::lost;
  o.closed = closed;
  o.lost_reason = r.pick(kOppLostReasons);
  int reached = static_cast<int>(r.range(0, 3));
  for (int s = 0; s <= reached; ++s) o.history.push_back({static_cast<Stage>(s), Date{o.created.days + len * s / 5}});
  o.history.push_back({Stage::lost, closed});
  c.d.opportunities.push_back(std::move(o));
}

}  // namespace

void gen_large(Ctx& c, Rng& root) {
  Rng r_org = root.fork(11), r_cust = root.fork(12), r_deal = root.fork(13), r_plan = root.fork(14);
  std::vector<std::vector<Id>> daqu_reps;
  large_org(c, r_org, daqu_reps);
  auto meta = large_customers(c, r_cust, daqu_reps);

  // Customers drawn by weight through a cumulative table (binary search per contract).
  std::vector<double> cum(meta.size());
  double acc = 0;
  for (size_t i = 0; i < meta.size(); ++i) cum[i] = acc += meta[i].weight;

  Rng& r = r_deal;
  int64_t lines = 0;
  c.d.contracts.reserve(2'700'000);
  c.d.payments.reserve(5'500'000);
  while (lines < kMinLines) {
    size_t ci = static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), r.uniform() * acc) - cum.begin());
    ci = std::min(ci, meta.size() - 1);
    const auto& m = meta[ci];
    // Date: uniform in the active window, thinned by season and growth.
    Date d;
    for (;;) {
      d = Date{m.from.days + static_cast<int>(r.range(0, std::max(0, m.to.days - m.from.days)))};
      if (r.uniform() * 1.45 * 1.3 < season(to_ymd(d).month) * growth(c, d)) break;
    }
    int cat = r.chance(0.7) ? m.category : static_cast<int>(r.range(0, kCategories - 1));
    model::Contract k;
    k.id = static_cast<Id>(c.d.contracts.size() + 1);
    k.code = "HT" + std::to_string(k.id);
    k.customer = static_cast<Id>(ci + 1);
    k.rep = holder(c, m, d);
    k.signed_date = d;
    const auto& cu = c.d.customers[ci];
    double size_mult = cu.size == model::CustomerSize::large ? 3 : cu.size == model::CustomerSize::medium ? 1.3 : 0.6;
    int n = static_cast<int>(r.range(1, 7));
    for (int i = 0; i < n; ++i) {
      const auto& p = c.d.products[c.products_by_cat[static_cast<size_t>(cat)][static_cast<size_t>(
          r.range(0, static_cast<int64_t>(c.products_by_cat[static_cast<size_t>(cat)].size()) - 1))]];
      int64_t qty = r.range(1, 20);
      Money a =
          std::max<Money>(10000, round_yuan(static_cast<double>(p.list_price) * qty * size_mult * r.uniform(0.8, 1.0)));
      Money cost = static_cast<Money>(static_cast<double>(p.unit_cost) * static_cast<double>(qty));
      k.lines.push_back({p.id, qty, a, cost});
      k.amount += a;
    }
    lines += n;
    auto at = [&](int days) { return Date{d.days + days}; };
    double u = r.uniform();
    if (u < 0.5)
      k.plan = {{at(static_cast<int>(r.range(20, 60))), k.amount}};
    else if (u < 0.85) {
      Money a = round_yuan(static_cast<double>(k.amount) * 0.5);
      k.plan = {{at(15), a}, {at(static_cast<int>(r.range(90, 150))), k.amount - a}};
    } else {
      Money a = round_yuan(static_cast<double>(k.amount) * 0.3), b = round_yuan(static_cast<double>(k.amount) * 0.6);
      k.plan = {{at(15), a}, {at(90), b}, {at(365), k.amount - a - b}};
    }
    if (r.chance(0.2) && d.days - c.start.days > 160) {
      add_won_opportunity(c, r, k, cat);
      if (r.chance(0.5))
        add_lost_opportunity(c, r, k.customer, k.rep, cat, Date{d.days - static_cast<int>(r.range(0, 90))}, k.amount);
    }
    add_payments(c, r, k);
    c.d.contracts.push_back(std::move(k));
  }

  // Targets (sales and collection per rep and month, with region and company sums) from
  // last year's same month grown 12%, and forecasts around the actual with a rep bias.
  const Month first = Month::of(c.start), last = Month::of(to_ymd(c.as_of).year, 12);
  const size_t months = static_cast<size_t>(last.index - first.index + 1);
  std::vector<Money> sales(static_cast<size_t>(kReps + 1) * months, 0), coll(sales.size(), 0);
  auto slot = [&](Id rep, Date d) {
    return static_cast<size_t>(rep) * months + static_cast<size_t>(Month::of(d).index - first.index);
  };
  for (const auto& k : c.d.contracts) sales[slot(k.rep, k.signed_date)] += k.amount;
  for (const auto& p : c.d.payments)
    coll[slot(c.d.contracts[static_cast<size_t>(p.contract - 1)].rep, p.date)] += p.amount;
  Rng& rp = r_plan;
  std::vector<double> bias(kReps + 1);
  for (auto& b : bias) b = rp.uniform(0.85, 1.25);
  for (size_t mi = 12; mi < months; ++mi) {
    Month m{first.index + static_cast<int32_t>(mi)};
    std::vector<Money> reg_s(c.d.regions.size() + 1, 0), reg_c(reg_s.size(), 0);
    Money co_s = 0, co_c = 0;
    for (Id rep = 1; rep <= kReps; ++rep) {
      const auto& rr = c.d.reps[static_cast<size_t>(rep - 1)];
      Date mfirst = from_ymd(m.year(), m.month(), 1);
      if (rr.leave_date && *rr.leave_date < mfirst) continue;
      size_t prev = static_cast<size_t>(rep) * months + mi - 12;
      Money ts = round_yuan(static_cast<double>(sales[prev]) * 1.12),
            tc = round_yuan(static_cast<double>(coll[prev]) * 1.1);
      c.d.targets.push_back({m, model::TargetMetric::sales, model::OwnerKind::rep, rep, ts});
      c.d.targets.push_back({m, model::TargetMetric::collection, model::OwnerKind::rep, rep, tc});
      Id reg = rr.region;
      const auto& region = c.d.regions[static_cast<size_t>(reg - 1)];
      Id top = region.level == 2 ? region.parent : reg;
      for (Id g : {reg, top}) {
        reg_s[static_cast<size_t>(g)] += ts;
        reg_c[static_cast<size_t>(g)] += tc;
        if (g == top) break;
      }
      co_s += ts;
      co_c += tc;
      Date fd = from_ymd(m.year(), m.month(), 1);
      if (fd <= c.as_of) {
        Money actual = sales[static_cast<size_t>(rep) * months + mi];
        c.d.forecasts.push_back(
            {static_cast<Id>(c.d.forecasts.size() + 1), m, rep,
             round_yuan(static_cast<double>(actual) * bias[static_cast<size_t>(rep)] * rp.lognormal(0.2)),
             unix_seconds(Date{fd.days - static_cast<int>(rp.range(1, 5))}, 17)});
      }
    }
    for (size_t g = 1; g < reg_s.size(); ++g)
      if (reg_s[g] || reg_c[g]) {
        c.d.targets.push_back({m, model::TargetMetric::sales, model::OwnerKind::region, static_cast<Id>(g), reg_s[g]});
        c.d.targets.push_back(
            {m, model::TargetMetric::collection, model::OwnerKind::region, static_cast<Id>(g), reg_c[g]});
      }
    c.d.targets.push_back({m, model::TargetMetric::sales, model::OwnerKind::company, 0, co_s});
    c.d.targets.push_back({m, model::TargetMetric::collection, model::OwnerKind::company, 0, co_c});
  }

  // Activities: about one a week per employed rep, with one of its customers' ids.
  std::vector<std::vector<Id>> owned(kReps + 1);
  for (size_t i = 0; i < meta.size(); ++i) owned[static_cast<size_t>(meta[i].owner)].push_back(static_cast<Id>(i + 1));
  for (Id rep = 8; rep <= kReps; ++rep) {
    const auto& rr = c.d.reps[static_cast<size_t>(rep - 1)];
    if (owned[static_cast<size_t>(rep)].empty()) continue;
    Date end = rr.leave_date ? std::min(*rr.leave_date, c.as_of) : c.as_of;
    for (int d = c.start.days + static_cast<int>(rp.range(0, 6)); d <= end.days; d += 7)
      c.d.activities.push_back({static_cast<Id>(c.d.activities.size() + 1), rep,
                                rp.pick(owned[static_cast<size_t>(rep)]), Date{d},
                                static_cast<model::ActivityType>(rp.range(0, 3))});
  }
}

}  // namespace sl::demo::detail
