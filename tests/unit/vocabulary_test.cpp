// vocabulary_test.cpp — phrases match like a reader: inflections and derived
// forms of plain words, exact forms as written, hyphen and space the same.
#include "rules/vocabulary.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace claimcheck;
using namespace claimcheck::rules_detail;

namespace {

// The texts `phrase` (alone in its vocabulary) is found in, as matched spans.
std::vector<std::string> found(const std::string& phrase, const std::string& text) {
  CompiledVocabulary v;
  v.add(Dimension::measure, "id", phrase);
  REQUIRE(v.build());
  std::vector<std::string> out;
  for (const auto& h : v.match(text)) out.push_back(text.substr(h.begin, h.end - h.begin));
  return out;
}

}  // namespace

TEST_CASE("vocabulary: a phrase matches its inflections, not other words", "[vocabulary]") {
  struct Case {
    std::string phrase;
    std::vector<std::string> matching;
    std::vector<std::string> not_matching;
  };
  const std::vector<Case> cases = {
      {"deport",
       {"deport", "deported", "Deporting", "deports", "deportation", "deportations", "deportee",
        "deportees"},
       {"deporter", "deporters", "report", "teleport"}},
      {"deported", {"deported", "deport", "deportation"}, {"reported"}},
      // The author's derivation is kept: "removals" is a noun, "removed" another word.
      {"removals", {"removal", "removals"}, {"removed", "remove"}},
      {"remove", {"remove", "removed", "removing", "removal", "removals"}, {"remover", "removers"}},
      // An agent noun is another population.
      {"detained", {"detained", "detain", "detaining"}, {"detainer", "detainers"}},
      {"detainers", {"detainer", "detainers"}, {"detained", "detain"}},
      {"report", {"reported", "reports"}, {"reporter", "reporters"}},
      // Short words and acronyms only as written (whole words, any case).
      {"ice", {"ice", "ICE"}, {"iced", "police", "ices"}},
      {"ICE", {"ICE", "ice"}, {"iced", "ICEd"}},
      {"CAP", {"CAP"}, {"capped", "caps", "capital"}},
      {"=deport", {"deport"}, {"deported", "deportation"}},
      {"=ICE", {"ICE"}, {"iced"}},
      {"children", {"children"}, {"child", "childhood"}},
      {"family", {"family", "families"}, {"familiar", "famine"}},
      {"admitted", {"admitted", "admits", "admit"}, {"admirer", "admission"}},
      {"level", {"level", "levels"}, {"leverage", "lever"}},
      {"state", {"state", "states", "stated"}, {"statistics", "station", "statement"}},
      // Hyphen and space are the same; written with a hyphen, closed up too.
      {"low-level offenses",
       {"low-level offenses", "low level offense", "lowlevel offenses", "Low-Level\noffense"},
       {"low-level, offenses", "low--level offenses", "lower-level offenses", "low-level theft",
        "lowleveloffenses"}},
      {"non-criminal",
       {"non-criminal", "non criminal", "noncriminal", "non-criminals"},
       {"criminal", "non"}},
      {"low level", {"low-level", "low level"}, {"lowlevel"}},
      {"Secure Communities",
       {"Secure Communities", "secure community"},
       {"Secure Comm", "securities"}},
      // Digits and signs: as written.
      {"287(g)", {"287(g)"}, {"1287(g)"}},
      {"Level 2", {"Level 2", "level 2"}, {"Levels 2", "Level 22"}},
      {"U.S. citizens", {"U.S. citizens"}, {"U.S. citizen"}},
  };
  for (const auto& c : cases) {
    for (const auto& text : c.matching) {
      INFO(c.phrase << " should find " << text);
      CHECK(found(c.phrase, "x " + text + " y") == std::vector<std::string>{text});
    }
    for (const auto& text : c.not_matching) {
      INFO(c.phrase << " should not find " << text);
      CHECK(found(c.phrase, "x " + text + " y").empty());
    }
  }
}

TEST_CASE("vocabulary: leftmost-longest across stemmed and exact phrases", "[vocabulary]") {
  CompiledVocabulary v;
  v.add(Dimension::measure, "transfers", "transferred to ICE custody");
  v.add(Dimension::measure, "moves", "transfer");
  v.add(Dimension::category, "low", "/Level [23]/");
  v.add(Dimension::category, "l1", "Level 1 offenders");
  REQUIRE(v.build());
  const std::string text = "Level 1 offender transfers, then transferred to ice custody; Level 2.";
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& h : v.match(text)) got.emplace_back(h.id, text.substr(h.begin, h.end - h.begin));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"moves", "transfers"}, {"transfers", "transferred to ice custody"}, {"low", "Level 2"}};
  CHECK(got == expected);  // "Level 1 offenders" has a digit: as written, so not "offender"
}

TEST_CASE("vocabulary: search forms for the index", "[vocabulary]") {
  CHECK(search_form("deportations") == "deportation*");
  CHECK(search_form("low-level offenses") == "low level* offens*");
  CHECK(search_form("=ICE") == "ICE");
  CHECK(search_form("ICE") == "ICE");
  CHECK(search_form("287(g)") == "287(g)");
  CHECK(search_form("/Level [23]/") == "/Level [23]/");
}

TEST_CASE("vocabulary: phrases too common to tell figures apart", "[vocabulary]") {
  const std::vector<std::string> common = {"reached", "rose",   "rises",   "said",  "increased",
                                           "the",     "of the", "percent", "Total", "fell to"};
  const std::vector<std::string> fine = {
      "deported", "poverty rate", "rose garden", "ICE",
      "Level 2",  "/reached/",    "removals",    "said to be deported"};
  for (const auto& p : common) {
    INFO(p);
    CHECK(too_common_reason(p).has_value());
  }
  for (const auto& p : fine) {
    INFO(p);
    CHECK_FALSE(too_common_reason(p).has_value());
  }
}

TEST_CASE("vocabulary: thousands of ids match as one leftmost-longest pattern", "[vocabulary]") {
  // 3,000 filler ids put the phrases below in different compiled chunks (a
  // chunk holds a few hundred ids); the merge must still give what one
  // combined pattern gives: "bravo charlie" overlaps "alpha bravo", which
  // starts first, and is dropped, yet "charlie delta" of the same chunk is
  // found after it.
  struct Case {
    std::string text;
    std::vector<std::pair<std::string, std::string>> expected;  // id, matched text
  };
  CompiledVocabulary v;
  v.add(Dimension::category, "a-first", "alpha bravo");
  for (int i = 0; i < 3000; ++i) {
    // As written (a digit) and stemmed ("filler qaab"): both kinds of chunk.
    v.add(Dimension::category, "m" + std::to_string(10000 + i), "filler term" + std::to_string(i));
    const std::string letters = {'q', static_cast<char>('a' + i / 676), static_cast<char>('a' + i / 26 % 26),
                                 static_cast<char>('a' + i % 26)};
    v.add(Dimension::category, "n" + std::to_string(10000 + i), "filler " + letters);
  }
  v.add(Dimension::category, "z-bc", "bravo charlie");
  v.add(Dimension::category, "z-cd", "charlie delta");
  v.add(Dimension::category, "z-long", "alpha bravo charlie delta echo");
  v.add(Dimension::category, "z-stem", "deport");
  REQUIRE(v.build());
  const std::vector<Case> cases = {
      {"alpha bravo charlie delta", {{"a-first", "alpha bravo"}, {"z-cd", "charlie delta"}}},
      {"alpha bravo charlie delta echo", {{"z-long", "alpha bravo charlie delta echo"}}},
      {"bravo charlie delta", {{"z-bc", "bravo charlie"}}},
      {"filler term2999 then filler term7 deported fillers qabc",
       {{"m12999", "filler term2999"},
        {"m10007", "filler term7"},
        {"z-stem", "deported"},
        {"n10028", "fillers qabc"}}},
      {"filler term30000", {}},
  };
  for (const auto& c : cases) {
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& h : v.match(c.text))
      got.emplace_back(h.id, c.text.substr(h.begin, h.end - h.begin));
    INFO(c.text);
    CHECK(got == c.expected);
  }
}
