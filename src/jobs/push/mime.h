// An e-mail as MIME (RFC 2045/2046/2047/5322), built by us: an HTML body with inline images
// (multipart/related, cid:) and attachments (multipart/mixed), UTF-8 subject and file names,
// every part base64 in lines of 76.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sl::jobs {

struct MailPart {
  std::string name, mime, data;  // an inline image's name is its Content-ID
};

struct Mail {
  std::string from, to, subject, message_id;  // message_id with its <…>
  int64_t date = 0;                           // unix seconds
  std::string html;
  std::vector<MailPart> inline_images, attachments;
};

std::string build_mime(const Mail& m);

std::string base64(const std::string& bytes);
// "=?UTF-8?B?…?=" when the text is not plain ASCII, else the text.
std::string encode_header_word(const std::string& text);
// "<key-hash@domain>": the same key gives the same id (the outbox records it before sending).
std::string make_message_id(const std::string& key, const std::string& domain);

// `bytes` random bytes as hex (libsodium): claim ids, keys of unscheduled runs.
std::string random_hex(int bytes);

}  // namespace sl::jobs
