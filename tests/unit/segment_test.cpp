// segment_test.cpp — tables of cases for split_sentences and split_clauses.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "claimcheck/mention.hpp"

namespace {

std::vector<std::string> texts(std::string_view s, const std::vector<claimcheck::Span>& spans) {
  std::vector<std::string> out;
  for (const auto& sp : spans) out.emplace_back(s.substr(sp.begin, sp.end - sp.begin));
  return out;
}

}  // namespace

TEST_CASE("sentences", "[segment]") {
  struct Case {
    std::string input;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"One sentence. Another one.", {"One sentence.", "Another one."}},
      {"ICE identified U.S. Citizens. Then more.", {"ICE identified U.S. Citizens.", "Then more."}},
      {"A report by Dr. Dora Schriro said so. Next.", {"A report by Dr. Dora Schriro said so.", "Next."}},
      {"This line wraps\nhere and ends. Next one.", {"This line wraps\nhere and ends.", "Next one."}},
      {"A heading\n\nA paragraph.", {"A heading", "A paragraph."}},
      {"Intro:\n- first item\n- second item", {"Intro:", "- first item", "- second item"}},
      {"- 1. Doesn't do it.**\n - says it", {"- 1. Doesn't do it.**", "- says it"}},
      {"1. It destroys families\nAlthough ICE said so.", {"1. It destroys families", "Although ICE said so."}},
      {"\u00B7 More than a quarter.\n\n\u00B7 The vast majority.", {"\u00B7 More than a quarter.", "\u00B7 The vast majority."}},
      {"\u2022 bullet one\n\u2022 bullet two", {"\u2022 bullet one", "\u2022 bullet two"}},
      {"# Title\nBody text here.", {"# Title", "Body text here."}},
      {"  padded sentence.  ", {"padded sentence."}},
      {"Caf\u00e9 costs 5%. Na\u00efve plan.", {"Caf\u00e9 costs 5%.", "Na\u00efve plan."}},
      {"", {}},
      {"\n\n  \n", {}},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto got = texts(c.input, claimcheck::split_sentences(c.input));
    CHECK(got == c.sentences);
  }
}

// sentences_around must give exactly split_sentences' spans in the blocks it
// segments, and every sentence that holds a mention.
static void check_around(const std::string& input) {
  const auto all = claimcheck::split_sentences(input);
  const auto mentions = claimcheck::extract_mentions(input);
  const auto around = claimcheck::sentences_around(input, mentions);
  auto same = [](const claimcheck::Span& a, const claimcheck::Span& b) {
    return a.begin == b.begin && a.end == b.end;
  };
  for (const auto& sp : around)
    CHECK(std::any_of(all.begin(), all.end(), [&](const auto& x) { return same(x, sp); }));
  for (const auto& sp : all) {
    const bool holds = std::any_of(mentions.begin(), mentions.end(), [&](const auto& m) {
      return m.begin >= sp.begin && m.begin < sp.end;
    });
    if (holds) CHECK(std::any_of(around.begin(), around.end(), [&](const auto& x) { return same(x, sp); }));
  }
}

TEST_CASE("sentences around mentions: the same spans, only where figures are", "[segment]") {
  const std::vector<std::string> cases = {
      "No figure here. None at all.\n\nBut 79% of them were deported. And 26 percent not.",
      "This line wraps\nhere with 55% and ends. Next one has 12.\nStill the paragraph.",
      "Intro:\n- first item 3%\n- second item\n- third item 4%",
      "# Title 2010\nBody text with 47,000 here.\n\nA U.S. total of 1,200. Then Dr. No said 5.",
      "- 1. Doesn't do it 5%.**\n - says it",
      "CRLF line 12%.\r\nNext line.\r\n\r\nLast 9 one.",
      "Ends with a figure 80%",
      "",
      "no figures at all",
  };
  for (const auto& c : cases) {
    INFO("input: " << c);
    check_around(c);
  }
  // Sentences without a figure in a block without one are skipped.
  const std::string text = "No figure here. None.\n\nBut 79% were.";
  const auto around = claimcheck::sentences_around(text, claimcheck::extract_mentions(text));
  REQUIRE(around.size() == 1);
  CHECK(texts(text, around)[0] == "But 79% were.");
}

TEST_CASE("sentences around mentions: the bundled corpus and prose drafts", "[segment]") {
  namespace fs = std::filesystem;
  size_t files = 0;
  // CLAIMCHECK_SEGMENT_DIRS (folders, ':'-separated) adds a larger corpus.
  std::vector<fs::path> roots;
  for (const char* dir : {"corpus", "tests/prose", "examples"})
    roots.push_back(fs::path(CLAIMCHECK_SOURCE_DIR) / dir);
  if (const char* extra = std::getenv("CLAIMCHECK_SEGMENT_DIRS")) {
    std::stringstream list(extra);
    for (std::string d; std::getline(list, d, ':');) roots.emplace_back(d);
  }
  for (const auto& root : roots) {
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".md" && ext != ".txt")) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      INFO(e.path());
      check_around(ss.str());
      ++files;
    }
  }
  CHECK(files >= 10);
}

TEST_CASE("sentences on invalid UTF-8 stay in bounds", "[segment]") {
  const std::vector<std::string> cases = {std::string("Bad \xff\xfe byte. Next \xc3"), std::string("\xe2\x80"),
                                          std::string(3, '\xff')};
  for (const auto& input : cases) {
    for (const auto& sp : claimcheck::split_sentences(input)) {
      CHECK(sp.begin <= sp.end);
      CHECK(sp.end <= input.size());
    }
  }
}

TEST_CASE("clauses", "[segment]") {
  struct Case {
    std::string input;
    std::vector<std::string> clauses;
  };
  const std::vector<Case> cases = {
      {"No commas here at all.", {"No commas here at all."}},
      {"First part; second part.", {"First part", "second part."}},
      {"They said: it is so.", {"They said", "it is so."}},
      {"At 5:30 we met.", {"At 5:30 we met."}},
      {"Its priorities \u2014 giving priority to some \u2014 are unclear.",
       {"Its priorities", "giving priority to some", "are unclear."}},
      {"people afraid to call \u2013 crimes go unreported", {"people afraid to call", "crimes go unreported"}},
      {"pages 10\u201312 say so", {"pages 10\u201312 say so"}},
      {"at arrest, not conviction - thereby upending it", {"at arrest, not conviction", "thereby upending it"}},
      {"More than a quarter (28 percent; a lot) of them", {"More than a quarter (28 percent; a lot) of them"}},
      {"It rose, and then it fell.", {"It rose", "and then it fell."}},
      {"It rose, but then it fell.", {"It rose", "but then it fell."}},
      {"It rose, while others fell.", {"It rose", "while others fell."}},
      {"Apples, pears and plums.", {"Apples, pears and plums."}},
      {"26% had no conviction and 29% a minor one", {"26% had no conviction", "and 29% a minor one"}},
      {"launched in 2008 and came to Oregon in 2010.", {"launched in 2008", "and came to Oregon in 2010."}},
      {"Between October 2008 and June 2010, 79% were deported.",
       {"Between October 2008 and June 2010, 79% were deported."}},
      {"Levels 2 and 3 offenses", {"Levels 2 and 3 offenses"}},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto got = texts(c.input, claimcheck::split_clauses(c.input));
    CHECK(got == c.clauses);
  }
}
