// normalize.hpp — the figure-reading form of a text: digits of every script
// as ASCII digits, full-width signs as ASCII, space separators as ' ',
// invisible format characters dropped, with a map back to the original
// byte offsets so mention spans quote the text exactly as written. Internal.
//
//   if (auto n = normalize_figures(text)) {
//     // read n->text; n->begin_of(b), n->end_of(e) are offsets in `text`
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck::extract {

class FigureText {
 public:
  std::string text;  // ASCII digits and signs; other bytes copied as they are

  // Original offset where normalized byte `b` starts.
  size_t begin_of(size_t b) const;
  // Original offset just after normalized byte `e - 1` (an exclusive end).
  size_t end_of(size_t e) const;

 private:
  friend std::optional<FigureText> normalize_figures(std::string_view);
  // One replaced (len 1) or dropped (len 0) character; bytes between two
  // edits map one to one. Sorted by position in both texts.
  struct Edit {
    uint32_t at = 0;    // offset in `text`
    uint32_t orig = 0;  // offset in the original
    uint8_t len = 0;    // bytes it became in `text`: 0 or 1
    uint8_t orig_len = 0;
  };
  std::vector<Edit> edits_;
  size_t orig_size_ = 0;
};

// The figure-reading form of `text`, or nullopt when it would equal `text`
// (always for ASCII text, which is checked first and costs one pass).
std::optional<FigureText> normalize_figures(std::string_view text);

}  // namespace claimcheck::extract
