// ingest_test.cpp — the readers: text, Markdown, HTML, PDF and DOCX into
// plain text with positions back to the original file, metadata, and every
// failure as a diagnostic naming file and reason.
#include <zip.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "claimcheck/document.hpp"

using namespace claimcheck;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = std::string(CLAIMCHECK_SOURCE_DIR) + "/tests/fixtures/ingest/";

std::string message_of(const Diagnostics& d) { return d.items().empty() ? "" : d.items().front().message; }

// Position in the document of the first occurrence of `needle`.
Position where(const Document& doc, std::string_view needle) {
  const auto at = doc.text.find(needle);
  REQUIRE(at != std::string::npos);
  return doc.locate(at);
}

// A tiny PDF (Helvetica, one text line per page) built by hand, with a
// correct cross-reference table.
std::string make_pdf(const std::vector<std::string>& pages, const std::string& title) {
  std::vector<std::string> objects;
  const int n = static_cast<int>(pages.size());
  std::string kids;
  for (int i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int i = 0; i < n; ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                      std::to_string(5 + 2 * i) + " 0 R >>");
    const std::string stream = "BT /F1 12 Tf 72 720 Td (" + pages[static_cast<size_t>(i)] + ") Tj ET";
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
  }
  objects.push_back("<< /Title (" + title + ") /Author (Test Author) /CreationDate (D:20110304120000Z) >>");
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info " +
         std::to_string(objects.size()) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A DOCX (zip) with the given entries, written by libzip to a temp file.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  const fs::path path = fs::temp_directory_path() / ("claimcheck_test_" + std::to_string(::getpid()) + ".zip");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z != nullptr);
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(path);
  return bytes;
}

std::string docx_body(const std::vector<std::string>& paragraphs_xml) {
  std::string body =
      R"(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
  for (const auto& p : paragraphs_xml) body += p;
  return body + "</w:body></w:document>";
}

const std::string kCore =
    R"(<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Docx Title</dc:title><dc:creator>Docx Author</dc:creator><dcterms:created>2013-05-06T00:00:00Z</dcterms:created></cp:coreProperties>)";

}  // namespace

TEST_CASE("format_from_path guesses by extension", "[ingest]") {
  CHECK(format_from_path("a/b.MD") == "md");
  CHECK(format_from_path("x.markdown") == "md");
  CHECK(format_from_path("x.htm") == "html");
  CHECK(format_from_path("x.HTML") == "html");
  CHECK(format_from_path("x.pdf") == "pdf");
  CHECK(format_from_path("x.docx") == "docx");
  CHECK(format_from_path("x.txt") == "txt");
  CHECK(format_from_path("dir.v2/README") == "txt");
}

TEST_CASE("text: CRLF normalised, BOM stripped, positions kept", "[ingest]") {
  Diagnostics diags;
  auto doc = read_document(kFixtures + "crlf.txt", diags);
  REQUIRE(doc);
  CHECK(doc->text.find('\r') == std::string::npos);
  const auto pos = where(*doc, "79%");
  CHECK(pos.line == 2);
  CHECK(pos.column == 14);
  CHECK(doc->meta.title == "The rate was 79% of people.");
  CHECK(doc->meta.date.empty());            // the text states no date
  CHECK(doc->meta.file_date.size() == 10);  // the file's own date, a weaker fallback

  auto bom = read_document(kFixtures + "bom.txt", diags);
  REQUIRE(bom);
  CHECK(bom->text.rfind("BOM first", 0) == 0);
  CHECK(diags.items().empty());
}

TEST_CASE("text: invalid UTF-8, binary, empty, too large", "[ingest]") {
  Diagnostics diags;
  CHECK_FALSE(read_document(kFixtures + "invalid.txt", diags));
  CHECK(message_of(diags) == "invalid UTF-8 at line 2, column 3");
  CHECK(diags.items().front().file == kFixtures + "invalid.txt");

  diags.clear();
  CHECK_FALSE(read_document(kFixtures + "binary.txt", diags));
  CHECK(message_of(diags) == "binary file");

  diags.clear();
  auto empty = read_document(kFixtures + "empty.txt", diags);
  REQUIRE(empty);
  CHECK(empty->text.empty());
  CHECK(empty->meta.title == "empty");

  diags.clear();
  ReadLimits small;
  small.max_file_bytes = 10;
  CHECK_FALSE(read_document(kFixtures + "draft.md", diags, small));
  CHECK(message_of(diags).rfind("file too large (", 0) == 0);
  CHECK(message_of(diags).find("limit 10)") != std::string::npos);

  diags.clear();
  CHECK_FALSE(document_from_bytes("x.txt", "ab\xc0\xaf", "txt", diags));  // overlong
  CHECK(message_of(diags) == "invalid UTF-8 at line 1, column 3");
}

TEST_CASE("read_document: missing file, directory", "[ingest]") {
  Diagnostics diags;
  CHECK_FALSE(read_document(kFixtures + "nope.txt", diags));
  CHECK(message_of(diags) == "no such file");
  diags.clear();
  CHECK_FALSE(read_document(kFixtures, diags));
  CHECK(message_of(diags) == "is a directory");
}

TEST_CASE("markdown: blocks, front matter and positions through emphasis and links", "[ingest]") {
  Diagnostics diags;
  auto doc = read_document(kFixtures + "draft.md", diags);
  REQUIRE(doc);
  CHECK(diags.items().empty());
  CHECK(doc->meta.title == "Deportations under Secure Communities");
  CHECK(doc->meta.publisher == "Example Policy Institute");
  CHECK(doc->meta.date == "2011-08-15");
  CHECK(doc->text.find("code 12345") == std::string::npos);
  CHECK(doc->text.find("---") == std::string::npos);
  CHECK(doc->text.find("most people, 79% of them, were deported through Secure Communities in its first years.") !=
        std::string::npos);
  // Heading and list items are blocks of their own.
  CHECK(doc->text.find("Secure Communities in numbers\n\n") != std::string::npos);
  CHECK(doc->text.find("no conviction.\n\nAnother 29%") != std::string::npos);
  CHECK(doc->text.find("1 in 4 & rising.") != std::string::npos);

  Position p = where(*doc, "79%");
  CHECK(p.line == 9);
  CHECK(p.column == 36);
  p = where(*doc, "Secure Communities in its");  // link text, next source line
  CHECK(p.line == 10);
  CHECK(p.column == 10);
  p = where(*doc, "first years");
  CHECK(p.line == 10);
  CHECK(p.column == 64);
  p = where(*doc, "29%");
  CHECK(p.line == 13);
  CHECK(p.column == 11);
  p = where(*doc, "rising");
  CHECK(p.line == 19);
  CHECK(p.column == 21);
}

TEST_CASE("html: chrome dropped, metadata read, positions kept", "[ingest]") {
  Diagnostics diags;
  auto doc = read_document(kFixtures + "page.html", diags);
  REQUIRE(doc);
  CHECK(doc->meta.title == "Secure Communities by the numbers");
  CHECK(doc->meta.publisher == "Example Rights Center");
  CHECK(doc->meta.date == "2012-03-04");
  for (const char* gone : {"99%", "50%", "42 links", "banner", "Copyright", "Page title"})
    CHECK(doc->text.find(gone) == std::string::npos);
  CHECK(doc->text.find("The program & its records: 79% of people were deported.\n\nAnother 55% had no conviction.") !=
        std::string::npos);
  Position p = where(*doc, "79%");
  CHECK(p.line == 18);
  CHECK(p.column == 6);
  p = where(*doc, "records:");  // after an entity and a run of spaces
  CHECK(p.line == 17);
  CHECK(p.column == 32);
  p = where(*doc, "55%");
  CHECK(p.line == 19);
  CHECK(p.column == 17);
}

TEST_CASE("html: title falls back to the first h1; broken markup is still read", "[ingest]") {
  Diagnostics diags;
  auto doc = document_from_bytes("x.html", "<h1>Main heading</h1><p>Some <i>unclosed 12% text", "html", diags);
  REQUIRE(doc);
  CHECK(doc->meta.title == "Main heading");
  CHECK(doc->text == "Main heading\n\nSome unclosed 12% text\n");
}

TEST_CASE("pdf: pages, page_starts, metadata; broken PDF is a diagnostic", "[ingest]") {
  Diagnostics diags;
  const std::string pdf = make_pdf({"Page one says 79% were deported.", "Page two says 55% had no conviction."}, "Pdf Title");
  auto doc = document_from_bytes("report.pdf", pdf, "pdf", diags);
  INFO(message_of(diags));
  REQUIRE(doc);
  CHECK(doc->page_starts.size() == 2);
  CHECK(doc->meta.title == "Pdf Title");
  CHECK(doc->meta.publisher == "Test Author");
  CHECK(doc->meta.date == "2011-03-04");
  REQUIRE(doc->page_starts.size() == 2);
  CHECK(doc->text.find("79% were deported") < doc->page_starts[1]);
  CHECK(doc->text.find("55% had no conviction") >= doc->page_starts[1]);
  CHECK(where(*doc, "Page two").line == 3);  // lines continue across pages

  diags.clear();
  CHECK_FALSE(document_from_bytes("bad.pdf", "%PDF-1.4\nthis is not really a pdf", "pdf", diags));
  CHECK(message_of(diags).rfind("cannot read PDF: ", 0) == 0);
  diags.clear();
  CHECK_FALSE(document_from_bytes("bad.pdf", "hello", "pdf", diags));
  CHECK(message_of(diags).rfind("cannot read PDF: ", 0) == 0);
}

TEST_CASE("docx: paragraphs joined from runs, one block each, metadata", "[ingest]") {
  Diagnostics diags;
  const std::string body = docx_body({
      "<w:p><w:r><w:t>Secure Communities</w:t></w:r></w:p>",
      "<w:p/>",
      R"(<w:p><w:r><w:t xml:space="preserve">Of those deported, </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>79%</w:t></w:r><w:r><w:t xml:space="preserve"> had no record.</w:t></w:r></w:p>)",
  });
  const std::string docx = make_zip({{"word/document.xml", body}, {"docProps/core.xml", kCore}});
  auto doc = document_from_bytes("memo.docx", docx, "docx", diags);
  INFO(message_of(diags));
  REQUIRE(doc);
  CHECK(doc->text == "Secure Communities\n\nOf those deported, 79% had no record.\n");
  const Position p = where(*doc, "79%");
  CHECK(p.line == 3);  // paragraph number, the empty one counted
  CHECK(p.column == 20);
  CHECK(doc->meta.title == "Docx Title");
  CHECK(doc->meta.publisher == "Docx Author");
  CHECK(doc->meta.date == "2013-05-06");
}

TEST_CASE("docx: not a zip, missing body, zip bomb", "[ingest]") {
  Diagnostics diags;
  CHECK_FALSE(document_from_bytes("x.docx", "plain text", "docx", diags));
  CHECK(message_of(diags) == "not a DOCX (not a zip archive)");

  diags.clear();
  CHECK_FALSE(document_from_bytes("x.docx", "PK\x03\x04garbage", "docx", diags));
  CHECK(message_of(diags).rfind("not a DOCX", 0) == 0);

  diags.clear();
  CHECK_FALSE(document_from_bytes("x.docx", make_zip({{"other.xml", "<a/>"}}), "docx", diags));
  CHECK(message_of(diags) == "not a DOCX (no word/document.xml)");

  diags.clear();
  const std::string big = docx_body({"<w:p><w:r><w:t>" + std::string(100000, 'a') + "</w:t></w:r></w:p>"});
  ReadLimits limits;
  limits.max_unpacked_bytes = 4096;
  CHECK_FALSE(document_from_bytes("bomb.docx", make_zip({{"word/document.xml", big}}), "docx", diags, limits));
  CHECK(message_of(diags).find("unpacks to") != std::string::npos);
}

TEST_CASE("source maps survive hostile input without crashing", "[ingest]") {
  Diagnostics diags;
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "1 in 4";
  // Nesting past the reader's limit is refused with a reason, in no time
  // (gumbo's cost grows with depth x tags), rather than parsed.
  CHECK_FALSE(document_from_bytes("deep.html", deep, "html", diags));
  REQUIRE(diags.has_errors());
  CHECK(diags.items().back().message.find("nested more than") != std::string::npos);
  diags.clear();
  std::string nested;
  for (int i = 0; i < 200; ++i) nested += "<div><span>";
  nested += "1 in 4";
  CHECK(document_from_bytes("nested.html", nested, "html", diags));
  CHECK(document_from_bytes("x.md", "---\ntitle: never closed\n", "md", diags));
  CHECK(document_from_bytes("x.md", std::string(100000, '*'), "md", diags));
  CHECK(document_from_bytes("x.md", "", "md", diags));
  CHECK(document_from_bytes("x.html", "", "html", diags));
}

TEST_CASE("text: positions stay right on large files", "[ingest]") {
  std::string big;
  for (int i = 0; i < 3000; ++i) big += "Line " + std::to_string(i + 1) + " says caf\xc3\xa9 is 12%.\n";
  big += std::string(20000, 'x') + " end";
  Diagnostics diags;
  auto doc = document_from_bytes("big.txt", big, "txt", diags);
  REQUIRE(doc);
  const auto p = doc->locate(doc->text.find("Line 2500 "));
  CHECK(p.line == 2500);
  CHECK(p.column == 1);
  const auto q = doc->locate(doc->text.find("12%", doc->text.find("Line 2999 ")));
  CHECK(q.line == 2999);
  CHECK(q.column == 24);  // "é" is one column
  const auto e = doc->locate(doc->text.find(" end"));
  CHECK(e.line == 3001);
  CHECK(e.column == 20001);
}

// A document replaced by another in the same object (its text buffer reused,
// so the same addresses) must not walk on from where the old one's last
// locate stopped: the index's workers read file after file, and a line of a
// seed file came out as 28 or 29 depending on the files read before it.
TEST_CASE("text: positions of a document read into the place of another", "[ingest]") {
  struct Case {
    std::string first, second, needle;
    int line;
  };
  const std::vector<Case> cases = {
      {"\n\n\n\nabc", "abcdefgh 5%", "5%", 1},
      {"\n\n\n\n\n\n9%", "first 9% then", "9%", 1},
      {"short\n", "l1\nl2\nl3 7%\n", "7%", 3},
  };
  // Short texts: both fit the string's own buffer, so its address is reused.
  for (const auto& c : cases) {
    Diagnostics diags;
    auto doc = document_from_bytes("a.txt", c.first, "txt", diags);
    REQUIRE(doc);
    const std::string needle = c.first.find(c.needle) != std::string::npos ? c.needle : "\n";
    doc->locate(doc->text.rfind(needle));  // leaves a memo at a late offset
    Document next = *document_from_bytes("b.txt", c.second, "txt", diags);
    doc->text.assign(next.text);  // same buffer: capacity is enough
    doc->map = next.map;
    CHECK(where(*doc, c.needle).line == c.line);
  }
}

TEST_CASE("markdown: front matter headline and standfirst are text at their own positions", "[ingest]") {
  const std::string md =
      "---\n"
      "title: \"Deportations fell 12% in 2012\"\n"
      "author: A. Writer\n"
      "description: Some 15% of hits were citizens\n"
      "date: 2013-01-02\n"
      "---\n"
      "\n"
      "Body with 79% here.\n";
  Diagnostics diags;
  auto doc = document_from_bytes("fm.md", md, "md", diags);
  REQUIRE(doc);
  CHECK(doc->meta.title == "Deportations fell 12% in 2012");
  // Checked like the body, each its own block; the author is not text.
  CHECK(doc->text.find("Deportations fell 12% in 2012\n\nSome 15% of hits were citizens\n\nBody with 79%") == 0);
  CHECK(doc->text.find("A. Writer") == std::string::npos);
  Position p = where(*doc, "12%");
  CHECK(p.line == 2);
  CHECK(p.column == 27);
  p = where(*doc, "15%");
  CHECK(p.line == 4);
  CHECK(p.column == 19);
  p = where(*doc, "79%");
  CHECK(p.line == 8);
  CHECK(p.column == 11);
}

TEST_CASE("every reader of structured text stops at its time budget, naming why", "[ingest]") {
  // A budget already spent (negative) must refuse each file; the default
  // one reads it. (A hostile file that is merely slow is refused the same
  // way, past 10 s + 2 s per MB.)
  struct Case {
    std::string path, format, bytes, message;
  };
  const std::vector<Case> cases = {
      {"a.md", "md", "# Title\n\nIt rose 79%.\n", "cannot read Markdown: took longer than"},
      {"a.html", "html", "<html><body><p>It rose 79%.</p></body></html>", "cannot read HTML: took longer than"},
      {"a.docx", "docx", make_zip({{"word/document.xml", docx_body({"<w:p><w:r><w:t>It rose 79%.</w:t></w:r></w:p>"})}}),
       "cannot read DOCX: took longer than"},
      {"a.pdf", "pdf", make_pdf({"It rose 79%."}, "T"), "cannot read PDF: took longer than"},
  };
  ReadLimits spent;
  spent.base_seconds = -1;
  spent.per_mb_seconds = 0;
  for (const auto& c : cases) {
    INFO(c.path);
    Diagnostics ok_diags;
    auto doc = document_from_bytes(c.path, c.bytes, c.format, ok_diags);
    REQUIRE(doc);
    CHECK(doc->text.find("79%") != std::string::npos);
    Diagnostics diags;
    CHECK_FALSE(document_from_bytes(c.path, c.bytes, c.format, diags, spent));
    REQUIRE(diags.items().size() == 1);
    CHECK(message_of(diags).rfind(c.message, 0) == 0);
    CHECK(diags.items().front().file == c.path);
  }
}
