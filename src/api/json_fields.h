// Reading request fields with errors that name the field in the caller's language.
#pragma once
#include <boost/json.hpp>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <string>

#include "core/date.h"
#include "core/error.h"

namespace sl::api {

namespace json = boost::json;

const json::object& as_object(const json::value& v, const std::string& field);
std::string required_string(const json::object& o, const std::string& field, size_t max_len = 200);
// An integer field; a double with a fractional part, a string or an out-of-range number is 422.
int64_t required_int(const json::object& o, const std::string& key, const std::string& field, int64_t min, int64_t max);
// Like required_int, but JSON null (or absent) gives nullopt.
std::optional<int64_t> optional_int(const json::object& o, const std::string& key, const std::string& field,
                                    int64_t min, int64_t max);
const json::array& required_array(const json::object& o, const std::string& field);
// A "YYYY-MM-DD" string field (a form's date).
Date required_date(const json::object& o, const std::string& key, const std::string& field);

AppError missing_field(const std::string& field);
// The body of a partial update (PATCH): every key must be one of `known` (422 naming the
// first other one), and at least one must be there (422 "nothing to change"), so a typo
// is an error rather than a 200 that changed nothing and audited it.
void patch_fields(const json::object& body, std::initializer_list<std::string_view> known);

// Query parameters.
Date query_date(const std::string& value, const std::string& field);
Period query_period(const std::string& value, const std::string& field);
int64_t query_id(const std::string& value, const std::string& field);

// Encoders: optionals become JSON null.
json::value opt(const std::optional<int64_t>& v);
json::value opt(const std::optional<double>& v);
// "2026-11-27T08:00:00Z"
std::string iso_time(int64_t unix_seconds);

}  // namespace sl::api
