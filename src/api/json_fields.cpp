#include "api/json_fields.h"

#include <charconv>
#include <cmath>
#include <ctime>

#include "model/field_errors.h"

namespace sl::api {

AppError missing_field(const std::string& field) { return model::missing_value(field); }

void patch_fields(const json::object& body, std::initializer_list<std::string_view> known) {
  for (const auto& kv : body) {
    bool ok = false;
    for (auto k : known) ok |= kv.key() == k;
    if (!ok) {
      const std::string key(kv.key());
      throw invalid_field(key, "未知字段：" + key, "Unknown field: " + key);
    }
  }
  if (body.empty()) throw invalid_field("body", "没有要修改的字段", "Nothing to change: the body names no field");
}

const json::object& as_object(const json::value& v, const std::string& field) {
  if (!v.is_object()) throw invalid_field(field, "应为 JSON 对象：" + field, "Expected a JSON object: " + field);
  return v.get_object();
}

std::string required_string(const json::object& o, const std::string& field, size_t max_len) {
  auto* v = o.if_contains(field);
  if (!v || v->is_null()) throw missing_field(field);
  if (!v->is_string()) throw invalid_field(field, "应为文本：" + field, "Expected text: " + field);
  std::string s(v->get_string());
  if (s.size() > max_len) throw model::too_long(field);
  return s;
}

namespace {
int64_t to_int(const json::value& v, const std::string& field, int64_t min, int64_t max) {
  auto bad = [&] { return model::not_in_range(field, min, max); };
  int64_t x;
  if (v.is_int64()) {
    x = v.get_int64();
  } else if (v.is_uint64()) {
    if (v.get_uint64() > static_cast<uint64_t>(INT64_MAX)) throw bad();
    x = static_cast<int64_t>(v.get_uint64());
  } else if (v.is_double()) {
    double d = v.get_double();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9e15) throw bad();
    x = static_cast<int64_t>(d);
  } else {
    throw bad();
  }
  if (x < min || x > max) throw bad();
  return x;
}
}  // namespace

int64_t required_int(const json::object& o, const std::string& key, const std::string& field, int64_t min,
                     int64_t max) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) throw missing_field(field);
  return to_int(*v, field, min, max);
}

std::optional<int64_t> optional_int(const json::object& o, const std::string& key, const std::string& field,
                                    int64_t min, int64_t max) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  return to_int(*v, field, min, max);
}

const json::array& required_array(const json::object& o, const std::string& field) {
  auto* v = o.if_contains(field);
  if (!v || v->is_null()) throw missing_field(field);
  if (!v->is_array()) throw invalid_field(field, "应为数组：" + field, "Expected an array: " + field);
  return v->get_array();
}

Date query_date(const std::string& value, const std::string& field) {
  auto d = parse_date(value);
  if (!d)
    throw invalid_field(field, "日期无效，应为 YYYY-MM-DD 格式的真实日期：" + value,
                        "Invalid date, expected a real date as YYYY-MM-DD: " + value);
  return *d;
}

Period query_period(const std::string& value, const std::string& field) {
  auto p = parse_period(value);
  if (!p)
    throw invalid_field(field, "期间无效，应为 2026-06、2026-Q2 或 2026：" + value,
                        "Invalid period, expected 2026-06, 2026-Q2 or 2026: " + value);
  return *p;
}

int64_t query_id(const std::string& value, const std::string& field) {
  int64_t id = 0;
  auto r = std::from_chars(value.data(), value.data() + value.size(), id);
  if (value.empty() || r.ec != std::errc() || r.ptr != value.data() + value.size() || id <= 0)
    throw invalid_field(field, "编号无效：" + value, "Invalid id: " + value);
  return id;
}

json::value opt(const std::optional<int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }

std::string iso_time(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Date required_date(const json::object& o, const std::string& key, const std::string& field) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) throw missing_field(field);
  if (!v->is_string())
    throw invalid_field(field, "应为日期 YYYY-MM-DD：" + field, "Expected a date YYYY-MM-DD: " + field);
  return query_date(std::string(v->get_string()), field);
}

}  // namespace sl::api
