// index_test.cpp — the evidence index: one behavioural table run against
// both backends (Xapian on disk, in memory), then what only the on-disk
// index does: persistence, open errors, incremental index_paths.
#include "claimcheck/index.hpp"
#include "index/evidence.hpp"

#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace claimcheck;
namespace fs = std::filesystem;

namespace {

Document make_doc(const std::string& path, const std::string& text,
                  const std::string& title = "T") {
  Diagnostics diags;
  auto doc = document_from_bytes(path, text, "txt", diags);
  REQUIRE(doc);
  doc->meta.title = title;
  doc->meta.date = "2011-01-02";
  return *doc;
}

// EvidenceQuery without designated initializers (-Wextra flags the members
// they leave out).
EvidenceQuery query(std::string text = "", std::optional<Unit> unit = std::nullopt,
                    std::optional<double> lo = std::nullopt,
                    std::optional<double> hi = std::nullopt, size_t limit = 20) {
  EvidenceQuery q;
  q.text = std::move(text);
  q.unit = unit;
  q.lo = lo;
  q.hi = hi;
  q.limit = limit;
  return q;
}

// A fresh directory under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() /
             ("claimcheck_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

void write_file(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

// The behaviour both backends share.
void behavioural_table(Index& index) {
  index.add(make_doc("/c/a.txt",
                     "Officials met in 2010.\n\n79% of people were deported.\n\n"
                     "In FY2011, 26% had no conviction and 29% a minor one.\n\n"
                     "About 47,000 people were deported in that period.\n"),
            "h-a");
  index.add(make_doc("/c/b.txt",
                     "The agency spent $2.5 billion.\n\nNearly 80% of detainers were dropped.\n"),
            "h-b");
  index.commit();

  SECTION("words, unit and value range") {
    auto hits = index.search(query("deported", Unit::percent, 78, 80));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].quote == "79% of people were deported.");
    CHECK(hits[0].doc == "a.txt");
    CHECK(hits[0].path == "/c/a.txt");
    CHECK(hits[0].title == "T");
    CHECK(hits[0].date == "2011-01-02");
    CHECK(hits[0].line == 3);
    REQUIRE(hits[0].figures.size() == 1);
    CHECK(hits[0].figures[0].value == 79);
    CHECK(hits[0].figures[0].unit == Unit::percent);
    CHECK(hits[0].figures[0].text == "79%");
    CHECK(hits[0].figures[0].begin == 0);
    CHECK(hits[0].figures[0].end == 3);
  }
  SECTION("stemming: deportations finds deported") {
    auto hits = index.search(query("deportations", Unit::percent));
    REQUIRE(!hits.empty());
    CHECK(hits[0].quote == "79% of people were deported.");
  }
  SECTION("the unit filter applies") {
    auto hits = index.search(query("deported", Unit::count));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].quote == "About 47,000 people were deported in that period.");
  }
  SECTION("unit and range bind to the same figure") {
    // 26% and 29% are percents, 2011 is time context: nothing in 2000..2020.
    CHECK(index.search(query("", Unit::percent, 2000, 2020)).empty());
    auto hits = index.search(query("", Unit::percent, 28, 30));
    REQUIRE(hits.size() == 1);  // one hit per sentence even with two figures
    CHECK(hits[0].figures.size() == 2);
  }
  SECTION("empty text matches everything the filters allow") {
    CHECK(index.search(query("", Unit::percent)).size() == 3);
    CHECK(index.search(query("", std::nullopt, 1e9)).size() == 1);  // $2.5 billion
    CHECK(index.search(query("", std::nullopt, std::nullopt, 30)).size() == 1);
    CHECK(index.search(query()).size() == index.sentence_count());
  }
  SECTION("years used as time context are not evidence") {
    CHECK(index.search(query("officials met")).empty());
  }
  SECTION("limit") {
    CHECK(index.search(query("", std::nullopt, std::nullopt, std::nullopt, 2)).size() == 2);
  }
  SECTION("best first") {
    auto hits = index.search(query("detainers dropped deported"));
    REQUIRE(hits.size() >= 2);
    CHECK(hits[0].quote == "Nearly 80% of detainers were dropped.");
    CHECK(hits[0].score >= hits[1].score);
  }
  SECTION("hashes, paths, replace and remove") {
    CHECK(index.hash_of("/c/a.txt") == "h-a");
    CHECK(index.hash_of("/c/none.txt").empty());
    auto paths = index.paths();
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{"/c/a.txt", "/c/b.txt"});
    CHECK(index.sentence_count() == 5);

    index.add(make_doc("/c/a.txt", "Now 55% of people were deported.\n"), "h-a2");
    index.commit();
    CHECK(index.hash_of("/c/a.txt") == "h-a2");
    CHECK(index.sentence_count() == 3);
    CHECK(index.search(query("deported", Unit::percent, 78, 80)).empty());

    index.remove("/c/b.txt");
    index.commit();
    CHECK(index.paths() == std::vector<std::string>{"/c/a.txt"});
    CHECK(index.sentence_count() == 1);
    CHECK(index.search(query("detainers")).empty());
  }
  SECTION("frame phrases select, words rank") {
    auto framed = [&](std::vector<std::string> phrases, std::string text = "") {
      EvidenceQuery q = query(std::move(text), Unit::percent);
      q.any_phrase = std::move(phrases);
      return index.search(q);
    };
    // Stop words are not indexed: "were deported" is "deported".
    auto hits = framed({"were deported"});
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].quote == "79% of people were deported.");
    CHECK(framed({"Detainers", "no conviction"}).size() == 2);  // any of them
    CHECK(framed({"detainers dropped"}).size() == 1);  // "were" between them is a stop word
    CHECK(framed({"dropped detainers"}).empty());  // not in this order
    CHECK(framed({"people deported officials"}).empty());  // every word
    CHECK(framed({"the", ""}).size() == 3);  // phrases without a word are ignored
    // The words rank and must still match one word.
    CHECK(framed({"deported", "dropped"}, "detainers").size() == 1);
    hits = framed({"deported", "dropped"}, "detainers deported nearly");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].quote == "Nearly 80% of detainers were dropped.");
  }
  SECTION("query syntax that does not parse is read as words") {
    CHECK_NOTHROW(index.search(query("deported AND (\"unbalanced")));
  }
}

}  // namespace

TEST_CASE("memory index: behavioural table", "[index]") {
  auto index = make_memory_index();
  behavioural_table(*index);
}

TEST_CASE("xapian index: behavioural table", "[index]") {
  TempDir dir("xapian_table");
  Diagnostics diags;
  auto index = open_index((dir.path / "db").string(), OpenMode::write, diags);
  REQUIRE(index);
  behavioural_table(*index);
}

TEST_CASE("xapian index: persists, opens read-only, reports open failures", "[index]") {
  TempDir dir("xapian_open");
  const std::string db = (dir.path / "nested" / "db").string();
  Diagnostics diags;
  {
    auto index = open_index(db, OpenMode::write, diags);
    REQUIRE(index);
    index->add(make_doc("/c/a.txt", "79% of people were deported.\n"), "h1");
  }  // destructor commits
  auto reader = open_index(db, OpenMode::read, diags);
  REQUIRE(reader);
  CHECK(reader->hash_of("/c/a.txt") == "h1");
  CHECK(reader->search(query("deported")).size() == 1);
  CHECK_THROWS(reader->add(make_doc("/c/b.txt", "1 in 4.\n"), "h"));

  const std::string missing = (dir.path / "missing").string();
  CHECK(open_index(missing, OpenMode::read, diags) == nullptr);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.rfind("cannot open index " + missing + ": ", 0) == 0);

  diags.clear();
  write_file(dir.path / "garbage" / "iamglass", "not a database");
  CHECK(open_index((dir.path / "garbage").string(), OpenMode::read, diags) == nullptr);
  CHECK(diags.has_errors());
}

TEST_CASE("index_paths: incremental, skips unreadable files, prunes deleted ones", "[index]") {
  TempDir dir("index_paths");
  const fs::path corpus = dir.path / "corpus";
  write_file(corpus / "a.txt", "79% of people were deported.\n");
  write_file(corpus / "sub" / "b.md", "# B\n\nNearly *half* of them, 48%, had no record.\n");
  write_file(corpus / "c.html", "<p>Some 111,000 people were removed.</p>");
  write_file(corpus / "bad.txt", std::string("bin\0ary", 7));
  write_file(corpus / ".hidden" / "h.txt", "12% hidden.\n");
  write_file(corpus / "notes.csv", "1,2,3\n");

  Diagnostics diags;
  auto index = open_index((dir.path / "db").string(), OpenMode::write, diags);
  REQUIRE(index);
  std::vector<IndexProgress> seen;
  IndexStats s = index_paths(*index, {corpus.string()}, diags,
                             [&](const IndexProgress& p) { seen.push_back(p); });
  CHECK(s.files_seen == 4);
  CHECK(s.files_indexed == 3);
  CHECK(s.files_skipped == 1);
  CHECK(s.sentences == 3);
  REQUIRE(seen.size() == 4);
  CHECK(seen.back().files_done == 4);
  CHECK(seen.back().bytes_done == seen.back().bytes_total);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].level == Level::warning);
  CHECK(diags.items()[0].message == "skipped: binary file");
  CHECK(diags.items()[0].file == fs::absolute(corpus / "bad.txt").lexically_normal().string());
  CHECK(index->search(query("hidden")).empty());

  // Nothing changed: nothing re-read into the index.
  diags.clear();
  s = index_paths(*index, {corpus.string()}, diags);
  CHECK(s.files_indexed == 0);
  CHECK(s.files_unchanged == 3);

  // One changed, one deleted.
  write_file(corpus / "a.txt", "81% of people were deported.\n");
  fs::remove(corpus / "c.html");
  s = index_paths(*index, {corpus.string()}, diags);
  CHECK(s.files_indexed == 1);
  CHECK(s.files_unchanged == 1);
  CHECK(s.files_removed == 1);
  CHECK(index->search(query("", std::nullopt, 81, 81)).size() == 1);
  CHECK(index->search(query("", std::nullopt, 79, 79)).empty());
  CHECK(index->search(query("", Unit::count)).empty());

  // A missing path is an error naming it; the run goes on.
  diags.clear();
  s = index_paths(*index, {(dir.path / "nope").string(), corpus.string()}, diags);
  CHECK(diags.has_errors());
  CHECK(s.files_unchanged == 2);
}

TEST_CASE("index_paths works on the memory backend too", "[index]") {
  TempDir dir("index_paths_mem");
  write_file(dir.path / "a.txt", "79% of people were deported.\n");
  auto index = make_memory_index();
  Diagnostics diags;
  IndexStats s = index_paths(*index, {(dir.path / "a.txt").string()}, diags);
  CHECK(s.files_indexed == 1);
  auto hits = index->search(query("deported"));
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].doc == "a.txt");
  CHECK(hits[0].line == 1);
}

TEST_CASE("xapian index, three shards: behavioural table", "[index][shards]") {
  TempDir dir("xapian_shards_table");
  Diagnostics diags;
  auto index = open_index((dir.path / "db").string(), OpenMode::write, diags, 3);
  REQUIRE(index);
  CHECK(fs::is_regular_file(dir.path / "db" / "XAPIANDB"));
  CHECK(fs::is_directory(dir.path / "db" / "shard-2"));
  behavioural_table(*index);
}

// What the report depends on: the same hits in the same order, however the
// files are spread over shards.
TEST_CASE("xapian index: shards answer like one database", "[index][shards]") {
  TempDir dir("xapian_shards_same");
  std::vector<Document> docs;
  for (int i = 0; i < 40; ++i)
    docs.push_back(make_doc("/c/doc" + std::to_string(i) + ".txt",
                            "In report " + std::to_string(i) + ", " + std::to_string(70 + i % 5) +
                                "% of people were deported.\n\nThe office counted " +
                                std::to_string(1000 + i % 3) + " removals and " +
                                (i % 2 ? "detainers" : "transfers") + ".\n"));
  auto build = [&](const std::string& name, size_t shards) {
    Diagnostics diags;
    {
      auto w = open_index((dir.path / name).string(), OpenMode::write, diags, shards);
      REQUIRE(w);
      for (const auto& d : docs) w->add(d, "h");
    }
    auto r = open_index((dir.path / name).string(), OpenMode::read, diags);
    REQUIRE(r);
    return r;
  };
  auto one = build("one", 0);
  auto three = build("three", 3);
  CHECK(three->sentence_count() == one->sentence_count());
  for (const auto& q :
       {query("deported", Unit::percent, 71.5, 72.5, 5), query("", Unit::count, 1001, 1001, 7),
        query("removals detainers", std::nullopt, std::nullopt, std::nullopt, 9),
        query("", Unit::percent, std::nullopt, std::nullopt, 12)}) {
    const auto a = one->search(q), b = three->search(q);
    REQUIRE(a.size() == b.size());
    CHECK(!a.empty());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].path == b[i].path);
      CHECK(a[i].quote == b[i].quote);
    }
  }
}

TEST_CASE("xapian index: a batch of queries answers like one query at a time", "[index]") {
  TempDir dir("xapian_batch");
  const std::string db = (dir.path / "db").string();
  Diagnostics diags;
  {
    auto w = open_index(db, OpenMode::write, diags, 2);
    REQUIRE(w);
    for (int i = 0; i < 30; ++i)
      w->add(make_doc("/c/d" + std::to_string(i) + ".txt",
                      std::to_string(10 + i) + "% of people were deported in report " +
                          std::to_string(i) + ".\n"),
             "h");
  }
  auto r = open_index(db, OpenMode::read, diags);
  REQUIRE(r);
  std::vector<EvidenceQuery> batch;  // enough for the parallel path
  for (int i = 0; i < 40; ++i) batch.push_back(query("deported", Unit::percent, 10 + i, 12 + i, 3));
  const auto all = r->search_all(batch);
  REQUIRE(all.size() == batch.size());
  size_t hits = 0;
  for (size_t i = 0; i < batch.size(); ++i) {
    const auto one = r->search(batch[i]);
    REQUIRE(all[i].size() == one.size());
    for (size_t k = 0; k < one.size(); ++k) CHECK(all[i][k].path == one[k].path);
    hits += one.size();
  }
  CHECK(hits > 30);
}

TEST_CASE("xapian index: a common figure on a large corpus is narrowed by the rare words",
          "[index][shards]") {
  // 1,200 sentences state 12% in common words, one in rare ones: more
  // candidates than the index scores in full, so only sentences holding the
  // query's rarest words are candidates. The rare sentence must still come
  // first, and one database and two shards must choose the same words.
  TempDir dir("xapian_narrow");
  const std::string one_db = (dir.path / "one").string(), two_db = (dir.path / "two").string();
  Diagnostics diags;
  {
    auto one = open_index(one_db, OpenMode::write, diags);
    auto two = open_index(two_db, OpenMode::write, diags, 2);
    REQUIRE(one);
    REQUIRE(two);
    for (int i = 0; i < 1200; ++i) {
      const auto doc = make_doc("/c/r" + std::to_string(i) + ".txt",
                                "In report " + std::to_string(i) +
                                    ", 12% of the committee members voted for the budget.\n");
      one->add(doc, "h");
      two->add(doc, "h");
    }
    const auto rare = make_doc("/c/zanzibar.txt", "The Zanzibar ferry carried 12% of travellers.\n");
    one->add(rare, "h");
    two->add(rare, "h");
  }
  auto one = open_index(one_db, OpenMode::read, diags);
  auto two = open_index(two_db, OpenMode::read, diags);
  REQUIRE(one);
  REQUIRE(two);
  const auto q = query("the ferry to Zanzibar carried 12% of committee members", Unit::percent,
                       11.5, 12.5, 5);
  const auto a = one->search(q), b = two->search(q);
  REQUIRE(!a.empty());
  CHECK(a[0].doc == "zanzibar.txt");
  // Narrowed: the committee sentences share none of the rare words (ferry,
  // Zanzibar, carried), so they are not candidates; unnarrowed they would
  // fill the other four places.
  CHECK(a.size() == 1);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].score == Approx(b[i].score));
  }
  // Without rare words in the query every candidate is still reachable.
  const auto common = one->search(query("committee members", Unit::percent, 11.5, 12.5, 5));
  CHECK(common.size() == 5);
  // And a value nobody states finds nothing, however common the words.
  CHECK(one->search(query("committee members", Unit::percent, 13.5, 14.5, 5)).empty());
}

TEST_CASE("xapian index: shard layout errors", "[index][shards]") {
  TempDir dir("xapian_shards_errors");
  Diagnostics diags;
  const std::string plain = (dir.path / "plain").string();
  { REQUIRE(open_index(plain, OpenMode::write, diags)); }
  // A single database cannot silently become shards, nor 2 shards become 3.
  CHECK(open_index(plain, OpenMode::write, diags, 2) == nullptr);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.find("re-partitioning is not supported") != std::string::npos);
  diags.clear();
  const std::string two = (dir.path / "two").string();
  { REQUIRE(open_index(two, OpenMode::write, diags, 2)); }
  CHECK(open_index(two, OpenMode::write, diags, 3) == nullptr);
  CHECK(diags.has_errors());
  diags.clear();
  { CHECK(open_index(two, OpenMode::write, diags) != nullptr); }  // as found
  CHECK(!diags.has_errors());
  // Remote shards are searched, not written.
  write_file(dir.path / "remote.stub", "# served elsewhere\nremote 127.0.0.1:1\n");
  CHECK(open_index((dir.path / "remote.stub").string(), OpenMode::write, diags) == nullptr);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[0].message.find("not a local database") != std::string::npos);
}

// An index written by another format version (older bucket terms, say) would
// silently miss figures: reading refuses it, writing redoes every file.
TEST_CASE("xapian index: another format version is refused for reading and redone by writing",
          "[index]") {
  TempDir dir("xapian_format");
  const std::string db = (dir.path / "db").string();
  Diagnostics diags;
  {
    auto w = open_index(db, OpenMode::write, diags);
    REQUIRE(w);
    w->add(make_doc("/c/a.txt", "79% of people were deported.\n"), "h1");
  }
  {
    Xapian::WritableDatabase raw(db);
    raw.set_metadata("claimcheck:format", "1");
    raw.commit();
  }
  CHECK(open_index(db, OpenMode::read, diags) == nullptr);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.find("built by an older claimcheck") != std::string::npos);
  diags.clear();
  {
    auto w = open_index(db, OpenMode::write, diags);
    REQUIRE(w);
    CHECK(w->hash_of("/c/a.txt").empty());  // so index_paths re-adds it
    w->add(make_doc("/c/a.txt", "79% of people were deported.\n"), "h1");
  }
  auto r = open_index(db, OpenMode::read, diags);
  REQUIRE(r);
  CHECK(r->hash_of("/c/a.txt") == "h1");
  CHECK(r->search(query("deported", Unit::percent, 78, 80)).size() == 1);
}

TEST_CASE("index: stored evidence round-trips, and foreign data is refused", "[index]") {
  auto ev = [](std::string path, std::string doc, std::string quote,
               std::vector<EvidenceFigure> figures) {
    Evidence e;
    e.path = std::move(path);
    e.doc = std::move(doc);
    e.title = "Title\nwith a line break";
    e.date = "2011-08-01";
    e.line = 29;
    e.quote = std::move(quote);
    e.figures = std::move(figures);
    return e;
  };
  const Evidence rows[] = {
      ev("/c/a.txt", "a.txt", "79% of people were deported.", {{79, Unit::percent, "79%", 0, 3}}),
      // a figure's text that is not its span of the quote is kept as written
      ev("/c/b.md", "b.md", "Nearly eighty percent.", {{80, Unit::percent, "eighty percent", 7, 11}}),
      // a document name other than the path's basename; a newline in a path
      ev("/c/x\ny.txt", "report", "Two figures: 26% and $2.5 billion.",
         {{26, Unit::percent, "26%", 13, 16}, {2.5e9, Unit::usd, "$2.5 billion", 21, 33}}),
      ev("", "", "", {}),
  };
  for (const auto& e : rows) {
    INFO(e.path);
    const auto back = index_detail::decode_evidence(index_detail::encode_evidence(e));
    REQUIRE(back);
    CHECK(back->path == e.path);
    CHECK(back->doc == e.doc);
    CHECK(back->title == e.title);
    CHECK(back->date == e.date);
    CHECK(back->line == e.line);
    CHECK(back->quote == e.quote);
    REQUIRE(back->figures.size() == e.figures.size());
    for (size_t k = 0; k < e.figures.size(); ++k) {
      CHECK(back->figures[k].value == e.figures[k].value);
      CHECK(back->figures[k].unit == e.figures[k].unit);
      CHECK(back->figures[k].text == e.figures[k].text);
      CHECK(back->figures[k].begin == e.figures[k].begin);
      CHECK(back->figures[k].end == e.figures[k].end);
    }
  }
  const std::string good = index_detail::encode_evidence(rows[2]);
  for (const std::string& bad : {std::string(), std::string("{\"doc\":\"a\"}"), good.substr(0, good.size() - 1),
                                good + "x", std::string("ccE1\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")}) {
    INFO(bad.size());
    CHECK(!index_detail::decode_evidence(bad));
  }
}

TEST_CASE("index: admits decides the filters exactly", "[index]") {
  Evidence e;
  e.quote = "Nearly 80% of detainers were dropped, and 26 percent were deported.";
  e.figures = {{80, Unit::percent, "80%", 7, 10}, {26, Unit::percent, "26 percent", 42, 52}};
  auto q = [](std::optional<Unit> unit, std::optional<double> lo, std::optional<double> hi,
              std::vector<std::string> phrases = {}) {
    EvidenceQuery r;
    r.unit = unit;
    r.lo = lo;
    r.hi = hi;
    r.any_phrase = std::move(phrases);
    return r;
  };
  struct Row {
    EvidenceQuery query;
    bool admitted;
  };
  const Row rows[] = {
      {q(Unit::percent, 79.5, 80.5), true},
      {q(Unit::percent, 80.005, 80.5), false},  // in 80's finest bucket, not in the range
      {q(Unit::percent, 27, 79), false},         // between the two figures
      {q(Unit::count, 79, 81), false},           // another unit
      {q(std::nullopt, 25, 27), true},           // any unit
      {q(std::nullopt, 81, std::nullopt), false},
      {q(Unit::percent, 20, 30, {"detainers dropped"}), true},  // "were" is a stop word
      {q(Unit::percent, 20, 30, {"dropped detainers"}), false},  // not in this order
      {q(Unit::percent, 20, 30, {"deport*"}), true},
      {q(Unit::percent, 20, 30, {"the", ""}), true},  // phrases without a word are ignored
  };
  for (const auto& r : rows) {
    INFO((r.query.lo ? *r.query.lo : -1) << ".." << (r.query.hi ? *r.query.hi : -1));
    CHECK(index_detail::admits(r.query, e) == r.admitted);
  }
}
