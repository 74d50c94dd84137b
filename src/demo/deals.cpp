// The sales process month by month: opportunities walk the funnel (with leakage at every
// stage), bidding deals get a Bid, won deals and direct repeat orders become contracts
// with lines and a payment plan, and customers pay — mostly on time, some late, some
// partly, some never.
#include <algorithm>
#include <cmath>

#include "demo/gen.h"

namespace sl::demo::detail {

namespace {

using model::Stage;

constexpr std::array<double, kDaqu> kProductivity = {1.15, 1.05, 1.05, 0.95, 0.95, 0.8, 0.9};
constexpr std::array<double, 12> kCreateSeason = {0.9, 0.7, 1.1, 1.05, 1.0, 1.0, 0.95, 0.95, 1.05, 1.05, 1.1, 1.0};

Date clamp_after(Date d, Date after) { return d > after ? d : Date{after.days + 1}; }
Money round_yuan(double fen) { return static_cast<Money>(std::llround(fen / 100.0)) * 100; }

// The repeat buyers of each seat (C2/C3's story): about one customer in four reorders on a
// cadence of its own — most every one to three months, a quarter of them once a year. Chosen
// from their own random stream.
struct Regular {
  Id customer = 0;
  bool yearly = false;  // a burst of orders once a year, else every one to three months
};
std::vector<std::vector<Regular>> choose_regulars(const Ctx& c) {
  Rng r(c.o.seed ^ 0x7265706561745F61ull);
  std::vector<std::vector<Regular>> out(c.slots.size());
  for (size_t s = 0; s < c.slots.size(); ++s)
    for (Id id : c.slot_customers[s])
      if (r.chance(0.25)) out[s].push_back({id, r.chance(0.25)});
  return out;
}

// An active customer of the seat on date d, bigger customers more likely; 0 when none. Nine
// deals in ten go to the seat's repeat buyers: a rep sells to the customers who keep buying.
Id pick_customer(const Ctx& c, Rng& r, size_t slot, Date d, const std::vector<Regular>& regulars) {
  const auto& list = c.slot_customers[slot];
  if (list.empty()) return 0;
  if (!regulars.empty() && r.chance(0.9))
    for (int tries = 0; tries < 10; ++tries) {
      const Id id = regulars[static_cast<size_t>(r.range(0, static_cast<int64_t>(regulars.size()) - 1))].customer;
      const auto& m = c.cust[static_cast<size_t>(id - 1)];
      if (c.d.customers[static_cast<size_t>(id - 1)].created <= d && !(m.churn && *m.churn < d)) return id;
    }
  for (int tries = 0; tries < 30; ++tries) {
    Id id = r.pick(list);
    const auto& m = c.cust[static_cast<size_t>(id - 1)];
    if (c.d.customers[static_cast<size_t>(id - 1)].created > d) continue;
    if (m.churn && *m.churn < d) continue;
    if (r.uniform() * 3.0 > m.size_mult + 0.6) continue;
    return id;
  }
  return 0;
}

struct Deals {
  Ctx& c;
  Rng& r;
  int contract_seq = 0;
  std::vector<std::vector<Regular>> regulars = {};

  void add_contract(Id customer, Id rep, Id opp, Date signed_date, Money amount, int cat) {
    model::Contract k;
    k.id = static_cast<Id>(c.d.contracts.size() + 1);
    char code[24];
    std::snprintf(code, sizeof code, "HT%04d-%05d", to_ymd(signed_date).year, ++contract_seq);
    k.code = code;
    k.customer = customer;
    k.rep = rep;
    k.opportunity = opp;
    k.signed_date = signed_date;
    amount = std::max<Money>(amount, 100000);  // at least 1,000 yuan
    k.amount = amount;
    add_lines(k, cat);
    add_plan(k);
    add_payments(k);
    c.d.contracts.push_back(std::move(k));
  }

  size_t pick_product(int cat, Date d) {
    const auto& v = c.products_by_cat[static_cast<size_t>(cat)];
    for (int tries = 0; tries < 6; ++tries) {
      size_t p = r.pick(v);
      if (c.d.products[p].launch_date <= d) return p;
    }
    return v[0];  // the first of each category predates the data
  }

  void add_lines(model::Contract& k, int cat) {
    int n = static_cast<int>(r.weighted({0.45, 0.3, 0.15, 0.1})) + 1;
    std::vector<double> w;
    std::vector<size_t> prods;
    for (int i = 0; i < n; ++i) {
      int lc = i == 0 ? cat : static_cast<int>(r.range(0, kCategories - 1));
      prods.push_back(pick_product(lc, k.signed_date));
      w.push_back(i == 0 ? r.uniform(2, 6) : r.uniform(0.5, 2));
    }
    double tw = 0;
    for (double x : w) tw += x;
    Money left = k.amount;
    for (int i = 0; i < n; ++i) {
      const auto& p = c.d.products[prods[static_cast<size_t>(i)]];
      Money a = i == n - 1 ? left
                           : std::min(left, round_yuan(static_cast<double>(k.amount) * w[static_cast<size_t>(i)] / tw));
      left -= a;
      int pc = static_cast<int>((prods[static_cast<size_t>(i)]) % kCategories);
      double cost_share = std::clamp(1 - kCategoryMargin[static_cast<size_t>(pc)] + 0.04 * r.normal(), 0.3, 0.97);
      int64_t qty = std::max<int64_t>(1, std::llround(static_cast<double>(a) / static_cast<double>(p.list_price)));
      k.lines.push_back({p.id, qty, a, static_cast<Money>(static_cast<double>(a) * cost_share)});
    }
  }

  void add_plan(model::Contract& k) {
    Date s = k.signed_date;
    auto at = [&](int days) { return Date{s.days + days}; };
    switch (r.weighted({0.4, 0.35, 0.25})) {
      case 0: k.plan = {{at(static_cast<int>(r.range(20, 60))), k.amount}}; break;
      case 1: {
        Money a = round_yuan(static_cast<double>(k.amount) * 0.5);
        k.plan = {{at(15), a}, {at(static_cast<int>(r.range(90, 150))), k.amount - a}};
        break;
      }
      default: {  // advance, delivery, warranty retention (质保金)
        Money a = round_yuan(static_cast<double>(k.amount) * 0.3), b = round_yuan(static_cast<double>(k.amount) * 0.6);
        k.plan = {{at(15), a}, {at(90), b}, {at(365), k.amount - a - b}};
      }
    }
  }

  void pay(Id contract, Date signed_date, Date d, Money amount) {
    d = clamp_after(d, signed_date);
    if (d > c.as_of || amount <= 0) return;  // not yet paid as of as_of
    c.d.payments.push_back({static_cast<Id>(c.d.payments.size() + 1), contract, d, amount});
  }

  void add_payments(const model::Contract& k) {
    double rel = c.cust[static_cast<size_t>(k.customer - 1)].reliability;
    for (const auto& item : k.plan) {
      double u = r.uniform();
      if (u < rel) {
        pay(k.id, k.signed_date, Date{item.due_date.days + static_cast<int>(r.range(-10, 7))}, item.amount);
      } else if (u < rel + (1 - rel) * 0.6) {  // late
        pay(k.id, k.signed_date, Date{item.due_date.days + static_cast<int>(r.range(15, 180))}, item.amount);
      } else if (u < rel + (1 - rel) * 0.88) {  // partial, the rest maybe much later
        Money first = round_yuan(static_cast<double>(item.amount) * r.uniform(0.3, 0.7));
        first = std::min(first, item.amount);
        pay(k.id, k.signed_date, Date{item.due_date.days + static_cast<int>(r.range(0, 60))}, first);
        if (r.chance(0.5))
          pay(k.id, k.signed_date, Date{item.due_date.days + static_cast<int>(r.range(90, 300))}, item.amount - first);
      }  // else: never paid (bad debt)
    }
  }

  // One opportunity from creation through the funnel, cut at as_of.
  void opportunity(size_t slot, Id rep, Date created) {
    Id cust = pick_customer(c, r, slot, created, regulars[slot]);
    if (cust == 0) return;
    const auto& cm = c.cust[static_cast<size_t>(cust - 1)];
    const int dq = c.slots[slot].daqu;
    const double skill = c.rep_skill[static_cast<size_t>(rep)];
    int cat = static_cast<int>(r.weighted({1.2, 1, 1, 0.9, 0.8, 1, 0.9, 0.8}));
    model::Opportunity o;
    o.id = static_cast<Id>(c.d.opportunities.size() + 1);
    o.customer = cust;
    o.rep = rep;
    o.category = kCategoryNames[static_cast<size_t>(cat)];
    double amt = kCategoryTicket[static_cast<size_t>(cat)] * cm.size_mult * r.lognormal(0.6) *
                 std::sqrt(kProductivity[static_cast<size_t>(dq)]) * std::pow(growth(c, created), 0.3);
    o.amount = std::max<Money>(5000, std::llround(amt / 1000)) * 1000 * 100;
    o.created = created;
    o.expected_close = Date{created.days + static_cast<int>(r.range(45, 150))};
    o.history.push_back({Stage::lead, created});
    const bool bids = o.amount >= yuan(200000) || r.chance(0.4);
    const double adj = std::pow(skill, 0.25);
    Date d = created;
    Stage at = Stage::lead;
    bool lost = false;
    for (Stage next : {Stage::qualified, Stage::proposal, Stage::bidding, Stage::negotiation, Stage::won}) {
      if (next == Stage::bidding && !bids) continue;
      double p = next == Stage::qualified     ? 0.72
                 : next == Stage::proposal    ? 0.75
                 : next == Stage::bidding     ? 0.78
                 : next == Stage::negotiation ? (bids ? 0.55 : 0.7)
                                              : 0.8;
      d = Date{d.days + static_cast<int>(r.range(5, 35))};
      if (next == Stage::won) {
        auto ymd = to_ymd(d);
        // Year-end budgets pull January signings into late December; 春节 pushes February's to March.
        if (ymd.month == 1 && ymd.day <= 20 && r.chance(0.35)) {
          Date dec = from_ymd(ymd.year - 1, 12, static_cast<int>(r.range(18, 31)));
          if (dec > o.history.back().date) d = dec;
        }
        if (ymd.month == 2 && r.chance(0.4))
          d = clamp_after(from_ymd(ymd.year, 3, static_cast<int>(r.range(1, 14))), d);
        p *= std::sqrt(season(to_ymd(d).month));
      }
      if (d > c.as_of) break;                // still open as of as_of
      if (cm.churn && d > *cm.churn) p = 0;  // the customer went away
      if (!r.chance(std::min(0.95, p * adj))) {
        o.history.push_back({Stage::lost, d});
        o.lost_reason = cm.churn && d > *cm.churn ? "需求取消" : r.pick(kOppLostReasons);
        lost = true;
        break;
      }
      o.history.push_back({next, d});
      at = next;
    }
    o.stage = lost ? Stage::lost : at;
    if (lost || at == Stage::won) o.closed = o.history.back().date;
    // Bid for deals that reached bidding: its result is what happened next.
    for (size_t i = 0; i < o.history.size(); ++i) {
      if (o.history[i].stage != Stage::bidding) continue;
      model::Bid b;
      b.id = static_cast<Id>(c.d.bids.size() + 1);
      b.opportunity = o.id;
      b.bid_date = o.history[i].date;
      b.amount = round_yuan(static_cast<double>(o.amount) * r.uniform(0.92, 1.03));
      if (i + 1 < o.history.size()) {
        b.result = o.history[i + 1].stage == Stage::lost ? model::BidResult::lost : model::BidResult::won;
        b.result_date = o.history[i + 1].date;
      }
      c.d.bids.push_back(b);
    }
    if (at == Stage::won)
      add_contract(cust, rep, o.id, *o.closed, round_yuan(static_cast<double>(o.amount) * r.uniform(0.9, 1.02)), cat);
    c.d.opportunities.push_back(std::move(o));
  }

  // Small repeat orders signed without an opportunity.
  void direct(size_t slot, Id rep, Date d) {
    Id cust = pick_customer(c, r, slot, d, regulars[slot]);
    if (cust == 0) return;
    int cat = static_cast<int>(r.range(0, kCategories - 1));
    double amt = kCategoryTicket[static_cast<size_t>(cat)] * 0.3 * c.cust[static_cast<size_t>(cust - 1)].size_mult *
                 r.lognormal(0.5) * std::pow(growth(c, d), 0.3);
    add_contract(cust, rep, 0, d, round_yuan(amt * 100), cat);
  }
};

// The repeat buyers' own orders: small replenishment orders without an opportunity on their
// cadence, from when they exist until they churn (a churned customer stops: the key accounts
// that slip and the lost customers of C3). Own random stream; the orders come after the
// funnel's in the contract list.
void regular_orders(Ctx& c, int contract_seq, const std::vector<std::vector<Regular>>& regulars) {
  Rng r(c.o.seed ^ 0x7265706561745F62ull);
  Deals g{c, r, contract_seq, regulars};
  const Date from{c.start.days - 180};  // warm-up, trimmed with the rest
  for (size_t s = 0; s < c.slots.size(); ++s)
    for (const auto& [id, yearly] : regulars[s]) {
      const auto& m = c.cust[static_cast<size_t>(id - 1)];
      const int cat = static_cast<int>(r.range(0, kCategories - 1));
      const Date created = c.d.customers[static_cast<size_t>(id - 1)].created;
      auto order = [&](Date d, double share) {
        const double amt = kCategoryTicket[static_cast<size_t>(cat)] * share * m.size_mult * r.lognormal(0.4) *
                           std::pow(growth(c, d), 0.3);
        const int lc = r.chance(0.8) ? cat : static_cast<int>(r.range(0, kCategories - 1));
        g.add_contract(id, occupant(c, s, d), 0, d, round_yuan(amt * 100), lc);
      };
      const auto gone = [&](Date d) { return d > c.as_of || (m.churn && d > *m.churn); };
      Date d{std::max(from.days, created.days) + static_cast<int>(r.range(0, yearly ? 365 : 90))};
      if (!yearly) {  // every one to three months
        for (; !gone(d); d = Date{d.days + static_cast<int>(r.range(20, 90))}) order(d, 0.15);
        continue;
      }
      // Once a year, in the customer's own season (its budget month), a burst of five to eight
      // orders a week or two apart: frequent buyers that are months away from their next round.
      for (; !gone(d); d = Date{d.days + static_cast<int>(r.range(345, 385))}) {
        Date b = d;
        for (int k = static_cast<int>(r.range(5, 8)); k > 0 && !gone(b);
             --k, b = Date{b.days + static_cast<int>(r.range(5, 15))})
          order(b, 0.8);
      }
    }
}

// Drops warm-up rows: opportunities created, contracts signed and payments made before the
// window. A contract in the window whose opportunity was dropped becomes a direct one.
void trim_before_start(Ctx& c) {
  auto& d = c.d;
  std::vector<Id> opp_new(d.opportunities.size() + 1, 0), con_new(d.contracts.size() + 1, 0);
  std::vector<model::Opportunity> opps;
  for (auto& o : d.opportunities)
    if (o.created >= c.start) {
      opp_new[static_cast<size_t>(o.id)] = static_cast<Id>(opps.size() + 1);
      o.id = static_cast<Id>(opps.size() + 1);
      opps.push_back(std::move(o));
    }
  std::vector<model::Bid> bids;
  for (auto& b : d.bids)
    if (Id n = opp_new[static_cast<size_t>(b.opportunity)]) {
      b.opportunity = n;
      b.id = static_cast<Id>(bids.size() + 1);
      bids.push_back(b);
    }
  std::vector<model::Contract> cons;
  for (auto& k : d.contracts)
    if (k.signed_date >= c.start) {
      con_new[static_cast<size_t>(k.id)] = static_cast<Id>(cons.size() + 1);
      k.id = static_cast<Id>(cons.size() + 1);
      k.opportunity = k.opportunity ? opp_new[static_cast<size_t>(k.opportunity)] : 0;
      cons.push_back(std::move(k));
    }
  std::vector<model::Payment> pays;
  for (auto& p : d.payments)
    if (Id n = con_new[static_cast<size_t>(p.contract)]) {
      p.contract = n;
      pays.push_back(p);
    }
  d.opportunities = std::move(opps);
  d.bids = std::move(bids);
  d.contracts = std::move(cons);
  d.payments = std::move(pays);
}

// Why churned customers left depends on their trade (C3's churn-reason story): price for
// factories, competitors in retail and transport, service at banks and hospitals, budgets
// (需求变化) in government and schools, mergers in energy. Who is lost is decided in org.cpp;
// this only picks the reason, from its own stream so no other number moves.
void churn_reasons(Ctx& c) {
  // Weights over kLostReasons (价格, 竞品, 服务, 需求变化, 倒闭/合并) by kIndustryNames order.
  static const std::array<std::vector<double>, kIndustries> kWeights = {{{0.50, 0.25, 0.08, 0.10, 0.07},    // 制造
                                                                         {0.20, 0.10, 0.10, 0.15, 0.45},    // 能源
                                                                         {0.10, 0.30, 0.45, 0.10, 0.05},    // 医疗
                                                                         {0.30, 0.10, 0.12, 0.45, 0.03},    // 教育
                                                                         {0.10, 0.30, 0.50, 0.07, 0.03},    // 金融
                                                                         {0.25, 0.50, 0.10, 0.05, 0.10},    // 零售
                                                                         {0.15, 0.45, 0.30, 0.05, 0.05},    // 交通
                                                                         {0.20, 0.05, 0.10, 0.62, 0.03}}};  // 政府
  Rng r(c.o.seed ^ 0x6C6F73745F726561ull);
  for (auto& cu : c.d.customers) {
    if (cu.lost_reason.empty()) continue;
    size_t ind = 0;
    while (ind + 1 < kIndustries && cu.industry != kIndustryNames[ind]) ++ind;
    cu.lost_reason = kLostReasons[r.weighted(kWeights[ind])];
  }
}

}  // namespace

void gen_deals(Ctx& c, Rng& r) {
  Deals g{c, r, 0, choose_regulars(c)};
  // Run six months before the window so the pipeline is in steady state when it opens;
  // everything dated before the window is trimmed afterwards.
  for (Month m = Month{Month::of(c.start).index - 6}; m <= Month::of(c.as_of); m = Month{m.index + 1}) {
    const Date first = m.first_day(), last = std::min(m.last_day(), c.as_of);
    const int span = last.days - first.days + 1;
    const double frac = span / static_cast<double>(m.last_day().days - first.days + 1);
    for (size_t s = 0; s < c.slots.size(); ++s) {
      const Date mid{first.days + span / 2};
      Id rep = occupant(c, s, mid);
      const auto& rp = c.d.reps[static_cast<size_t>(rep - 1)];
      double rate = (c.medium ? 3.0 : 2.2) * std::sqrt(c.rep_skill[static_cast<size_t>(rep)]) *
                    kCreateSeason[static_cast<size_t>(m.month() - 1)] *
                    kProductivity[static_cast<size_t>(c.slots[s].daqu)] * growth(c, mid) * frac;
      if (!c.slots[s].lead && (c.slots[s].opened > mid || rp.region != c.slots[s].region))
        rate *= 0.4;                                       // vacant: lead covers
      if (mid.days - rp.hire_date.days < 90) rate *= 0.5;  // ramp-up of a new hire
      int n = r.poisson(rate);
      for (int i = 0; i < n; ++i) g.opportunity(s, rep, Date{first.days + static_cast<int>(r.range(0, span - 1))});
      int k = r.poisson(0.45 * season(m.month()) * growth(c, mid) * frac);
      for (int i = 0; i < k; ++i) g.direct(s, rep, Date{first.days + static_cast<int>(r.range(0, span - 1))});
    }
  }
  regular_orders(c, g.contract_seq, g.regulars);
  trim_before_start(c);
  churn_reasons(c);
  // Payments were generated per contract; present them in date order with fresh ids.
  std::stable_sort(c.d.payments.begin(), c.d.payments.end(),
                   [](const model::Payment& a, const model::Payment& b) { return a.date < b.date; });
  for (size_t i = 0; i < c.d.payments.size(); ++i) c.d.payments[i].id = static_cast<Id>(i + 1);
}

}  // namespace sl::demo::detail
