// json_positions.cpp — recursive-descent JSON reader recording positions.
//
// Strict RFC 8259 JSON (no comments, no trailing commas), nesting limited to
// kMaxJsonDepth so a hostile file gives an error, not a stack overflow.
#include "rules/json_positions.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>

namespace claimcheck::rules_detail {

namespace {

bool is_plain_key(std::string_view key) {
  if (key.empty()) return false;
  for (unsigned char c : key)
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '$')) return false;
  return true;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// What the reader found, for "expected X, found Y" messages.
std::string describe_char(std::string_view text, size_t at) {
  if (at >= text.size()) return "end of file";
  unsigned char c = static_cast<unsigned char>(text[at]);
  if (c == '\n') return "end of line";
  if (c < 0x20) return "control character";
  if (c >= 0x80) return "non-ASCII character";
  return "'" + std::string(1, static_cast<char>(c)) + "'";
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {
    // A UTF-8 byte order mark is allowed and skipped.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = cursor_offset_ = 3;
  }

  std::variant<PositionedJson, JsonSyntaxError> run() {
    skip_ws();
    if (!parse_value("", out_.value, 0)) return *error_;
    skip_ws();
    if (pos_ < text_.size()) {
      fail(pos_, "expected end of file after the JSON value, found " + describe_char(text_, pos_));
      return *error_;
    }
    return std::move(out_);
  }

 private:
  // Line and column of a byte offset. Offsets are asked for in increasing
  // order, so the cursor only moves forward: linear in the file.
  SourcePos position(size_t offset) {
    if (offset < cursor_offset_) {  // rare: restart from the top
      cursor_offset_ = 0;
      cursor_ = SourcePos{};
    }
    while (cursor_offset_ < offset && cursor_offset_ < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[cursor_offset_]);
      if (c == '\n') {
        ++cursor_.line;
        cursor_.column = 1;
      } else if ((c & 0xC0) != 0x80) {  // count characters, not continuation bytes
        ++cursor_.column;
      }
      ++cursor_offset_;
    }
    return cursor_;
  }

  bool fail(size_t at, std::string message) {
    if (!error_) error_ = JsonSyntaxError{position(at), std::move(message)};
    return false;
  }

  void skip_ws() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        ++pos_;
      else
        break;
    }
  }

  bool parse_value(const std::string& path, nlohmann::json& out, int depth) {
    if (pos_ >= text_.size()) return fail(pos_, "expected a value, found end of file");
    out_.values.emplace(path, position(pos_));
    char c = text_[pos_];
    switch (c) {
      case '{': return parse_object(path, out, depth + 1);
      case '[': return parse_array(path, out, depth + 1);
      case '"': {
        std::string s;
        if (!parse_string(s)) return false;
        out = std::move(s);
        return true;
      }
      case 't': return parse_literal("true", out, true);
      case 'f': return parse_literal("false", out, false);
      case 'n': return parse_literal("null", out, nullptr);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number(out);
        return fail(pos_, "expected a value (object, array, string, number, true, false or "
                          "null), found " + describe_char(text_, pos_));
    }
  }

  template <typename T>
  bool parse_literal(std::string_view word, nlohmann::json& out, T value) {
    if (text_.substr(pos_, word.size()) != word)
      return fail(pos_, "expected a value, found " + describe_char(text_, pos_) +
                            " (strings need double quotes)");
    pos_ += word.size();
    out = value;
    return true;
  }

  bool parse_object(const std::string& path, nlohmann::json& out, int depth) {
    if (depth > kMaxJsonDepth)
      return fail(pos_, "nesting too deep (more than " + std::to_string(kMaxJsonDepth) + " levels)");
    out = nlohmann::json::object();
    ++pos_;  // {
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_ws();
      if (pos_ >= text_.size() || text_[pos_] != '"')
        return fail(pos_, "expected a member name in double quotes, found " +
                              describe_char(text_, pos_));
      const size_t key_offset = pos_;
      std::string key;
      if (!parse_string(key)) return false;
      const std::string child = member_path(path, key);
      const SourcePos key_pos = position(key_offset);
      if (out.contains(key))
        out_.problems.push_back({key_pos, child + ": key \"" + key + "\" appears twice in this object"});
      out_.keys[child] = key_pos;
      skip_ws();
      if (pos_ >= text_.size() || text_[pos_] != ':')
        return fail(pos_, "expected ':' after member name \"" + key + "\", found " +
                              describe_char(text_, pos_));
      ++pos_;
      skip_ws();
      out_.values.erase(child);  // a repeated key: the last one wins, as in nlohmann
      nlohmann::json value;
      if (!parse_value(child, value, depth)) return false;
      out[key] = std::move(value);
      skip_ws();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_ws();
        if (pos_ < text_.size() && text_[pos_] == '}')
          return fail(pos_, "expected a member name after ',', found '}' (no trailing commas in JSON)");
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return fail(pos_, "expected ',' or '}' after a member of the object, found " +
                            describe_char(text_, pos_));
    }
  }

  bool parse_array(const std::string& path, nlohmann::json& out, int depth) {
    if (depth > kMaxJsonDepth)
      return fail(pos_, "nesting too deep (more than " + std::to_string(kMaxJsonDepth) + " levels)");
    out = nlohmann::json::array();
    ++pos_;  // [
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (size_t i = 0;; ++i) {
      skip_ws();
      if (pos_ < text_.size() && text_[pos_] == ']' && i > 0)
        return fail(pos_, "expected a value after ',', found ']' (no trailing commas in JSON)");
      nlohmann::json value;
      if (!parse_value(index_path(path, i), value, depth)) return false;
      out.push_back(std::move(value));
      skip_ws();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return fail(pos_, "expected ',' or ']' after an element of the array, found " +
                            describe_char(text_, pos_));
    }
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool read_hex4(uint32_t& cp) {
    if (pos_ + 4 > text_.size()) return fail(pos_, "expected four hex digits after \\u");
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex_value(text_[pos_ + i]);
      if (h < 0) return fail(pos_ + i, "expected four hex digits after \\u");
      cp = cp * 16 + static_cast<uint32_t>(h);
    }
    pos_ += 4;
    return true;
  }

  static void append_utf8(std::string& s, uint32_t cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool parse_string(std::string& out) {
    const size_t start = pos_;
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size()) return fail(start, "unterminated string (no closing '\"')");
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\n') return fail(start, "unterminated string (no closing '\"' on this line)");
      if (c < 0x20) return fail(pos_, "control character in string (write it as an escape such as \\t)");
      if (c != '\\') {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= text_.size()) return fail(start, "unterminated string (no closing '\"')");
      char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp = 0;
          if (!read_hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // surrogate pair
            if (text_.substr(pos_, 2) != "\\u")
              return fail(pos_, "expected a low surrogate \\uDC00..\\uDFFF after a high surrogate");
            pos_ += 2;
            uint32_t lo = 0;
            if (!read_hex4(lo)) return false;
            if (lo < 0xDC00 || lo > 0xDFFF)
              return fail(pos_ - 6, "expected a low surrogate \\uDC00..\\uDFFF after a high surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail(pos_ - 6, "lone low surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default:
          return fail(pos_ - 2, std::string("invalid escape '\\") + e +
                                    "' in string (a backslash in a regex phrase is written \\\\)");
      }
    }
  }

  bool parse_number(nlohmann::json& out) {
    const size_t start = pos_;
    auto digit = [&](size_t i) { return i < text_.size() && text_[i] >= '0' && text_[i] <= '9'; };
    bool integral = true;
    if (text_[pos_] == '-') ++pos_;
    if (!digit(pos_)) return fail(pos_, "expected a digit in number, found " + describe_char(text_, pos_));
    if (text_[pos_] == '0') {
      ++pos_;
      if (digit(pos_)) return fail(start, "numbers may not have leading zeros");
    } else {
      while (digit(pos_)) ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      integral = false;
      ++pos_;
      if (!digit(pos_)) return fail(pos_, "expected a digit after '.' in number");
      while (digit(pos_)) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      integral = false;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digit(pos_)) return fail(pos_, "expected a digit in the exponent of number");
      while (digit(pos_)) ++pos_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (integral) {
      if (*first == '-') {
        int64_t v = 0;
        auto r = std::from_chars(first, last, v);
        if (r.ec == std::errc() && r.ptr == last) {
          out = v;
          return true;
        }
      } else {
        uint64_t v = 0;
        auto r = std::from_chars(first, last, v);
        if (r.ec == std::errc() && r.ptr == last) {
          out = v;
          return true;
        }
      }
    }
    double d = 0;
    auto r = std::from_chars(first, last, d);
    if (r.ec != std::errc() || r.ptr != last) return fail(start, "number out of range");
    out = d;
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t cursor_offset_ = 0;
  SourcePos cursor_;
  PositionedJson out_;
  std::optional<JsonSyntaxError> error_;
};

}  // namespace

std::string member_path(const std::string& parent, std::string_view key) {
  if (is_plain_key(key)) return parent.empty() ? std::string(key) : parent + "." + std::string(key);
  return parent + "[" + quote(key) + "]";
}

std::string index_path(const std::string& parent, size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

SourcePos PositionedJson::value_at(const std::string& path) const {
  std::string p = path;
  while (true) {
    if (auto it = values.find(p); it != values.end()) return it->second;
    if (p.empty()) return SourcePos{};
    // Strip the last component: ".name" or "[...]".
    size_t cut = p.find_last_of(".[");
    if (cut == std::string::npos) {
      p.clear();
    } else {
      p.resize(cut);
    }
  }
}

SourcePos PositionedJson::key_at(const std::string& path) const {
  if (auto it = keys.find(path); it != keys.end()) return it->second;
  return value_at(path);
}

std::variant<PositionedJson, JsonSyntaxError> parse_json_with_positions(std::string_view text) {
  return Reader(text).run();
}

}  // namespace claimcheck::rules_detail
