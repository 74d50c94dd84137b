// Business keys people type: contract codes, employee numbers and logins. One rule each, shared by the API,
// the command line, import and the store's unique indexes (lower(trim(code)), lower(login)).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace sl::model {

// A code as stored: surrounding spaces and tabs removed.
std::string trim_code(std::string_view code);
// Two codes name the same thing when they match trimmed, ignoring ASCII case.
bool same_code(std::string_view a, std::string_view b);

// The employee number (工号) of a rep written without one: "E" and five digits of the id
// ("E00042"), as schema version 6 backfills older rows. Compared like codes (same_code).
std::string default_employee_no(int64_t rep_id);

// A login is 2–64 characters of ASCII letters, digits and . _ - @, starting with a letter
// or digit; logins are unique ignoring case. Throws AppError 422 on field "login".
void validate_login(std::string_view login);

// An email address as a push recipient: empty (none) or local@domain with a dot in the
// domain, no spaces or control characters, at most 254 characters. Throws AppError 422 on
// `field` (default "email").
void validate_email(std::string_view email, const char* field = "email");

}  // namespace sl::model
