// source_map.cpp — byte offsets of converted text back to original line:column.
#include <algorithm>

#include "claimcheck/document.hpp"

namespace claimcheck {

void SourceMap::add_anchor(size_t offset, int line, int column) {
  // Readers add anchors in text order; keep the vector sorted regardless.
  if (!anchors_.empty() && anchors_.back().offset >= offset) {
    if (anchors_.back().offset == offset) {
      anchors_.back() = {offset, line, column};
      return;
    }
    anchors_.push_back({offset, line, column});
    std::sort(anchors_.begin(), anchors_.end(),
              [](const Anchor& a, const Anchor& b) { return a.offset < b.offset; });
    return;
  }
  anchors_.push_back({offset, line, column});
}

Position SourceMap::locate(std::string_view text, size_t offset) const {
  offset = std::min(offset, text.size());
  Anchor start{0, 1, 1};
  if (!anchors_.empty()) {
    auto it = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                               [](size_t off, const Anchor& a) { return off < a.offset; });
    if (it != anchors_.begin()) start = *std::prev(it);
  }
  Position pos{start.line, start.column};
  size_t from = start.offset;
  // Callers locate spans in text order: walk on from the last position this
  // thread found in the same text, when no anchor lies between (otherwise a
  // one-line text of 25 MB costs a walk from its start per figure).
  struct Memo {
    const SourceMap* map = nullptr;
    const char* text = nullptr;
    size_t offset = 0;
    Position pos;
  };
  thread_local Memo memo;
  if (memo.map == this && memo.text == text.data() && memo.offset <= offset &&
      memo.offset >= start.offset) {
    from = memo.offset;
    pos = memo.pos;
  }
  for (size_t i = from; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos.column;  // count code points, not continuation bytes
    }
  }
  memo = {this, text.data(), offset, pos};
  return pos;
}

}  // namespace claimcheck
