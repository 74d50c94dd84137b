#include "jobs/push/mime.h"

#include <sodium.h>

#include <ctime>

namespace sl::jobs {

namespace {

bool ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c < 0x20) return false;
  return true;
}

std::string wrapped(const std::string& b64) {
  std::string out;
  for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
  return out;
}

std::string rfc5322_date(int64_t at) {
  std::time_t t = static_cast<std::time_t>(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

std::string file_part(const MailPart& p, bool inline_image) {
  std::string h = "Content-Type: " + p.mime + "; name=\"" + encode_header_word(p.name) + "\"\r\n";
  h += "Content-Transfer-Encoding: base64\r\n";
  if (inline_image)
    h += "Content-ID: <" + p.name + ">\r\nContent-Disposition: inline\r\n";
  else
    h += "Content-Disposition: attachment; filename=\"" + encode_header_word(p.name) + "\"\r\n";
  return h + "\r\n" + wrapped(base64(p.data));
}

}  // namespace

std::string base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string encode_header_word(const std::string& text) {
  return ascii(text) ? text : "=?UTF-8?B?" + base64(text) + "?=";
}

std::string make_message_id(const std::string& key, const std::string& domain) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return "<" + std::string(hex) + "@" + domain + ">";
}

std::string random_hex(int bytes) {
  std::string raw(static_cast<size_t>(bytes), '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  hex.pop_back();
  return hex;
}

std::string build_mime(const Mail& m) {
  const std::string seed = m.message_id.substr(1, 12);
  const std::string mixed = "=_mixed_" + seed, related = "=_related_" + seed;
  std::string out;
  out += "From: " + m.from + "\r\n";
  out += "To: " + m.to + "\r\n";
  out += "Subject: " + encode_header_word(m.subject) + "\r\n";
  out += "Date: " + rfc5322_date(m.date) + "\r\n";
  out += "Message-ID: " + m.message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
  out += "--" + mixed + "\r\nContent-Type: multipart/related; boundary=\"" + related + "\"\r\n\r\n";
  out += "--" + related + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += wrapped(base64(m.html));
  for (const auto& p : m.inline_images) out += "--" + related + "\r\n" + file_part(p, true);
  out += "--" + related + "--\r\n";
  for (const auto& p : m.attachments) out += "--" + mixed + "\r\n" + file_part(p, false);
  out += "--" + mixed + "--\r\n";
  return out;
}

}  // namespace sl::jobs
