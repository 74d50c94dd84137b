#include "api/json_writer.h"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <boost/json/detail/format.hpp>

namespace sl::api {

void JsonWriter::comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_ += ',';
  first_.back() = false;
}

void JsonWriter::begin_object() {
  comma();
  out_ += '{';
  first_.push_back(true);
}
void JsonWriter::end_object() {
  out_ += '}';
  first_.pop_back();
}
void JsonWriter::begin_array() {
  comma();
  out_ += '[';
  first_.push_back(true);
}
void JsonWriter::end_array() {
  out_ += ']';
  first_.pop_back();
}

void JsonWriter::key(std::string_view k) {
  comma();
  quoted(k);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::null() {
  comma();
  out_ += "null";
}

void JsonWriter::value(bool v) {
  comma();
  out_ += v ? "true" : "false";
}

void JsonWriter::value(int64_t v) {
  comma();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::value(uint64_t v) {
  comma();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::value(double v) {
  comma();
  // boost::json's own formatter (what its serializer calls): the same text as the DOM's.
  char buf[boost::json::detail::max_number_chars + 1];
  out_.append(buf, boost::json::detail::format_double(buf, v));
}

void JsonWriter::value(std::string_view v) {
  comma();
  quoted(v);
}

void JsonWriter::quoted(std::string_view v) {
  static const char hex[] = "0123456789abcdef";
  out_ += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < v.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(v[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(v.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += hex[c >> 4];
        out_ += hex[c & 15];
    }
  }
  out_.append(v.data() + run, v.size() - run);
  out_ += '"';
}

void JsonWriter::value(const boost::json::value& v) {
  comma();
  out_ += boost::json::serialize(v);
}

}  // namespace sl::api
