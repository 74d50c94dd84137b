#include "api/user_fields.h"

#include <algorithm>

#include "api/json_fields.h"
#include "model/keys.h"

namespace sl::api {

namespace {

// A short free-text field: printable, no control characters, at most `max` bytes.
std::string text_field(const json::object& body, const char* field, size_t max, bool allow_empty) {
  const json::value* v = body.if_contains(field);
  if (!v->is_string())
    throw invalid_field(field, std::string(field) + " 应为文本", std::string(field) + " must be a string");
  std::string s(v->as_string());
  if (s.size() > max)
    throw invalid_field(field, std::string(field) + " 最多 " + std::to_string(max) + " 个字节",
                        std::string(field) + " is at most " + std::to_string(max) + " bytes");
  if (std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
    throw invalid_field(field, std::string(field) + " 含有控制字符", std::string(field) + " contains control characters");
  if (!allow_empty && s.find_first_not_of(' ') == std::string::npos)
    throw invalid_field(field, std::string(field) + " 不能为空", std::string(field) + " must not be empty");
  return s;
}

}  // namespace

void read_contact_fields(const json::object& body, model::User& u) {
  if (body.contains("display_name")) u.display_name = text_field(body, "display_name", 100, false);
  if (body.contains("email")) {
    u.email = text_field(body, "email", 254, true);
    model::validate_email(u.email);
  }
  if (body.contains("lang")) {
    u.lang = text_field(body, "lang", 10, false);
    if (u.lang != "zh-CN" && u.lang != "en")
      throw invalid_field("lang", "语言应为 zh-CN 或 en", "lang must be zh-CN or en");
  }
  if (body.contains("wecom_id")) u.wecom_id = text_field(body, "wecom_id", 64, true);
  if (body.contains("dingtalk_id")) u.dingtalk_id = text_field(body, "dingtalk_id", 64, true);
}

void read_role_fields(const json::object& body, model::User& u, store::DataStore& data) {
  if (const json::value* v = body.if_contains("active")) {
    if (!v->is_bool()) throw invalid_field("active", "active 应为 true 或 false", "active must be true or false");
    u.active = v->as_bool();
  }
  const model::Role before = u.role;
  if (body.contains("role")) {
    auto role = model::parse_role(text_field(body, "role", 20, false));
    if (!role)
      throw invalid_field("role", "角色应为 admin、executive、manager 或 rep",
                          "role must be admin, executive, manager or rep");
    u.role = *role;
  }
  // A new role drops the old scope unless the body gives one.
  if (u.role != before) u.region = u.rep = 0;
  if (auto r = optional_int(body, "region", "region", 1, INT64_MAX); r || body.contains("region")) u.region = r.value_or(0);
  if (auto r = optional_int(body, "rep", "rep", 1, INT64_MAX); r || body.contains("rep")) u.rep = r.value_or(0);

  if (u.role == model::Role::manager) {
    u.rep = 0;
    if (u.region == 0) throw invalid_field("region", "区域经理需要选择区域", "A manager needs a region");
    const auto regions = data.load_regions();
    if (std::none_of(regions.begin(), regions.end(), [&](const model::Region& r) { return r.id == u.region; }))
      throw invalid_field("region", "区域不存在：" + std::to_string(u.region), "No such region: " + std::to_string(u.region));
  } else if (u.role == model::Role::rep) {
    u.region = 0;
    if (u.rep == 0) throw invalid_field("rep", "销售代表账号需要选择销售", "A rep account needs a rep");
    const auto reps = data.load_reps();
    if (std::none_of(reps.begin(), reps.end(), [&](const model::Rep& r) { return r.id == u.rep; }))
      throw invalid_field("rep", "销售不存在：" + std::to_string(u.rep), "No such rep: " + std::to_string(u.rep));
  } else {
    u.region = u.rep = 0;
  }
}

}  // namespace sl::api
