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

// Sentences of the corpus that state a figure of `unit` in [lo, hi], ranked
// by `text`. What is selective selects (the figure, then `any_phrase`); the
// words of `text` only rank. On a large corpus, where a common figure has more
// than about a thousand candidate sentences, only the candidates holding at
// least one of the rarest words of `text` are ranked.
struct EvidenceQuery {
  std::string text;  // free words (BM25, stemmed); empty = any
  std::optional<Unit> unit;
  std::optional<double> lo;  // value range, inclusive
  std::optional<double> hi;
  size_t limit = 20;
  // The figure's frame as words: when not empty, only sentences holding at
  // least one of these phrases (its words adjacent and in this order, whole
  // words, case-insensitive, not stemmed; stop words such as "the", "no",
  // "were" are ignored in the phrase and in the sentence) are candidates. A caller that knows what
  // the figure measures passes the rules vocabulary's plain phrases for that
  // measure (e.g. "deported", "removals"), so that sentences about anything
  // else are never scored; it leaves this empty when the measure is unknown
  // or has a /regex/ phrase (a sentence matched only by the pattern would be
  // lost). Phrases without a word are ignored.
  std::vector<std::string> any_phrase;
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

// A document turned into what an index stores (its figure sentences, terms
// and values), built without touching the database.
class PreparedDocument {
 public:
  virtual ~PreparedDocument() = default;
};

class Index {
 public:
  virtual ~Index() = default;
  // The costly part of adding a document, safe to call from several threads
  // at once while another thread writes: extraction and term generation.
  virtual std::unique_ptr<PreparedDocument> prepare(const Document& doc,
                                                    const std::string& content_hash) const = 0;
  // Adds or replaces (keyed by path) a document prepare() built here.
  virtual void add_prepared(std::unique_ptr<PreparedDocument> prepared) = 0;
  void add(const Document& doc, const std::string& content_hash) {
    add_prepared(prepare(doc, content_hash));
  }
  virtual void remove(const std::string& path) = 0;
  // Content hash recorded for a path, or empty when not indexed.
  virtual std::string hash_of(const std::string& path) const = 0;
  virtual std::vector<std::string> paths() const = 0;
  virtual void commit() = 0;
  virtual std::vector<Evidence> search(const EvidenceQuery& q) const = 0;
  // The answers to many queries, in order; an index may answer them in
  // parallel. Same results as calling search() for each.
  virtual std::vector<std::vector<Evidence>> search_all(const std::vector<EvidenceQuery>& queries) const {
    std::vector<std::vector<Evidence>> out;
    out.reserve(queries.size());
    for (const auto& q : queries) out.push_back(search(q));
    return out;
  }
  virtual size_t sentence_count() const = 0;
};

enum class OpenMode { read, write };

// Opens (or, for write, creates) a Xapian database. `dir` may also be a Xapian
// stub: a file, or a folder holding a file named XAPIANDB, listing shards one
// per line ("auto PATH" relative to the stub, or "remote HOST:PORT" served by
// xapian-tcpsrv). Reading searches all shards as one corpus; writing spreads
// files over the local shards by a hash of their path.
// For write, `shards` > 0 asks for that many shards: a new index is created
// as a folder of shards with a stub, an existing one must have that many.
// nullptr with a diagnostic when it cannot be opened.
std::unique_ptr<Index> open_index(const std::string& dir, OpenMode mode, Diagnostics& diags,
                                  size_t shards = 0);
std::unique_ptr<Index> make_memory_index();

// Walks `paths` (files or folders), reads every supported document and brings
// the index up to date: unchanged files skipped by content hash, changed ones
// replaced, files under the given folders that disappeared removed.
// Unreadable files get a diagnostic (warning) and are counted as skipped.
// A symbolic link met inside a folder is followed only to a file inside that
// folder (so a link cannot pull a private file into a shared corpus) unless
// `follow_symlinks` is set.
struct IndexPathsOptions {
  bool follow_symlinks = false;
};
IndexStats index_paths(Index& index, const std::vector<std::string>& paths, Diagnostics& diags,
                       const std::function<void(const IndexProgress&)>& progress = {},
                       const IndexPathsOptions& options = {});

}  // namespace claimcheck
