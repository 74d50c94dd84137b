// An immutable, columnar picture of the data at one store version. Parts are shared
// between versions: a target edit makes a new Snapshot that reuses the fact tables.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/dims.h"
#include "engine/facts.h"
#include "engine/targets.h"
#include "model/entities.h"

namespace sl::engine {

struct Facts {
  FactTable sales;        // one row per contract, by signed date
  FactTable sales_lines;  // one row per contract line, by signed date, with category
  FactTable collections;  // one row per payment, by payment date (rep = contract's rep)
  FactTable bids_won;     // one row per won bid, by result date (rep = opportunity's rep)
  // One row per customer, on the date of its first contract ever (rep and amount of that
  // contract): counting rows in a period counts the customers new in it.
  FactTable first_contracts;
  std::vector<std::string> categories;  // category code → name
  std::vector<Id> customer_id;          // customer index → id
};

struct Snapshot {
  int64_t version = 0;
  std::shared_ptr<const Dims> dims;
  std::shared_ptr<const Facts> facts;
  std::shared_ptr<const TargetCube> targets;
  std::shared_ptr<const std::vector<model::Target>> target_rows;  // for the next incremental step
};

std::shared_ptr<const Snapshot> build_snapshot(const model::Dataset& d, int64_t version);
// The same snapshot with a new set of targets (after a target write); facts are shared.
std::shared_ptr<const Snapshot> with_targets(const Snapshot& s, std::vector<model::Target> targets,
                                             int64_t version);

}  // namespace sl::engine
