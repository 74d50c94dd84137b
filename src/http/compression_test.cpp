#include "http/compression.h"

#include <gtest/gtest.h>

#include <regex>

#include "http/testing_gunzip.h"

namespace sl::http {
namespace {

using testing::gunzip;

// A JSON body of a few kB, like a small dashboard answer.
std::string big_json() {
  std::string s = "{\"rows\":[";
  for (int i = 0; i < 200; ++i)
    s += (i ? "," : "") + std::string("{\"rep\":\"张伟\",\"amount\":") + std::to_string(i * 137) + "}";
  return s + "]}";
}

Request get(std::string accept_encoding) {
  Request r;
  r.method = "GET";
  r.target = "/api/v1/x";
  if (!accept_encoding.empty()) r.headers.emplace_back("accept-encoding", std::move(accept_encoding));
  return r;
}

std::string header(const Response& r, std::string_view name) {
  for (auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

TEST(Compression, CompressibleTypes) {
  for (const char* t :
       {"application/json; charset=utf-8", "text/html; charset=utf-8", "text/javascript; charset=utf-8", "text/css",
        "text/csv; charset=utf-8", "image/svg+xml", "application/problem+json", "TEXT/PLAIN"})
    EXPECT_TRUE(compressible(t)) << t;
  for (const char* t : {"image/png", "image/jpeg", "font/woff2", "application/octet-stream", "application/zip", "",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    EXPECT_FALSE(compressible(t)) << t;
}

TEST(Compression, GzipRoundTrips) {
  const std::string s = big_json();
  const std::string z = gzip(s);
  ASSERT_GE(z.size(), 18u);
  EXPECT_EQ(static_cast<unsigned char>(z[0]), 0x1f);  // gzip magic, RFC 1952
  EXPECT_EQ(static_cast<unsigned char>(z[1]), 0x8b);
  EXPECT_LT(z.size(), s.size() / 4);
  EXPECT_EQ(gunzip(z), s);
  EXPECT_EQ(gunzip(gzip("")), "");
  std::string binary(70000, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = char((i * 2654435761u) >> 13);
  EXPECT_EQ(gunzip(gzip(binary)), binary);  // incompressible input: deflateBound is enough
}

TEST(Compression, EtagPerCoding) {
  const std::string e = "\"0123456789abcdef\"";
  const std::string g = etag_for_coding(e, "gzip");
  EXPECT_TRUE(std::regex_match(g, std::regex("^\"[0-9a-f]{16}\"$"))) << g;
  EXPECT_NE(g, e);
  EXPECT_EQ(etag_for_coding(e, "gzip"), g);  // the same for the same tag
  EXPECT_NE(etag_for_coding("\"0123456789abcdee\"", "gzip"), g);
  EXPECT_NE(etag_for_coding(e, "br"), g);
  const std::string w = etag_for_coding("W/\"abc\"", "gzip");
  EXPECT_EQ(w.substr(0, 3), "W/\"");
  EXPECT_EQ(w.substr(2), etag_for_coding("\"abc\"", "gzip"));
}

TEST(Compression, IfNoneMatch) {
  EXPECT_TRUE(none_match_hits("\"a\"", "\"a\""));
  EXPECT_TRUE(none_match_hits("\"x\", \"a\"", "\"a\""));
  EXPECT_TRUE(none_match_hits("W/\"a\"", "\"a\""));  // weak comparison
  EXPECT_TRUE(none_match_hits("\"a\"", "W/\"a\""));
  EXPECT_TRUE(none_match_hits(" * ", "\"a\""));
  EXPECT_FALSE(none_match_hits("\"ab\"", "\"a\""));
  EXPECT_FALSE(none_match_hits("", "\"a\""));
  EXPECT_FALSE(none_match_hits("a", "\"a\""));
  EXPECT_FALSE(none_match_hits(",,,", "\"a\""));
}

TEST(Compression, JsonAnswerIsGzippedWhenAccepted) {
  const std::string body = big_json();
  Response r = json_response(200, boost::json::value(nullptr));
  r.body = body;
  r.headers.emplace_back("ETag", "\"0123456789abcdef\"");
  encode_response(get("gzip, deflate, br"), r);
  EXPECT_EQ(header(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(header(r, "ETag"), etag_for_coding("\"0123456789abcdef\"", "gzip"));
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(gunzip(r.body), body);
}

TEST(Compression, AKeptGzipIsSentAsItIsAndOnlyToClientsThatTakeGzip) {
  const std::string body = big_json();
  Response kept = json_response(200, boost::json::value(nullptr));
  kept.body = body;
  keep_gzipped(kept);
  ASSERT_TRUE(kept.gzipped);
  EXPECT_EQ(gunzip(*kept.gzipped), body);
  Response a = kept;
  encode_response(get("gzip"), a);
  EXPECT_EQ(header(a, "Content-Encoding"), "gzip");
  EXPECT_EQ(a.body, *kept.gzipped);  // the kept bytes, not a second deflate
  Response b = kept;
  encode_response(get(""), b);
  EXPECT_EQ(header(b, "Content-Encoding"), "");
  EXPECT_EQ(b.body, body);
  Response tiny = json_response(200, boost::json::value(1));
  keep_gzipped(tiny);
  EXPECT_FALSE(tiny.gzipped);
}

TEST(Compression, LeftAloneWhenNotAcceptedTinyHeadOrNotCompressible) {
  const std::string body = big_json();
  for (const char* ae :
       {"", "identity", "gzip;q=0", "deflate, br", "*;q=0", "identity;q=0", "gzip;q=zero", ";;;", "\xff\xfe"}) {
    Response r = json_response(200, nullptr);
    r.body = body;
    r.headers.emplace_back("ETag", "\"0123456789abcdef\"");
    encode_response(get(ae), r);
    EXPECT_EQ(r.body, body) << ae;
    EXPECT_EQ(header(r, "Content-Encoding"), "") << ae;
    EXPECT_EQ(header(r, "ETag"), "\"0123456789abcdef\"") << ae;  // the identity tag stays
    EXPECT_EQ(header(r, "Vary"), "Accept-Encoding") << ae;       // but another client may get gzip
  }
  Response tiny = json_response(200, boost::json::object{{"ok", true}});
  encode_response(get("gzip"), tiny);
  EXPECT_EQ(tiny.body, "{\"ok\":true}");
  EXPECT_EQ(header(tiny, "Content-Encoding"), "");

  Request head = get("gzip");
  head.method = "HEAD";
  Response h = json_response(200, nullptr);
  h.body = body;
  encode_response(head, h);
  EXPECT_EQ(h.body, body);
  EXPECT_EQ(header(h, "Content-Encoding"), "");

  Response xlsx{200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body, {}};
  encode_response(get("gzip"), xlsx);
  EXPECT_EQ(xlsx.body, body);
  EXPECT_EQ(header(xlsx, "Vary"), "");

  Response pre{200, "text/javascript", "BR", {{"Content-Encoding", "br"}}};  // a precompressed file
  encode_response(get("gzip"), pre);
  EXPECT_EQ(pre.body, "BR");
  EXPECT_EQ(pre.headers.size(), 1u);
}

TEST(Compression, ConditionalGetOnTheCompressedTag) {
  const std::string identity = "\"0123456789abcdef\"";
  const std::string gz = etag_for_coding(identity, "gzip");
  auto answer = [&] {
    Response r = json_response(200, nullptr);
    r.body = big_json();
    r.headers = {{"ETag", identity}, {"Cache-Control", "no-store"}, {"Set-Cookie", "a=1"}};
    return r;
  };
  for (std::string inm : {gz, "W/" + gz, "\"zzz\", " + gz, std::string("*")}) {
    Request req = get("gzip");
    req.headers.emplace_back("if-none-match", inm);
    Response r = answer();
    encode_response(req, r);
    EXPECT_EQ(r.status, 304) << inm;
    EXPECT_EQ(r.body, "");
    EXPECT_EQ(r.content_type, "");
    EXPECT_EQ(header(r, "ETag"), gz);
    EXPECT_EQ(header(r, "Cache-Control"), "no-store");
    EXPECT_EQ(header(r, "Vary"), "Accept-Encoding");
    EXPECT_EQ(header(r, "Content-Encoding"), "");
    EXPECT_EQ(header(r, "Set-Cookie"), "");
  }
  // The identity tag does not match the gzip representation: the handler answers a 304 for it
  // itself (api/cached_response.cpp); here it is a full answer.
  Request req = get("gzip");
  req.headers.emplace_back("if-none-match", identity);
  Response r = answer();
  encode_response(req, r);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(header(r, "ETag"), gz);
  EXPECT_EQ(gunzip(r.body), big_json());
  // A handler's own 304 gets Vary too.
  Response nm{304, "", "", {{"ETag", identity}}};
  encode_response(get(""), nm);
  EXPECT_EQ(header(nm, "Vary"), "Accept-Encoding");
}

TEST(Compression, VaryIsAppendedToAnExistingOne) {
  Response r = json_response(200, nullptr);
  r.headers.emplace_back("Vary", "Accept-Language");
  encode_response(get("gzip"), r);
  EXPECT_EQ(header(r, "Vary"), "Accept-Language, Accept-Encoding");
  encode_response(get("gzip"), r);
  EXPECT_EQ(header(r, "Vary"), "Accept-Language, Accept-Encoding");
}

}  // namespace
}  // namespace sl::http
