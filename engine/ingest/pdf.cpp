// pdf.cpp — the PDF reader (poppler-cpp). Each page's text (poppler's
// physical layout order) becomes one block; page_starts records where each
// page begins in Document::text. Anchors: one per page, with line numbers
// continuing across pages (page 2's first line follows page 1's last line of
// extracted text), column 1 — a PDF has no source lines of its own, so lines
// count lines of the extracted text. Metadata from the info dictionary.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <vector>

#include "ingest/reader.hpp"

namespace claimcheck::ingest {

namespace {

void quiet(const std::string&, void*) {}

// poppler inflates streams without a cap: a 1.8 MB file can unpack to
// 600 MB and run for minutes. Before poppler sees the file, inflate every
// stream it holds once, into a scratch buffer, and refuse the file when the
// total passes the cap. Streams that are not zlib data are skipped.
bool unpacks_within(std::string_view bytes, size_t cap) {
  size_t total = 0;
  std::vector<unsigned char> scratch(1 << 16);
  size_t at = 0;
  while ((at = bytes.find("stream", at)) != std::string_view::npos) {
    at += 6;
    if (at < bytes.size() && bytes[at] == '\r') ++at;
    if (at >= bytes.size() || bytes[at] != '\n') continue;
    ++at;
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + at));
    z.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size() - at, UINT32_MAX));
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = scratch.data();
      z.avail_out = static_cast<uInt>(scratch.size());
      rc = inflate(&z, Z_NO_FLUSH);
      total += scratch.size() - z.avail_out;
      if (total > cap) {
        inflateEnd(&z);
        return false;
      }
    }
    inflateEnd(&z);
  }
  return true;
}

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

bool read_pdf(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits) {
  const ReadBudget budget(limits, bytes.size());
  // poppler prints its complaints about broken files to stderr; the reader
  // reports them as one diagnostic instead.
  static std::once_flag silence;
  std::call_once(silence, [] { poppler::set_debug_error_function(quiet, nullptr); });

  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    diags.error(doc.path, 0, 0, "cannot read PDF: no PDF header");
    return false;
  }
  if (!unpacks_within(bytes, limits.max_unpacked_bytes)) {
    diags.error(doc.path, 0, 0,
                "cannot read PDF: its streams unpack to more than " +
                    std::to_string(limits.max_unpacked_bytes) + " bytes");
    return false;
  }
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    diags.error(doc.path, 0, 0, "cannot read PDF: damaged or not a PDF");
    return false;
  }
  if (pdf->is_locked()) {
    diags.error(doc.path, 0, 0, "cannot read PDF: encrypted");
    return false;
  }
  doc.meta.title = utf8(pdf->info_key("Title"));
  doc.meta.publisher = utf8(pdf->info_key("Author"));
  if (const time_t t = pdf->info_date_t("CreationDate"); t > 0) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    doc.meta.date = buf;
  }

  TextBuilder out(doc);
  int line = 1;
  const int pages = pdf->pages();
  for (int i = 0; i < pages; ++i) {
    // The time budget, checked between pages (one page's text is bounded by
    // the unpacking cap above).
    if (budget.spent()) {
      diags.error(doc.path, 0, 0,
                  "cannot read PDF: " + budget.why() + " (at page " + std::to_string(i + 1) +
                      " of " + std::to_string(pages) + ")");
      return false;
    }
    out.end_block();
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    doc.page_starts.push_back(doc.text.size());
    if (!page) continue;
    std::string text = utf8(page->text());
    // Normalise line ends and drop form feeds; trim trailing blank space.
    std::string clean;
    clean.reserve(text.size());
    for (size_t k = 0; k < text.size(); ++k) {
      const char c = text[k];
      if (c == '\f') continue;
      if (c == '\r') {
        clean.push_back('\n');
        if (k + 1 < text.size() && text[k + 1] == '\n') ++k;
      } else {
        clean.push_back(c);
      }
    }
    while (!clean.empty() && (clean.back() == '\n' || clean.back() == ' ')) clean.pop_back();
    out.run(clean, {line, 1});
    for (char c : clean) line += c == '\n';
    line += 2;  // the blank line between pages
  }
  out.finish();
  if (auto bad = find_invalid_utf8(doc.text)) {
    diags.error(doc.path, 0, 0, "cannot read PDF: text is not valid UTF-8");
    return false;
  }
  return true;
}

}  // namespace claimcheck::ingest
