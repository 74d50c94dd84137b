#include "http/static_files.h"

#include <fstream>
#include <map>
#include <sstream>

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

Response file_response(const fs::path& file, bool head, bool immutable) {
  Response r;
  std::string body;
  if (!read_file(file, body)) {
    return error_response(sl::not_found(), sl::Lang::en);
  }
  r.content_type = content_type_for(file);
  // Hashed asset names change with their content, so they can be cached forever;
  // index.html must be revalidated to pick up a new build.
  r.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable"
                                                    : "no-cache");
  if (head) {
    r.headers.emplace_back("Content-Length", std::to_string(body.size()));
  } else {
    r.body = std::move(body);
  }
  return r;
}

}  // namespace

Response serve_static(const fs::path& root_in, const std::string& path, bool head) {
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos) {
    return error_response(sl::AppError(400, "bad_path", "", "路径无效", "Invalid path"),
                          sl::Lang::en);
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
      return file_response(candidate, head, immutable);
    }
    if (!ec && inside(root, candidate) && fs::is_directory(candidate, ec) &&
        fs::is_regular_file(candidate / "index.html", ec)) {
      return file_response(candidate / "index.html", head, false);
    }
    // A missing asset is a real 404: answering index.html would hand HTML to a <script>.
    std::string ext = fs::path(rel).extension().string();
    bool looks_like_file = rel.rfind("assets/", 0) == 0 ||
                           (!ext.empty() && ext != ".html" &&
                            content_type_for(rel) != "application/octet-stream");
    if (looks_like_file) return error_response(sl::not_found(), sl::Lang::en);
  }
  fs::path index = root / "index.html";
  if (fs::is_regular_file(index, ec)) return file_response(index, head, false);
  return error_response(sl::not_found(), sl::Lang::en);
}

}  // namespace sl::http
