#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

namespace huidig::http {
namespace {

std::string_view ContentType(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto ext = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "json" || ext == "webmanifest") return "application/json";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool AcceptsGzip(const HttpRequest& req) {
  return req.Header("accept-encoding").value_or("").find("gzip") != std::string_view::npos;
}

// A request path that may name a file: no "..", no backslashes, no NUL.
bool SafePath(std::string_view p) {
  if (p.empty() || p[0] != '/' || p.find("..") != std::string_view::npos) return false;
  return p.find('\\') == std::string_view::npos && p.find('\0') == std::string_view::npos;
}

}  // namespace

StaticFiles::StaticFiles(std::optional<std::filesystem::path> dir) : dir_(std::move(dir)) {}

bool StaticFiles::empty() const {
  if (dir_) return !std::filesystem::exists(*dir_ / "index.html");
  return web_assets::All().empty();
}

std::optional<std::string> StaticFiles::Read(std::string_view path) const {
  if (dir_) {
    const auto file = *dir_ / std::filesystem::path(path).relative_path();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  for (const auto& f : web_assets::All())
    if (f.path == path) return std::string(f.data);
  return std::nullopt;
}

std::optional<HttpResponse> StaticFiles::Serve(const HttpRequest& req) const {
  if (empty()) return std::nullopt;
  std::string path = req.path == "/" ? "/index.html" : req.path;
  if (!SafePath(path)) path = "/index.html";
  auto body = Read(path);
  if (!body) {
    // A client-side route (no file extension in its last segment) loads the app.
    const auto last = path.substr(path.rfind('/') + 1);
    if (last.find('.') != std::string::npos) return std::nullopt;
    path = "/index.html";
    body = Read(path);
    if (!body) return std::nullopt;
  }
  HttpResponse r;
  r.Set("Content-Type", std::string(ContentType(path)));
  r.Set("Vary", "Accept-Encoding");
  if (AcceptsGzip(req)) {
    if (auto gz = Read(path + ".gz")) {
      body = std::move(gz);
      r.Set("Content-Encoding", "gzip");
    }
  }
  const bool hashed = path.rfind("/assets/", 0) == 0;
  r.Set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  r.Set("Content-Security-Policy", std::string(kAppCsp));
  r.body = std::move(*body);
  return r;
}

}  // namespace huidig::http
