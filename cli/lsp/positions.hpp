// positions.hpp — where LSP and claimcheck disagree on places: LSP counts
// lines and characters from 0 in UTF-16 code units (unless the client agrees
// to another encoding), claimcheck from 1 in code points; LSP names
// documents by URI, claimcheck by path.
//
//   claimcheck::lsp::LineIndex lines(text);
//   json range_start = lines.to_lsp(finding.start, Encoding::utf16);
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/document.hpp"

namespace claimcheck::lsp {

enum class Encoding { utf8, utf16, utf32 };
std::string_view encoding_name(Encoding e);  // "utf-8", "utf-16", "utf-32"

class LineIndex {
 public:
  explicit LineIndex(std::string text);
  // {"line": L, "character": C} for a 1-based line and code point column;
  // past the end of a line it is clamped to the line's end.
  nlohmann::json to_lsp(const Position& p, Encoding e) const;
  // The inverse; a character inside a UTF-16 pair or a UTF-8 sequence counts
  // as the code point it belongs to.
  Position from_lsp(int line, int character, Encoding e) const;
  // Byte offset in the text of an LSP position (incremental changes).
  size_t offset_of(int line, int character, Encoding e) const;
  // The text of a 1-based line, without its line break; empty past the end.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string text_;
  std::vector<size_t> starts_;  // byte offset of every line
};

// file:///a%20b/c.md -> /a b/c.md; other schemes come back as given.
std::string uri_to_path(std::string_view uri);
// An absolute path as a file:// URI, percent-encoding what must be.
std::string path_to_uri(std::string_view path);

}  // namespace claimcheck::lsp
