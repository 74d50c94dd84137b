#include "api/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <limits>
#include <random>

namespace sl::api {
namespace {

namespace json = boost::json;

// Writes a DOM value through the writer's scalar and container calls (not value(json::value)),
// so the text is the streaming writer's own.
void write(JsonWriter& w, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: w.null(); break;
    case json::kind::bool_: w.value(v.get_bool()); break;
    case json::kind::int64: w.value(v.get_int64()); break;
    case json::kind::uint64: w.value(v.get_uint64()); break;
    case json::kind::double_: w.value(v.get_double()); break;
    case json::kind::string: w.value(std::string_view(v.get_string())); break;
    case json::kind::array:
      w.begin_array();
      for (const auto& x : v.get_array()) write(w, x);
      w.end_array();
      break;
    case json::kind::object:
      w.begin_object();
      for (const auto& [k, x] : v.get_object()) {
        w.key(k);
        write(w, x);
      }
      w.end_object();
      break;
  }
}

std::string streamed(const json::value& v) {
  std::string out;
  JsonWriter w(out);
  write(w, v);
  return out;
}

TEST(JsonWriter, SameTextAsTheDomForPlainValues) {
  json::value v = json::object{{"a", 1}, {"b", json::array{1, -2, "x", nullptr, true, false}}, {"c", json::object{}},
                               {"d", json::array{}}, {"e", "中文"}};
  EXPECT_EQ(streamed(v), R"({"a":1,"b":[1,-2,"x",null,true,false],"c":{},"d":[],"e":"中文"})");
  EXPECT_EQ(json::parse(streamed(v)), v);
}

TEST(JsonWriter, EscapesAsJsonRequires) {
  std::string all;
  for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
  all += "\xE5\xA4\xA7\xE5\x8C\xBA";  // 大区, passed through
  const json::value v = json::array{json::string(all), json::string(std::string("a\0b", 3))};
  const std::string text = streamed(v);
  EXPECT_EQ(text, json::serialize(v));
  EXPECT_NE(text.find("\\u001f"), std::string::npos);
  EXPECT_NE(text.find("\\u0000"), std::string::npos);
  EXPECT_NE(text.find("\\n"), std::string::npos);
  EXPECT_NE(text.find("\xE5\xA4\xA7\xE5\x8C\xBA"), std::string::npos);
}

TEST(JsonWriter, NumbersAsTheDomPrintsThem) {
  json::array a{int64_t{INT64_MAX}, int64_t{INT64_MIN}, uint64_t{UINT64_MAX}, 0.0, -0.0, 1.0, 3.0, 0.1, 1e300, 1e-300,
                123456789012345678.0, 2.5e-7, std::numeric_limits<double>::denorm_min()};
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> unit(-1, 1);
  for (int i = 0; i < 2000; ++i) a.push_back(unit(rng) * std::pow(10.0, static_cast<int>(rng() % 40) - 20));
  for (int i = 0; i < 2000; ++i) a.push_back(static_cast<int64_t>(rng()));
  const json::value v = a;
  EXPECT_EQ(streamed(v), json::serialize(v));
}

TEST(JsonWriter, NonFiniteAsBoostWritesThem) {
  const json::value v = json::array{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                                    std::nan("")};
  EXPECT_EQ(streamed(v), json::serialize(v));
}

TEST(JsonWriter, DomPartsInPlace) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("n", std::optional<int64_t>{});
  w.field("part", json::value(json::object{{"x", 1.5}}));
  w.key("list");
  w.begin_array();
  w.value(json::value(json::array{1, 2}));
  w.value(std::optional<double>{0.25});
  w.end_array();
  w.end_object();
  EXPECT_EQ(json::parse(out), json::parse(R"({"n":null,"part":{"x":1.5},"list":[[1,2],0.25]})"));
}

}  // namespace
}  // namespace sl::api
