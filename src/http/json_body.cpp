#include "http/json_body.hpp"

#include <string>
#include <unordered_set>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>

#include "common/utf8.hpp"

namespace huidig::http {
namespace {

constexpr std::size_t kMaxDepth = 16;

// A key as it goes back to the caller: short, and valid UTF-8 or "?".
std::string FieldName(std::string_view key) {
  std::string name(key.substr(0, 64));
  return IsValidUtf8(name) ? name : "?";
}

// A first pass of boost::json::basic_parser that only remembers the keys of each open
// object, to find one given twice (the value parser keeps the last silently).
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::optional<std::string> duplicate;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_array_begin(boost::system::error_code&) { return true; }
  bool on_array_end(std::size_t, boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) {
    open_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, boost::system::error_code&) {
    open_.pop_back();
    return true;
  }
  bool on_string_part(std::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_string(std::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_key_part(std::string_view s, std::size_t, boost::system::error_code&) {
    key_.append(s);
    return true;
  }
  bool on_key(std::string_view s, std::size_t, boost::system::error_code& ec) {
    key_.append(s);
    if (!open_.back().insert(key_).second) {
      duplicate = FieldName(key_);
      ec = boost::json::error::syntax;  // stops the parse; `duplicate` says why
      return false;
    }
    key_.clear();
    return true;
  }
  bool on_number_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, std::string_view, boost::system::error_code&) { return true; }
  bool on_uint64(std::uint64_t, std::string_view, boost::system::error_code&) { return true; }
  bool on_double(double, std::string_view, boost::system::error_code&) { return true; }
  bool on_bool(bool, boost::system::error_code&) { return true; }
  bool on_null(boost::system::error_code&) { return true; }
  bool on_comment_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_comment(std::string_view, boost::system::error_code&) { return true; }

 private:
  std::vector<std::unordered_set<std::string>> open_;
  std::string key_;
};

}  // namespace

Result<boost::json::object> ParseObject(std::string_view body) {
  if (!IsValidUtf8(body)) return Invalid("invalid_utf8", {}, "R-SEC-4");
  boost::json::parse_options opt;
  opt.max_depth = kMaxDepth;
  boost::system::error_code ec;
  {
    boost::json::basic_parser<DuplicateKeyFinder> keys(opt);
    keys.write_some(false, body.data(), body.size(), ec);
    if (keys.handler().duplicate) return Invalid("duplicate_key", *keys.handler().duplicate, "R-SEC-4");
    if (ec) return Invalid("malformed_json", {}, "R-SEC-4");
  }
  boost::json::value v = boost::json::parse(body, ec, {}, opt);
  if (ec || !v.is_object()) return Invalid("malformed_json", {}, "R-SEC-4");
  return std::move(v.as_object());
}

}  // namespace huidig::http
