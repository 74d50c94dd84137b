// Weekly field activity of every employed rep with the customers of their seat.
#include "demo/gen.h"

namespace sl::demo::detail {

void gen_activity(Ctx& c, Rng& r) {
  std::vector<size_t> seat(c.d.reps.size() + 1, 0);
  for (size_t s = 0; s < c.slots.size(); ++s)
    for (Id id : c.slots[s].reps) seat[static_cast<size_t>(id)] = s;
  const double per_week = c.medium ? 10.0 : 2.5;
  const std::vector<double> type_w = {0.4, 0.35, 0.15, 0.1};  // visit, call, demo, proposal
  for (Date week = c.start; week <= c.as_of; week = Date{week.days + 7})
    for (const auto& rp : c.d.reps) {
      if (rp.hire_date > week || (rp.leave_date && *rp.leave_date < week)) continue;
      const auto& custs = c.slot_customers[seat[static_cast<size_t>(rp.id)]];
      int n = r.poisson(per_week * std::min(1.5, c.rep_skill[static_cast<size_t>(rp.id)]));
      for (int i = 0; i < n; ++i) {
        Date d{week.days + static_cast<int>(r.range(0, 4))};
        if (d > c.as_of || (rp.leave_date && d > *rp.leave_date)) continue;
        Id cust = custs.empty() ? 0 : r.pick(custs);
        if (cust && c.d.customers[static_cast<size_t>(cust - 1)].created > d) cust = 0;  // a prospect call
        c.d.activities.push_back({static_cast<Id>(c.d.activities.size() + 1), rp.id, cust, d,
                                  static_cast<model::ActivityType>(r.weighted(type_w))});
      }
    }
}

}  // namespace sl::demo::detail
