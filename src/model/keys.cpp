#include "model/keys.h"

#include <cctype>
#include <cstdio>

#include "core/error.h"

namespace sl::model {

std::string trim_code(std::string_view code) {
  const auto b = code.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const auto e = code.find_last_not_of(" \t\r\n");
  return std::string(code.substr(b, e - b + 1));
}

bool same_code(std::string_view a, std::string_view b) {
  const std::string x = trim_code(a), y = trim_code(b);
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(x[i])) != std::tolower(static_cast<unsigned char>(y[i]))) return false;
  return true;
}

std::string default_employee_no(int64_t rep_id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "E%05lld", static_cast<long long>(rep_id));
  return buf;
}

void validate_login(std::string_view login) {
  if (login.size() < 2 || login.size() > 64)
    throw invalid_field("login", "登录名应为 2 到 64 个字符", "A login has 2 to 64 characters");
  auto ok = [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@'; };
  for (unsigned char c : login)
    if (c >= 0x80 || !ok(c))
      throw invalid_field("login", "登录名只能包含英文字母、数字和 . _ - @",
                          "A login may contain only letters, digits and . _ - @");
  if (!std::isalnum(static_cast<unsigned char>(login[0])))
    throw invalid_field("login", "登录名应以字母或数字开头", "A login starts with a letter or a digit");
}

void validate_email(std::string_view email, const char* field) {
  if (email.empty()) return;
  auto bad = [&] {
    return invalid_field(field, "邮箱地址格式不正确（例如 name@example.com）",
                         "Not an email address (e.g. name@example.com)");
  };
  if (email.size() > 254) throw bad();
  for (unsigned char c : email)
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') throw bad();
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) throw bad();
  auto domain = email.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' || domain.find("..") != std::string_view::npos)
    throw bad();
}

}  // namespace sl::model
