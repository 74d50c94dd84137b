// Orchestrates the generator stages. Each stage draws from its own forked random stream so
// that changing one stage does not reshuffle the others.
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "demo/gen.h"
#include "model/opportunity_rules.h"

namespace sl::demo {

namespace detail {

double season(int month) {
  // Feb: 春节; Q4: year-end budgets.
  static const double k[12] = {0.95, 0.6, 0.95, 1.0, 1.0, 1.1, 0.9, 0.9, 1.0, 1.05, 1.2, 1.45};
  return k[month - 1];
}

double growth(const Ctx& c, Date d) {
  // ~5%/year on top of the headcount and customer-base growth → ~12%/year in sales.
  return std::pow(1.05, (d.days - c.start.days) / 365.0);
}

const model::Rep& rep(const Ctx& c, Id id) { return c.d.reps[static_cast<size_t>(id - 1)]; }

Id occupant(const Ctx& c, size_t slot, Date d) {
  const auto& s = c.slots[slot];
  if (s.opened <= d)
    for (Id id : s.reps) {
      const auto& r = rep(c, id);
      if (r.hire_date <= d && (!r.leave_date || d <= *r.leave_date)) return id;
    }
  return c.slots[c.lead_slot[static_cast<size_t>(s.daqu)]].reps[0];
}

int64_t unix_seconds(Date d, int hour) {
  return static_cast<int64_t>(d.days) * 86400 + hour * 3600 - 8 * 3600;
}  // Beijing time

// 工号 as a company hands them out: "E", the two digits of the hire year and a three-digit
// sequence within that year in id order ("E19023"); unique since the year part is fixed-width.
void number_reps(model::Dataset& d) {
  std::map<int, int> seq;
  for (auto& rp : d.reps) {
    const int yy = to_ymd(rp.hire_date).year % 100;
    char buf[32];
    std::snprintf(buf, sizeof buf, "E%02d%03d", yy, ++seq[yy]);
    rp.employee_no = buf;
  }
}

// Opportunity codes (schema v7's business key), once the ids are final (trim_before_start
// renumbers them): "O" and six digits of the id, what older databases were backfilled with.
void number_opportunities(model::Dataset& d) {
  for (auto& o : d.opportunities) o.code = model::opportunity_code(o.id);
}

// Two reps of the same name, as any company of this size has (the issue 9 item 15 case that
// the 工号 tells apart): in the first 大区 with two employed non-lead reps who are not demo
// users, the later takes the name of the earlier. Names draw nothing from the random
// streams, so nothing else changes.
void same_name_pair(Ctx& c) {
  std::set<Id> users;
  for (const auto& u : demo_users(c.d)) users.insert(u.rep);
  std::vector<std::vector<size_t>> by_daqu(kDaqu);
  for (size_t i = 0; i < c.d.reps.size(); ++i) {
    const auto& rp = c.d.reps[i];
    const size_t id = static_cast<size_t>(rp.id);
    if (rp.manager == 0 || rp.leave_date || users.count(rp.id) || id >= c.rep_daqu.size()) continue;
    if (c.rep_daqu[id] >= 0 && c.rep_daqu[id] < kDaqu) by_daqu[static_cast<size_t>(c.rep_daqu[id])].push_back(i);
  }
  for (const auto& v : by_daqu)
    if (v.size() >= 2) {
      c.d.reps[v[1]].name = c.d.reps[v[0]].name;
      return;
    }
}

}  // namespace detail

model::Dataset generate(const DemoOptions& o) {
  if (o.scale != "small" && o.scale != "medium" && o.scale != "large")
    throw std::invalid_argument("demo scale must be small, medium or large, not '" + o.scale + "'");
  if (o.scale == "large") {  // five full years before as_of's year, ≥ 10M contract lines
    detail::Ctx c;
    c.o = o;
    c.as_of = o.as_of;
    c.start = from_ymd(to_ymd(o.as_of).year - 5, 1, 1);
    Rng root(o.seed);
    detail::gen_large(c, root);
    detail::number_reps(c.d);
    detail::number_opportunities(c.d);
    return std::move(c.d);
  }
  detail::Ctx c;
  c.o = o;
  c.medium = o.scale == "medium";
  c.as_of = o.as_of;
  c.start = from_ymd(to_ymd(o.as_of).year - 3, 1, 1);
  Rng root(o.seed);
  Rng r_org = root.fork(1), r_deals = root.fork(2), r_plans = root.fork(3), r_act = root.fork(4), r_meet = root.fork(5),
      r_market = root.fork(6);
  detail::gen_org(c, r_org);
  detail::same_name_pair(c);
  detail::gen_deals(c, r_deals);
  detail::gen_market(c, r_market);
  detail::gen_plans(c, r_plans);
  detail::gen_activity(c, r_act);
  detail::gen_meetings(c, r_meet);
  detail::number_reps(c.d);
  detail::number_opportunities(c.d);
  return std::move(c.d);
}

std::vector<DemoUser> demo_users(const model::Dataset& d) {
  using model::Role;
  // 大区 are the level-1 regions in id order: the first is 华东, the second 华南.
  std::vector<Id> daqu;
  for (const auto& r : d.regions)
    if (r.level == 1) daqu.push_back(r.id);
  if (daqu.size() < 2) throw std::invalid_argument("demo_users: the data set needs two 大区");
  auto in_daqu = [&](const model::Rep& rp, Id dq) {
    if (rp.region == dq) return true;
    for (const auto& r : d.regions)
      if (r.id == rp.region) return r.parent == dq;
    return false;
  };
  // Still-employed, non-lead reps (leads have no manager) of a 大区, in id order.
  auto reps_of = [&](Id dq, size_t n) {
    std::vector<Id> out;
    for (const auto& rp : d.reps)
      if (out.size() < n && !rp.leave_date && rp.manager != 0 && in_daqu(rp, dq)) out.push_back(rp.id);
    for (const auto& rp : d.reps)  // a tiny data set may need the lead too
      if (out.size() < n && !rp.leave_date && rp.manager == 0 && in_daqu(rp, dq)) out.push_back(rp.id);
    if (out.size() < n) throw std::invalid_argument("demo_users: not enough reps in a 大区");
    return out;
  };
  auto east = reps_of(daqu[0], 2), south = reps_of(daqu[1], 1);
  auto name = [&](Id id) {
    for (const auto& rp : d.reps)
      if (rp.id == id) return rp.name;
    return std::string();
  };
  return {
      {"admin", "系统管理员", Role::admin, 0, 0},
      // People's names; the UI shows the role beside them (issue 9 item 15).
      {"ceo", "周建华", Role::executive, 0, 0},
      {"mgr.east", "王建国", Role::manager, daqu[0], 0},
      {"mgr.south", "李文斌", Role::manager, daqu[1], 0},
      {"rep.east1", name(east[0]), Role::rep, 0, east[0]},
      {"rep.east2", name(east[1]), Role::rep, 0, east[1]},
      {"rep.south1", name(south[0]), Role::rep, 0, south[0]},
  };
}

}  // namespace sl::demo
