#include "store/migrate/canonical.h"

#include <openssl/evp.h>

#include <charconv>
#include <stdexcept>

namespace sl::store::migrate {

namespace {
void escaped(std::string_view s, std::string& out) {
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}
}  // namespace

void render_row(const Table& t, const Row& r, std::string& out) {
  static const char kHex[] = "0123456789abcdef";
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (c) out += '\t';
    const Value& v = r[c];
    if (v.null) {
      out += "\\N";
      continue;
    }
    char b[32];
    switch (t.columns[c].kind) {
      case Kind::integer: out.append(b, std::to_chars(b, b + sizeof b, v.i).ptr); break;
      case Kind::real: out.append(b, std::to_chars(b, b + sizeof b, v.f).ptr); break;
      case Kind::text:
      case Kind::date: escaped(v.s, out); break;
      case Kind::blob:
        out += "\\x";
        for (unsigned char ch : v.s) {
          out += kHex[ch >> 4];
          out += kHex[ch & 15];
        }
        break;
    }
  }
  out += '\n';
}

struct Checksum::Ctx {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  ~Ctx() { EVP_MD_CTX_free(md); }
};

Checksum::Checksum(const Table& t) : t_(t), ctx_(std::make_unique<Ctx>()) {
  if (!ctx_->md || EVP_DigestInit_ex(ctx_->md, EVP_md5(), nullptr) != 1) throw std::runtime_error("md5: cannot start");
  buf_.reserve(1 << 16);
}

Checksum::~Checksum() = default;

void Checksum::add(const Row& r) {
  render_row(t_, r, buf_);
  ++rows_;
  if (buf_.size() >= (1 << 16)) flush();
}

void Checksum::flush() {
  EVP_DigestUpdate(ctx_->md, buf_.data(), buf_.size());
  buf_.clear();
}

std::string Checksum::hex() {
  flush();
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx_->md, d, &n);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += kHex[d[i] >> 4];
    out += kHex[d[i] & 15];
  }
  return out;
}

}  // namespace sl::store::migrate
