#include "auth/password.h"

#include <sodium.h>

#include <cctype>
#include <set>
#include <stdexcept>

#include "core/error.h"

namespace sl::auth {

namespace {

void ensure_sodium() {
  // sodium_init is thread-safe and idempotent, but a static keeps it to one call.
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium initialisation failed");
}

std::string to_hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

}  // namespace

std::string hash_password(std::string_view pw) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pw.data(), pw.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& hash, std::string_view pw) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pw.data(), pw.size()) == 0;
}

namespace {

const char* const kCommon[] = {
#include "auth/common_passwords.inc"
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_listed(std::string_view w) {
  static const std::set<std::string_view> common(std::begin(kCommon), std::end(kCommon));
  return common.count(w) > 0;
}

// One character repeated, or a run up or down the digits or the keyboard row ("aaaaaaaaaa",
// "1234567890", "0987654321", "qwertyuiop").
bool is_run(std::string_view w) {
  static const std::string_view rows[] = {"01234567890",
                                          "09876543210",
                                          "qwertyuiop",
                                          "poiuytrewq",
                                          "asdfghjkl",
                                          "lkjhgfdsa",
                                          "zxcvbnm",
                                          "mnbvcxz",
                                          "abcdefghijklmnopqrstuvwxyz",
                                          "zyxwvutsrqponmlkjihgfedcba"};
  if (w.size() < 2) return true;
  if (w.find_first_not_of(w[0]) == std::string_view::npos) return true;
  for (auto r : rows)
    for (size_t i = 0; i + w.size() <= r.size(); ++i)
      if (r.substr(i, w.size()) == w) return true;
  return false;
}

// The core of a password with the digits and punctuation people pad it with removed.
std::string_view core(std::string_view w) {
  auto pad = [](unsigned char c) { return std::isdigit(c) || std::ispunct(c) || c == ' '; };
  size_t b = 0, e = w.size();
  while (b < e && pad(static_cast<unsigned char>(w[b]))) ++b;
  while (e > b && pad(static_cast<unsigned char>(w[e - 1]))) --e;
  return w.substr(b, e - b);
}

}  // namespace

bool is_common_password(std::string_view pw) {
  const std::string w = lower_ascii(pw);
  if (is_listed(w) || is_run(w)) return true;
  const std::string_view c = core(w);
  if (c.empty()) {  // only digits and punctuation: "1234567890!", "8888-8888-88"
    std::string d;
    for (char ch : w)
      if (std::isdigit(static_cast<unsigned char>(ch))) d += ch;
    return is_run(d) || is_listed(d);
  }
  return c.size() < w.size() && (is_listed(c) || is_run(c));
}

void validate_password(std::string_view pw, std::string_view login) {
  // Count code points, not bytes, so a Chinese passphrase is measured as typed.
  size_t chars = 0;
  for (unsigned char c : pw)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < kMinPasswordChars) {
    throw invalid_field("password", "密码至少需要 " + std::to_string(kMinPasswordChars) + " 个字符",
                        "The password must have at least " + std::to_string(kMinPasswordChars) + " characters");
  }
  if (pw.size() > 1024) {  // Argon2 cost is fine, but nobody needs more and it bounds the work
    throw invalid_field("password", "密码过长（最多 1024 字节）", "The password is too long (at most 1024 bytes)");
  }
  const std::string lpw = lower_ascii(pw), llogin = lower_ascii(login);
  if (!llogin.empty() &&
      (lpw == llogin || (llogin.size() >= 3 && lpw.find(llogin) != std::string::npos) || core(lpw) == llogin)) {
    throw invalid_field("password", "密码不能包含登录名", "The password must not contain the login");
  }
  if (is_common_password(pw)) {
    throw invalid_field("password", "密码过于常见，容易被猜中，请换一个",
                        "This password is too common and easy to guess; choose another");
  }
}

std::string random_token() {
  ensure_sodium();
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return to_hex(buf, sizeof buf);
}

std::string token_hash(std::string_view token) {
  ensure_sodium();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return to_hex(out, sizeof out);
}

}  // namespace sl::auth
