// memory_index.cpp — the in-memory backend: the same interface as the Xapian
// index, for fast tests and one-off checks without a database. Words are
// stemmed with the same Snowball English stemmer; a hit scores the sum, over
// query words it contains, of a BM25-like idf (rarer words weigh more).
// Filters (unit, value range) apply to one and the same figure, as in Xapian.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "claimcheck/index.hpp"
#include "index/evidence.hpp"

namespace claimcheck {

namespace {

std::vector<std::string> stems(std::string_view text) {
  // One per thread: a Stem keeps its working buffers inside.
  thread_local const Xapian::Stem stemmer("english");
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(stemmer(word));
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80)
      word.push_back(static_cast<char>(std::tolower(u)));
    else
      flush();
  }
  flush();
  return out;
}

struct Stored {
  Evidence evidence;
  std::set<std::string> words;
  std::vector<std::string> tokens;  // index_detail::phrase_words of the quote, stop words out
};

struct File {
  std::string hash;
  std::vector<Stored> sentences;
};
struct Prepared final : PreparedDocument {
  std::string path;
  File file;
};

class MemoryIndex final : public Index {
 public:
  std::unique_ptr<PreparedDocument> prepare(const Document& doc,
                                            const std::string& content_hash) const override {
    auto p = std::make_unique<Prepared>();
    p->path = doc.path;
    p->file.hash = content_hash;
    for (auto& rec : index_detail::evidence_sentences(doc)) {
      Stored s;
      s.evidence = std::move(rec.evidence);
      const auto words = stems(s.evidence.quote);
      s.words.insert(words.begin(), words.end());
      s.tokens = index_detail::phrase_tokens(s.evidence.quote);
      p->file.sentences.push_back(std::move(s));
    }
    return p;
  }

  void add_prepared(std::unique_ptr<PreparedDocument> prepared) override {
    auto* p = dynamic_cast<Prepared*>(prepared.get());
    if (!p) throw std::logic_error("document prepared by another index");
    files_[p->path] = std::move(p->file);
  }

  void remove(const std::string& path) override { files_.erase(path); }
  std::string hash_of(const std::string& path) const override {
    auto it = files_.find(path);
    return it == files_.end() ? std::string() : it->second.hash;
  }
  std::vector<std::string> paths() const override {
    std::vector<std::string> out;
    for (const auto& [path, file] : files_) out.push_back(path);
    return out;
  }
  void commit() override {}

  std::vector<Evidence> search(const EvidenceQuery& q) const override {
    const auto query_words = stems(q.text);
    const std::set<std::string> unique(query_words.begin(), query_words.end());
    const double n = static_cast<double>(sentence_count());
    std::map<std::string, double> idf;
    for (const auto& w : unique) {
      size_t df = 0;
      for (const auto& [path, file] : files_)
        for (const auto& s : file.sentences) df += s.words.count(w);
      idf[w] =
          std::log(1.0 + (n - static_cast<double>(df) + 0.5) / (static_cast<double>(df) + 0.5));
    }
    struct Hit {
      const Stored* s;
      double score;
      size_t order;
    };
    std::vector<Hit> hits;
    size_t order = 0;
    for (const auto& [path, file] : files_) {
      for (const auto& s : file.sentences) {
        ++order;
        if (!index_detail::states_figure(q, s.evidence) ||
            !index_detail::holds_any_phrase(q.any_phrase, s.tokens))
          continue;
        double score = 0;
        bool any = unique.empty();
        for (const auto& w : unique)
          if (s.words.count(w)) {
            score += idf[w];
            any = true;
          }
        if (any) hits.push_back({&s, score, order});
      }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.score != b.score ? a.score > b.score : a.order < b.order;
    });
    std::vector<Evidence> out;
    for (const auto& h : hits) {
      if (out.size() >= q.limit) break;
      out.push_back(h.s->evidence);
      out.back().score = h.score;
    }
    return out;
  }

  size_t sentence_count() const override {
    size_t n = 0;
    for (const auto& [path, file] : files_) n += file.sentences.size();
    return n;
  }

 private:
  std::map<std::string, File> files_;
};

}  // namespace

std::unique_ptr<Index> make_memory_index() { return std::make_unique<MemoryIndex>(); }

}  // namespace claimcheck
