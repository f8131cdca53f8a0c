// xapian_index.cpp — the on-disk index (Xapian glass database).
//
// Layout. One Xapian document per (sentence, figure): a sentence with three
// figures is stored three times. This keeps "unit AND value range" exact for
// the *same* figure (slot 0 holds that figure's value, term U<unit> its unit);
// per-sentence documents with per-unit slots could only hold one value per
// unit and would mis-answer "26% and 29%". Results collapse back to one hit
// per sentence with Enquire::set_collapse_key on slot 1 (the sentence id).
// The cost is a slightly inflated document frequency for words of
// multi-figure sentences, which BM25 tolerates.
//
//   terms    stemmed words with positions (TermGenerator, English, STEM_SOME)
//            Q<path>#<offset>#<k>  unique id      P<path>  for deletion
//            U<unit>               figure's unit  XS       first figure of a sentence
//                                                          (sentence_count = termfreq)
//   slot 0   sortable_serialise(figure value)
//   slot 1   sentence id <path>#<offset> (collapse key)
//   data     JSON Evidence (doc, path, title, date, line, quote, figures)
//   metadata h:<path> = "<hash>\t<path>" per indexed file
//
// Paths longer than Xapian's term/key limit are replaced by a hash of the
// path in terms and keys (the value of the metadata keeps the real path).
//
// Transactions: the first write after a commit opens a transaction; commit()
// commits it. A file's sentences and its hash go into the same transaction,
// so a killed run leaves the last committed state and the next run redoes
// exactly the files whose hash is not recorded.
#include <xapian.h>

#include <filesystem>

#include "claimcheck/index.hpp"
#include "index/evidence.hpp"

namespace claimcheck {

namespace {

constexpr Xapian::valueno kValueSlot = 0;
constexpr Xapian::valueno kSentenceSlot = 1;
constexpr size_t kMaxKey = 200;  // Xapian's limit is 245 bytes

// Xapian::Error is not a std::exception; the CLI's one catch handles those.
[[noreturn]] void rethrow(const Xapian::Error& e) {
  throw std::runtime_error("index: " + e.get_description());
}

std::string short_key(const std::string& path) {
  if (path.size() <= kMaxKey) return path;
  return "#" + index_detail::content_hash(path) + path.substr(path.size() - 64);
}

class XapianIndex final : public Index {
 public:
  XapianIndex(const std::string& dir, OpenMode mode) : mode_(mode) {
    if (mode == OpenMode::write) {
      wdb_ = Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
      db_ = wdb_;
    } else {
      db_ = Xapian::Database(dir);
    }
    gen_.set_stemmer(Xapian::Stem("english"));
    gen_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  }

  ~XapianIndex() override {
    if (mode_ != OpenMode::write) return;
    try {
      commit();
    } catch (...) {
      // Destructors must not throw; an uncommitted transaction is lost, which
      // leaves the last consistent state on disk.
    }
  }

  void add(const Document& doc, const std::string& content_hash) override {
    try {
    writable();
    begin();
    wdb_.delete_document("P" + short_key(doc.path));
    for (const auto& rec : index_detail::evidence_sentences(doc)) {
      const std::string sentence_id = short_key(doc.path) + "#" + std::to_string(rec.offset);
      const std::string data = index_detail::to_json(rec.evidence).dump();
      for (size_t k = 0; k < rec.evidence.figures.size(); ++k) {
        const auto& fig = rec.evidence.figures[k];
        Xapian::Document xd;
        gen_.set_document(xd);
        gen_.index_text(rec.evidence.quote);
        xd.add_boolean_term("P" + short_key(doc.path));
        xd.add_boolean_term("Q" + sentence_id + "#" + std::to_string(k));
        xd.add_boolean_term("U" + std::string(unit_name(fig.unit)));
        if (k == 0) xd.add_boolean_term("XS");
        xd.add_value(kValueSlot, Xapian::sortable_serialise(fig.value));
        xd.add_value(kSentenceSlot, sentence_id);
        xd.set_data(data);
        wdb_.add_document(xd);
      }
    }
    wdb_.set_metadata("h:" + short_key(doc.path), content_hash + "\t" + doc.path);
      } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  void remove(const std::string& path) override {
    try {
    writable();
    begin();
    wdb_.delete_document("P" + short_key(path));
    wdb_.set_metadata("h:" + short_key(path), "");
      } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  std::string hash_of(const std::string& path) const override {
    try {
    const std::string v = db_.get_metadata("h:" + short_key(path));
    const auto tab = v.find('\t');
    return tab == std::string::npos ? std::string() : v.substr(0, tab);
      } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  std::vector<std::string> paths() const override {
    try {
    std::vector<std::string> out;
    for (auto it = db_.metadata_keys_begin("h:"); it != db_.metadata_keys_end("h:"); ++it) {
      const std::string v = db_.get_metadata(*it);
      const auto tab = v.find('\t');
      if (tab != std::string::npos) out.push_back(v.substr(tab + 1));
    }
    return out;
      } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  void commit() override {
    if (mode_ != OpenMode::write) return;
    if (!in_transaction_) return;
    in_transaction_ = false;
    try {
      wdb_.commit_transaction();
    } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  std::vector<Evidence> search(const EvidenceQuery& q) const override {
    try {
    Xapian::Query query = Xapian::Query::MatchAll;
    if (q.text.find_first_not_of(" \t\n") != std::string::npos) {
      Xapian::QueryParser parser;
      parser.set_stemmer(Xapian::Stem("english"));
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      parser.set_default_op(Xapian::Query::OP_OR);
      parser.set_database(db_);
      try {
        query = parser.parse_query(q.text);
      } catch (const Xapian::QueryParserError&) {
        query = parser.parse_query(q.text, 0);  // no operators: plain words
      }
      if (query.empty()) query = Xapian::Query::MatchAll;
    }
    if (q.unit)
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query("U" + std::string(unit_name(*q.unit))));
    if (q.lo || q.hi) {
      Xapian::Query range;
      if (q.lo && q.hi)
        range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kValueSlot,
                              Xapian::sortable_serialise(*q.lo), Xapian::sortable_serialise(*q.hi));
      else if (q.lo)
        range = Xapian::Query(Xapian::Query::OP_VALUE_GE, kValueSlot, Xapian::sortable_serialise(*q.lo));
      else
        range = Xapian::Query(Xapian::Query::OP_VALUE_LE, kValueSlot, Xapian::sortable_serialise(*q.hi));
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_collapse_key(kSentenceSlot, 1);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(q.limit));
    std::vector<Evidence> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Evidence e;
      try {
        e = index_detail::evidence_from_json(nlohmann::json::parse(it.get_document().get_data()));
      } catch (const nlohmann::json::exception&) {
        continue;  // not one of ours
      }
      e.score = it.get_weight();
      out.push_back(std::move(e));
    }
    return out;
      } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  size_t sentence_count() const override { return db_.get_termfreq("XS"); }

 private:
  void writable() const {
    if (mode_ != OpenMode::write) throw std::logic_error("index opened for reading only");
  }
  void begin() {
    if (!in_transaction_) {
      wdb_.begin_transaction();
      in_transaction_ = true;
    }
  }

  OpenMode mode_;
  Xapian::Database db_;
  Xapian::WritableDatabase wdb_;
  Xapian::TermGenerator gen_;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<Index> open_index(const std::string& dir, OpenMode mode, Diagnostics& diags) {
  try {
    if (mode == OpenMode::write) {
      std::error_code ec;
      if (!std::filesystem::exists(dir, ec)) std::filesystem::create_directories(dir, ec);
      if (ec) {
        diags.error(dir, 0, 0, "cannot open index " + dir + ": " + ec.message());
        return nullptr;
      }
    }
    return std::make_unique<XapianIndex>(dir, mode);
  } catch (const Xapian::Error& e) {
    diags.error(dir, 0, 0, "cannot open index " + dir + ": " + e.get_description());
  }
  return nullptr;
}

}  // namespace claimcheck
