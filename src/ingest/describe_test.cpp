// docs/import.md holds, between its "fields" markers, exactly the tables describe_entities()
// writes. After changing entities.cpp, run this test with SALESLOOP_UPDATE_DOCS=1 to rewrite
// that part of the file (and read the diff).
#include "ingest/describe.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace sl::ingest;

namespace {

constexpr const char* kBegin = "<!-- fields: written by src/ingest/describe.cpp; describe_test checks it -->\n";
constexpr const char* kEnd = "<!-- /fields -->\n";

std::string docs_path() {
  const char* root = std::getenv("SALESLOOP_SOURCE_DIR");
  return std::string(root ? root : ".") + "/docs/import.md";
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST(Describe, DocsListEveryFieldAsTheCodeDefinesIt) {
  const std::string path = docs_path(), text = read(path);
  ASSERT_FALSE(text.empty()) << "cannot read " << path;
  const size_t begin = text.find(kBegin), end = text.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << "no begin marker in " << path;
  ASSERT_NE(end, std::string::npos) << "no end marker in " << path;
  const size_t from = begin + std::string(kBegin).size();
  const std::string want = "\n" + describe_entities() + "\n";
  if (std::getenv("SALESLOOP_UPDATE_DOCS")) {
    std::ofstream(path, std::ios::binary) << text.substr(0, from) << want << text.substr(end);
    GTEST_SKIP() << "rewrote " << path;
  }
  EXPECT_EQ(text.substr(from, end - from), want)
      << "docs/import.md's field tables differ from entities.cpp: rerun with SALESLOOP_UPDATE_DOCS=1";
}

TEST(Describe, ATableRowPerField) {
  const Entity& e = *find_entity("customers");
  const std::string s = describe_entity(e);
  EXPECT_EQ(s.rfind("### customers — 客户 (Customers)\n", 0), 0u);
  EXPECT_NE(s.find("Key: `code`."), std::string::npos);
  EXPECT_NE(s.find("| `size` | enum(large\\|medium\\|small) | yes | 客户规模, 规模, Customer size, Size | 大 | "
                   "`large`: 大, 大型, 大客户, Large; "),
            std::string::npos)
      << s;
  size_t rows = 0;
  for (size_t at = s.find("\n| `"); at != std::string::npos; at = s.find("\n| `", at + 1)) ++rows;
  EXPECT_EQ(rows, e.fields.size());
}
