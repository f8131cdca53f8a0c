// lint_test.cpp — lint's warnings about vocabulary phrases: too common to
// tell figures apart, and (with a corpus) never written in it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "claimcheck/index.hpp"
#include "claimcheck/suggest.hpp"
#include "rules/rules_internal.hpp"

using namespace claimcheck;

namespace {

const std::string kRules = R"({
  "claimcheck_rules": 1,
  "vocabulary": {
    "measure": { "removals": ["deported", "reached"], "poverty": ["poverty rate"] },
    "category": { "kids": ["children", "of the"], "typo": ["chidlren"] }
  },
  "claims": [
    { "id": "a", "value": 5, "unit": "percent", "frame": { "measure": "removals" },
      "source": { "doc": "a.md" } }
  ]
})";

std::vector<std::string> warnings(const Index* corpus) {
  Diagnostics diags;
  rules_detail::lint_inputs({{"r.json", kRules, ""}}, diags, corpus);
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    CHECK(d.level == Level::warning);
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& part) {
  for (const auto& s : list)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("lint: a phrase too common to tell figures apart is a warning at its place", "[lint]") {
  const auto w = warnings(nullptr);
  INFO(::Catch::Detail::stringify(w));
  CHECK(has(w, "4:43 vocabulary.measure.removals[1]: phrase \"reached\" is too common"));
  CHECK(has(w,
            "5:40 vocabulary.category.kids[1]: phrase \"of the\" is too common to tell figures "
            "apart (only "
            "stop words)"));
  CHECK_FALSE(has(w, "\"deported\""));
  CHECK_FALSE(has(w, "never occurs"));  // no corpus given
}

TEST_CASE("lint: with a corpus, phrases it never writes beside a figure", "[lint]") {
  auto index = make_memory_index();
  Document doc;
  doc.path = "a.md";
  doc.format = "md";
  doc.text = "In 2022, 12.4 percent of children were deported. The poverty rates rose by 3 points.";
  index->add(doc, "h1");
  index->commit();
  const auto w = warnings(index.get());
  INFO(::Catch::Detail::stringify(w));
  CHECK(has(w,
            "5:60 vocabulary.category.typo[0]: phrase \"chidlren\" never occurs in a sentence of "
            "the corpus"));
  CHECK_FALSE(has(w, "\"children\" never occurs"));
  CHECK_FALSE(has(w, "\"deported\" never occurs"));
  CHECK_FALSE(has(w, "\"poverty rate\" never occurs"));  // as "poverty rates": inflections count
}

TEST_CASE("lint: phrases of two ids that find the same words once inflections count", "[lint]") {
  const std::string rules = R"({
  "claimcheck_rules": 1,
  "vocabulary": {
    "measure": { "removals": ["deport"], "deportations": ["deportations"], "returns": ["=deported"],
                 "detainers": ["detainers"], "detentions": ["detained"] }
  }
})";
  Diagnostics diags;
  rules_detail::lint_inputs({{"r.json", rules, ""}}, diags);
  std::string all;
  for (const auto& d : diags.items()) all += d.format() + "\n";
  INFO(all);
  CHECK(all.find("vocabulary.measure.deportations[0]: phrase \"deportations\" finds the same words "
                 "as \"deport\" "
                 "of measure \"removals\"") != std::string::npos);
  CHECK(all.find("\"=deported\" finds") == std::string::npos);  // exact: as written only
  CHECK(all.find("\"detained\" finds") == std::string::npos);   // "detainers" is another word
  CHECK(diags.items().size() == 1);
}
