// source_map.cpp — byte offsets of converted text back to original line:column.
#include <algorithm>
#include <atomic>

#include "claimcheck/document.hpp"

namespace claimcheck {

uint64_t SourceMap::next_id() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

SourceMap& SourceMap::operator=(const SourceMap& other) {
  anchors_ = other.anchors_;
  id_ = next_id();
  return *this;
}

SourceMap& SourceMap::operator=(SourceMap&& other) noexcept {
  anchors_ = std::move(other.anchors_);
  id_ = next_id();
  other.id_ = next_id();
  return *this;
}

void SourceMap::add_anchor(size_t offset, int line, int column) {
  id_ = next_id();  // the anchors change: a memo of the old ones is void
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
  // one-line text of 25 MB costs a walk from its start per figure). The memo
  // is keyed by the map's id, not its address: a document freed and the next
  // one allocated at the same addresses took over the old document's memo
  // and got lines off by some (index workers read file after file, so the
  // line of a sentence depended on which files a thread had read before).
  struct Memo {
    uint64_t map = 0;
    const char* text = nullptr;
    size_t size = 0;
    size_t offset = 0;
    Position pos;
  };
  thread_local Memo memo;
  if (memo.map == id_ && memo.text == text.data() && memo.size == text.size() &&
      memo.offset <= offset && memo.offset >= start.offset) {
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
  memo = {id_, text.data(), text.size(), offset, pos};
  return pos;
}

}  // namespace claimcheck
