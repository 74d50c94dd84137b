#include "ingest/xlsx_parts.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <map>

namespace sl::ingest::xlsx {

namespace {

zip_t* z(void* p) { return static_cast<zip_t*>(p); }

// A relationship target resolved against the folder of the part that names it.
std::string resolve(const std::string& base_dir, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string(target.substr(1)) : base_dir + std::string(target);
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string seg = path.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string dir_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

bool ends_with(std::string_view s, std::string_view tail) { return s.size() >= tail.size() && s.ends_with(tail); }

// The relationships of a part: Id → (Type, Target resolved).
struct Rel {
  std::string id, type, target;
};
std::vector<Rel> read_rels(const Archive& zip, const std::string& rels_path, const std::string& base_dir) {
  struct Events : XmlEvents {
    std::vector<Rel> rels;
    std::string base;
    void start(std::string_view name, const char** a) override {
      if (name != "Relationship") return;
      const char *id = attr(a, "Id"), *type = attr(a, "Type"), *target = attr(a, "Target");
      const char* mode = attr(a, "TargetMode");
      if (id && type && target && !(mode && std::string_view(mode) == "External"))
        rels.push_back({id, type, resolve(base, target)});
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
  } ev;
  ev.base = base_dir;
  if (zip.has(rels_path)) parse_part(zip, rels_path, ev);
  return ev.rels;
}

}  // namespace

AppError broken_file(const std::string& zh_detail, const std::string& en_detail) {
  return AppError(422, "unreadable_file", "file", "无法读取 XLSX 文件：" + zh_detail,
                  "Cannot read the XLSX file: " + en_detail);
}

// ---- zip ----

std::unique_ptr<Archive> Archive::open_file(const std::string& path) {
  int err = 0;
  zip_t* p = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!p) throw broken_file("不是 XLSX（zip）文件或无法打开", "not an XLSX (zip) file, or it cannot be opened");
  std::unique_ptr<Archive> a(new Archive);
  a->zip_ = p;
  return a;
}

std::unique_ptr<Archive> Archive::open_bytes(std::string bytes) {
  std::unique_ptr<Archive> a(new Archive);
  a->bytes_ = std::move(bytes);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(a->bytes_.data(), a->bytes_.size(), 0, &error);
  zip_t* p = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (!p) {
    if (src) zip_source_free(src);
    throw broken_file("不是 XLSX（zip）文件", "not an XLSX (zip) file");
  }
  a->zip_ = p;
  return a;
}

Archive::~Archive() {
  if (zip_) zip_discard(z(zip_));
}

bool Archive::has(const std::string& name) const { return zip_name_locate(z(zip_), name.c_str(), ZIP_FL_NOCASE) >= 0; }

std::unique_ptr<Archive::Entry> Archive::open(const std::string& name) const {
  zip_file_t* f = zip_fopen(z(zip_), name.c_str(), ZIP_FL_NOCASE);
  if (!f) throw broken_file("缺少部件 " + name, "the part " + name + " is missing or unreadable");
  std::unique_ptr<Entry> e(new Entry);
  e->file_ = f;
  e->name_ = name;
  return e;
}

Archive::Entry::~Entry() {
  if (file_) zip_fclose(static_cast<zip_file_t*>(file_));
}

size_t Archive::Entry::read(char* buf, size_t n) {
  const zip_int64_t got = zip_fread(static_cast<zip_file_t*>(file_), buf, n);
  if (got < 0) throw broken_file("部件 " + name_ + " 已损坏", "the part " + name_ + " is damaged");
  return static_cast<size_t>(got);
}

void Archive::read(const std::string& name, const std::function<void(std::string_view)>& on_chunk) const {
  auto e = open(name);
  std::string buf(64 * 1024, '\0');
  while (size_t n = e->read(buf.data(), buf.size())) on_chunk(std::string_view(buf.data(), n));
}

// ---- expat ----

namespace {
// Callbacks never throw: expat is C, and an exception must not cross it.
void on_start(void* ud, const XML_Char* name, const XML_Char** attrs) {
  static_cast<XmlEvents*>(ud)->start(local_name(name), attrs);
}
void on_end(void* ud, const XML_Char* name) { static_cast<XmlEvents*>(ud)->end(local_name(name)); }
void on_text(void* ud, const XML_Char* s, int len) {
  static_cast<XmlEvents*>(ud)->text(std::string_view(s, static_cast<size_t>(len)));
}
}  // namespace

XmlParser::XmlParser(XmlEvents& events, std::string part) : parser_(XML_ParserCreate(nullptr)), part_(std::move(part)) {
  auto p = static_cast<XML_Parser>(parser_);
  XML_SetUserData(p, &events);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
}

XmlParser::~XmlParser() { XML_ParserFree(static_cast<XML_Parser>(parser_)); }

void XmlParser::feed(std::string_view chunk, bool final) {
  auto p = static_cast<XML_Parser>(parser_);
  if (XML_Parse(p, chunk.data(), static_cast<int>(chunk.size()), final) == XML_STATUS_ERROR) {
    const std::string where = part_ + " " + std::to_string(XML_GetCurrentLineNumber(p)) + ":" +
                              std::to_string(XML_GetCurrentColumnNumber(p)) + " (" +
                              XML_ErrorString(XML_GetErrorCode(p)) + ")";
    throw broken_file("XML 格式错误，位置 " + where, "malformed XML at " + where);
  }
}

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(const char** attrs, std::string_view local) {
  for (size_t i = 0; attrs && attrs[i]; i += 2)
    if (local_name(attrs[i]) == local) return attrs[i + 1];
  return nullptr;
}

void parse_part(const Archive& zip, const std::string& name, XmlEvents& events) {
  XmlParser parser(events, name);
  zip.read(name, [&](std::string_view chunk) { parser.feed(chunk, false); });
  parser.feed({}, true);
}

// ---- workbook ----

Workbook read_workbook(const Archive& zip) {
  std::string book_path = "xl/workbook.xml";
  for (const auto& r : read_rels(zip, "_rels/.rels", ""))
    if (ends_with(r.type, "/officeDocument")) book_path = r.target;
  if (!zip.has(book_path)) throw broken_file("缺少 workbook.xml", "no workbook.xml in the file");

  struct Events : XmlEvents {
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    bool date1904 = false;
    void start(std::string_view name, const char** a) override {
      if (name == "workbookPr") {
        const char* v = attr(a, "date1904");
        date1904 = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
      } else if (name == "sheet") {
        const char *n = attr(a, "name"), *id = attr(a, "id");
        if (n && id) sheets.emplace_back(n, id);
      }
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
  } ev;
  parse_part(zip, book_path, ev);

  const std::string dir = dir_of(book_path);
  const auto rels = read_rels(zip, dir + "_rels/" + book_path.substr(dir.size()) + ".rels", dir);
  Workbook wb;
  wb.date1904 = ev.date1904;
  for (const auto& r : rels) {
    if (ends_with(r.type, "/sharedStrings")) wb.shared_strings = r.target;
    if (ends_with(r.type, "/styles")) wb.styles = r.target;
  }
  // Some writers leave these out of the relationships; the usual names are tried then.
  if (wb.shared_strings.empty() && zip.has(dir + "sharedStrings.xml")) wb.shared_strings = dir + "sharedStrings.xml";
  if (wb.styles.empty() && zip.has(dir + "styles.xml")) wb.styles = dir + "styles.xml";
  for (const auto& [name, id] : ev.sheets)
    for (const auto& r : rels)
      if (r.id == id && ends_with(r.type, "/worksheet")) wb.sheets.push_back({name, r.target});
  if (wb.sheets.empty()) throw broken_file("没有工作表", "the workbook has no worksheet");
  return wb;
}

// ---- styles ----

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '[') {
      const size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped, padding or fill character
    } else if (std::string_view("ymdhsYMDHS").find(c) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

std::vector<bool> read_date_styles(const Archive& zip, const std::string& path) {
  if (path.empty() || !zip.has(path)) return {};
  struct Events : XmlEvents {
    std::map<int, std::string> formats;
    std::vector<int> xf_formats;
    int in_cell_xfs = 0;
    static int num(const char* v) {
      int n = -1;
      if (v) std::from_chars(v, v + std::char_traits<char>::length(v), n);
      return n;
    }
    void start(std::string_view name, const char** a) override {
      if (name == "numFmt") {
        const char* code = attr(a, "formatCode");
        formats[num(attr(a, "numFmtId"))] = code ? code : "";
      } else if (name == "cellXfs") {
        ++in_cell_xfs;
      } else if (name == "xf" && in_cell_xfs) {
        xf_formats.push_back(num(attr(a, "numFmtId")));
      }
    }
    void end(std::string_view name) override {
      if (name == "cellXfs") --in_cell_xfs;
    }
    void text(std::string_view) override {}
  } ev;
  parse_part(zip, path, ev);
  std::vector<bool> out;
  out.reserve(ev.xf_formats.size());
  for (int id : ev.xf_formats) {
    auto f = ev.formats.find(id);
    out.push_back(is_date_format(id, f == ev.formats.end() ? "" : f->second));
  }
  return out;
}

// ---- shared strings ----

std::string_view SharedStrings::at(size_t i) const {
  if (i >= ends_.size()) return {};
  const size_t b = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(pool_).substr(b, ends_[i] - b);
}

void SharedStrings::add(std::string_view s) {
  pool_.append(s);
  ends_.push_back(pool_.size());
}

SharedStrings read_shared_strings(const Archive& zip, const std::string& path, size_t max_bytes) {
  SharedStrings table;
  if (path.empty() || !zip.has(path)) return table;
  struct Events : XmlEvents {
    SharedStrings* table;
    size_t max;
    std::string cur;
    bool in_t = false;
    int phonetic = 0;  // inside <rPh>: the reading of the text, not the text
    void start(std::string_view name, const char**) override {
      if (name == "si")
        cur.clear();
      else if (name == "rPh")
        ++phonetic;
      else if (name == "t")
        in_t = true;
    }
    void end(std::string_view name) override {
      if (name == "t")
        in_t = false;
      else if (name == "rPh")
        --phonetic;
      else if (name == "si")
        table->add(decode_escapes(std::move(cur)));
    }
    void text(std::string_view s) override {
      if (in_t && phonetic == 0 && cur.size() <= max) cur.append(s.substr(0, max + 1 - cur.size()));
    }
  } ev;
  ev.table = &table;
  ev.max = max_bytes;
  parse_part(zip, path, ev);
  return table;
}

// ---- references ----

int64_t column_of(std::string_view ref) {
  int64_t col = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
    if (col > 1'000'000) return 0;  // no sheet is that wide (Excel stops at XFD, 16,384)
  }
  return col;
}

bool parse_cell_ref(std::string_view ref, int64_t& row, int64_t& col) {
  size_t i = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) ++i;
  if (ref.substr(i).starts_with('$')) return false;
  col = column_of(ref.substr(0, i));
  std::string_view digits = ref.substr(i);
  if (col == 0 || digits.empty() || digits.size() > 9) return false;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), row);
  return r.ec == std::errc() && r.ptr == digits.data() + digits.size() && row > 0;
}

std::vector<MergeRange> scan_merges(const Archive& zip, const std::string& path, size_t max_ranges) {
  std::vector<MergeRange> out;
  std::string buf;
  auto name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
  };
  zip.read(path, [&](std::string_view chunk) {
    buf.append(chunk);
    size_t keep_from = buf.size() > 64 ? buf.size() - 64 : 0;
    for (size_t p = buf.find("mergeCell"); p != std::string::npos; p = buf.find("mergeCell", p + 1)) {
      // A tag <mergeCell …> or <x:mergeCell …>: the word alone, after '<' and maybe a prefix.
      size_t b = p;
      while (b > 0 && name_char(buf[b - 1])) --b;
      if (b > 0 && buf[b - 1] == ':') {
        --b;
        while (b > 0 && name_char(buf[b - 1])) --b;
      }
      if (b == 0 || buf[b - 1] != '<') continue;
      const size_t after = p + 9;
      if (after >= buf.size()) {
        keep_from = std::min(keep_from, b - 1);
        break;
      }
      if (buf[after] != ' ' && buf[after] != '\t' && buf[after] != '\n' && buf[after] != '\r') continue;
      const size_t close = buf.find('>', after);
      if (close == std::string::npos) {
        keep_from = std::min(keep_from, b - 1);
        break;
      }
      keep_from = std::max(keep_from, close + 1);
      std::string_view tag(buf.data() + after, close - after);
      const size_t ref = tag.find("ref=");
      if (ref == std::string_view::npos || ref + 5 >= tag.size()) continue;
      const char q = tag[ref + 4];
      const size_t end = tag.find(q, ref + 5);
      if (end == std::string_view::npos) continue;
      std::string_view v = tag.substr(ref + 5, end - ref - 5);
      const size_t colon = v.find(':');
      MergeRange m{};
      if (colon == std::string_view::npos || !parse_cell_ref(v.substr(0, colon), m.r1, m.c1) ||
          !parse_cell_ref(v.substr(colon + 1), m.r2, m.c2) || m.r2 < m.r1 || m.c2 < m.c1)
        continue;
      if (out.size() < max_ranges) out.push_back(m);
    }
    buf.erase(0, std::min(keep_from, buf.size()));
  });
  return out;
}

std::string decode_escapes(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int cp = 0;
      bool ok = true;
      for (size_t k = 2; k < 6; ++k) {
        const int h = hex(s[i + k]);
        ok = ok && h >= 0;
        cp = cp * 16 + std::max(h, 0);
      }
      if (ok && (cp < 0xD800 || cp > 0xDFFF)) {
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace sl::ingest::xlsx
