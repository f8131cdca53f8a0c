// seeds_mentions_test.cpp — every figure in the five seed documents comes out
// with the right value and unit, and none of their non-figures does.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "claimcheck/mention.hpp"

using claimcheck::Mention;
using claimcheck::Unit;

namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expected {
  std::string file;     // seed file name prefix ("000")
  std::string context;  // text around the figure that locates it
  std::string text;     // mention text
  double value;
  Unit unit;
  std::string gloss = "";
  bool time_context = false;
};

}  // namespace

TEST_CASE("seed documents: every figure, and no non-figure", "[seeds]") {
  const std::filesystem::path dir = std::filesystem::path(CLAIMCHECK_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(dir)) {
    WARN("skipped: seed directory " << dir.string() << " not found (needs ../shared beside the repo)");
    return;
  }
  std::map<std::string, std::string> docs;  // "000" -> text
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") docs[e.path().filename().string().substr(0, 3)] = read_all(e.path());
  REQUIRE(docs.size() == 5);

  const std::vector<Expected> figures = {
      {"000", "identified 111,000", "111,000", 111000, Unit::count},
      {"000", "but 100,000 charged", "100,000", 100000, Unit::count},
      {"000", "(5% tags)", "5%", 5, Unit::percent},
      {"000", "spending billions on", "billions", 2e9, Unit::count},  // vague: "billions" is at least two
      {"000", "nearly half (48 percent)", "48 percent", 48, Unit::percent, "nearly half"},
      {"000", "fiscal year 2009", "2009", 2009, Unit::year, "", true},
      {"001", "Created in 2007", "2007", 2007, Unit::year, "", false},
      {"001", "people, 79%,", "79%", 79, Unit::percent, "a vast majority"},
      {"001", "approximately 47,000", "approximately 47,000", 47000, Unit::count},
      {"001", "only about 20%", "about 20%", 20, Unit::percent},
      {"002", "starting in 2010", "2010", 2010, Unit::year, "", false},
      {"002", "(28 percent)", "28 percent", 28, Unit::percent, "More than a quarter"},
      {"002", "(79 percent)", "79 percent", 79, Unit::percent, "The vast majority"},
      {"003", "that 5% of database", "5%", 5, Unit::percent},
      {"003", "issued 3,847", "3,847", 3847, Unit::count},
      {"003", "and 16,227", "16,227", 16227, Unit::count},
      {"003", "less than half of", "less than half", 50, Unit::percent},
      {"004", "Administration in 2008", "2008", 2008, Unit::year, "", false},
      {"004", "Fiscal Year 2011", "2011", 2011, Unit::year, "", true},
      {"004", "2011, 29% of", "29%", 29, Unit::percent},
      {"004", "26% percent", "26% percent", 26, Unit::percent},
      {"004", "Thus, 55%", "55%", 55, Unit::percent},
  };

  std::map<std::string, std::vector<Mention>> found;
  // Minor mentions ("four years", "one statistician") are quantities reports
  // list but checks leave alone: they are not figures here.
  for (const auto& [k, text] : docs) {
    found[k] = claimcheck::extract_mentions(text);
    std::erase_if(found[k], [](const Mention& m) { return m.minor; });
  }

  std::map<std::string, size_t> matched;
  for (const auto& f : figures) {
    INFO("seed " << f.file << ": " << f.context);
    const std::string& text = docs[f.file];
    size_t at = text.find(f.context);
    REQUIRE(at != std::string::npos);
    const Mention* hit = nullptr;
    for (const auto& m : found[f.file])
      if (m.begin >= at && m.end <= at + f.context.size() + 0 && m.text == f.text) hit = &m;
    if (!hit)  // the mention may begin before the context (a hedge)
      for (const auto& m : found[f.file])
        if (m.text == f.text && m.end > at && m.begin < at + f.context.size()) hit = &m;
    REQUIRE(hit != nullptr);
    CHECK(hit->value == Approx(f.value));
    CHECK(hit->unit == f.unit);
    CHECK(hit->gloss == f.gloss);
    if (f.unit == Unit::year) CHECK(hit->time_context == f.time_context);
    ++matched[f.file];
  }
  // Nothing else: every mention in the seeds is one of the figures above.
  for (const auto& [k, ms] : found) {
    INFO("seed " << k);
    std::string all;
    for (const auto& m : ms) all += "[" + m.text + "] ";
    INFO("mentions: " << all);
    CHECK(ms.size() == matched[k]);
  }

  // And explicitly: the non-figures never appear inside any mention.
  const std::vector<std::pair<std::string, std::string>> non_figures = {
      {"000", "- 1. Doesn't"}, {"000", "287g"},          {"002", "9/11"},
      {"002", "503-543-8417"}, {"002", "1. It destroys"}, {"003", "287(g)"},
      {"001", "Level 1"},      {"004", "May 04, 2012"},   {"004", "April 27"},
      {"004", "four years"},   {"004", "one statistician"}, {"004", "one year"},
  };
  for (const auto& [k, phrase] : non_figures) {
    INFO("seed " << k << ": " << phrase);
    const std::string& text = docs[k];
    size_t at = text.find(phrase);
    REQUIRE(at != std::string::npos);
    for (const auto& m : found[k]) CHECK((m.end <= at || m.begin >= at + phrase.size()));
  }
}
