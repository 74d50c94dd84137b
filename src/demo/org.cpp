// The company: regions, sales seats and the reps who fill them over time, products,
// competitors and the customer base.
#include <cmath>

#include "demo/gen.h"

namespace sl::demo::detail {

namespace {

void gen_regions(Ctx& c) {
  auto& regs = c.d.regions;
  regs.push_back({1, "总部", 0, 0});
  for (int i = 0; i < kDaqu; ++i) {
    c.daqu_region[i] = static_cast<Id>(regs.size() + 1);
    regs.push_back({c.daqu_region[i], std::string(kDaquNames[i]) + "大区", 1, 1});
  }
  c.provinces.resize(kDaqu);
  for (int i = 0; i < kDaqu; ++i)
    for (const char* p : kProvinces[i]) {
      Id id = static_cast<Id>(regs.size() + 1);
      regs.push_back({id, p, c.daqu_region[i], 2});
      c.provinces[i].push_back(id);
    }
}

// Seats per 大区: one lead each, the rest split by business weight (largest remainder).
std::array<int, kDaqu> seats_per_daqu(int others) {
  std::array<int, kDaqu> n{};
  std::array<double, kDaqu> rem{};
  int used = 0;
  for (int i = 0; i < kDaqu; ++i) {
    double exact = others * kDaquWeight[i];
    n[i] = std::max(1, static_cast<int>(exact));
    rem[i] = exact - static_cast<int>(exact);
    used += n[i];
  }
  while (used < others) {
    int best = 0;
    for (int i = 1; i < kDaqu; ++i)
      if (rem[i] > rem[best]) best = i;
    ++n[best];
    rem[best] = -1;
    ++used;
  }
  return n;
}

Id add_rep(Ctx& c, Rng& r, const Slot& s, Date hire, Id manager) {
  model::Rep rep;
  rep.id = static_cast<Id>(c.d.reps.size() + 1);
  rep.name = person_name(r);
  rep.region = s.region;
  rep.manager = manager;
  rep.hire_date = hire;
  c.d.reps.push_back(rep);
  c.rep_skill.push_back(s.lead ? 1.2 * r.lognormal(0.15) : r.lognormal(0.4));
  c.rep_daqu.push_back(s.daqu);
  return rep.id;
}

void gen_reps(Ctx& c, Rng& r) {
  const int seats = c.medium ? 100 : 16;
  c.rep_skill.assign(1, 0.0);
  c.rep_daqu.assign(1, -1);
  // Leads first so every other rep can name its manager.
  for (int i = 0; i < kDaqu; ++i) {
    Slot s{i, c.daqu_region[i], true, c.start, {}};
    s.reps.push_back(add_rep(c, r, s, Date{c.start.days - static_cast<int>(r.range(400, 2500))}, 0));
    c.lead_slot.push_back(c.slots.size());
    c.slots.push_back(s);
  }
  auto per = seats_per_daqu(seats - kDaqu);
  const int span = c.as_of.days - c.start.days;
  for (int i = 0; i < kDaqu; ++i)
    for (int k = 0; k < per[i]; ++k) {
      Slot s{i, c.provinces[i][k % c.provinces[i].size()], false, c.start, {}};
      // ~88% of seats exist at the start; the rest open as the company grows.
      if (!r.chance(0.88)) s.opened = Date{c.start.days + static_cast<int>(r.range(0, std::max(1, span - 60)))};
      const Id lead = c.slots[c.lead_slot[i]].reps[0];
      Date hire = s.opened == c.start ? Date{c.start.days - static_cast<int>(r.range(30, 2000))} : s.opened;
      for (;;) {
        Id id = add_rep(c, r, s, hire, lead);
        s.reps.push_back(id);
        // Tenure exponential with a mean of 6 years → ~15% yearly turnover.
        double tenure = -std::log(1.0 - r.uniform()) * 6 * 365;
        Date leave{hire.days + 60 + static_cast<int>(tenure)};
        if (leave >= c.as_of || leave < c.start) {
          if (leave < c.start) {  // left before the data starts: hire the next one in time
            c.d.reps.pop_back();
            c.rep_skill.pop_back();
            c.rep_daqu.pop_back();
            s.reps.pop_back();
            hire = Date{std::max(hire.days + 30, c.start.days - static_cast<int>(r.range(10, 200)))};
            continue;
          }
          break;
        }
        c.d.reps.back().leave_date = leave;
        hire = Date{leave.days + static_cast<int>(r.range(20, 90))};
        if (hire >= c.as_of) break;  // seat still vacant
      }
      c.slots.push_back(s);
    }
}

void gen_products(Ctx& c, Rng& r) {
  const int n = c.medium ? 60 : 20;
  const char* series[] = {"A", "S", "X", "Pro", "Max", "E", "Lite", "Plus"};
  for (int i = 0; i < n; ++i) {
    int cat = i % kCategories, gen = i / kCategories;
    model::Product p;
    p.id = i + 1;
    char code[16];
    std::snprintf(code, sizeof code, "P%04d", i + 1);
    p.code = code;
    p.name = std::string(kCategoryNames[cat]) + " " + series[gen % 8] + std::to_string(100 * (gen + 1) + cat * 10);
    p.category = kCategoryNames[cat];
    // The first product of each category predates the data; later ones launch during it.
    p.launch_date = gen == 0 || r.chance(0.6)
                        ? Date{c.start.days - static_cast<int>(r.range(60, 2000))}
                        : Date{c.start.days + static_cast<int>(r.range(0, c.as_of.days - c.start.days - 30))};
    p.list_price = static_cast<Money>(kCategoryTicket[cat] / r.uniform(3, 12) / 100) * 100 * 100;
    double cost_share = 1 - kCategoryMargin[cat] + r.uniform(-0.05, 0.05);
    p.unit_cost = static_cast<Money>(static_cast<double>(p.list_price) * cost_share / 100) * 100;
    c.products_by_cat[cat].push_back(c.d.products.size());
    c.d.products.push_back(p);
  }
}

void gen_competitors(Ctx& c) {
  const char* names[] = {"捷达信息", "天宇科技", "中盛数码", "宏图网络", "云帆智能"};
  for (int i = 0; i < 5; ++i) {
    c.d.competitors.push_back({i + 1, names[i]});
    for (int cat = 0; cat < kCategories; ++cat) {
      Id id = static_cast<Id>(c.d.competitor_products.size() + 1);
      c.d.competitor_products.push_back(
          {id, i + 1, kCategoryNames[cat], std::string(names[i]).substr(0, 6) + kCategoryNames[cat]});
    }
  }
}

void gen_customers(Ctx& c, Rng& r) {
  const int n = c.medium ? 8000 : 600;
  std::vector<double> dw(kDaquWeight.begin(), kDaquWeight.end());
  std::vector<double> iw(kIndustryWeight.begin(), kIndustryWeight.end());
  // Seats per 大区 and province, for assigning owners.
  std::vector<std::vector<size_t>> daqu_seats(kDaqu);
  for (size_t s = 0; s < c.slots.size(); ++s)
    if (!c.slots[s].lead) daqu_seats[c.slots[s].daqu].push_back(s);
  c.slot_customers.assign(c.slots.size(), {});
  const int span = c.as_of.days - c.start.days;
  for (int i = 0; i < n; ++i) {
    int dq = static_cast<int>(r.weighted(dw));
    auto& provs = c.provinces[dq];
    // The first province of each 大区 is its economic centre.
    Id prov = r.chance(0.35) ? provs[0] : r.pick(provs);
    int ind = static_cast<int>(r.weighted(iw));
    model::Customer cu;
    cu.id = i + 1;
    char code[16];
    std::snprintf(code, sizeof code, "C%05d", i + 1);
    cu.code = code;
    cu.industry = kIndustryNames[ind];
    cu.name = company_name(r, c.d.regions[static_cast<size_t>(prov - 1)].name, cu.industry);
    double u = r.uniform();
    cu.size = u < 0.15  ? model::CustomerSize::large
              : u < 0.5 ? model::CustomerSize::medium
                        : model::CustomerSize::small;
    cu.region = prov;
    // Most of the base predates the data; newer customers arrive a little faster over time.
    cu.created = r.chance(0.6) ? Date{c.start.days - static_cast<int>(r.range(30, 1500))}
                               : Date{c.start.days + static_cast<int>(std::pow(r.uniform(), 0.85) * span)};
    CustomerMeta m;
    m.size_mult = cu.size == model::CustomerSize::large ? 3.0 : cu.size == model::CustomerSize::medium ? 1.0 : 0.35;
    m.reliability = r.uniform(0.55, 0.97);
    std::vector<size_t> same;
    for (size_t s : daqu_seats[dq])
      if (c.slots[s].region == prov) same.push_back(s);
    m.slot = r.chance(0.08) || daqu_seats[dq].empty() ? c.lead_slot[dq]
             : !same.empty()                          ? r.pick(same)
                                                      : r.pick(daqu_seats[dq]);
    if (r.chance(0.22)) {
      Date from{std::max(cu.created.days, c.start.days) + 180};
      if (from < c.as_of) {
        m.churn = Date{from.days + static_cast<int>(r.range(0, c.as_of.days - from.days))};
        if (r.chance(0.7)) cu.lost_reason = r.pick(kLostReasons);
      }
    }
    cu.owner_rep = occupant(c, m.slot, c.as_of);
    c.slot_customers[m.slot].push_back(cu.id);
    c.cust.push_back(m);
    c.d.customers.push_back(std::move(cu));
  }
}

}  // namespace

void gen_org(Ctx& c, Rng& r) {
  gen_regions(c);
  gen_reps(c, r);
  gen_products(c, r);
  gen_competitors(c);
  gen_customers(c, r);
}

}  // namespace sl::demo::detail
