// text_util.cpp — UTF-8 validation, original-file positions, the text
// builder every reader appends to, HTML character references and dates.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "ingest/reader.hpp"

namespace claimcheck::ingest {

std::optional<Position> find_invalid_utf8(std::string_view s) {
  Position pos{1, 1};
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\n') {
        ++pos.line;
        pos.column = 1;
      } else {
        ++pos.column;
      }
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return pos;
    }
    if (i + len > n) return pos;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return pos;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return pos;
    i += len;
    ++pos.column;
  }
  return std::nullopt;
}

std::string wide_encoding(std::string_view bytes) {
  // Byte order marks; UTF-32's first, as its little-endian one begins with UTF-16's.
  if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return "UTF-32 (little-endian)";
  if (bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return "UTF-32 (big-endian)";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16 (little-endian)";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16 (big-endian)";
  // Without a mark: mostly-ASCII text puts NUL bytes at fixed places in
  // every 2- or 4-byte unit. Look at the first 4 KB.
  const size_t n = std::min<size_t>(bytes.size(), 4096) & ~size_t{3};
  if (n < 8) return "";
  std::array<size_t, 4> zeros{};
  for (size_t i = 0; i < n; ++i) zeros[i % 4] += bytes[i] == '\0';
  const size_t units = n / 4;
  auto mostly = [&](size_t z) { return z * 10 >= units * 9; };
  auto rarely = [&](size_t z) { return z * 10 <= units; };
  if (rarely(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3])) return "UTF-32 (little-endian)";
  if (mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && rarely(zeros[3])) return "UTF-32 (big-endian)";
  if (rarely(zeros[0]) && mostly(zeros[1]) && rarely(zeros[2]) && mostly(zeros[3])) return "UTF-16 (little-endian)";
  if (mostly(zeros[0]) && rarely(zeros[1]) && mostly(zeros[2]) && rarely(zeros[3])) return "UTF-16 (big-endian)";
  return "";
}

bool refuse_wide_encoding(std::string_view bytes, const std::string& path, Diagnostics& diags) {
  const std::string wide = wide_encoding(bytes);
  if (wide.empty()) return false;
  diags.error(path, 0, 0,
              wide + " text: convert to UTF-8 (e.g. iconv -f " + wide.substr(0, 6) + " -t UTF-8)");
  return true;
}

bool check_text_bytes(std::string_view& bytes, const std::string& path, Diagnostics& diags) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (refuse_wide_encoding(bytes, path, diags)) return false;
  if (bytes.substr(0, 8192).find('\0') != std::string_view::npos) {
    diags.error(path, 0, 0, "binary file");
    return false;
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    diags.error(path, bad->line, bad->column,
                "invalid UTF-8 at line " + std::to_string(bad->line) + ", column " +
                    std::to_string(bad->column));
    return false;
  }
  return true;
}

std::string normalised_source(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out.push_back(bytes[i]);
    }
  }
  return out;
}

OriginalPositions::OriginalPositions(std::string_view original) : s_(original) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < s_.size(); ++i)
    if (s_[i] == '\n') line_starts_.push_back(i + 1);
}

Position OriginalPositions::at(size_t offset) {
  offset = std::min(offset, s_.size());
  if (offset < last_offset_) {
    // Backward jump: restart from the start of the offset's line.
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
    last_offset_ = line_starts_[line - 1];
    last_ = {static_cast<int>(line), 1};
  }
  for (size_t i = last_offset_; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(s_[i]);
    if (c == '\n') {
      ++last_.line;
      last_.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++last_.column;
    }
  }
  last_offset_ = offset;
  return last_;
}

void TextBuilder::run(std::string_view text, Position pos) {
  if (text.empty()) return;
  doc_.map.add_anchor(doc_.text.size(), pos.line, pos.column);
  doc_.text.append(text);
}

bool TextBuilder::at_block_start() const {
  const auto& t = doc_.text;
  return t.empty() || t.back() == '\n';
}

void TextBuilder::end_block() {
  auto& t = doc_.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  if (t.empty()) return;
  if (t.back() != '\n') t.push_back('\n');
  if (t.size() < 2 || t[t.size() - 2] != '\n') t.push_back('\n');
}

void TextBuilder::end_line() {
  auto& t = doc_.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  if (!t.empty() && t.back() != '\n') t.push_back('\n');
}

void TextBuilder::finish() {
  auto& t = doc_.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\t')) t.pop_back();
  if (!t.empty()) t.push_back('\n');
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t decode_entity(std::string_view s, std::string& out) {
  // The named references that occur in real documents; the rest of the HTML
  // list is left as written (Markdown) or decoded by gumbo (HTML).
  static constexpr std::array<std::pair<std::string_view, uint32_t>, 32> kNamed{{
      {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},      {"ndash", 0x2013},   {"mdash", 0x2014},
      {"lsquo", 0x2018},  {"rsquo", 0x2019},   {"ldquo", 0x201C},   {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"copy", 0xA9},      {"reg", 0xAE},       {"trade", 0x2122},
      {"euro", 0x20AC},   {"pound", 0xA3},     {"cent", 0xA2},      {"deg", 0xB0},
      {"frac12", 0xBD},   {"frac14", 0xBC},    {"frac34", 0xBE},    {"times", 0xD7},
      {"minus", 0x2212},  {"shy", 0xAD},       {"bull", 0x2022},    {"middot", 0xB7},
      {"sect", 0xA7},     {"para", 0xB6},      {"laquo", 0xAB},     {"raquo", 0xBB},
  }};
  if (s.size() < 3 || s[0] != '&') return 0;
  const size_t semi = s.find(';', 1);
  if (semi == std::string_view::npos || semi > 32) return 0;
  std::string_view name = s.substr(1, semi - 1);
  if (name.empty()) return 0;
  if (name[0] == '#') {
    uint32_t cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    append_utf8(out, cp);
    return semi + 1;
  }
  for (const auto& [n, cp] : kNamed) {
    if (n == name) {
      append_utf8(out, cp);
      return semi + 1;
    }
  }
  return 0;
}

std::string iso_date(std::string_view s) {
  if (s.substr(0, 2) == "D:") s.remove_prefix(2);  // PDF date strings
  auto digits = [&](size_t at, size_t n) {
    if (s.size() < at + n) return false;
    for (size_t i = at; i < at + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  };
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
      digits(8, 2))
    return std::string(s.substr(0, 10));
  if (digits(0, 8))
    return std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
           std::string(s.substr(6, 2));
  if (digits(0, 4) && (s.size() == 4 || !std::isdigit(static_cast<unsigned char>(s[4]))))
    return std::string(s.substr(0, 4)) + "-01-01";
  return "";
}

ReadBudget::ReadBudget(const ReadLimits& limits, size_t bytes)
    : start_(std::chrono::steady_clock::now()),
      seconds_(limits.base_seconds + limits.per_mb_seconds * static_cast<double>(bytes) / 1e6) {}

bool ReadBudget::spent() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() > seconds_;
}

std::string ReadBudget::why() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "took longer than %.0f s", seconds_);
  return buf;
}

}  // namespace claimcheck::ingest
