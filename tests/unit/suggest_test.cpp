// suggest_test.cpp — rules drafted from documents: vocabulary from counted
// nouns and their qualifiers, one claim per frame and value, conflicts
// marked, merge without duplicates, and a draft that loads and lints clean.
#include "claimcheck/suggest.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "claimcheck/rules.hpp"
#include "rules/rules_internal.hpp"

using namespace claimcheck;
using nlohmann::json;

namespace {

Document doc(const std::string& path, const std::string& text) {
  Document d;
  d.path = path;
  d.format = "md";
  d.text = text;
  d.meta.date = "2023-09-15";
  return d;
}

const std::vector<Document> kDocs = {
    doc("a.md",
        "The official poverty rate was 11.5 percent in 2022.\n\n"
        "The supplemental poverty rate was 12.4 percent in 2022.\n\n"
        "For children under 18, the official child poverty rate was 15.0 percent in 2022.\n"),
    doc("b.md",
        "The supplemental poverty rate was 12 percent in 2022.\n\n"
        "In 2022, 37.9 million people were living in poverty.\n")};

json draft(const SuggestOptions& options = {}) {
  Diagnostics diags;
  auto r = suggest_rules(kDocs, options, diags);
  REQUIRE(r);
  return json::parse(r->json);
}

const json* claim_of(const json& rules, double value) {
  for (const auto& c : rules["claims"])
    if (c["value"].get<double>() == value) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("suggest: vocabulary and claims from the figures documents state", "[suggest]") {
  const json r = draft();
  INFO(r.dump(2));
  CHECK(r["description"].get<std::string>().rfind("DRAFT: ", 0) == 0);
  CHECK(r["vocabulary"]["measure"]["poverty-rate"] == json::array({"poverty rate"}));
  CHECK(r["vocabulary"]["measure"].contains("people"));
  for (const char* c : {"official", "supplemental"}) CHECK(r["vocabulary"]["category"].contains(c));
  struct Case {
    double value;
    std::string unit, measure;
    std::vector<std::string> category;
    bool conflict;
  };
  const std::vector<Case> cases = {
      {11.5, "percent", "poverty-rate", {"official"}, false},
      {12.4, "percent", "poverty-rate", {"supplemental"}, true},  // b.md rounds it to 12
      {12, "percent", "poverty-rate", {"supplemental"}, true},
      {15, "percent", "poverty-rate", {"child", "official"}, false},
      {37.9e6, "count", "people", {}, false},
  };
  for (const auto& c : cases) {
    INFO(c.value);
    const json* claim = claim_of(r, c.value);
    REQUIRE(claim);
    CHECK((*claim)["unit"] == c.unit);
    CHECK((*claim)["frame"]["measure"] == c.measure);
    CHECK((*claim)["frame"].value("category", json::array()) == json(c.category));
    CHECK((*claim)["frame"]["period"] == json({{"from", "2022-01-01"}, {"to", "2022-12-31"}}));
    CHECK(((*claim)["definition"].get<std::string>().rfind("CONFLICT", 0) == 0) == c.conflict);
    CHECK((*claim)["source"]["doc"].get<std::string>().size() == 4);
  }
  CHECK_FALSE(claim_of(r, 18));  // "children under 18": an age bound, not a figure
  CHECK(r["claims"].size() == cases.size());
}

TEST_CASE("suggest: the draft loads and lints clean; merging adds nothing twice", "[suggest]") {
  const json r = draft();
  Diagnostics diags;
  rules_detail::lint_inputs({{"draft.json", r.dump(), ""}}, diags);
  std::string all;
  for (const auto& d : diags.items()) all += d.format() + "\n";
  INFO(all);
  CHECK(diags.items().empty());

  SuggestOptions into_itself;
  into_itself.merge = std::make_pair(std::string("draft.json"), r.dump());
  const json again = draft(into_itself);
  CHECK(again["claims"] == r["claims"]);
  CHECK(again["vocabulary"] == r["vocabulary"]);
}
