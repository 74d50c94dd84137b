#include "http/static_files.h"

#include <fstream>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

#include "http/accept_encoding.h"
#include "http/compression.h"

namespace sl::http {

namespace fs = std::filesystem;

std::string content_type_for(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
  };
  std::string ext = p.extension().string();
  for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

namespace {

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

// True when `p` is `root` or lies below it (both canonical).
bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

// The precompressed sibling of `file` to send, if the client takes one: {coding, path}.
// Siblings are looked up like the file itself: regular files resolving inside the root.
std::pair<std::string, fs::path> precompressed(const fs::path& root, const fs::path& file,
                                               const std::string& accept_encoding) {
  std::error_code ec;
  auto sibling = [&](const char* ext) {
    fs::path p = fs::weakly_canonical(fs::path(file.string() + ext), ec);
    return !ec && inside(root, p) && fs::is_regular_file(p, ec) ? p : fs::path();
  };
  const fs::path br = sibling(".br"), gz = sibling(".gz");
  // Only the codings on disk are offered; brotli first, it is the smaller.
  std::vector<std::string_view> offered;
  if (!br.empty()) offered.push_back("br");
  if (!gz.empty()) offered.push_back("gzip");
  if (offered.empty()) return {};
  std::string coding = choose_encoding(accept_encoding, offered);
  if (coding.empty()) return {};
  return {coding, coding == "br" ? br : gz};
}

Response file_response(const fs::path& root, const fs::path& file, bool head, bool immutable,
                       const std::string& accept_encoding) {
  Response r;
  r.content_type = content_type_for(file);
  fs::path send = file;
  if (compressible(r.content_type)) {
    r.headers.emplace_back("Vary", "Accept-Encoding");
    auto [coding, path] = precompressed(root, file, accept_encoding);
    if (!coding.empty()) {
      r.headers.emplace_back("Content-Encoding", coding);
      send = path;
    }
  }
  std::string body;
  if (!read_file(send, body)) {
    return error_response(sl::not_found(), sl::Lang::en);
  }
  // Hashed asset names change with their content, so they can be cached forever;
  // index.html must be revalidated to pick up a new build.
  r.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (head) {
    r.headers.emplace_back("Content-Length", std::to_string(body.size()));
  } else {
    r.body = std::move(body);
  }
  return r;
}

}  // namespace

Response serve_static(const fs::path& root_in, const std::string& path, bool head, const std::string& accept_encoding) {
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos) {
    return error_response(sl::AppError(400, "bad_path", "", "路径无效", "Invalid path"), sl::Lang::en);
  }
  std::error_code ec;
  fs::path root = fs::weakly_canonical(root_in, ec);
  if (ec) return error_response(sl::not_found(), sl::Lang::en);

  std::string rel = path;
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  if (!rel.empty()) {
    fs::path candidate = fs::weakly_canonical(root / fs::path(rel), ec);
    // Symlinks resolving outside the root are refused, not followed.
    if (!ec && inside(root, candidate) && fs::is_regular_file(candidate, ec)) {
      bool immutable = rel.rfind("assets/", 0) == 0;
      return file_response(root, candidate, head, immutable, accept_encoding);
    }
    if (!ec && inside(root, candidate) && fs::is_directory(candidate, ec) &&
        fs::is_regular_file(candidate / "index.html", ec)) {
      return file_response(root, candidate / "index.html", head, false, accept_encoding);
    }
    // A missing asset is a real 404: answering index.html would hand HTML to a <script>.
    std::string ext = fs::path(rel).extension().string();
    bool looks_like_file = rel.rfind("assets/", 0) == 0 ||
                           (!ext.empty() && ext != ".html" && content_type_for(rel) != "application/octet-stream");
    if (looks_like_file) return error_response(sl::not_found(), sl::Lang::en);
  }
  fs::path index = root / "index.html";
  if (fs::is_regular_file(index, ec)) return file_response(root, index, head, false, accept_encoding);
  return error_response(sl::not_found(), sl::Lang::en);
}

}  // namespace sl::http
