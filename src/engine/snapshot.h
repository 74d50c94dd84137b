// An immutable, columnar picture of the data at one store version. Parts are shared
// between versions: a target edit makes a new Snapshot that reuses the fact tables.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/contract_index.h"
#include "engine/dims.h"
#include "engine/facts.h"
#include "engine/market.h"
#include "engine/memo.h"
#include "engine/records.h"
#include "engine/rep_month_sums.h"
#include "engine/row_index.h"
#include "engine/targets.h"
#include "model/entities.h"

namespace sl::engine {

struct Facts {
  FactTable sales;        // one row per contract, by signed date
  FactTable sales_lines;  // one row per contract line, by signed date, with category
  // Beside sales_lines, row for row (C4): the line's product index (kNone: unknown) and cost.
  Column<int32_t> line_product;
  Column<Money> line_cost;
  FactTable collections;  // one row per payment, by payment date (rep, customer = the contract's)
  FactTable bids_won;     // one row per won bid, by result date (rep = opportunity's rep)
  // One row per customer, on the date of its first contract ever (rep and amount of that
  // contract): counting rows in a period counts the customers new in it.
  FactTable first_contracts;
  std::vector<std::string> categories;  // category code → name
  Column<Id> customer_id;               // customer index → id
  // For D1/D2/D4. bids_won rows also carry the opportunity's customer and category.
  FactTable activities;     // one row per activity, by date; category = model::ActivityType
  CustomerTable customers;  // by customer index
  OpportunityTable opportunities;
  ContractTable contracts;
  std::shared_ptr<const ContractIndex> contract_index;  // open contracts, contracts by signing day (C1)
  std::shared_ptr<const RowIndex> row_index;  // contracts by customer and by rep, customers by owner, … (D1, C3)
  std::shared_ptr<const RepMonthSums> rep_month_sums;  // sales, collections, … by (rep, month) (D1, D4)
  ForecastTable forecasts;
  // For appending contracts to the next Snapshot without a rebuild (with_contracts).
  std::shared_ptr<const IdIndex> customer_index;                 // customer id → index
  std::shared_ptr<const IdIndex> product_index;                  // product id → position in product_category
  std::shared_ptr<const std::vector<int32_t>> product_category;  // category code (kNone: none)
  // Products, market sizes, competitor products and their sales (C4).
  std::shared_ptr<const MarketTables> market;
  // The company's finance ledger (P4), in month order; company-wide, not by region or rep.
  std::shared_ptr<const std::vector<model::FinanceMonth>> finance;
  // The highest payment id held (payments are written in id order): with_payments appends
  // only above it, so a payment a rebuild already read is not counted twice.
  Id last_payment_id = 0;
  // Answers computed once and kept for later requests (engine/memo.h): shared by the copies
  // of these Facts in later Snapshots; each entry checks the columns it was built from.
  std::shared_ptr<const Memo> memo = std::make_shared<Memo>();
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
std::shared_ptr<const Snapshot> with_targets(const Snapshot& s, std::vector<model::Target> targets, int64_t version);

// The next Snapshot after new contracts were committed (with their lines and payment plans,
// no payments yet): rows appended to the contract, contract-line and first-contract tables —
// or, for a back-dated contract, inserted where a rebuild would put them (a copy of those few
// columns; a contract before its customer's first one moves that customer's first-contract
// row) — every other column shared. Applies when every contract has a higher id than any
// before and names a known rep, customer and products. Otherwise it returns nullptr and the
// caller rebuilds. Rows of one day are in contract-id order, as a rebuild orders them.
std::shared_ptr<const Snapshot> with_contracts(const Snapshot& s, std::vector<model::Contract> added, int64_t version);

// The next Snapshot after new payments (回款登记) were committed: a row in collections where a
// rebuild puts it (after the rows of its day), the payment in its contract's payments and the
// contract's settled day recomputed — every other column shared. Payments at or below
// last_payment_id are already held and skipped. nullptr (rebuild) when a payment names a
// contract the Snapshot does not hold.
std::shared_ptr<const Snapshot> with_payments(const Snapshot& s, std::vector<model::Payment> added, int64_t version);

}  // namespace sl::engine
