#include "ingest/describe.h"

namespace sl::ingest {

namespace {

// A table cell: a pipe would end it.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

std::string notes(const Field& f) {
  std::vector<std::string> parts;
  if (!f.note.empty()) parts.push_back(f.note);
  for (const auto& v : f.values) parts.push_back("`" + v.code + "`: " + join(v.aliases, ", "));
  return join(parts, "; ");
}

}  // namespace

std::string describe_entity(const Entity& e) {
  std::vector<std::string> key;
  for (const auto& k : e.key) key.push_back("`" + k + "`");
  std::string s = "### " + e.name + " — " + e.zh + " (" + e.en + ")\n\n";
  s += "Key: " + join(key, " + ") + ".";
  if (!e.note.empty()) s += " " + e.note;
  s += "\n\n| field | type | required | header names | example | notes |\n|---|---|---|---|---|---|\n";
  for (const auto& f : e.fields)
    s += "| `" + f.name + "` | " + cell(type_label(f)) + " | " + (f.required ? "yes" : "") + " | " +
         cell(join(f.aliases, ", ")) + " | " + cell(f.example) + " | " + cell(notes(f)) + " |\n";
  return s;
}

std::string describe_entities() {
  std::string s;
  for (const auto& e : entities()) {
    if (!s.empty()) s += "\n";
    s += describe_entity(e);
  }
  return s;
}

}  // namespace sl::ingest
