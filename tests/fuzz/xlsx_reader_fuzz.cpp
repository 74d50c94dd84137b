// Fuzz target: the XLSX reader (src/ingest/xlsx_reader.h, xlsx_parts.h). An input that starts
// with "PK" is taken as a whole zip file. Any other input is the XML of a workbook's parts,
// separated by lines "--part--": the sheet, the shared strings, the styles and the workbook
// (missing ones get a plain default), zipped here without compression, so the mutations land
// on the XML rather than on zip checksums. Besides crashes and sanitizer reports, these abort
// (findings):
//  - a cell that is not valid UTF-8, longer than the field limit, or a row wider than the
//    column limit; a row without an error narrower or wider than the header;
//  - an exception other than AppError (unreadable_file, the sheet's invalid_field, the row
//    limit's too_many_rows).
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/encoding.h"
#include "ingest/xlsx_reader.h"

namespace {

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "\nFINDING: %s\n", what);
  std::abort();
}

const char* kRootRels =
    R"(<Relationships><Relationship Id="rId1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
const char* kBookRels =
    R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="x/styles" Target="styles.xml"/></Relationships>)";
const char* kDefaults[] = {
    R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>)",
    R"(<sst><si><t>a</t></si></sst>)",
    R"(<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)",
    R"(<workbook><sheets><sheet name="A" r:id="rId1"/><sheet name="B" r:id="rId2"/></sheets></workbook>)",
};

// The parts zipped in memory, stored (not deflated).
std::string zipped(const std::vector<std::string>& parts) {
  static const char* kNames[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                                 "xl/workbook.xml"};
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  auto add = [&](const char* name, const std::string& body) {
    zip_source_t* s = zip_source_buffer(z, body.data(), body.size(), 0);
    const zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
    if (i >= 0) zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  };
  const std::string root = kRootRels, book = kBookRels;
  add("_rels/.rels", root);
  add("xl/_rels/workbook.xml.rels", book);
  add("xl/worksheets/sheet2.xml", parts[0]);
  for (size_t i = 0; i < 4; ++i) add(kNames[i], parts[i]);
  zip_close(z);  // writes the archive into src, which zip_source_keep kept for us
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
    out.resize(st.size);
    const zip_int64_t n = zip_source_read(src, out.data(), out.size());
    out.resize(n > 0 ? static_cast<size_t>(n) : 0);
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string file;
  if (input.starts_with("PK")) {
    file = input;
  } else {
    std::vector<std::string> parts;
    size_t at = 0;
    while (parts.size() < 4) {
      const size_t sep = input.find("\n--part--\n", at);
      parts.push_back(input.substr(at, sep == std::string::npos ? std::string::npos : sep - at));
      if (sep == std::string::npos) break;
      at = sep + 10;
    }
    for (size_t i = 0; i < 4; ++i)
      if (i >= parts.size() || parts[i].empty()) parts.resize(std::max(parts.size(), i + 1)), parts[i] = kDefaults[i];
    file = zipped(parts);
  }
  sl::ingest::XlsxOptions opt;
  opt.limits.max_field_bytes = 64;
  opt.limits.max_columns = 40;
  opt.limits.max_rows = 2000;
  opt.chunk_bytes = 256;
  if (size % 3 == 0) opt.sheet = "B";
  try {
    auto reader = sl::ingest::XlsxReader::from_bytes(std::move(file), opt);
    sl::ingest::Row row;
    size_t header = 0;
    bool first = true;
    while (reader->next(row)) {
      if (row.cells.size() > opt.limits.max_columns) finding("a row wider than the column limit");
      for (const auto& c : row.cells) {
        if (c.size() > opt.limits.max_field_bytes) finding("a cell longer than the field limit");
        if (sl::ingest::valid_utf8_prefix(c) != c.size()) finding("a cell that is not valid UTF-8");
      }
      if (first)
        header = row.cells.size(), first = false;
      else if (!row.error && row.cells.size() != header)
        finding("a row without an error that is not the header's width");
    }
  } catch (const sl::AppError&) {
  } catch (...) {
    finding("an exception other than AppError");
  }
  return 0;
}
