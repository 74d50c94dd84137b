#include "api/version_conflict.h"

namespace sl::api {

std::optional<int64_t> version_field(const json::object& body, const std::string& key, const std::string& field) {
  return optional_int(body, key, field, 0, INT64_MAX);
}

std::optional<http::Response> write_or_conflict(const http::Request& req, const std::function<void()>& write,
                                                const std::function<json::value()>& current) {
  try {
    write();
    return std::nullopt;
  } catch (const AppError& e) {
    if (e.code != "version_conflict") throw;
    const json::object error{{"code", e.code}, {"message", e.message(req.lang())}, {"field", e.field}};
    return http::json_response(409, json::object{{"error", error}, {"current", current()}});
  }
}

}  // namespace sl::api
