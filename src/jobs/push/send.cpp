#include "jobs/push/send.h"

#include <curl/curl.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <boost/json.hpp>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "jobs/push/mime.h"

namespace sl::jobs {

namespace {

struct Curl {
  CURL* h = curl_easy_init();
  curl_slist* list = nullptr;
  char err[CURL_ERROR_SIZE] = {0};
  Curl() {
    if (!h) throw std::runtime_error("libcurl could not start");
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
  }
  ~Curl() {
    curl_slist_free_all(list);
    curl_easy_cleanup(h);
  }
  void perform(const std::string& what) {
    const CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) throw std::runtime_error(what + ": " + (err[0] ? err : curl_easy_strerror(rc)));
  }
};

struct Reader {
  const std::string* data;
  size_t at = 0;
};

size_t read_cb(char* buf, size_t size, size_t n, void* user) {
  auto* r = static_cast<Reader*>(user);
  const size_t k = std::min(size * n, r->data->size() - r->at);
  std::memcpy(buf, r->data->data() + r->at, k);
  r->at += k;
  return k;
}

size_t write_cb(char* buf, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(buf, size * n);
  return size * n;
}

std::string bare_address(const std::string& a) {
  const auto lt = a.find('<'), gt = a.find('>');
  return lt != std::string::npos && gt != std::string::npos && gt > lt ? a.substr(lt + 1, gt - lt - 1) : a;
}

}  // namespace

void send_smtp(const SmtpSettings& s, const std::string& to, const std::string& mime) {
  if (s.host.empty()) throw std::runtime_error("SMTP is not set up (settings: channels)");
  Curl c;
  const std::string url = std::string(s.tls == "tls" ? "smtps://" : "smtp://") + s.host + ":" + std::to_string(s.port);
  curl_easy_setopt(c.h, CURLOPT_URL, url.c_str());
  if (s.tls == "starttls") curl_easy_setopt(c.h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!s.user.empty()) {
    curl_easy_setopt(c.h, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(c.h, CURLOPT_PASSWORD, s.password.c_str());
  }
  const std::string from = "<" + bare_address(s.from) + ">", rcpt = "<" + bare_address(to) + ">";
  curl_easy_setopt(c.h, CURLOPT_MAIL_FROM, from.c_str());
  c.list = curl_slist_append(c.list, rcpt.c_str());
  curl_easy_setopt(c.h, CURLOPT_MAIL_RCPT, c.list);
  Reader r{&mime};
  curl_easy_setopt(c.h, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(c.h, CURLOPT_READDATA, &r);
  curl_easy_setopt(c.h, CURLOPT_UPLOAD, 1L);
  c.perform("SMTP " + s.host + ":" + std::to_string(s.port));
}

void post_json(const std::string& url, const std::string& body) {
  Curl c;
  std::string answer;
  curl_easy_setopt(c.h, CURLOPT_URL, url.c_str());
  c.list = curl_slist_append(c.list, "Content-Type: application/json; charset=utf-8");
  curl_easy_setopt(c.h, CURLOPT_HTTPHEADER, c.list);
  curl_easy_setopt(c.h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c.h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(c.h, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt(c.h, CURLOPT_WRITEDATA, &answer);
  // Never log the URL: its access token is a secret. The host is enough to tell which.
  c.perform("webhook");
  long status = 0;
  curl_easy_getinfo(c.h, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) throw std::runtime_error("webhook answered HTTP " + std::to_string(status));
  boost::system::error_code ec;
  auto v = boost::json::parse(answer, ec);
  if (!ec && v.is_object())
    if (auto* code = v.as_object().if_contains("errcode"); code && code->is_int64() && code->as_int64() != 0)
      throw std::runtime_error("webhook errcode " + std::to_string(code->as_int64()) + ": " +
                               (v.as_object().if_contains("errmsg") && v.as_object().at("errmsg").is_string()
                                    ? std::string(v.as_object().at("errmsg").as_string())
                                    : std::string()));
}

std::string dingtalk_signed_url(const std::string& webhook, const std::string& secret, int64_t timestamp_ms) {
  const std::string ts = std::to_string(timestamp_ms), text = ts + "\n" + secret;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  const std::string sig = base64(std::string(reinterpret_cast<const char*>(mac), sizeof mac));
  std::unique_ptr<char, decltype(&curl_free)> enc(curl_easy_escape(nullptr, sig.c_str(), static_cast<int>(sig.size())),
                                                 curl_free);
  return webhook + (webhook.find('?') == std::string::npos ? "?" : "&") + "timestamp=" + ts + "&sign=" + enc.get();
}

std::string md5_hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_md5(), nullptr) != 1) throw std::runtime_error("MD5 failed");
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

std::string wecom_image_json(const std::string& image) {
  if (image.size() > kWecomImageLimit) throw std::invalid_argument("企业微信 image over 2 MB");
  return boost::json::serialize(boost::json::object{
      {"msgtype", "image"}, {"image", boost::json::object{{"base64", base64(image)}, {"md5", md5_hex(image)}}}});
}

std::string fit_markdown(const std::string& md, size_t limit, const std::string& more_line) {
  if (md.size() <= limit) return md;
  const std::string tail = "\n\n" + more_line;
  size_t cut = limit > tail.size() ? limit - tail.size() : 0;
  while (cut > 0 && (static_cast<unsigned char>(md[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
  return md.substr(0, cut) + tail;
}

}  // namespace sl::jobs
