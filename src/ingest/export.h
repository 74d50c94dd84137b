// `salesloop export` (issue 12): an entity of a Dataset as the rows its import reads — the
// canonical field names of entities.h as headers, references as business keys, dates
// YYYY-MM-DD, months YYYY-MM, money in 元 with two decimals, enumerations as their codes.
#pragma once
#include <string>
#include <vector>

#include "ingest/entities.h"
#include "model/entities.h"

namespace sl::ingest {

struct TextTable {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
};

// Throws AppError 422 (field "entity") for a name that is not an entity.
TextTable export_entity(const model::Dataset& d, const std::string& entity);

// The keys the export writes where the store has none of its own yet: an opportunity is
// "O" and its id in six digits; a rep without an employee number "E" and five digits
// (as schema v6 backfills them).
std::string opportunity_code(Id id);
std::string fallback_employee_no(Id id);

// Fen as 元 with two decimals: 123456 → "1234.56", -5 → "-0.05".
std::string money_text(Money fen);
// Unix seconds as Beijing time with its offset (the forecast lock's clock): "2026-06-02T10:15:00+08:00".
std::string beijing_time_text(int64_t unix_seconds);

}  // namespace sl::ingest
