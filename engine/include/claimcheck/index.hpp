// index.hpp — the corpus index: sentences that state figures, searchable by
// words, unit and value. Xapian on disk; an in-memory backend for tests.
//
//   claimcheck::Diagnostics diags;
//   auto index = claimcheck::open_index("db", claimcheck::OpenMode::read, diags);
//   auto hits = index->search({.text = "deported non-criminal", .unit = Unit::percent,
//                              .lo = 78, .hi = 80});
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claimcheck/diagnostic.hpp"
#include "claimcheck/document.hpp"
#include "claimcheck/mention.hpp"

namespace claimcheck {

// A figure stated in an evidence sentence.
struct EvidenceFigure {
  double value = 0;
  Unit unit = Unit::count;
  std::string text;
  size_t begin = 0;  // byte span within Evidence::quote
  size_t end = 0;
};

// One sentence of the corpus that states at least one figure.
struct Evidence {
  std::string doc;  // file name of the document (basename)
  std::string path;  // path as indexed
  std::string title;
  std::string date;  // document date, ISO, or empty
  int line = 0;
  std::string quote;  // the sentence
  std::vector<EvidenceFigure> figures;
  double score = 0;
};

struct EvidenceQuery {
  std::string text;  // free words (BM25, stemmed); empty = any
  std::optional<Unit> unit;
  std::optional<double> lo;  // value range, inclusive
  std::optional<double> hi;
  size_t limit = 20;
};

struct IndexStats {
  size_t files_seen = 0;
  size_t files_indexed = 0;
  size_t files_unchanged = 0;
  size_t files_removed = 0;
  size_t files_skipped = 0;  // unreadable; each has a diagnostic
  size_t sentences = 0;
  size_t bytes = 0;
};

struct IndexProgress {
  size_t files_done = 0;
  size_t files_total = 0;
  size_t bytes_done = 0;
  size_t bytes_total = 0;
};

class Index {
 public:
  virtual ~Index() = default;
  // Adds or replaces the document (keyed by path).
  virtual void add(const Document& doc, const std::string& content_hash) = 0;
  virtual void remove(const std::string& path) = 0;
  // Content hash recorded for a path, or empty when not indexed.
  virtual std::string hash_of(const std::string& path) const = 0;
  virtual std::vector<std::string> paths() const = 0;
  virtual void commit() = 0;
  virtual std::vector<Evidence> search(const EvidenceQuery& q) const = 0;
  virtual size_t sentence_count() const = 0;
};

enum class OpenMode { read, write };

// Opens (or, for write, creates) a Xapian database, or a stub listing shards.
// nullopt-like nullptr with a diagnostic when it cannot be opened.
std::unique_ptr<Index> open_index(const std::string& dir, OpenMode mode, Diagnostics& diags);
std::unique_ptr<Index> make_memory_index();

// Walks `paths` (files or folders), reads every supported document and brings
// the index up to date: unchanged files skipped by content hash, changed ones
// replaced, files under the given folders that disappeared removed.
// Unreadable files get a diagnostic (warning) and are counted as skipped.
IndexStats index_paths(Index& index, const std::vector<std::string>& paths, Diagnostics& diags,
                       const std::function<void(const IndexProgress&)>& progress = {});

}  // namespace claimcheck
