#include "http/request.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse.hpp>

namespace sl::http {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::string Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return "";
}

std::string Request::header_list(std::string_view name) const {
  std::string out;
  for (const auto& [k, v] : headers) {
    if (!iequals(k, name)) continue;
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

std::string Request::query_value(const std::string& name, const std::string& fallback) const {
  auto it = query.find(name);
  return it == query.end() || it->second.empty() ? fallback : it->second;
}

std::string Request::cookie(std::string_view name) const {
  std::string all = header("cookie");
  std::string_view rest = all;
  while (!rest.empty()) {
    size_t semi = rest.find(';');
    std::string_view part = trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim(part.substr(0, eq)) == name) {
      std::string_view v = trim(part.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return "";
}

sl::Lang Request::lang() const {
  std::string al = header("accept-language");
  std::string_view v = trim(al);
  if (v.size() >= 2 && lower(v[0]) == 'e' && lower(v[1]) == 'n') return sl::Lang::en;
  return sl::Lang::zh;
}

std::string log_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  static const char* hex = "0123456789abcdef";
  auto escape = [&](unsigned char c) {
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c < 0x20 || c == 0x7f || c == '\\') {
      escape(c);
    } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {  // U+0080–U+009F: C1 controls (CSI …)
      escape(c);
      escape(next);
      ++i;
    } else {
      out += char(c);
    }
  }
  return out;
}

Response json_response(int status, const boost::json::value& v) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  return r;
}

Response error_response(const sl::AppError& e, sl::Lang lang) {
  boost::json::object err;
  err["code"] = e.code;
  err["message"] = e.message(lang);
  if (e.field.empty())
    err["field"] = nullptr;
  else
    err["field"] = e.field;
  boost::json::object root;
  root["error"] = std::move(err);
  Response res = json_response(e.status, root);
  if (e.retry_after > 0) res.headers.emplace_back("Retry-After", std::to_string(e.retry_after));
  return res;
}

boost::json::value parse_json_body(const Request& r) {
  boost::system::error_code ec;
  boost::json::value v;
  if (!r.body.empty()) v = boost::json::parse(r.body, ec);
  if (r.body.empty() || ec)
    throw sl::AppError(400, "malformed_json", "", "请求体不是有效的 JSON", "The request body is not valid JSON");
  return v;
}

bool parse_target(std::string_view target, std::string& path, std::map<std::string, std::string>& query) {
  auto u = boost::urls::parse_origin_form(target);
  if (!u) return false;
  path = u->path();
  // Forms and hand-typed links encode spaces as '+'.
  boost::urls::encoding_opts opt;
  opt.space_as_plus = true;
  query.clear();
  for (auto p : u->params(opt)) query[std::string(p.key)] = p.has_value ? std::string(p.value) : "";
  return true;
}

}  // namespace sl::http
