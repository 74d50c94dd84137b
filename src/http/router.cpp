#include "http/router.h"

#include <spdlog/spdlog.h>

namespace sl::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<std::string> Router::routes() const {
  std::vector<std::string> out;
  for (const auto& r : routes_) {
    std::string line = r.method + " ";
    for (const auto& s : r.segments) line += "/" + s;
    out.push_back(std::move(line));
  }
  return out;
}

void Router::add(std::string method, std::string pattern, Handler h) {
  routes_.push_back(Route{std::move(method), split_path(pattern), std::move(h)});
}

bool Router::match(const Route& r, const std::vector<std::string>& segs, std::map<std::string, std::string>* params) {
  if (r.segments.size() != segs.size()) return false;
  for (size_t i = 0; i < segs.size(); ++i) {
    const std::string& p = r.segments[i];
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      if (params) (*params)[p.substr(1, p.size() - 2)] = segs[i];
    } else if (p != segs[i]) {
      return false;
    }
  }
  return true;
}

bool Router::has_path(const std::string& path) const {
  auto segs = split_path(path);
  for (const auto& r : routes_)
    if (match(r, segs, nullptr)) return true;
  return false;
}

Response Router::dispatch(Request& req) const {
  auto segs = split_path(req.path);
  std::string allow;
  for (const auto& r : routes_) {
    if (!match(r, segs, nullptr)) continue;
    if (r.method != req.method) {
      if (allow.find(r.method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + r.method;
      continue;
    }
    std::map<std::string, std::string> params;
    match(r, segs, &params);
    req.params = std::move(params);
    try {
      return r.handler(req);
    } catch (const sl::AppError& e) {
      return error_response(e, req.lang());
    } catch (const std::exception& e) {
      spdlog::error("handler {} {} failed: {}", log_safe(req.method), log_safe(req.path), log_safe(e.what()));
    } catch (...) {
      spdlog::error("handler {} {} failed with a non-standard exception", log_safe(req.method), log_safe(req.path));
    }
    return error_response(sl::AppError(500, "internal", "", "服务器内部错误，请稍后再试",
                                       "Internal server error, please try again later"),
                          req.lang());
  }
  if (!allow.empty()) {
    Response r = error_response(sl::AppError(405, "method_not_allowed", "", "不支持该请求方法", "Method not allowed"),
                                req.lang());
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  return error_response(sl::AppError(404, "not_found", "", "接口不存在", "No such endpoint"), req.lang());
}

}  // namespace sl::http
