// read.cpp — the entry points of document.hpp: guess the format, read the
// file with its size and type checks, dispatch to a format reader, and fill
// the metadata the file did not carry.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "claimcheck/document.hpp"
#include "ingest/reader.hpp"

namespace claimcheck {

namespace fs = std::filesystem;

std::string format_from_path(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return "txt";
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "md" || ext == "markdown") return "md";
  if (ext == "html" || ext == "htm") return "html";
  if (ext == "pdf" || ext == "docx") return ext;
  return "txt";
}

namespace ingest {

std::string special_file_reason(const struct stat& st) {
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISDIR(st.st_mode)) return "is a directory";
  if (S_ISFIFO(st.st_mode)) return "is a FIFO (named pipe), not a regular file";
  if (S_ISSOCK(st.st_mode)) return "is a socket, not a regular file";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "is a device, not a regular file";
  return "is not a regular file";
}

std::optional<std::string> read_file_bytes(const std::string& path, Diagnostics& diags,
                                           const ReadLimits& limits) {
  // Refuse special files by type before opening: opening a FIFO blocks until
  // a writer comes, and a device can be read forever.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    diags.error(path, 0, 0, err == ENOENT ? "no such file" : err == EACCES ? "permission denied"
                                                                           : std::strerror(err));
    return std::nullopt;
  }
  if (auto why = special_file_reason(st); !why.empty()) {
    diags.error(path, 0, 0, why);
    return std::nullopt;
  }
  // Size first, so a hostile file is refused before anything is allocated.
  std::error_code ec;
  const auto size = static_cast<uintmax_t>(st.st_size);
  if (size > limits.max_file_bytes) {
    diags.error(path, 0, 0,
                "file too large (" + std::to_string(size) + " bytes; limit " +
                    std::to_string(limits.max_file_bytes) + ")");
    return std::nullopt;
  }
  // O_NONBLOCK: should the file have been swapped for a FIFO since the
  // stat, the open does not block; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    diags.error(path, 0, 0, err == EACCES ? "permission denied" : std::strerror(err));
    return std::nullopt;
  }
  if (::fstat(fd, &st) != 0 || !special_file_reason(st).empty()) {
    ::close(fd);
    diags.error(path, 0, 0, special_file_reason(st));
    return std::nullopt;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::FILE* f = ::fdopen(fd, "rb");
  if (!f) {
    const int err = errno;
    ::close(fd);
    diags.error(path, 0, 0, std::strerror(err));
    return std::nullopt;
  }
  std::string bytes;
  bytes.resize(ec ? 0 : static_cast<size_t>(size));
  size_t got = bytes.empty() ? 0 : std::fread(bytes.data(), 1, bytes.size(), f);
  bytes.resize(got);
  // Files whose size was unknown or that grew (pipes, /proc): read on, capped.
  char buf[65536];
  size_t n;
  bool too_large = false;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (bytes.size() + n > limits.max_file_bytes) {
      too_large = true;
      break;
    }
    bytes.append(buf, n);
  }
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  std::fclose(f);
  if (too_large) {
    diags.error(path, 0, 0,
                "file too large (more than " + std::to_string(limits.max_file_bytes) +
                    " bytes; limit " + std::to_string(limits.max_file_bytes) + ")");
    return std::nullopt;
  }
  if (failed) {
    diags.error(path, 0, 0, std::string("cannot read file: ") + std::strerror(err));
    return std::nullopt;
  }
  return bytes;
}

namespace {

// A line that reads like a title: a few words, not a tag list or a URL.
bool looks_like_title(std::string_view line) {
  if (line.size() > 200) return false;
  int words = 0;
  bool in_word = false;
  size_t letters = 0;
  for (char c : line) {
    const bool alpha = std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    if (alpha) ++letters;
    if (alpha && !in_word) ++words;
    in_word = alpha;
  }
  return words >= 3 && letters * 2 >= line.size();
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

void apply_metadata_fallbacks(Document& doc, bool use_file_time) {
  if (doc.meta.title.empty()) {
    std::string_view text = doc.text;
    int seen = 0;
    size_t at = 0;
    while (at < text.size() && seen < 10) {
      size_t nl = text.find('\n', at);
      if (nl == std::string_view::npos) nl = text.size();
      std::string line = trim(text.substr(at, nl - at));
      at = nl + 1;
      if (line.empty()) continue;
      ++seen;
      if (looks_like_title(line)) {
        doc.meta.title = line;
        break;
      }
    }
    if (doc.meta.title.empty()) doc.meta.title = fs::path(doc.path).stem().string();
  }
  if (use_file_time) {
    struct stat st {};
    if (::stat(doc.path.c_str(), &st) == 0) {
      std::tm tm{};
      gmtime_r(&st.st_mtime, &tm);
      char buf[16];
      std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
      doc.meta.file_date = buf;
    }
  }
}

}  // namespace ingest

namespace {

std::optional<Document> convert(const std::string& path, std::string_view bytes,
                                const std::string& format, Diagnostics& diags,
                                const ReadLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    diags.error(path, 0, 0,
                "file too large (" + std::to_string(bytes.size()) + " bytes; limit " +
                    std::to_string(limits.max_file_bytes) + ")");
    return std::nullopt;
  }
  Document doc;
  doc.path = path;
  doc.format = format;
  bool ok = false;
  // The readers report bad input as diagnostics; anything a library throws
  // on input it cannot handle becomes one too, never a crash.
  try {
    if (format == "md") ok = ingest::read_markdown(bytes, doc, diags, limits);
    else if (format == "html") ok = ingest::read_html(bytes, doc, diags, limits);
    else if (format == "pdf") ok = ingest::read_pdf(bytes, doc, diags, limits);
    else if (format == "docx") ok = ingest::read_docx(bytes, doc, diags, limits);
    else ok = ingest::read_text(bytes, doc, diags);
  } catch (const std::bad_alloc&) {
    diags.error(path, 0, 0, "cannot read " + format + ": out of memory");
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error(path, 0, 0, "cannot read " + format + ": " + e.what());
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  if (doc.map.empty()) doc.map.add_anchor(0, 1, 1);
  return doc;
}

}  // namespace

std::optional<Document> document_from_bytes(const std::string& path, std::string_view bytes,
                                            const std::string& format, Diagnostics& diags,
                                            const ReadLimits& limits) {
  auto doc = convert(path, bytes, format.empty() ? format_from_path(path) : format, diags, limits);
  if (doc) ingest::apply_metadata_fallbacks(*doc, false);
  return doc;
}

std::optional<Document> read_document(const std::string& path, Diagnostics& diags,
                                      const ReadLimits& limits) {
  auto bytes = ingest::read_file_bytes(path, diags, limits);
  if (!bytes) return std::nullopt;
  auto doc = convert(path, *bytes, format_from_path(path), diags, limits);
  if (doc) ingest::apply_metadata_fallbacks(*doc, true);
  return doc;
}

}  // namespace claimcheck
