// read.cpp — STUB, replaced by the readers work: plain text only.
#include <fstream>
#include <sstream>

#include "claimcheck/document.hpp"

namespace claimcheck {

std::string format_from_path(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return "txt";
  std::string ext(path.substr(dot + 1));
  if (ext == "md" || ext == "markdown") return "md";
  if (ext == "html" || ext == "htm") return "html";
  if (ext == "pdf" || ext == "docx") return ext;
  return "txt";
}

std::optional<Document> document_from_bytes(const std::string& path, std::string_view bytes,
                                            const std::string& format, Diagnostics&,
                                            const ReadLimits&) {
  Document d;
  d.path = path;
  d.format = format;
  d.text = std::string(bytes);
  d.map.add_anchor(0, 1, 1);
  return d;
}

std::optional<Document> read_document(const std::string& path, Diagnostics& diags,
                                      const ReadLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(path, 0, 0, "cannot open file");
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return document_from_bytes(path, ss.str(), format_from_path(path), diags, limits);
}

}  // namespace claimcheck
