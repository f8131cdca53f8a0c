// docx.cpp — the DOCX reader (libzip from memory + pugixml). Each w:p of
// word/document.xml becomes one block, its runs (w:t) joined, tabs as tabs
// and line breaks as spaces. Map: line = paragraph number (1-based, empty
// paragraphs counted), column = code point within the paragraph's text.
// Metadata from docProps/core.xml (dc:title, dc:creator, dcterms:created).
// Zip bombs: each entry's declared size is checked against
// ReadLimits::max_unpacked_bytes before reading, and reading stops at the cap
// whatever the header claimed. A time budget (ReadBudget) is looked at
// between paragraphs.
#include <pugixml.hpp>
#include <zip.h>

#include <memory>

#include "ingest/reader.hpp"

namespace claimcheck::ingest {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Reads one entry; nullopt with a reason when missing or too big.
std::optional<std::string> read_entry(zip_t* zip, const char* name, size_t cap, std::string& why) {
  const zip_int64_t index = zip_name_locate(zip, name, 0);
  if (index < 0) {
    why = std::string("no ") + name;
    return std::nullopt;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    why = std::string("cannot stat ") + name;
    return std::nullopt;
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > cap) {
    why = std::string(name) + " unpacks to " + std::to_string(st.size) + " bytes (limit " +
          std::to_string(cap) + ")";
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0));
  if (!f) {
    why = std::string("cannot open ") + name + ": " + zip_strerror(zip);
    return std::nullopt;
  }
  std::string out;
  char buf[65536];
  zip_int64_t n;
  while ((n = zip_fread(f.get(), buf, sizeof buf)) > 0) {
    if (out.size() + static_cast<size_t>(n) > cap) {
      why = std::string(name) + " unpacks to more than " + std::to_string(cap) + " bytes";
      return std::nullopt;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  if (n < 0) {
    why = std::string("cannot unpack ") + name + ": " + zip_file_strerror(f.get());
    return std::nullopt;
  }
  return out;
}

// Text of one paragraph: runs in order; nested paragraphs (text boxes) are
// left to their own turn.
// Nesting deeper than any word processor writes is cut off rather than
// recursed into (a hostile file could otherwise overflow the stack).
constexpr int kMaxRunDepth = 256;

void paragraph_text(const pugi::xml_node& node, std::string& out, bool top = true, int depth = 0) {
  if (depth > kMaxRunDepth) return;
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (!top && name == "w:p") continue;
    if (name == "w:p") continue;  // nested paragraph: handled separately
    if (name == "w:t") out += child.text().get();
    else if (name == "w:tab") out += '\t';
    else if (name == "w:br" || name == "w:cr") out += ' ';
    else if (name == "w:noBreakHyphen") out += '-';
    else if (name == "w:delText" || name == "w:instrText") continue;  // deleted text, field codes
    else paragraph_text(child, out, false, depth + 1);
  }
}

}  // namespace

bool read_docx(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits) {
  const ReadBudget budget(limits, bytes.size());
  if (bytes.substr(0, 2) != "PK") {
    diags.error(doc.path, 0, 0, "not a DOCX (not a zip archive)");
    return false;
  }
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    diags.error(doc.path, 0, 0, std::string("not a DOCX (") + zip_error_strerror(&err) + ")");
    zip_error_fini(&err);
    return false;
  }
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(src, ZIP_RDONLY, &err));
  if (!zip) {
    zip_source_free(src);
    diags.error(doc.path, 0, 0, "not a DOCX (not a zip archive)");
    zip_error_fini(&err);
    return false;
  }
  zip_error_fini(&err);

  std::string why;
  auto body = read_entry(zip.get(), "word/document.xml", limits.max_unpacked_bytes, why);
  if (!body) {
    diags.error(doc.path, 0, 0, "not a DOCX (" + why + ")");
    return false;
  }
  pugi::xml_document xml;
  const auto parsed = xml.load_buffer(body->data(), body->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    diags.error(doc.path, 0, 0, std::string("cannot read DOCX: word/document.xml: ") + parsed.description());
    return false;
  }
  TextBuilder out(doc);
  int number = 0;
  std::string text;
  const pugi::xpath_node_set paragraphs = xml.select_nodes("//w:p");
  for (pugi::xpath_node p : paragraphs) {
    // The time budget, between paragraphs (the unpacked XML is capped above).
    if (number % 256 == 0 && budget.spent()) {
      diags.error(doc.path, 0, 0,
                  "cannot read DOCX: " + budget.why() + " (at paragraph " + std::to_string(number + 1) +
                      " of " + std::to_string(paragraphs.size()) + ")");
      return false;
    }
    ++number;
    text.clear();
    paragraph_text(p.node(), text);
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    out.end_block();
    out.run(text, {number, 1});
  }
  out.finish();
  if (auto bad = find_invalid_utf8(doc.text)) {
    diags.error(doc.path, 0, 0, "cannot read DOCX: text is not valid UTF-8");
    return false;
  }

  // Core properties are optional; a missing or broken core.xml is not an error.
  if (auto core = read_entry(zip.get(), "docProps/core.xml", 1u << 20, why)) {
    pugi::xml_document props;
    if (props.load_buffer(core->data(), core->size())) {
      auto root = props.document_element();
      doc.meta.title = root.child("dc:title").text().get();
      doc.meta.publisher = root.child("dc:creator").text().get();
      doc.meta.date = iso_date(root.child("dcterms:created").text().get());
    }
  }
  return true;
}

}  // namespace claimcheck::ingest
