// text.cpp — the plain-text reader: BOM stripped, line endings normalised
// (CRLF and lone CR become LF), UTF-8 validated, NUL bytes refused as binary.
// Lines and columns of the text are those of the file.
#include "ingest/reader.hpp"

namespace claimcheck::ingest {

bool read_text(std::string_view bytes, Document& doc, Diagnostics& diags) {
  if (!check_text_bytes(bytes, doc.path, diags)) return false;
  doc.text.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\r') {
      doc.text.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      doc.text.push_back(c);
    }
  }
  // Anchors every 4 KB (at a code point boundary) keep SourceMap::locate
  // cheap on large files, even on one huge line.
  doc.map.add_anchor(0, 1, 1);
  Position pos{1, 1};
  size_t last = 0;
  for (size_t i = 0; i < doc.text.size(); ++i) {
    const auto c = static_cast<unsigned char>(doc.text[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (i - last >= 4096) {
      doc.map.add_anchor(i, pos.line, pos.column);
      last = i;
    }
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  doc.source = doc.text;
  return true;
}

}  // namespace claimcheck::ingest
