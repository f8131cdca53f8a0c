// xapian_index.cpp — the on-disk index (Xapian glass databases, optionally
// split into shards listed by a Xapian stub, local or served remotely).
//
// Layout. One Xapian document per sentence with figures. Each figure adds
// its unit term and its value bucket terms (index_detail::value_terms), which
// carry the unit: "a percent between 26 and 27" is an OR of bucket terms,
// answered from posting lists alone, and a sentence stating 26% and 29%
// matches it through its 26% only. The buckets are exact but for the finest
// bucket (four significant digits) at either end of a range; every caller
// reads the figures of what it gets back (Evidence::figures) anyway. No
// values are read while matching, no positions are stored (a phrase is its
// words in any order: the reader decides), and only stock query operators
// are used, so the same queries run against shards served by xapian-tcpsrv.
//
//   terms    Z<stem> of every word but stop words, no positions
//            P<path>  for deletion
//            U<unit>               a figure's unit
//            V<unit>...            value buckets (index_detail::value_terms)
//   slot 1   sentence id <path>#<offset, 10 digits> (tie-break)
//   data     Evidence (path, title, date, line, quote, figures) in
//            index_detail::encode_evidence's compact form
//   metadata h:<path> = "<hash>\t<path>" per indexed file, in its shard
//            claimcheck:format = kFormat
//
// Ties in relevance are broken by sentence id, not by document id, so one
// database and the same files spread over shards give the same results.
//
// Shards. A file goes to shard (hash of its path) mod N, so re-indexing finds
// it where it was. Each shard has its own transaction and, when there are
// several, its own writer thread (ShardWriter); a file's sentences and its
// hash always go into the same shard and transaction.
//
// Transactions: the first write after a commit opens a transaction; commit()
// commits them. A killed run leaves the last committed state and the next run
// redoes exactly the files whose hash is not recorded.
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "claimcheck/index.hpp"
#include "index/evidence.hpp"

namespace claimcheck {

namespace {

namespace fs = std::filesystem;

constexpr Xapian::valueno kSentenceSlot = 1;
constexpr size_t kMaxKey = 200;  // Xapian's limit is 245 bytes
constexpr const char* kFormatKey = "claimcheck:format";
// 2: value bucket terms, stop words dropped, padded sentence ids.
// 3: one document per sentence, no positions, no value slot.
// 4: document data in index_detail::encode_evidence's form, not JSON.
// 5: words as stems only (STEM_ALL_Z).
constexpr const char* kFormat = "5";
constexpr const char* kStubName = "XAPIANDB";

// Xapian::Error is not a std::exception; the CLI's one catch handles those.
std::runtime_error as_std(const Xapian::Error& e) {
  return std::runtime_error("index: " + e.get_description());
}
[[noreturn]] void rethrow(const Xapian::Error& e) { throw as_std(e); }

// Runs `work`; what it throws comes back as a value (a Xapian error as a
// std::exception), for threads that hand failures to the caller.
template <typename F>
std::exception_ptr capture(F&& work) {
  try {
    work();
  } catch (const Xapian::Error& e) {
    return std::make_exception_ptr(as_std(e));
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}

std::string short_key(const std::string& path) {
  if (path.size() <= kMaxKey) return path;
  return "#" + index_detail::content_hash(path) + path.substr(path.size() - 64);
}

// Words too common to tell sentences apart (index_detail::is_stop_word);
// dropping them from the index and from queries makes both smaller without
// changing which sentences match well.
const Xapian::Stopper& stopper() {
  struct Stop final : Xapian::Stopper {
    bool operator()(const std::string& word) const override {
      return index_detail::is_stop_word(word);
    }
  };
  static const Stop s;
  return s;
}

// One per thread: TermGenerator and Stem share reference-counted internals
// that must not be touched from two threads at once.
Xapian::TermGenerator& term_generator() {
  thread_local Xapian::TermGenerator gen = [] {
    Xapian::TermGenerator g;
    g.set_stemmer(Xapian::Stem("english"));
    // Stems only ("Z" + stem): the unstemmed copy of every word that
    // STEM_SOME adds was a third of the postings the writer wrote, and
    // nothing needs it (phrases are checked on the sentence, see admits).
    g.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    g.set_stopper(&stopper());
    g.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
    return g;
  }();
  return gen;
}

std::string sentence_id(const std::string& key, size_t offset) {
  std::string n = std::to_string(offset);
  if (n.size() < 10) n.insert(0, 10 - n.size(), '0');
  return key + "#" + n;
}

uint64_t path_hash(const std::string& path) {
  return std::stoull(index_detail::content_hash(path).substr(0, 12), nullptr, 16);
}

struct XapianPrepared final : PreparedDocument {
  std::string path;
  std::string hash;
  std::vector<Xapian::Document> docs;
};

// A line of a stub: "auto PATH", "glass PATH", "remote HOST:PORT", ...
struct StubEntry {
  std::string backend;
  std::string target;
  int line = 0;
};

std::vector<StubEntry> read_stub(const fs::path& stub) {
  std::ifstream in(stub);
  std::vector<StubEntry> out;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    std::istringstream words(text);
    StubEntry e;
    e.line = line;
    if (!(words >> e.backend) || e.backend.starts_with("#")) continue;
    std::getline(words >> std::ws, e.target);
    out.push_back(std::move(e));
  }
  return out;
}

// Where a stub is, for a --db argument: the file itself, or XAPIANDB inside a
// folder; empty when `dir` is a plain database (or nothing yet).
fs::path stub_of(const std::string& dir) {
  std::error_code ec;
  if (fs::is_regular_file(dir, ec)) return dir;
  const fs::path inside = fs::path(dir) / kStubName;
  if (fs::is_regular_file(inside, ec)) return inside;
  return {};
}

struct Shard {
  Xapian::WritableDatabase db;
  bool in_transaction = false;
  bool stale = false;  // built by another format: every file is redone

  // Opens a transaction on the first write after a commit.
  Shard& begin() {
    if (!in_transaction) {
      db.begin_transaction();
      in_transaction = true;
      db.set_metadata(kFormatKey, kFormat);
    }
    return *this;
  }
  void commit() {
    if (!in_transaction) return;
    in_transaction = false;
    db.commit_transaction();
    stale = false;
  }
};

// Runs one shard's writes in order: inline for a single database, on a
// thread of its own when there are several, so N shards use N cores. Reads
// of the shard wait until its queued writes are done (drain()). The first
// failure is kept and thrown to the caller at its next post() or drain().
class ShardWriter {
 public:
  ShardWriter(Shard shard, bool threaded) : shard_(std::move(shard)) {
    if (threaded) thread_ = std::thread([this] { loop(); });
  }
  ~ShardWriter() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  void post(std::function<void(Shard&)> task) {
    if (!thread_.joinable()) {
      if (auto failure = attempt(task)) std::rethrow_exception(failure);
      return;
    }
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return tasks_.size() < kDepth || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    tasks_.push_back(std::move(task));
    cv_.notify_all();
  }
  // Waits for the queued writes; the shard is then safe to read here.
  Shard& drain() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return (tasks_.empty() && !busy_) || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    return shard_;
  }
  const Shard& drained() const { return const_cast<ShardWriter*>(this)->drain(); }

 private:
  static constexpr size_t kDepth = 16;

  std::exception_ptr attempt(const std::function<void(Shard&)>& task) {
    return capture([&] { task(shard_); });
  }
  void loop() {
    std::unique_lock lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return !tasks_.empty() || stopping_; });
      if (tasks_.empty()) return;
      auto task = std::move(tasks_.front());
      tasks_.pop_front();
      busy_ = true;
      lock.unlock();
      const std::exception_ptr failure = attempt(task);
      lock.lock();
      busy_ = false;
      if (failure && !failure_) failure_ = failure;
      if (failure_) tasks_.clear();
      cv_.notify_all();
    }
  }

  Shard shard_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void(Shard&)>> tasks_;
  bool busy_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
};

// Above this many candidate sentences for one figure (the postings of its
// value buckets), the words of the draft's sentence narrow the candidates
// (see narrowed). The 2,000-word bench draft checked against the 1x SOTU
// corpus (at most ~1,300 candidates for one figure) reports the same byte for
// byte as without narrowing, and the seed corpora are far below it.
constexpr Xapian::doccount kCandidateBudget = 1000;
// When narrowing, the rarest words are taken while their posting lists add up
// to at most this many documents (the rarest one always).
constexpr Xapian::doccount kRareBudget = 500;

// The figure part of a query: sentences stating a figure of q's unit whose
// value lies in [q.lo, q.hi] (up to the finest bucket at either end, see the
// header). Sets `candidates` to an upper bound on how many documents it
// matches (the postings of its bucket terms), or to the database size when
// it has none. Without a range, or one too wide for buckets, any figure of
// the unit matches and the caller's reading of the figures decides.
Xapian::Query figure_query(const Xapian::Database& db, const EvidenceQuery& q,
                           Xapian::doccount& candidates) {
  candidates = db.get_doccount();
  std::vector<std::string> terms;
  if (q.lo && q.hi) {
    // Without a unit, a figure of any unit.
    for (int u = 0; u <= static_cast<int>(Unit::other); ++u) {
      const Unit unit = static_cast<Unit>(u);
      if (q.unit && unit != *q.unit) continue;
      auto more = index_detail::range_terms(unit, *q.lo, *q.hi);
      if (more.empty()) {  // too wide: fall back to the unit terms
        terms.clear();
        break;
      }
      terms.insert(terms.end(), more.begin(), more.end());
    }
  }
  if (terms.empty() && q.unit) terms.push_back("U" + std::string(unit_name(*q.unit)));
  if (terms.empty()) return {};
  Xapian::doccount n = 0;
  for (const auto& t : terms) n += db.get_termfreq(t);
  candidates = std::min(candidates, n);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0);
}

// The frame part of a query: any of q.any_phrase, each as its words but
// stop words, all of them in any order (the index keeps no positions; the
// reader of the sentence decides whether they form the phrase).
// Lowers `candidates` to the postings of the rarest word of each phrase,
// summed. Empty when no phrase has a word.
Xapian::Query frame_query(const Xapian::Database& db, const EvidenceQuery& q,
                          Xapian::doccount& candidates) {
  std::vector<Xapian::Query> phrases;
  Xapian::doccount postings = 0;
  for (const auto& phrase : q.any_phrase) {
    std::vector<std::string> words;
    for (auto& w : index_detail::phrase_words(phrase, true))
      if (!index_detail::is_stop_word(w)) words.push_back(std::move(w));
    if (words.empty()) continue;
    // A "deport*" word is any indexed word beginning "deport"; its postings
    // are at most the sum of theirs.
    // The index holds stems: a word is its stem (every inflection of it
    // matches; admits keeps the phrase's own words), a "base*" word any stem
    // beginning with the base or with the base's stem ("removal*": "remov").
    // One per thread: a Stem keeps its working buffers inside (search_all
    // runs queries on several threads).
    thread_local const Xapian::Stem stem("english");
    Xapian::doccount rarest = db.get_doccount();
    std::vector<Xapian::Query> terms;
    for (const auto& w : words) {
      if (w.back() != '*') {
        const std::string t = "Z" + stem(w);
        rarest = std::min(rarest, db.get_termfreq(t));
        terms.emplace_back(t);
        continue;
      }
      const std::string base = w.substr(0, w.size() - 1);
      std::set<std::string> prefixes = {"Z" + base, "Z" + stem(base)};
      Xapian::doccount sum = 0;
      std::vector<Xapian::Query> either;
      for (const auto& prefix : prefixes) {
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && sum < rarest; ++t)
          sum += t.get_termfreq();
        either.emplace_back(Xapian::Query::OP_WILDCARD, prefix);
      }
      rarest = std::min(rarest, sum);
      terms.emplace_back(Xapian::Query::OP_OR, either.begin(), either.end());
    }
    postings += rarest;
    if (terms.size() == 1)
      phrases.push_back(terms.front());
    else
      phrases.emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }
  if (phrases.empty()) return {};
  candidates = std::min(candidates, postings);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end()), 0);
}

// Sentences stating the figure `must`, ranked by `words`, when the figure
// alone lets through more than kCandidateBudget sentences: only those
// holding at least one of the sentence's rarest words (taken rarest first up
// to kRareBudget documents) are candidates. OP_AND_MAYBE takes its documents
// from that selective left side and adds the weights of all the words on the
// right, so every word still ranks. Every candidate costs the matcher a
// skip_to on each word's posting list and a read of its sentence id (the
// tie-break), so without this a common value on a large corpus costs
// time in proportion to the corpus; with it, in proportion to the budgets. A
// sentence sharing none of the rare words shares only common words with the
// draft and ranks below those that do unless there are too few of them.
// Counts come from the whole database (all shards), so one database and its
// shards choose the same words and rank alike. Empty when narrowing would not
// drop any word.
Xapian::Query narrowed(const Xapian::Database& db, const Xapian::Query& words,
                       const Xapian::Query& must) {
  std::vector<std::pair<Xapian::doccount, std::string>> by_rarity;
  for (auto t = words.get_unique_terms_begin(); t != words.get_unique_terms_end(); ++t)
    if (const Xapian::doccount tf = db.get_termfreq(*t); tf > 0) by_rarity.emplace_back(tf, *t);
  std::sort(by_rarity.begin(), by_rarity.end());
  std::vector<std::string> rare;
  Xapian::doccount postings = 0;
  for (const auto& [tf, term] : by_rarity) {
    if (!rare.empty() && postings + tf > kRareBudget) break;
    postings += tf;
    rare.push_back(term);
  }
  if (rare.size() == by_rarity.size()) return {};
  const Xapian::Query selective(
      Xapian::Query::OP_AND, must,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(Xapian::Query::OP_OR, rare.begin(), rare.end()), 0));
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, selective, words);
}

// One query against a database (one, or all shards of a stub).
std::vector<Evidence> search_db(const Xapian::Database& db, const EvidenceQuery& q) {
  try {
    Xapian::Query words;
    if (q.text.find_first_not_of(" \t\n") != std::string::npos) {
      Xapian::QueryParser parser;
      parser.set_stemmer(Xapian::Stem("english"));
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
      parser.set_stopper(&stopper());
      // Not OP_ELITE_SET, though cheaper for a whole sentence: Xapian picks
      // the elite terms per shard, so shards would rank unlike one database.
      parser.set_default_op(Xapian::Query::OP_OR);
      try {
        words = parser.parse_query(q.text);
      } catch (const Xapian::QueryParserError&) {
        words = parser.parse_query(q.text, 0);  // no operators: plain words
      }
    }
    // The figure: unit and value range.
    Xapian::doccount candidates = 0;
    Xapian::Query must = figure_query(db, q, candidates);
    if (Xapian::Query frame = frame_query(db, q, candidates); !frame.empty())
      must = must.empty() ? frame : Xapian::Query(Xapian::Query::OP_AND, must, frame);
    Xapian::Query query;
    if (must.empty())
      query = words.empty() ? Xapian::Query::MatchAll : words;
    else if (words.empty())
      query = must;
    else if (Xapian::Query n; candidates > kCandidateBudget && !(n = narrowed(db, words, must)).empty())
      query = n;
    else
      query = Xapian::Query(Xapian::Query::OP_FILTER, words, must);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_sort_by_relevance_then_value(kSentenceSlot, false);
    // The terms narrow, index_detail::admits decides (the ends of a value
    // range, phrases in order): what it drops is made up from the next page.
    std::vector<Evidence> out;
    const auto limit = static_cast<Xapian::doccount>(q.limit);
    for (Xapian::doccount first = 0, page = limit; out.size() < q.limit;) {
      const Xapian::MSet mset = enquire.get_mset(first, page);
      for (auto it = mset.begin(); it != mset.end() && out.size() < q.limit; ++it) {
        std::optional<Evidence> decoded = index_detail::decode_evidence(it.get_document().get_data());
        if (!decoded) continue;  // not one of ours
        Evidence& e = *decoded;
        if (!index_detail::admits(q, e)) continue;
        e.score = it.get_weight();
        out.push_back(std::move(e));
      }
      if (mset.size() < page) break;
      first += page;
      page = std::min<Xapian::doccount>(page * 2, 1u << 20);
    }
    return out;
  } catch (const Xapian::Error& e) {
    rethrow(e);
  }
}

class XapianIndex final : public Index {
 public:
  // Reading: Xapian opens plain databases and stubs alike.
  explicit XapianIndex(const std::string& dir) : mode_(OpenMode::read), dir_(dir), db_(dir) {
    if (db_.get_doccount() > 0 && db_.get_metadata(kFormatKey) != kFormat)
      throw std::runtime_error("index " + dir +
                               " was built by an older claimcheck; bring it up to date with "
                               "'claimcheck index --db " +
                               dir + "'");
    check_health();
  }

  // Writing: one writable database per local shard.
  explicit XapianIndex(const std::vector<std::string>& shard_dirs) : mode_(OpenMode::write) {
    for (const auto& d : shard_dirs) {
      Shard s{Xapian::WritableDatabase(d, Xapian::DB_CREATE_OR_OPEN)};
      s.stale = s.db.get_doccount() > 0 && s.db.get_metadata(kFormatKey) != kFormat;
      db_.add_database(s.db);
      shards_.push_back(std::make_unique<ShardWriter>(std::move(s), shard_dirs.size() > 1));
    }
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

  std::unique_ptr<PreparedDocument> prepare(const Document& doc,
                                            const std::string& content_hash) const override {
    auto p = std::make_unique<XapianPrepared>();
    p->path = doc.path;
    p->hash = content_hash;
    const std::string key = short_key(doc.path);
    Xapian::TermGenerator& gen = term_generator();
    try {
      for (const auto& rec : index_detail::evidence_sentences(doc)) {
        const std::string id = sentence_id(key, rec.offset);
        const std::string data = index_detail::encode_evidence(rec.evidence);
        Xapian::Document xd;
        gen.set_document(xd);
        gen.index_text_without_positions(rec.evidence.quote);
        xd.add_boolean_term("P" + key);
        for (const auto& fig : rec.evidence.figures) {
          xd.add_boolean_term("U" + std::string(unit_name(fig.unit)));
          for (const auto& t : index_detail::value_terms(fig.unit, fig.value))
            xd.add_boolean_term(t);
        }
        xd.add_value(kSentenceSlot, id);
        xd.set_data(data);
        p->docs.push_back(std::move(xd));
      }
    } catch (const Xapian::Error& e) {
      rethrow(e);
    }
    return p;
  }

  void add_prepared(std::unique_ptr<PreparedDocument> prepared) override {
    std::shared_ptr<XapianPrepared> p(dynamic_cast<XapianPrepared*>(prepared.get()));
    if (!p) throw std::logic_error("document prepared by another index");
    prepared.release();
    writer_for(p->path).post([p](Shard& shard) {
      Shard& s = shard.begin();
      const std::string key = short_key(p->path);
      s.db.delete_document("P" + key);
      for (auto& xd : p->docs) s.db.add_document(xd);
      s.db.set_metadata("h:" + key, p->hash + "\t" + p->path);
    });
  }

  void remove(const std::string& path) override {
    writer_for(path).post([path](Shard& shard) {
      Shard& s = shard.begin();
      s.db.delete_document("P" + short_key(path));
      s.db.set_metadata("h:" + short_key(path), "");
    });
  }

  std::string hash_of(const std::string& path) const override {
    try {
      std::string v;
      if (mode_ == OpenMode::write) {
        const Shard& s = const_cast<XapianIndex*>(this)->writer_for(path).drained();
        if (s.stale) return {};
        v = s.db.get_metadata("h:" + short_key(path));
      } else {
        v = db_.get_metadata("h:" + short_key(path));  // first shard only (Xapian)
      }
      const auto tab = v.find('\t');
      return tab == std::string::npos ? std::string() : v.substr(0, tab);
    } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  std::vector<std::string> paths() const override {
    try {
      std::vector<std::string> out;
      auto collect = [&](const Xapian::Database& db) {
        for (auto it = db.metadata_keys_begin("h:"); it != db.metadata_keys_end("h:"); ++it) {
          const std::string v = db.get_metadata(*it);
          const auto tab = v.find('\t');
          if (tab != std::string::npos) out.push_back(v.substr(tab + 1));
        }
      };
      if (mode_ == OpenMode::write)
        for (const auto& w : shards_) collect(w->drained().db);
      else
        collect(db_);  // Xapian reads metadata of the first shard only
      return out;
    } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  // Shards commit in parallel; every one is waited for.
  void commit() override {
    for (auto& w : shards_) w->post([](Shard& s) { s.commit(); });
    drain_all();
  }

  std::vector<Evidence> search(const EvidenceQuery& q) const override {
    drain_all();
    return search_db(db_, q);
  }

  // A read-only index answers a batch on several threads, each with its own
  // connection to the database (Xapian objects are not shared across
  // threads); queries against remote shards then overlap their round trips.
  std::vector<std::vector<Evidence>> search_all(
      const std::vector<EvidenceQuery>& queries) const override {
    const size_t threads = std::min<size_t>(
        {std::max(1u, std::thread::hardware_concurrency()), 4, queries.size() / 8});
    if (mode_ != OpenMode::read || threads < 2) return Index::search_all(queries);
    std::vector<std::vector<Evidence>> out(queries.size());
    std::vector<std::exception_ptr> failures(threads);
    std::atomic<size_t> next{0};
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        failures[t] = capture([&] {
          const Xapian::Database db = t == 0 ? db_ : Xapian::Database(dir_);
          for (size_t i = next++; i < queries.size(); i = next++)
            out[i] = search_db(db, queries[i]);
        });
      });
    for (auto& th : pool) th.join();
    for (const auto& f : failures)
      if (f) std::rethrow_exception(f);
    return out;
  }

  size_t sentence_count() const override {
    drain_all();
    try {
      return db_.get_doccount();
    } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  }

  // An index whose document count and data disagree (docdata.glass deleted
  // or cut short by a full disk or a bad copy) answers every search with
  // sentences that have no text: figures would quietly turn "unsupported".
  // So documents spread over the whole id range (at most kHealthSamples)
  // must each hold their sentence; otherwise the index is refused by name.
  void check_health() const {
    constexpr Xapian::doccount kHealthSamples = 64;
    const Xapian::doccount count = db_.get_doccount();
    if (count == 0) return;
    const Xapian::docid last = db_.get_lastdocid();
    const Xapian::docid step = std::max<Xapian::docid>(1, last / kHealthSamples);
    Xapian::doccount seen = 0;
    try {
      Xapian::PostingIterator it = db_.postlist_begin("");
      for (Xapian::docid want = 1; it != db_.postlist_end("") && seen < kHealthSamples;
           want += step) {
        it.skip_to(want);
        if (it == db_.postlist_end("")) break;
        const std::string data = db_.get_document(*it).get_data();
        if (!index_detail::is_encoded_evidence(data))
          throw std::runtime_error(damaged(count, "document " + std::to_string(*it) +
                                                      " has no sentence data (docdata.glass "
                                                      "missing or cut short?)"));
        ++seen;
      }
    } catch (const Xapian::Error& e) {
      throw std::runtime_error(damaged(count, e.get_description()));
    }
    if (seen == 0) throw std::runtime_error(damaged(count, "no document can be read"));
  }
  std::string damaged(Xapian::doccount count, const std::string& why) const {
    return "index " + dir_ + " is damaged: it counts " + std::to_string(count) + " documents but " +
           why + "; rebuild it with 'claimcheck index --db " + dir_ + " PATH...'";
  }

 private:
  ShardWriter& writer_for(const std::string& path) {
    if (mode_ != OpenMode::write) throw std::logic_error("index opened for reading only");
    return *shards_[path_hash(path) % shards_.size()];
  }
  void drain_all() const {
    for (const auto& w : shards_) w->drained();
  }

  OpenMode mode_;
  std::string dir_;                                   // as opened for reading
  Xapian::Database db_;                               // all shards, for searching
  std::vector<std::unique_ptr<ShardWriter>> shards_;  // write mode only
};

// The local shard folders a writable index at `dir` consists of, creating a
// sharded layout when asked for and none exists yet.
std::vector<std::string> writable_shards(const std::string& dir, size_t wanted,
                                         Diagnostics& diags) {
  std::error_code ec;
  const fs::path stub = stub_of(dir);
  if (!stub.empty()) {
    std::vector<std::string> out;
    const fs::path base = stub.parent_path();
    for (const auto& e : read_stub(stub)) {
      if (e.backend != "auto" && e.backend != "glass") {
        diags.error(stub.string(), e.line, 1,
                    "shard '" + e.backend + " " + e.target +
                        "' is not a local database; index it on the machine that stores it");
        continue;
      }
      const fs::path p = fs::path(e.target).is_absolute() ? fs::path(e.target) : base / e.target;
      out.push_back(p.string());
    }
    if (out.empty() && !diags.has_errors())
      diags.error(stub.string(), 1, 1, "stub lists no databases");
    if (wanted > 0 && !diags.has_errors() && out.size() != wanted)
      diags.error(dir, 0, 0,
                  "index has " + std::to_string(out.size()) + " shard(s), not " +
                      std::to_string(wanted) +
                      "; re-partitioning is not supported: remove it or choose another --db");
    return out;
  }
  if (wanted <= 1) {
    if (!fs::exists(dir, ec)) fs::create_directories(dir, ec);
    if (ec) diags.error(dir, 0, 0, "cannot open index " + dir + ": " + ec.message());
    return {dir};
  }
  if (fs::exists(fs::path(dir) / "iamglass", ec)) {
    diags.error(dir, 0, 0,
                "index is a single database, not " + std::to_string(wanted) +
                    " shards; re-partitioning is not supported: remove it or choose another --db");
    return {};
  }
  fs::create_directories(dir, ec);
  if (ec) {
    diags.error(dir, 0, 0, "cannot create index " + dir + ": " + ec.message());
    return {};
  }
  std::vector<std::string> out;
  std::string listing = "# claimcheck index: " + std::to_string(wanted) +
                        " shards. A shard may be moved to another machine and served there by\n"
                        "# xapian-tcpsrv; replace its line with 'remote HOST:PORT'.\n";
  for (size_t k = 0; k < wanted; ++k) {
    const std::string name = "shard-" + std::to_string(k);
    out.push_back((fs::path(dir) / name).string());
    listing += "auto " + name + "\n";
  }
  // The shards exist before the stub names them (created by the caller's
  // open); the stub is written whole, under a temporary name, then renamed.
  for (const auto& s : out) Xapian::WritableDatabase(s, Xapian::DB_CREATE_OR_OPEN).close();
  const fs::path tmp = fs::path(dir) / (std::string(kStubName) + ".tmp");
  {
    std::ofstream f(tmp);
    f << listing;
    if (!f.flush()) {
      diags.error(dir, 0, 0, "cannot write " + tmp.string());
      return {};
    }
  }
  fs::rename(tmp, fs::path(dir) / kStubName, ec);
  if (ec) diags.error(dir, 0, 0, "cannot write stub: " + ec.message());
  return out;
}

}  // namespace

std::unique_ptr<Index> open_index(const std::string& dir, OpenMode mode, Diagnostics& diags,
                                  size_t shards) {
  try {
    if (mode == OpenMode::read) return std::make_unique<XapianIndex>(dir);
    Diagnostics layout;
    const auto dirs = writable_shards(dir, shards, layout);
    const bool ok = !layout.has_errors() && !dirs.empty();
    for (auto d : layout.items()) diags.add(std::move(d));
    if (!ok) return nullptr;
    return std::make_unique<XapianIndex>(dirs);
  } catch (const Xapian::Error& e) {
    diags.error(dir, 0, 0, "cannot open index " + dir + ": " + e.get_description());
  } catch (const std::runtime_error& e) {
    diags.error(dir, 0, 0, e.what());
  }
  return nullptr;
}

}  // namespace claimcheck
