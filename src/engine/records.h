// Per-entity tables the D-area dashboards need beside the date-sorted fact tables:
// customers, opportunities with their stage history, contracts with payment plan and
// payments, and forecasts. Columns again, addressed by dense indexes (rows in id order);
// variable-length children (history, plan, payments) are flattened with offset arrays,
// so child rows of entity i are [begin[i], begin[i+1]).
#pragma once
#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "engine/column.h"
#include "engine/dims.h"
#include "engine/id_index.h"
#include "model/entities.h"

namespace sl::engine {

constexpr int32_t kNoDay = INT32_MIN;  // an absent date in a day column

struct CustomerTable {
  Column<std::string> name;
  Column<std::string> code;               // 客户编码 (the profile shows it)
  Column<int32_t> industry;               // code into industries
  Column<int8_t> size;                    // model::CustomerSize
  Column<int32_t> region;                 // region index
  Column<int32_t> owner;                  // rep index (kNone when none)
  Column<int32_t> lost_reason;            // code into lost_reasons; kNone when not lost (C3 churn reasons)
  std::vector<std::string> industries;    // industry code → name
  std::vector<std::string> lost_reasons;  // lost-reason code → text, first-seen order
  size_t size_count() const { return name.size(); }
};

struct OpportunityTable {
  Column<Id> id;
  Column<int32_t> customer, rep, category;  // indexes / category code
  Column<Money> amount;
  Column<int32_t> created, expected_close, closed;  // days; closed = kNoDay while open
  Column<int8_t> stage;                             // current (final) stage
  Column<uint32_t> hist_begin;                      // size() + 1 offsets
  Column<int8_t> hist_stage;
  Column<int32_t> hist_day;
  // Codes (商机编号) packed as ContractTable's are; the 商机维护 list shows and searches them.
  Column<char> code_chars;
  Column<uint32_t> code_begin;  // size() + 1 offsets into code_chars
  std::string_view code(size_t i) const {
    return std::string_view(code_chars.data() + code_begin[i], code_begin[i + 1] - code_begin[i]);
  }
  size_t size() const { return id.size(); }
  // The stage the opportunity was in at the end of day `as_of`; kNone before it existed.
  int32_t stage_at(size_t i, Date as_of) const;
  // True when created on or before as_of and not closed by then.
  bool open_at(size_t i, Date as_of) const;
};

struct ContractTable {
  Column<Id> id;
  // Contract codes packed into one buffer (a std::string each took 32 bytes a contract).
  Column<char> code_chars;
  Column<uint32_t> code_begin;  // size() + 1 offsets into code_chars
  std::string_view code(size_t c) const {
    return std::string_view(code_chars.data() + code_begin[c], code_begin[c + 1] - code_begin[c]);
  }
  Column<int32_t> rep, customer, signed_day;
  Column<Money> amount;
  Column<uint32_t> plan_begin;  // payment plan, by due date
  Column<int32_t> plan_due;
  Column<Money> plan_amount;
  Column<uint32_t> pay_begin;  // payments, by date
  Column<int32_t> pay_day;
  Column<Money> pay_amount;
  // The day of the last payment when the payments add up to the amount and cover the whole
  // plan (Σ payments = amount ≥ Σ plan); kNever otherwise. From that day on the contract has
  // nothing receivable and nothing overdue, whatever the as_of: C1's aging skips it.
  Column<int32_t> settled_day;
  static constexpr int32_t kNever = INT32_MAX;
  size_t size() const { return id.size(); }
  bool settled_by(size_t c, int32_t day) const { return c < settled_day.size() && settled_day[c] <= day; }
};

// Forecast submissions sorted by (rep, month, submitted_at, id).
struct ForecastTable {
  Column<int32_t> rep, month;  // rep index, Month::index
  Column<Money> value;
  Column<int64_t> submitted_at;  // unix seconds
  size_t size() const { return rep.size(); }
};

// Id → index maps shared by the builders (customers in input order, as Facts numbers them).
using IndexMap = IdIndex;

CustomerTable build_customers(const std::vector<model::Customer>& cs, const Dims& dims);
OpportunityTable build_opportunities(const std::vector<model::Opportunity>& os, const Dims& dims,
                                     const IndexMap& customer_index,
                                     const std::map<std::string, int32_t>& category_code);
ContractTable build_contracts(const model::Dataset& d, const Dims& dims, const IndexMap& customer_index);
ForecastTable build_forecasts(const std::vector<model::Forecast>& fs, const Dims& dims);

}  // namespace sl::engine
