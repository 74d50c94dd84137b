// The field rules of the master data — regions, reps, customers, products, market figures, bids — shared by the import
// and any form that writes them later: each check throws AppError 422 naming the field, in
// both languages (field_errors.h). Required fields and value shapes are the reader's part.
#pragma once
#include <cstdint>
#include <string>

#include "core/money.h"

namespace sl::model {

constexpr int kMaxRegionLevel = 2;                 // company 0 → 大区 1 → 省 2
constexpr size_t kMaxNameBytes = 200;              // names and codes as stored
constexpr Money kMaxPrice = 1'000'000'000'000'00;  // 一万亿元 in fen

// A region's level from its parent's (none: the company, level 0). Field "parent".
int region_level(bool has_parent, int parent_level);
// A name, code or category: at most kMaxNameBytes. Field `field`.
void check_name(const std::string& value, const std::string& field);
// A rep's employment: no leave before the hire. Field "leave_date".
void check_employment(const std::string& hire_date, const std::string& leave_date);
// An amount that cannot be negative (a market size). Field `field`.
void check_not_negative(Money v, const std::string& field);
// A bid's result: pending without a result date; won or lost with one, not before the bid.
// Dates as YYYY-MM-DD, "" for none. Field "result_date".
void check_bid_result(const std::string& result, const std::string& bid_date, const std::string& result_date);
// A product's list price and unit cost: 0..kMaxPrice fen. Fields "list_price", "unit_cost".
void validate_product_prices(Money list_price, Money unit_cost);

}  // namespace sl::model
