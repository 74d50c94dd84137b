#include "ingest/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace sl::ingest {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Bytes a UTF-8 sequence with this lead byte has (0 for a byte that cannot start one).
size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

// True when s is the start of a valid sequence that the next bytes may complete.
bool incomplete_sequence(std::string_view s) {
  if (s.empty() || s.size() >= sequence_length(static_cast<unsigned char>(s[0]))) return false;
  std::string padded(s);
  // Complete it with the smallest continuation bytes that keep it valid, then check it.
  const unsigned char c = s[0];
  while (padded.size() < sequence_length(c)) padded += padded.size() == 1 && (c == 0xE0 || c == 0xF0) ? '\xA0' : '\x80';
  if (c == 0xF0 && s.size() == 1) padded[1] = '\x90';
  return valid_utf8_prefix(padded) == padded.size();
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  const std::string n = lower(name);
  if (n == "auto" || n.empty()) return Encoding::automatic;
  if (n == "utf-8" || n == "utf8") return Encoding::utf8;
  if (n == "gbk" || n == "gb2312" || n == "gb18030" || n == "cp936") return Encoding::gb18030;
  if (n == "utf-16le" || n == "utf16le") return Encoding::utf16le;
  if (n == "utf-16be" || n == "utf16be") return Encoding::utf16be;
  return std::nullopt;
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::automatic: return "auto";
    case Encoding::utf8: return "utf-8";
    case Encoding::gb18030: return "gb18030";
    case Encoding::utf16le: return "utf-16le";
    case Encoding::utf16be: return "utf-16be";
  }
  return "auto";
}

size_t valid_utf8_prefix(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Eight ASCII bytes at a time: most of a CSV file is ASCII.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t len = sequence_length(c);
    if (len == 0 || i + len > n) return i;
    const unsigned char c1 = s[i + 1];
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (c1 < lo || c1 > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += len;
  }
  return n;
}

Utf8Stream::Utf8Stream(std::istream& in, Encoding encoding, size_t chunk_bytes)
    : in_(in), encoding_(encoding), chunk_(std::max<size_t>(chunk_bytes, 16)) {}

Utf8Stream::~Utf8Stream() {
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

bool Utf8Stream::fill() {
  if (eof_) return false;
  const size_t old = in_buf_.size();
  in_buf_.resize(old + chunk_);
  in_.read(in_buf_.data() + old, static_cast<std::streamsize>(chunk_));
  const size_t got = static_cast<size_t>(in_.gcount());
  in_buf_.resize(old + got);
  if (got < chunk_ || !in_) eof_ = true;
  return got > 0;
}

bool Utf8Stream::decide(std::string_view bytes) {
  const size_t ok = valid_utf8_prefix(bytes);
  const bool cut = !eof_ && incomplete_sequence(bytes.substr(ok));  // the chunk ends inside a character
  if (ok == 0 && cut) return false;  // one cut character is no evidence (GBK's 中 starts like UTF-8)
  encoding_ = ok == bytes.size() || cut ? Encoding::utf8 : Encoding::gb18030;
  return true;
}

std::string_view Utf8Stream::next() {
  out_.clear();
  while (out_.empty()) {
    fill();
    if (!started_) {
      while (in_buf_.size() < 3 && fill()) {
      }
      started_ = true;
      const std::string_view b = in_buf_;
      if (b.substr(0, 3) == "\xEF\xBB\xBF") {
        in_buf_.erase(0, 3);
        encoding_ = Encoding::utf8;
      } else if (b.substr(0, 2) == "\xFF\xFE") {
        in_buf_.erase(0, 2);
        encoding_ = Encoding::utf16le;
      } else if (b.substr(0, 2) == "\xFE\xFF") {
        in_buf_.erase(0, 2);
        encoding_ = Encoding::utf16be;
      }
    }
    if (encoding_ == Encoding::automatic) {
      const auto high = std::find_if(in_buf_.begin(), in_buf_.end(), [](char c) { return c & 0x80; });
      if (high == in_buf_.end()) {  // all ASCII so far: the same in every candidate encoding
        out_.swap(in_buf_);
        in_buf_.clear();
        if (out_.empty() && eof_) return {};
        continue;
      }
      const size_t at = static_cast<size_t>(high - in_buf_.begin());
      if (!decide(std::string_view(in_buf_).substr(at))) {  // hand out the ASCII, read on to decide
        out_.assign(in_buf_, 0, at);
        in_buf_.erase(0, at);
        continue;
      }
    }
    if (encoding_ == Encoding::utf8)
      decode_utf8(eof_);
    else
      decode_iconv(eof_);
    if (out_.empty() && eof_ && in_buf_.empty()) return {};
  }
  return out_;
}

void Utf8Stream::decode_utf8(bool at_end) {
  std::string_view rest = in_buf_;
  while (!rest.empty()) {
    const size_t ok = valid_utf8_prefix(rest);
    out_.append(rest.substr(0, ok));
    rest.remove_prefix(ok);
    if (rest.empty()) break;
    if (!at_end && incomplete_sequence(rest)) break;  // the next chunk completes it
    out_.append(kReplacement);
    ++replaced_;
    rest.remove_prefix(1);
  }
  in_buf_.erase(0, in_buf_.size() - rest.size());
}

void Utf8Stream::decode_iconv(bool at_end) {
  if (!iconv_) {
    const char* from = encoding_ == Encoding::gb18030   ? "GB18030"
                       : encoding_ == Encoding::utf16le ? "UTF-16LE"
                                                        : "UTF-16BE";
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("iconv cannot read ") + from);
    iconv_ = cd;
  }
  auto cd = static_cast<iconv_t>(iconv_);
  char* inp = in_buf_.data();
  size_t inleft = in_buf_.size();
  while (inleft > 0) {
    const size_t old = out_.size();
    out_.resize(old + inleft * 2 + 16);
    char* outp = out_.data() + old;
    size_t outleft = out_.size() - old;
    const size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
    const int err = errno;
    out_.resize(out_.size() - outleft);
    if (r != static_cast<size_t>(-1)) break;
    if (err == E2BIG) continue;
    if (err == EINVAL && !at_end) break;  // a character cut by the chunk's end: wait for the rest
    // EILSEQ, or a cut character at the very end: one byte read as U+FFFD, then on.
    out_.append(kReplacement);
    ++replaced_;
    ++inp;
    --inleft;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  in_buf_.erase(0, in_buf_.size() - inleft);
}

}  // namespace sl::ingest
