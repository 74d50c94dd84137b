// JSON written straight into a response body (issue 17): a large answer (D4's reps, D2's lists)
// goes from its result struct to text without a boost::json DOM in between. The text parses to
// the value the DOM encoding would have built: strings escaped as boost::json escapes them
// (UTF-8 passed through, ", \ and control characters escaped), integers exact, doubles by
// boost::json's own formatter: the text is byte for byte the DOM's serialisation. Small parts (a filter bar's options)
// can still be built as a DOM and written in place with value(const json::value&).
//
//   JsonWriter w(res.body);
//   w.begin_object();
//   w.key("reps"); w.begin_array(); for (…) { w.begin_object(); w.field("id", r.id); … w.end_object(); } w.end_array();
//   w.end_object();
#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sl::api {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);

  void null();
  void value(bool v);
  void value(int v) { value(static_cast<int64_t>(v)); }
  void value(int64_t v);
  void value(uint64_t v);
  void value(double v);
  void value(std::string_view v);
  void value(const char* v) { value(std::string_view(v)); }
  void value(const std::string& v) { value(std::string_view(v)); }
  void value(const boost::json::value& v);  // a small DOM part, serialised in place
  template <class T>
  void value(const std::optional<T>& v) {
    if (v)
      value(*v);
    else
      null();
  }

  template <class T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

 private:
  void comma();
  void quoted(std::string_view s);  // a string with its quotes and escapes  // before a value or a key: a comma unless it is the first in its container
  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace sl::api
