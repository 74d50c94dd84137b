// Which column of an import file holds which field (issue 12): guessed from the header row
// against the field names and aliases of entities.h, or given as MAP.json's
// {"field": "column header"} pairs. A column maps to at most one field and a field to at
// most one column; what cannot be decided is reported, never picked at random.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/entities.h"

namespace sl::ingest {

// A header as compared: full-width characters made half-width (Ａ→A, （→(, the ideographic
// space → space), ASCII lowercased, bracketed parts such as "(元)" or "【必填】" removed (kept
// when nothing else is left), then spaces and punctuation removed: "Customer Code",
// "customer_code" and "ＣＵＳＴＯＭＥＲ－ＣＯＤＥ" all become "customercode", "金额（万元）" "金额".
// A money or percent unit found in brackets is stored in *unit: "万元", "元" or "%".
std::string normalize_header(std::string_view header, std::string* unit = nullptr);

enum class MatchKind {
  exact,     // the header is the field's name or one of its aliases
  contains,  // the header contains a name or alias, or is a part of one (the longest such wins)
  given,     // named by MAP.json
};

struct ColumnMatch {
  size_t field = 0;   // index in Entity::fields
  size_t column = 0;  // index in the header row
  MatchKind kind = MatchKind::exact;
  std::string unit;  // from the header's brackets: "万元" means the values are in 万元
};

// Columns and fields that fit each other equally well. For exact matches the leftmost column
// is mapped and the others are listed here; for partial matches none of them is mapped.
struct Ambiguity {
  std::vector<size_t> fields, columns;
};

struct Mapping {
  std::vector<ColumnMatch> matches;      // in field order
  std::vector<size_t> missing_required;  // required fields no column maps to
  std::vector<size_t> unmapped_columns;  // columns no field maps to (ignored by the import)
  std::vector<Ambiguity> ambiguous;

  std::optional<size_t> column_of(size_t field) const;
  const ColumnMatch* match_of(size_t field) const;
};

Mapping guess_mapping(const Entity& e, const std::vector<std::string>& headers);

// MAP.json's pairs (field name → header as written in the file, or as normalize_header sees
// it). Only the fields named are mapped. Throws AppError 422 (field "map") for an unknown
// field, a header the file does not have, or a column or field named twice.
Mapping apply_map(const Entity& e, const std::vector<std::string>& headers,
                  const std::vector<std::pair<std::string, std::string>>& map);

}  // namespace sl::ingest
