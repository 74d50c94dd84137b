// What a caller may see, resolved once per request into per-region and per-rep flags.
// Every analytics entry point takes a Scope; there is no overload without one.
#pragma once
#include <vector>

#include "engine/dims.h"

namespace sl::engine {

struct Scope {
  bool everything = false;
  int32_t root_region = kNone;  // managers: the region whose subtree they see
  int32_t own_rep = kNone;      // reps: their own book
  std::vector<bool> region;     // by region index: region visible
  std::vector<bool> rep;        // by rep index: rep's book visible

  bool sees_region(int32_t r) const { return r != kNone && r < (int32_t)region.size() && region[r]; }
  bool sees_rep(int32_t p) const { return p != kNone && p < (int32_t)rep.size() && rep[p]; }
};

Scope scope_all(const Dims& d);
// A manager's region subtree: the region, its descendants and every rep placed in them.
Scope scope_region(const Dims& d, int32_t root);
// A rep's own book: only that rep, no region totals.
Scope scope_rep(const Dims& d, int32_t rep);
// Nothing visible (a user whose region or rep no longer exists).
Scope scope_none(const Dims& d);

// Whether the caller sees one customer (by index) or opportunity (by row): a customer when
// its owner's book is visible or, above a rep's scope, when it is placed in a visible
// region; an opportunity when its rep's book is. The one rule for ids named in a request,
// reads and writes alike; out of scope answers as if the id did not exist.
struct CustomerTable;
struct OpportunityTable;
bool sees_customer(const Scope& s, const CustomerTable& customers, int32_t customer);
bool sees_opportunity(const Scope& s, const OpportunityTable& opportunities, size_t row);

}  // namespace sl::engine
