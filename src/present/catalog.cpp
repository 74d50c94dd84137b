#include "present/catalog.h"

#include <boost/json.hpp>
#include <map>
#include <stdexcept>

#include "present/catalog_data.h"

namespace sl::present {

namespace {

namespace json = boost::json;

struct Entry {
  std::string zh, en;
};

// "group.key" → both texts; every leaf must have both languages (checked once, at first use).
const std::map<std::string, Entry, std::less<>>& entries() {
  static const auto all = [] {
    std::map<std::string, Entry, std::less<>> m;
    const json::value root = json::parse(kCatalogJson);
    for (const auto& [group, keys] : root.as_object())
      for (const auto& [key, texts] : keys.as_object()) {
        const auto& o = texts.as_object();
        const auto* zh = o.if_contains("zh-CN");
        const auto* en = o.if_contains("en");
        const std::string name = std::string(group) + "." + std::string(key);
        if (!zh || !en || !zh->is_string() || !en->is_string())
          throw std::logic_error("catalog.json: " + name + " needs a zh-CN and an en text");
        m[name] = {std::string(zh->get_string()), std::string(en->get_string())};
      }
    return m;
  }();
  return all;
}

}  // namespace

const std::string& text(std::string_view key, Lang lang) {
  const auto& m = entries();
  auto it = m.find(key);
  if (it == m.end()) throw std::logic_error("catalog.json has no key " + std::string(key));
  return lang == Lang::zh ? it->second.zh : it->second.en;
}

bool has_text(std::string_view key) { return entries().count(key) > 0; }

std::vector<std::string> catalog_keys() {
  std::vector<std::string> out;
  for (const auto& [k, v] : entries()) out.push_back(k);
  return out;
}

}  // namespace sl::present
