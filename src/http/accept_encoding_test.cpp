#include "http/accept_encoding.h"

#include <gtest/gtest.h>

namespace sl::http {
namespace {

TEST(AcceptEncoding, ParsesNamesAndQValues) {
  auto a = parse_accept_encoding("gzip, deflate;q=0.5, BR;q=0.25 , *;q=0, identity;q=1.000");
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a[0].name, "gzip");
  EXPECT_EQ(a[0].q, 1000);
  EXPECT_EQ(a[1].name, "deflate");
  EXPECT_EQ(a[1].q, 500);
  EXPECT_EQ(a[2].name, "br");  // lower-cased
  EXPECT_EQ(a[2].q, 250);
  EXPECT_EQ(a[3].name, "*");
  EXPECT_EQ(a[3].q, 0);
  EXPECT_EQ(a[4].name, "identity");
  EXPECT_EQ(a[4].q, 1000);
  EXPECT_EQ(parse_accept_encoding("x-gzip;q=0.001").at(0).name, "gzip");
  EXPECT_EQ(parse_accept_encoding("x-gzip;q=0.001").at(0).q, 1);
  EXPECT_EQ(parse_accept_encoding("gzip;Q=0.").at(0).q, 0);
  EXPECT_EQ(parse_accept_encoding("gzip;level=9;q=0.7").at(0).q, 700);  // other parameters ignored
  EXPECT_TRUE(parse_accept_encoding("").empty());
  EXPECT_TRUE(parse_accept_encoding(" , ,").empty());
}

TEST(AcceptEncoding, MalformedElementsAreDroppedNotFatal) {
  // Each bad element is dropped; the good ones around it still count.
  for (const char* bad : {"gzip;q=abc", "gzip;q=2", "gzip;q=1.5", "gzip;q=0.5.5", "gzip;q=0.1234", "gzip;q=-1",
                          "gzip;q=", "gzip;q", "gzip;", "gz ip", "gzip\"", "\x01gzip", ";q=1"}) {
    EXPECT_TRUE(parse_accept_encoding(bad).empty()) << bad;
    auto mixed = parse_accept_encoding(std::string("br, ") + bad + ", identity");
    ASSERT_EQ(mixed.size(), 2u) << bad;
    EXPECT_EQ(mixed[0].name, "br");
    EXPECT_EQ(mixed[1].name, "identity");
    EXPECT_EQ(choose_encoding(bad, {"gzip"}), "") << bad;
  }
  EXPECT_EQ(choose_encoding(std::string(10000, ','), {"gzip"}), "");
  EXPECT_EQ(choose_encoding(std::string(5000, ';'), {"gzip"}), "");
  EXPECT_EQ(choose_encoding("gzip;q=abc, gzip;q=0.5", {"gzip"}), "gzip");  // the well-formed one counts
}

TEST(AcceptEncoding, Choose) {
  EXPECT_EQ(choose_encoding("", {"gzip"}), "");  // empty or absent: identity
  EXPECT_EQ(choose_encoding("gzip", {"gzip"}), "gzip");
  EXPECT_EQ(choose_encoding("gzip, deflate, br, zstd", {"br", "gzip"}), "br");  // tie: server's order
  EXPECT_EQ(choose_encoding("gzip, deflate, br, zstd", {"gzip"}), "gzip");
  EXPECT_EQ(choose_encoding("gzip;q=1, br;q=0.8", {"br", "gzip"}), "gzip");  // the client's q first
  EXPECT_EQ(choose_encoding("deflate", {"gzip"}), "");
  EXPECT_EQ(choose_encoding("gzip;q=0", {"gzip"}), "");
  EXPECT_EQ(choose_encoding("GZIP", {"gzip"}), "gzip");
  EXPECT_EQ(choose_encoding("x-gzip", {"gzip"}), "gzip");
  // "*" stands for any coding not named.
  EXPECT_EQ(choose_encoding("*", {"gzip"}), "gzip");
  EXPECT_EQ(choose_encoding("gzip;q=0, *", {"gzip"}), "");
  EXPECT_EQ(choose_encoding("gzip;q=0, *", {"br", "gzip"}), "br");
  EXPECT_EQ(choose_encoding("*;q=0", {"gzip"}), "");
  EXPECT_EQ(choose_encoding("*;q=0.1, gzip", {"br", "gzip"}), "gzip");
  // identity: excluding it does not make gzip acceptable; preferring it wins.
  EXPECT_EQ(choose_encoding("identity;q=0", {"gzip"}), "");
  EXPECT_EQ(choose_encoding("identity;q=0, gzip;q=0.1", {"gzip"}), "gzip");
  EXPECT_EQ(choose_encoding("identity, gzip;q=0.5", {"gzip"}), "");
  EXPECT_EQ(choose_encoding("identity;q=0.5, gzip", {"gzip"}), "gzip");
  EXPECT_EQ(choose_encoding("identity;q=0.5, gzip;q=0.5", {"gzip"}), "gzip");  // a tie does not exclude it
  // The first of duplicate elements counts.
  EXPECT_EQ(choose_encoding("gzip;q=0, gzip", {"gzip"}), "");
}

}  // namespace
}  // namespace sl::http
