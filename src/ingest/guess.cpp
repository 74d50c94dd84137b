#include "ingest/guess.h"

#include <algorithm>
#include <tuple>

#include "core/error.h"

namespace sl::ingest {

namespace {

// UTF-8 → code points; a malformed byte stands for itself (a header is never refused here).
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      out.push_back(b);
      ++i;
      continue;
    }
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Half-width and ASCII-lowercase.
char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;                 // full-width ASCII forms
  if (c == 0x3000) return U' ';                                // ideographic space
  if (c == 0x3010 || c == 0x3014 || c == 0x300A) return U'[';  // 【 〔 《
  if (c == 0x3011 || c == 0x3015 || c == 0x300B) return U']';  // 】 〕 》
  if (c >= U'A' && c <= U'Z') return c - U'A' + U'a';
  return c;
}

bool opens(char32_t c) { return c == U'(' || c == U'[' || c == U'{'; }
bool closes(char32_t c) { return c == U')' || c == U']' || c == U'}'; }
// Spaces and punctuation that people put in headers without meaning anything by them.
bool ignorable(char32_t c) {
  if (c < 0x80) return !((c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || c == U'%');
  return c == 0x3001 || c == 0x3002 || c == 0x00B7 || c == 0x30FB || c == 0x2014 || c == 0x2026;  // 、。··—…
}

std::u32string squeeze(const std::u32string& s) {
  std::u32string out;
  for (char32_t c : s)
    if (!ignorable(c)) out.push_back(c);
  return out;
}

std::string unit_of(const std::u32string& inside) {
  const std::string u = encode(squeeze(inside));
  if (u == "万元" || u == "万" || u == "万元rmb" || u == "rmb万元") return "万元";
  if (u == "元" || u == "rmb" || u == "cny" || u == "yuan" || u == "人民币" || u == "人民币元") return "元";
  if (u == "%" || u == "百分比") return "%";
  return "";
}

// How well a normalized header fits a normalized name: the length (in characters) of the part
// they share when one contains the other, preferring the header containing the name; 0 when
// neither contains the other or the shared part is too short to mean anything.
struct Fit {
  size_t length = 0;
  int forward = 0;  // 1: the header contains the name
  auto key() const { return std::tie(length, forward); }
  bool operator==(const Fit& o) const { return key() == o.key(); }
  bool operator<(const Fit& o) const { return key() < o.key(); }
};

bool ascii(const std::u32string& s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return c < 0x80; });
}

Fit fit(const std::u32string& header, const std::u32string& name) {
  const std::u32string& part = header.size() >= name.size() ? name : header;
  if (part.size() < (ascii(part) ? 3u : 2u)) return {};
  if (header.size() >= name.size()) {
    if (header.find(name) != std::u32string::npos) return {name.size(), 1};
  } else if (name.find(header) != std::u32string::npos) {
    return {header.size(), 0};
  }
  return {};
}

// A field's names as compared: its canonical name and its aliases, normalized.
std::vector<std::u32string> names_of(const Field& f) {
  std::vector<std::u32string> out{decode(normalize_header(f.name))};
  for (const auto& a : f.aliases) out.push_back(decode(normalize_header(a)));
  return out;
}

void finish(const Entity& e, size_t columns, Mapping& m) {
  std::sort(m.matches.begin(), m.matches.end(), [](const auto& a, const auto& b) { return a.field < b.field; });
  for (size_t f = 0; f < e.fields.size(); ++f)
    if (e.fields[f].required && !m.column_of(f)) m.missing_required.push_back(f);
  for (size_t c = 0; c < columns; ++c)
    if (std::none_of(m.matches.begin(), m.matches.end(), [&](const auto& x) { return x.column == c; }))
      m.unmapped_columns.push_back(c);
}

AppError map_error(const std::string& zh, const std::string& en) { return invalid_field("map", zh, en); }

}  // namespace

std::string normalize_header(std::string_view header, std::string* unit) {
  std::u32string chars;
  for (char32_t c : decode(header)) chars.push_back(fold(c));
  std::u32string outside, inside, bracketed;
  int depth = 0;
  std::string u;
  for (char32_t c : chars) {
    if (opens(c)) {
      if (depth++ == 0) inside.clear();
      continue;
    }
    if (closes(c) && depth > 0) {
      if (--depth == 0 && u.empty()) u = unit_of(inside);
      if (depth == 0) bracketed += inside;
      continue;
    }
    (depth > 0 ? inside : outside).push_back(c);
  }
  if (depth > 0) outside += inside;  // an unclosed bracket is part of the text
  if (unit) *unit = u;
  std::u32string kept = squeeze(outside);
  if (kept.empty()) kept = squeeze(bracketed);
  return encode(kept);
}

std::optional<size_t> Mapping::column_of(size_t field) const {
  const ColumnMatch* m = match_of(field);
  return m ? std::optional<size_t>(m->column) : std::nullopt;
}

const ColumnMatch* Mapping::match_of(size_t field) const {
  for (const auto& m : matches)
    if (m.field == field) return &m;
  return nullptr;
}

Mapping guess_mapping(const Entity& e, const std::vector<std::string>& headers) {
  Mapping m;
  std::vector<std::u32string> cols;
  std::vector<std::string> units;
  for (const auto& h : headers) {
    std::string u;
    cols.push_back(decode(normalize_header(h, &u)));
    units.push_back(u);
  }
  std::vector<std::vector<std::u32string>> names;
  for (const auto& f : e.fields) names.push_back(names_of(f));
  std::vector<bool> field_done(e.fields.size()), col_done(cols.size());

  // 1. Exact: a header that is one of the field's names. Entities keep their names unique
  // (a test checks), so only a field can have several such columns: the leftmost wins.
  for (size_t f = 0; f < e.fields.size(); ++f) {
    std::vector<size_t> hits;
    for (size_t c = 0; c < cols.size(); ++c)
      if (!col_done[c] && !cols[c].empty() && std::find(names[f].begin(), names[f].end(), cols[c]) != names[f].end())
        hits.push_back(c);
    if (hits.empty()) continue;
    m.matches.push_back({f, hits[0], MatchKind::exact, units[hits[0]]});
    field_done[f] = true;
    for (size_t c : hits) col_done[c] = true;  // the others name the same field again: ignored, reported
    if (hits.size() > 1) m.ambiguous.push_back({{f}, hits});
  }

  // 2. Contains: the best fit first; a tie on a column or a field maps none of the tied ones.
  struct Candidate {
    Fit how;
    size_t field, column;
  };
  std::vector<Candidate> cands;
  for (size_t f = 0; f < e.fields.size(); ++f) {
    if (field_done[f]) continue;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (col_done[c]) continue;
      Fit best;
      for (const auto& n : names[f]) best = std::max(best, fit(cols[c], n));
      if (best.length > 0) cands.push_back({best, f, c});
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) { return b.how < a.how; });
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& x = cands[i];
    if (field_done[x.field] || col_done[x.column]) continue;
    Ambiguity tie{{x.field}, {x.column}};
    for (size_t j = i + 1; j < cands.size() && cands[j].how == x.how; ++j) {
      const Candidate& y = cands[j];
      if (field_done[y.field] || col_done[y.column]) continue;
      if (y.field == x.field && std::find(tie.columns.begin(), tie.columns.end(), y.column) == tie.columns.end())
        tie.columns.push_back(y.column);
      if (y.column == x.column && std::find(tie.fields.begin(), tie.fields.end(), y.field) == tie.fields.end())
        tie.fields.push_back(y.field);
    }
    if (tie.fields.size() == 1 && tie.columns.size() == 1) {
      m.matches.push_back({x.field, x.column, MatchKind::contains, units[x.column]});
      field_done[x.field] = col_done[x.column] = true;
      continue;
    }
    for (size_t f : tie.fields) field_done[f] = true;
    for (size_t c : tie.columns) col_done[c] = true;
    std::sort(tie.fields.begin(), tie.fields.end());
    std::sort(tie.columns.begin(), tie.columns.end());
    m.ambiguous.push_back(std::move(tie));
  }
  finish(e, cols.size(), m);
  return m;
}

Mapping apply_map(const Entity& e, const std::vector<std::string>& headers,
                  const std::vector<std::pair<std::string, std::string>>& map) {
  Mapping m;
  for (const auto& [name, header] : map) {
    auto f = field_index(e, name);
    if (!f)
      throw map_error("映射中的字段不存在于 " + e.name + "：" + name,
                      "The map names no field of " + e.name + ": " + name);
    // The header as written; else the one header it equals once normalized.
    std::optional<size_t> col;
    for (size_t c = 0; c < headers.size() && !col; ++c)
      if (headers[c] == header) col = c;
    if (!col) {
      const std::string want = normalize_header(header);
      for (size_t c = 0; c < headers.size(); ++c)
        if (!want.empty() && normalize_header(headers[c]) == want) {
          if (col)
            throw map_error("文件中有多列与映射的列名相符：" + header,
                            "More than one column fits the header " + header);
          col = c;
        }
    }
    if (!col) throw map_error("文件中没有映射的列：" + header, "The file has no column " + header);
    for (const auto& x : m.matches) {
      if (x.field == *f) throw map_error("映射中字段重复：" + name, "The map names the field twice: " + name);
      if (x.column == *col)
        throw map_error("映射中一列对应多个字段：" + header, "The map gives the column to two fields: " + header);
    }
    std::string unit;
    normalize_header(headers[*col], &unit);
    m.matches.push_back({*f, *col, MatchKind::given, unit});
  }
  finish(e, headers.size(), m);
  return m;
}

}  // namespace sl::ingest
