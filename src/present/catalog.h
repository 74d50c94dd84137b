// The message catalogue shared with the web: the labels of result tables (sheets, columns,
// units, coded values), kept once in src/present/catalog.json. The server compiles it in (CMake
// embeds the file); the web imports the same file as its `tables.*` messages
// (web/src/locales/index.ts), so a column reads the same on the page and in the download.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sl::present {

// The text of a key such as "col.month"; throws std::logic_error for a key the catalogue lacks
// (a programming error, caught by the tests that export every table).
const std::string& text(std::string_view key, Lang lang);
bool has_text(std::string_view key);
// Every key, sorted ("col.month", …).
std::vector<std::string> catalog_keys();

}  // namespace sl::present
