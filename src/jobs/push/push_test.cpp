// Expected values from Python's hmac/hashlib/base64/urllib (an independent implementation).
#include <gtest/gtest.h>

#include "jobs/push/mime.h"
#include "jobs/push/report_files.h"
#include "jobs/push/send.h"

using namespace sl::jobs;

TEST(Push, DingtalkSignature) {
  EXPECT_EQ(dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?access_token=abc", "SECtest123", 1781483400000),
            "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1781483400000"
            "&sign=q3gTzjYpFrRd5aDfQW84Tzx3%2F%2F35u24m9QfcSfhUsxA%3D");
}

TEST(Push, Rfc2047Subject) {
  EXPECT_EQ(encode_header_word("目标达成进度"), "=?UTF-8?B?55uu5qCH6L6+5oiQ6L+b5bqm?=");
  EXPECT_EQ(encode_header_word("Target progress"), "Target progress");
}

TEST(Push, MarkdownCutOnACharacterBoundaryWithTheLink) {
  std::string md;
  for (int i = 0; i < 3000; ++i) md += "进";  // 9000 bytes
  const std::string more = "[查看完整报表](http://x/do/progress)";
  const std::string cut = fit_markdown(md, kWecomMarkdownLimit, more);
  EXPECT_LE(cut.size(), kWecomMarkdownLimit);
  EXPECT_TRUE(cut.ends_with(more));
  EXPECT_EQ((cut.size() - more.size() - 2) % 3, 0u);  // whole 3-byte characters only
}

TEST(Push, MessageIdIsStablePerKey) {
  EXPECT_EQ(make_message_id("sub:1:2026-06-15 08:30:7:email", "salesloop"),
            make_message_id("sub:1:2026-06-15 08:30:7:email", "salesloop"));
  EXPECT_NE(make_message_id("a", "salesloop"), make_message_id("b", "salesloop"));
}

// The renderer's part: one inline PNG per chart, the PDF only when asked for.
TEST(Push, AttachRendered) {
  ReportDoc doc;
  doc.title = "目标达成进度";
  doc.charts.push_back({"签单趋势", "line", "万元", {"2026-05", "2026-06"}, {{"签单", {1.0, 2.0}}}});
  doc.charts.push_back({"完成率", "bar", "%", {"华东", "华北"}, {{"完成率", {80.0, std::nullopt}}}});
  std::vector<File> files;
  attach_rendered(doc, {"pdf", "xlsx"}, files);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].name, "inline/chart-1.png");
  EXPECT_EQ(files[1].name, "inline/chart-2.png");
  EXPECT_EQ(files[0].mime, "image/png");
  EXPECT_EQ(files[0].data.substr(1, 3), "PNG");
  EXPECT_EQ(files[2].name, "report.pdf");
  EXPECT_EQ(files[2].data.substr(0, 5), "%PDF-");
  std::vector<File> only_xlsx;
  attach_rendered(doc, {"xlsx"}, only_xlsx);
  EXPECT_EQ(only_xlsx.size(), 2u);
}

// RFC 1321's test vectors; the 企业微信 image limit is 2 MB of image bytes.
TEST(Push, WecomImageMd5) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(wecom_image_json("abc"), R"({"msgtype":"image","image":{"base64":"YWJj","md5":"900150983cd24fb0d6963f7d28e17f72"}})");
  EXPECT_NO_THROW(wecom_image_json(std::string(kWecomImageLimit, 'x')));
  EXPECT_THROW(wecom_image_json(std::string(kWecomImageLimit + 1, 'x')), std::invalid_argument);
}
