// Optimistic concurrency (issue 15) in the handlers: an edit may say which version of the row
// it read; when the store finds the row moved on (store::version_conflict, nothing written) the
// answer is 409 with the error as every error answer has it plus "current", the values now.
#pragma once
#include <functional>
#include <optional>

#include "api/json_fields.h"
#include "http/router.h"

namespace sl::api {

// The optional "version" field of a body (≥ 0; a missing one is nullopt: no check).
std::optional<int64_t> version_field(const json::object& body, const std::string& key, const std::string& field);

// Runs write(); a version_conflict it throws becomes the 409 answer with current() in it.
std::optional<http::Response> write_or_conflict(const http::Request& req, const std::function<void()>& write,
                                                const std::function<json::value()>& current);

}  // namespace sl::api
