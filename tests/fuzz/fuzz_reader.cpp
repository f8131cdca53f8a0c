// fuzz_reader.cpp — every document reader: the first byte picks the format
// (txt, md, html, docx, pdf), the rest is the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "claimcheck/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kFormats[] = {"txt", "md", "html", "docx", "pdf"};
  const char* format = kFormats[data[0] % 5];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  claimcheck::Diagnostics diags;
  claimcheck::ReadLimits limits;
  limits.max_unpacked_bytes = 16u << 20;  // keep the fuzzer's memory in bounds
  auto doc = claimcheck::document_from_bytes("fuzz", bytes, format, diags, limits);
  if (doc) {
    // Every offset of the text maps back to a position in the file.
    for (size_t i = 0; i <= doc->text.size(); i += 1 + doc->text.size() / 64) {
      auto pos = doc->locate(i);
      if (pos.line < 1 || pos.column < 1) std::abort();
    }
  } else if (!diags.has_errors()) {
    std::abort();  // a refusal always says why
  }
  return 0;
}
