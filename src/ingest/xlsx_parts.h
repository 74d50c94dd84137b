// The parts of an XLSX file (an OOXML zip) the reader needs, with libzip and expat: the
// workbook's sheet list and date system, the relationships that name each sheet's part, the
// styles that make a number a date, the shared-string table (the one table kept in memory, in
// one buffer), and the merged ranges of a sheet. Internal to xlsx_reader.cpp and its tests.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sl::ingest::xlsx {

// "Not an XLSX file" and its kin: 422 "unreadable_file" with what was wrong.
AppError broken_file(const std::string& zh_detail, const std::string& en_detail);

// A zip archive, opened from a file or from bytes in memory.
class Archive {
 public:
  static std::unique_ptr<Archive> open_file(const std::string& path);
  static std::unique_ptr<Archive> open_bytes(std::string bytes);
  ~Archive();
  bool has(const std::string& name) const;
  // Calls on_chunk with each piece of the entry's uncompressed bytes, in order.
  void read(const std::string& name, const std::function<void(std::string_view)>& on_chunk) const;
  // An entry opened for reading a piece at a time (the sheet being streamed).
  class Entry {
   public:
    ~Entry();
    // Up to n bytes into buf; 0 at the end.
    size_t read(char* buf, size_t n);

   private:
    friend class Archive;
    void* file_ = nullptr;  // zip_file_t*
    std::string name_;
  };
  std::unique_ptr<Entry> open(const std::string& name) const;

 private:
  Archive() = default;
  void* zip_ = nullptr;  // zip_t*
  std::string bytes_;    // kept alive for an archive opened from memory
};

// What an expat parse reports, with element and attribute names stripped of any prefix.
struct XmlEvents {
  virtual ~XmlEvents() = default;
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view s) = 0;
};

class XmlParser {
 public:
  XmlParser(XmlEvents& events, std::string part);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;
  // Throws broken_file on malformed XML.
  void feed(std::string_view chunk, bool final);

 private:
  void* parser_;  // XML_Parser
  std::string part_;
};

std::string_view local_name(const char* name);
// The attribute's value by local name, nullptr when absent.
const char* attr(const char** attrs, std::string_view local);
// Parses a whole part (small ones: the workbook, relationships, styles, shared strings).
void parse_part(const Archive& zip, const std::string& name, XmlEvents& events);

struct Sheet {
  std::string name, path;
};
struct Workbook {
  std::vector<Sheet> sheets;
  bool date1904 = false;
  std::string shared_strings, styles;  // part paths, empty when the workbook has none
};
Workbook read_workbook(const Archive& zip);

// Excel's rule for a number format that shows a date or time: the built-in ids 14–22, 45–47
// (and the zh-CN ones 27–36, 50–58), or a format code with y, m, d, h or s outside quotes,
// escapes and [..] sections.
bool is_date_format(int id, std::string_view code);
// One flag per cell style (the s attribute of a cell): does it show a date.
std::vector<bool> read_date_styles(const Archive& zip, const std::string& path);

// The shared strings in one buffer. A string longer than max_bytes is kept at max_bytes + 1
// bytes, enough for the row to report it as too long without holding all of it.
class SharedStrings {
 public:
  std::string_view at(size_t i) const;  // empty past the end
  size_t size() const { return ends_.size(); }
  void add(std::string_view s);

 private:
  std::string pool_;
  std::vector<size_t> ends_;
};
SharedStrings read_shared_strings(const Archive& zip, const std::string& path, size_t max_bytes);

// "C7" → row 7, column 3 (both 1-based); false when it is not a cell reference.
bool parse_cell_ref(std::string_view ref, int64_t& row, int64_t& col);
// The letters of a reference alone ("C" or "C7") → 3; 0 when none.
int64_t column_of(std::string_view ref);

struct MergeRange {
  int64_t r1, c1, r2, c2;
};
// The sheet's <mergeCell ref="A1:C1"/> ranges. They come after all the rows in the part, so
// this reads the part once more, as bytes, looking for the tag alone (no XML parse).
std::vector<MergeRange> scan_merges(const Archive& zip, const std::string& path, size_t max_ranges);

// OOXML's escapes of characters XML cannot hold: "_x000D_" is a CR, "_x005F_" an underscore.
std::string decode_escapes(std::string s);

}  // namespace sl::ingest::xlsx
