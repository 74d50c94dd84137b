#include "http/compression.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include <zlib.h>

#include "http/accept_encoding.h"

namespace sl::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string* find_header(Response& res, std::string_view name) {
  for (auto& [k, v] : res.headers)
    if (iequals(k, name)) return &v;
  return nullptr;
}

void add_vary(Response& res) {
  if (std::string* vary = find_header(res, "Vary")) {
    if (lower(*vary).find("accept-encoding") == std::string::npos) *vary += ", Accept-Encoding";
  } else {
    res.headers.emplace_back("Vary", "Accept-Encoding");
  }
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// RFC 9110 §15.4.5: a 304 carries what a 200 would of these, and no content.
void make_not_modified(Response& res) {
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& h : res.headers) {
    for (std::string_view name : {"ETag", "Cache-Control", "Vary", "Expires", "Content-Location"})
      if (iequals(h.first, name)) kept.push_back(std::move(h));
  }
  res.status = 304;
  res.content_type.clear();
  res.body.clear();
  res.headers = std::move(kept);
}

}  // namespace

bool compressible(std::string_view content_type) {
  std::string t = lower(trim(content_type.substr(0, content_type.find(';'))));
  if (starts_with(t, "text/")) return true;
  for (std::string_view s : {"application/json", "application/javascript", "application/xml", "image/svg+xml",
                             "image/x-icon", "application/manifest+json"})
    if (t == s) return true;
  return t.size() > 5 && (t.ends_with("+json") || t.ends_with("+xml"));
}

std::string gzip(std::string_view data, int level) {
  z_stream zs{};
  // 15 + 16: the largest window, with a gzip header and trailer instead of zlib's.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);  // deflateBound makes one call enough
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

std::string etag_for_coding(std::string_view etag, std::string_view coding) {
  std::string_view weak = starts_with(etag, "W/") ? "W/" : "";
  char tag[24];
  std::snprintf(
      tag, sizeof tag, "\"%016llx\"",
      static_cast<unsigned long long>(fnv1a(std::string(etag.substr(weak.size())) + "+" + std::string(coding))));
  return std::string(weak) + tag;
}

bool none_match_hits(std::string_view header, std::string_view etag) {
  auto opaque = [](std::string_view t) { return starts_with(t, "W/") ? t.substr(2) : t; };
  const std::string_view want = opaque(trim(etag));
  header = trim(header);
  if (header == "*") return true;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view tag = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    if (!tag.empty() && opaque(tag) == want) return true;
  }
  return false;
}

void keep_gzipped(Response& res) {
  if (res.status == 200 && compressible(res.content_type) && res.body.size() >= kCompressMin && !res.gzipped)
    res.gzipped = std::make_shared<const std::string>(gzip(res.body));
}

void encode_response(const Request& req, Response& res) {
  if (find_header(res, "Content-Encoding")) return;
  if (res.status == 304) {  // from the handler's own If-None-Match check
    add_vary(res);
    return;
  }
  if (!compressible(res.content_type)) return;
  add_vary(res);
  if (req.method == "HEAD" || res.body.size() < kCompressMin) return;
  if (choose_encoding(req.header_list("accept-encoding"), {"gzip"}) != "gzip") return;
  std::string* etag = find_header(res, "ETag");
  if (etag) {
    *etag = etag_for_coding(*etag, "gzip");
    // Checked before compressing: a hit costs no deflate.
    if (res.status == 200 && req.method == "GET" && none_match_hits(req.header_list("if-none-match"), *etag)) {
      make_not_modified(res);
      return;
    }
  }
  res.body = res.gzipped ? *res.gzipped : gzip(res.body);
  res.gzipped.reset();
  res.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace sl::http
