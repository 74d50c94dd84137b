#include "auth/password.h"

#include <sodium.h>

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

void validate_password(std::string_view pw) {
  // Count code points, not bytes, so a Chinese passphrase is measured as typed.
  size_t chars = 0;
  for (unsigned char c : pw)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < 8) {
    throw invalid_field("password", "密码至少需要 8 个字符", "The password must have at least 8 characters");
  }
  if (pw.size() > 1024) {  // Argon2 cost is fine, but nobody needs more and it bounds the work
    throw invalid_field("password", "密码过长（最多 1024 字节）", "The password is too long (at most 1024 bytes)");
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
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return to_hex(out, sizeof out);
}

}  // namespace sl::auth
