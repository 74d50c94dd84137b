// The senders (issue 14): SMTP with libcurl, the 企业微信 and 钉钉 group robots and a generic
// JSON webhook. Each throws std::runtime_error with a plain message on failure (connection
// refused, SMTP reply, HTTP status, the robot's errcode) — the outbox records it and retries.
#pragma once
#include <cstdint>
#include <string>

#include "jobs/push/channels.h"

namespace sl::jobs {

// Hands one MIME message (mime.h) to the SMTP server for `to`.
void send_smtp(const SmtpSettings& s, const std::string& to, const std::string& mime);

// POSTs a JSON body; a non-2xx answer, or a robot answer with errcode ≠ 0, throws.
void post_json(const std::string& url, const std::string& body);

// 钉钉 signed mode: the webhook URL with &timestamp=…&sign=… (HMAC-SHA256 of
// "timestamp\nsecret" keyed by the secret, base64, URL-encoded). timestamp in milliseconds.
std::string dingtalk_signed_url(const std::string& webhook, const std::string& secret, int64_t timestamp_ms);

// The platforms' documented message limits (bytes of the markdown content).
inline constexpr size_t kWecomMarkdownLimit = 4096;
inline constexpr size_t kDingtalkMarkdownLimit = 20000;
// 企业微信 image message: at most 2 MB of image (before base64), JPG or PNG.
inline constexpr size_t kWecomImageLimit = 2 * 1024 * 1024;
// {"msgtype":"image","image":{"base64":…,"md5":…}} — md5 of the image bytes (before base64),
// lower-case hex. Throws std::invalid_argument past kWecomImageLimit.
std::string wecom_image_json(const std::string& image);
std::string md5_hex(const std::string& bytes);  // OpenSSL EVP

// Cuts UTF-8 markdown to at most `limit` bytes on a character boundary, ending with the link.
std::string fit_markdown(const std::string& md, size_t limit, const std::string& more_line);

}  // namespace sl::jobs
