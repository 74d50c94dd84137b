// serve_static on a temporary web root: the precompressed siblings written at build.
#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace sl::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() / ("sl_static_test_" + std::to_string(::getpid()));
    fs::create_directories(root / "assets");
    // The sibling contents are markers, not real gzip: what is checked is which file is sent.
    write("index.html", "<html>app</html>");
    write("index.html.gz", "INDEX-GZ");
    write("assets/app-1a2b.js", "console.log(1)");
    write("assets/app-1a2b.js.gz", "JS-GZ");
    write("assets/app-1a2b.js.br", "JS-BR!");
    write("assets/only-gz.css", "body{}");
    write("assets/only-gz.css.gz", "CSS-GZ");
    write("assets/plain.js", "plain()");
    write("logo.png", "PNG");
    write("logo.png.gz", "should never be sent");
    fs::create_directories(root.parent_path() / ("sl_static_outside_" + std::to_string(::getpid())));
    outside = root.parent_path() / ("sl_static_outside_" + std::to_string(::getpid())) / "x.gz";
    write_abs(outside, "OUTSIDE");
    write("assets/linked.js", "linked()");
    fs::create_symlink(outside, root / "assets" / "linked.js.gz");
  }
  void TearDown() override {
    fs::remove_all(root);
    fs::remove_all(outside.parent_path());
  }
  void write(const std::string& rel, const std::string& s) { write_abs(root / rel, s); }
  static void write_abs(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
  static std::string header(const Response& r, std::string_view name) {
    for (auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }
  fs::path root, outside;
};

TEST_F(StaticFilesTest, PrecompressedSiblingWhenAccepted) {
  Response r = serve_static(root, "/assets/app-1a2b.js", false, "gzip, deflate, br, zstd");
  EXPECT_EQ(r.body, "JS-BR!");  // both on disk, both accepted: brotli
  EXPECT_EQ(header(r, "Content-Encoding"), "br");
  EXPECT_EQ(header(r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");  // the original's type
  EXPECT_EQ(header(r, "Cache-Control"), "public, max-age=31536000, immutable");

  r = serve_static(root, "/assets/app-1a2b.js", false, "gzip, br;q=0.5");
  EXPECT_EQ(r.body, "JS-GZ");
  EXPECT_EQ(header(r, "Content-Encoding"), "gzip");

  r = serve_static(root, "/assets/only-gz.css", false, "br, gzip");
  EXPECT_EQ(r.body, "CSS-GZ");
  EXPECT_EQ(header(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(r.content_type, "text/css; charset=utf-8");

  r = serve_static(root, "/", false, "gzip");  // index.html, and the SPA fallback
  EXPECT_EQ(r.body, "INDEX-GZ");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header(r, "Cache-Control"), "no-cache");
  r = serve_static(root, "/do/progress", false, "gzip");
  EXPECT_EQ(r.body, "INDEX-GZ");
}

TEST_F(StaticFilesTest, PlainFileOtherwise) {
  for (const char* ae : {"", "identity", "deflate", "br;q=0, gzip;q=0", "gzip;q=nonsense", "*;q=0"}) {
    Response r = serve_static(root, "/assets/app-1a2b.js", false, ae);
    EXPECT_EQ(r.body, "console.log(1)") << ae;
    EXPECT_EQ(header(r, "Content-Encoding"), "") << ae;
    EXPECT_EQ(header(r, "Vary"), "Accept-Encoding") << ae;
  }
  Response r = serve_static(root, "/assets/only-gz.css", false, "br");  // no .br on disk
  EXPECT_EQ(r.body, "body{}");
  r = serve_static(root, "/assets/plain.js", false, "gzip, br");  // no sibling at all
  EXPECT_EQ(r.body, "plain()");
  EXPECT_EQ(header(r, "Content-Encoding"), "");
  r = serve_static(root, "/logo.png", false, "gzip");  // not compressible: no sibling looked for
  EXPECT_EQ(r.body, "PNG");
  EXPECT_EQ(header(r, "Vary"), "");
  r = serve_static(root, "/assets/linked.js", false, "gzip");  // a sibling resolving outside the root
  EXPECT_EQ(r.body, "linked()");
  EXPECT_EQ(header(r, "Content-Encoding"), "");
}

TEST_F(StaticFilesTest, HeadGivesTheLengthOfWhatGetWouldSend) {
  Response r = serve_static(root, "/assets/app-1a2b.js", true, "gzip");
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(header(r, "Content-Length"), "5");  // strlen("JS-GZ")
  EXPECT_EQ(header(r, "Content-Encoding"), "gzip");
  r = serve_static(root, "/assets/app-1a2b.js", true, "");
  EXPECT_EQ(header(r, "Content-Length"), "14");  // strlen("console.log(1)")
}

}  // namespace
}  // namespace sl::http
