// positions.cpp — LSP positions (0-based, UTF-16 by default) and file URIs.
#include "lsp/positions.hpp"

#include <algorithm>

#include "claimcheck/uri.hpp"

namespace claimcheck::lsp {

namespace {

// Bytes of the UTF-8 sequence that starts with `c` (1 for a stray byte, so
// invalid text still advances).
size_t sequence_length(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

// Units one code point of `bytes` UTF-8 bytes takes in the encoding.
int units(size_t bytes, Encoding e) {
  switch (e) {
    case Encoding::utf8: return static_cast<int>(bytes);
    case Encoding::utf16: return bytes == 4 ? 2 : 1;
    case Encoding::utf32: return 1;
  }
  return 1;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16: return "utf-16";
    case Encoding::utf32: return "utf-32";
  }
  return "utf-16";
}

LineIndex::LineIndex(std::string text) : text_(std::move(text)) {
  starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') starts_.push_back(i + 1);
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  size_t b = starts_[line - 1];
  size_t e = line < line_count() ? starts_[line] - 1 : text_.size();
  if (e > b && text_[e - 1] == '\r') --e;
  return std::string_view(text_).substr(b, e - b);
}

nlohmann::json LineIndex::to_lsp(const Position& p, Encoding e) const {
  const int line = std::clamp(p.line, 1, line_count());
  std::string_view s = line_text(line);
  int character = 0;
  size_t i = 0;
  for (int col = 1; col < p.column && i < s.size(); ++col) {
    size_t n = std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    character += units(n, e);
    i += n;
  }
  return {{"line", line - 1}, {"character", character}};
}

Position LineIndex::from_lsp(int line, int character, Encoding e) const {
  Position p;
  p.line = std::clamp(line + 1, 1, line_count());
  std::string_view s = line_text(p.line);
  int at = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t n = std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    if (at + units(n, e) > character) break;
    at += units(n, e);
    i += n;
    ++p.column;
  }
  return p;
}

size_t LineIndex::offset_of(int line, int character, Encoding e) const {
  if (line >= line_count()) return text_.size();
  const Position p = from_lsp(line, character, e);
  std::string_view s = line_text(p.line);
  size_t i = 0;
  for (int col = 1; col < p.column && i < s.size(); ++col)
    i += std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
  return starts_[p.line - 1] + i;
}

std::string uri_to_path(std::string_view uri) {
  if (uri.rfind("file://", 0) != 0) return std::string(uri);
  uri.remove_prefix(7);
  // file://host/path: only the local host is ours.
  if (!uri.empty() && uri[0] != '/') {
    size_t slash = uri.find('/');
    uri.remove_prefix(slash == std::string_view::npos ? uri.size() : slash);
  }
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

std::string path_to_uri(std::string_view path) { return "file://" + uri_reference(path); }

}  // namespace claimcheck::lsp
