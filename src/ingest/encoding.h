// The text encodings of the CSV files people export: UTF-8 (with or without a BOM), GBK/GB18030
// (Excel's "CSV" on a Chinese Windows) and UTF-16 with a BOM (Excel's "Unicode text"), read as
// UTF-8 a chunk at a time with glibc's iconv. Detection: a BOM decides; otherwise the first
// chunk that holds a byte above 0x7F decides (valid UTF-8 there: UTF-8, else GB18030, of which
// GBK is a part), so an all-ASCII start never decides too early.
#pragma once
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace sl::ingest {

enum class Encoding { automatic, utf8, gb18030, utf16le, utf16be };

// "auto", "utf-8"/"utf8", "gbk"/"gb2312"/"gb18030", "utf-16le", "utf-16be" (any case); nullopt else.
std::optional<Encoding> parse_encoding(std::string_view name);
const char* encoding_name(Encoding e);  // "utf-8", "gb18030", ...

// The length of the longest prefix of s that is valid UTF-8 (shortest forms, no surrogates,
// at most U+10FFFF).
size_t valid_utf8_prefix(std::string_view s);

// A byte stream read as UTF-8 text. Bytes that are not valid in the encoding come out as
// U+FFFD and are counted; the text handed out is always valid UTF-8.
class Utf8Stream {
 public:
  explicit Utf8Stream(std::istream& in, Encoding encoding = Encoding::automatic, size_t chunk_bytes = 64 * 1024);
  ~Utf8Stream();
  Utf8Stream(const Utf8Stream&) = delete;
  Utf8Stream& operator=(const Utf8Stream&) = delete;

  // The next piece of text (whole characters), empty at the end; valid until the next call.
  std::string_view next();
  // The encoding read with: automatic until detection has seen a non-ASCII byte.
  Encoding encoding() const { return encoding_; }
  int64_t replaced_bytes() const { return replaced_; }

 private:
  bool fill();  // reads the next chunk of bytes after the carried ones; false at the end of input
  bool decide(std::string_view bytes);  // false: not enough bytes yet
  void decode_utf8(bool at_end);
  void decode_iconv(bool at_end);

  std::istream& in_;
  Encoding encoding_;
  size_t chunk_;
  bool started_ = false, eof_ = false;
  std::string in_buf_;     // bytes not yet decoded (a character cut by the chunk's end carries over)
  std::string out_;        // the text handed out last
  void* iconv_ = nullptr;  // iconv_t, opened once the encoding is known
  int64_t replaced_ = 0;
};

}  // namespace sl::ingest
