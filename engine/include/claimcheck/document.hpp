// document.hpp — a source document or draft read into plain UTF-8 text, with
// a map back to the lines and columns of the original file.
//
//   claimcheck::Diagnostics diags;
//   auto doc = claimcheck::read_document("draft.md", diags);
//   if (doc) { auto pos = doc->locate(42); /* pos.line, pos.column */ }
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.hpp"

namespace claimcheck {

struct Position {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in Unicode code points
};

// Maps byte offsets of Document::text to positions in the original file.
// An anchor says: the text from `offset` on was copied from the original
// starting at `line`:`column`; positions after it are found by walking the
// text (newlines advance the line). Readers add one anchor per copied run.
class SourceMap {
 public:
  SourceMap() = default;
  SourceMap(const SourceMap& other) : anchors_(other.anchors_) {}
  SourceMap(SourceMap&& other) noexcept : anchors_(std::move(other.anchors_)) {
    other.id_ = next_id();
  }
  SourceMap& operator=(const SourceMap& other);
  SourceMap& operator=(SourceMap&& other) noexcept;

  void add_anchor(size_t offset, int line, int column);
  Position locate(std::string_view text, size_t offset) const;
  bool empty() const { return anchors_.empty(); }

 private:
  struct Anchor {
    size_t offset;
    int line;
    int column;
  };
  static uint64_t next_id();

  std::vector<Anchor> anchors_;
  // Names this map's anchors for locate's per-thread memo, which must not be
  // taken over by another map that happens to sit at the same address later.
  uint64_t id_ = next_id();
};

struct Metadata {
  std::string title;
  std::string publisher;  // publisher or author
  std::string date;       // ISO yyyy-mm-dd as the document states it, or empty
  std::string file_date;  // ISO date of the file's last change (a weaker fallback)
};

struct Document {
  std::string path;    // as given by the user
  std::string format;  // txt, md, html, pdf, docx
  std::string text;    // plain UTF-8 text, paragraphs separated by blank lines
  SourceMap map;
  Metadata meta;
  std::vector<size_t> page_starts;  // byte offsets of pages (PDF), else empty
  // The original file as text (txt, md, html), so reports can quote the
  // line a finding points at; empty for binary formats.
  std::string source;

  Position locate(size_t offset) const { return map.locate(text, offset); }
};

struct ReadLimits {
  size_t max_file_bytes = 64u << 20;       // refuse larger inputs
  size_t max_unpacked_bytes = 256u << 20;  // DOCX, PDF streams: refuse decompression bombs
  // Time a reader may take: this many seconds, plus per_mb_seconds for each
  // MB of the file; past it the file is refused ("took longer than ...").
  double base_seconds = 10;
  double per_mb_seconds = 2;
};

// Guesses the format from the extension (txt, md, markdown, html, htm, pdf,
// docx); anything else is read as text.
std::string format_from_path(std::string_view path);

// Reads and converts a file. On failure returns nullopt and adds one
// diagnostic naming the file and the reason (binary, invalid UTF-8 at
// line:column, broken PDF, not a zip, too large ...).
std::optional<Document> read_document(const std::string& path, Diagnostics& diags,
                                      const ReadLimits& limits = {});

// Same, from bytes already in memory (the web API, tests, fuzzers).
std::optional<Document> document_from_bytes(const std::string& path, std::string_view bytes,
                                            const std::string& format, Diagnostics& diags,
                                            const ReadLimits& limits = {});

}  // namespace claimcheck
