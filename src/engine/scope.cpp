#include "engine/scope.h"

#include "engine/records.h"

namespace sl::engine {

Scope scope_none(const Dims& d) {
  Scope s;
  s.region.assign(d.region_count(), false);
  s.rep.assign(d.rep_count(), false);
  return s;
}

Scope scope_all(const Dims& d) {
  Scope s;
  s.everything = true;
  s.root_region = d.company;
  s.region.assign(d.region_count(), true);
  s.rep.assign(d.rep_count(), true);
  return s;
}

Scope scope_region(const Dims& d, int32_t root) {
  Scope s = scope_none(d);
  if (root == kNone) return s;
  s.root_region = root;
  for (int32_t r = 0; r < d.region_count(); ++r) s.region[r] = d.in_subtree(r, root);
  for (int32_t p = 0; p < d.rep_count(); ++p) s.rep[p] = s.sees_region(d.rep_region[p]);
  return s;
}

Scope scope_rep(const Dims& d, int32_t rep) {
  Scope s = scope_none(d);
  if (rep == kNone) return s;
  s.own_rep = rep;
  s.rep[rep] = true;
  return s;
}

bool sees_customer(const Scope& s, const CustomerTable& customers, int32_t customer) {
  if (customer < 0 || static_cast<size_t>(customer) >= customers.size_count()) return false;
  if (s.everything) return true;
  const int32_t owner = customers.owner[customer];
  return (owner != kNone && s.sees_rep(owner)) || (s.own_rep == kNone && s.sees_region(customers.region[customer]));
}

bool sees_opportunity(const Scope& s, const OpportunityTable& opportunities, size_t row) {
  return row < opportunities.size() && (s.everything || s.sees_rep(opportunities.rep[row]));
}

}  // namespace sl::engine
