// An error that is an answer: HTTP status, a stable code, the offending field and a
// message in both UI languages. Thrown anywhere below api/, turned into JSON there.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace sl {

enum class Lang { zh, en };

struct AppError : std::runtime_error {
  int status;
  std::string code;   // "invalid_field", "not_found", "forbidden", ...
  std::string field;  // the request field at fault, or empty
  std::string zh, en;
  int64_t retry_after = 0;  // seconds, sent as Retry-After when > 0 (429, 503)
  AppError(int status, std::string code, std::string field, std::string zh, std::string en)
      : std::runtime_error(en),
        status(status),
        code(std::move(code)),
        field(std::move(field)),
        zh(std::move(zh)),
        en(std::move(en)) {}
  const std::string& message(Lang l) const { return l == Lang::zh ? zh : en; }
};

// Shorthands for the common classes of error.
inline AppError invalid_field(std::string field, std::string zh, std::string en) {
  return AppError(422, "invalid_field", std::move(field), std::move(zh), std::move(en));
}
inline AppError forbidden() {
  return AppError(403, "forbidden", "", "无权访问该数据", "You are not allowed to access this data");
}
inline AppError not_found() {
  return AppError(404, "not_found", "", "请求的资源不存在", "The requested resource does not exist");
}

}  // namespace sl
