// Maps (method, path) to a handler. Patterns are literal segments and {name} captures,
// e.g. "/api/v1/meetings/{id}". Dispatch turns every outcome into a Response: a thrown
// AppError becomes its JSON error, anything else a generic 500 (logged, never leaked).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/request.h"

namespace sl::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler h);
  // Fills req.params on a match. 404 when no pattern matches the path, 405 with an
  // Allow header when one does but not for this method.
  Response dispatch(Request& req) const;
  // True when some route's pattern matches the path (any method).
  bool has_path(const std::string& path) const;
  // Every route as "METHOD /pattern/{x}", in the order added (the authorization matrix test
  // checks it has a row for each).
  std::vector<std::string> routes() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{x}" = capture
    Handler handler;
  };
  static bool match(const Route& r, const std::vector<std::string>& segs, std::map<std::string, std::string>* params);
  std::vector<Route> routes_;
};

// "/a/b/" -> {"a","b"}; empty segments are dropped so a trailing slash is tolerated.
std::vector<std::string> split_path(const std::string& path);

}  // namespace sl::http
