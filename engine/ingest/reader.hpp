// reader.hpp — internals shared by the format readers (not installed).
//
// Every reader turns the bytes of one file into a Document: plain UTF-8 text
// whose blocks (paragraphs, headings, list items, pages) are separated by
// blank lines, plus SourceMap anchors back to the original line:column.
// Readers never throw for bad input: they add one diagnostic and return
// nullopt. read.cpp dispatches on the format and applies metadata fallbacks.
#pragma once

#include <sys/stat.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/document.hpp"

namespace claimcheck::ingest {

// Position of the first invalid byte sequence, or nullopt when `s` is valid
// UTF-8 (overlongs, surrogates and code points above U+10FFFF are invalid).
std::optional<Position> find_invalid_utf8(std::string_view s);

// Line:column (code points) of byte offsets in an original buffer. Cheap for
// offsets that mostly increase (it walks forward from the last answer);
// falls back to the start of the line for backward jumps.
class OriginalPositions {
 public:
  explicit OriginalPositions(std::string_view original);
  Position at(size_t offset);

 private:
  std::string_view s_;
  std::vector<size_t> line_starts_;
  size_t last_offset_ = 0;
  Position last_{1, 1};
};

// Builds Document::text block by block, anchoring every run it copies.
class TextBuilder {
 public:
  explicit TextBuilder(Document& doc) : doc_(doc) {}
  // Copies a run that starts at `pos` in the original file.
  void run(std::string_view text, Position pos);
  // Inserts text that has no source of its own (a space for a soft break).
  void literal(std::string_view text) { doc_.text.append(text); }
  // Ends the current block: the next run starts after a blank line.
  void end_block();
  // Ends the current line (list items, table rows, DOCX paragraphs).
  void end_line();
  bool at_block_start() const;
  // Drops trailing spaces/newlines (call once at the end).
  void finish();

 private:
  Document& doc_;
};

// Decodes one HTML character reference at the start of `s` ("&amp;",
// "&#8217;", "&#x2014;"); returns the bytes consumed (0 when none).
size_t decode_entity(std::string_view s, std::string& out);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, uint32_t cp);

// Turns "2011-03-04T10:00:00Z", "2011-03-04", "D:20110304..." into an ISO
// date (yyyy-mm-dd), or "" when it cannot.
std::string iso_date(std::string_view s);

// The time a reader may take on one file: ReadLimits::base_seconds plus
// per_mb_seconds per MB of it. Readers look at it between blocks (pages,
// paragraphs, elements) and refuse the file once it is spent, so that one
// hostile file cannot hold up a whole run.
class ReadBudget {
 public:
  ReadBudget(const ReadLimits& limits, size_t bytes);
  bool spent() const;
  // "took longer than 12 s", for the diagnostic.
  std::string why() const;

 private:
  std::chrono::steady_clock::time_point start_;
  double seconds_;
};

// The readers: `bytes` is the whole file; `doc.path` and `doc.format` are set.
bool read_text(std::string_view bytes, Document& doc, Diagnostics& diags);
bool read_markdown(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits);
bool read_html(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits);
bool read_pdf(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits);
bool read_docx(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits);

// Why a file of this type is refused ("is a FIFO (named pipe), not a
// regular file", "is a device ..."), or "" for a regular file.
std::string special_file_reason(const struct stat& st);

// A UTF-16 or UTF-32 text (by its byte order mark, or by the NUL bytes of
// ASCII text in such an encoding): "UTF-16 (little-endian)", ..., or "".
std::string wide_encoding(std::string_view bytes);
// Adds "UTF-16 (little-endian) text: convert to UTF-8 ..." and returns true
// for such a text; false for anything else.
bool refuse_wide_encoding(std::string_view bytes, const std::string& path, Diagnostics& diags);

// Reads a whole file with the checks read_document makes (exists, not a
// directory, readable, not over the limit). Used by the indexer, which hashes
// the bytes before deciding whether to parse them.
std::optional<std::string> read_file_bytes(const std::string& path, Diagnostics& diags,
                                           const ReadLimits& limits);

// Fills what the file did not carry: title from the first heading or line,
// else the file name; date from the file's modification time (when `path`
// names a file on disk).
void apply_metadata_fallbacks(Document& doc, bool use_file_time);

// The original text with line ends normalised to LF (Document::source).
std::string normalised_source(std::string_view bytes);

// Strips a UTF-8 BOM and checks the text is valid UTF-8 without NUL bytes;
// on failure adds the diagnostic and returns false.
bool check_text_bytes(std::string_view& bytes, const std::string& path, Diagnostics& diags);

}  // namespace claimcheck::ingest
