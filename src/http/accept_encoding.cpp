#include "http/accept_encoding.h"

#include <cctype>

namespace sl::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// tchar of RFC 9110 §5.6.2.
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (std::isalnum(c)) continue;
    if (std::string_view("!#$%&'*+-.^_`|~").find(char(c)) == std::string_view::npos) return false;
  }
  return true;
}

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); -1 when it is not one.
int parse_qvalue(std::string_view v) {
  if (v.empty() || (v[0] != '0' && v[0] != '1')) return -1;
  int whole = v[0] - '0';
  if (v.size() == 1) return whole * 1000;
  if (v[1] != '.' || v.size() > 5) return -1;
  int frac = 0, digits = 0;
  for (char c : v.substr(2)) {
    if (c < '0' || c > '9') return -1;
    frac = frac * 10 + (c - '0');
    ++digits;
  }
  for (; digits < 3; ++digits) frac *= 10;
  if (whole == 1 && frac != 0) return -1;
  return whole * 1000 + frac;
}

}  // namespace

std::vector<AcceptedCoding> parse_accept_encoding(std::string_view header) {
  std::vector<AcceptedCoding> out;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    size_t semi = element.find(';');
    std::string_view name = trim(element.substr(0, semi));
    if (name.empty()) continue;  // "a,,b": empty list elements are allowed and mean nothing
    if (!is_token(name)) continue;
    AcceptedCoding c;
    c.name.reserve(name.size());
    for (char ch : name) c.name += char(std::tolower(static_cast<unsigned char>(ch)));
    if (c.name == "x-gzip") c.name = "gzip";  // RFC 9110 §8.4.1.3
    bool ok = true;
    std::string_view params = semi == std::string_view::npos ? std::string_view{} : element.substr(semi + 1);
    while (ok && semi != std::string_view::npos) {
      semi = params.find(';');
      std::string_view p = trim(params.substr(0, semi));
      params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
      size_t eq = p.find('=');
      if (eq == std::string_view::npos) {
        ok = false;  // "gzip;" or "gzip;q": not a parameter
      } else if (std::string_view key = trim(p.substr(0, eq)); key == "q" || key == "Q") {
        c.q = parse_qvalue(trim(p.substr(eq + 1)));
        ok = c.q >= 0;
      }  // other parameters mean nothing to us
    }
    if (ok) out.push_back(std::move(c));
  }
  return out;
}

std::string choose_encoding(std::string_view header, const std::vector<std::string_view>& offered) {
  const auto accepted = parse_accept_encoding(header);
  // The q the header gives one coding: its own element (the first), else "*", else -1.
  auto q_of = [&](std::string_view coding) {
    int star = -1;
    for (const auto& a : accepted) {
      if (a.name == coding) return a.q;
      if (a.name == "*" && star < 0) star = a.q;
    }
    return star;
  };
  std::string best;
  int best_q = 0;
  for (std::string_view coding : offered) {
    int q = q_of(coding);
    if (q > best_q) {
      best = std::string(coding);
      best_q = q;
    }
  }
  if (best.empty()) return "";
  for (const auto& a : accepted)
    if (a.name == "identity") return a.q > best_q ? "" : best;
  return best;
}

}  // namespace sl::http
