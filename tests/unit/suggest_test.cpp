// suggest_test.cpp — rules drafted from documents: vocabulary from counted
// nouns and their qualifiers, one claim per frame and value, conflicts
// marked, merge without duplicates, and a draft that loads and lints clean.
#include "claimcheck/suggest.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <map>
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

// The facet each drafted category id is declared in (version 2).
std::map<std::string, std::string> facet_of(const json& rules) {
  std::map<std::string, std::string> out;
  const json facets = rules.value("facets", json::object());
  for (const auto& [facet, decl] : facets.items())
    for (const auto& [id, phrases] : rules["vocabulary"][facet].items()) out[id] = facet;
  return out;
}

// A frame's category ids, from every facet field.
std::vector<std::string> categories_of(const json& rules, const json& frame) {
  std::vector<std::string> out;
  const json facets = rules.value("facets", json::object());
  for (const auto& [facet, decl] : facets.items()) {
    if (!frame.contains(facet)) continue;
    if (frame[facet].is_string())
      out.push_back(frame[facet]);
    else
      for (const auto& id : frame[facet]) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("suggest: vocabulary and claims from the figures documents state", "[suggest]") {
  const json r = draft();
  INFO(r.dump(2));
  CHECK(r["description"].get<std::string>().rfind("DRAFT: ", 0) == 0);
  CHECK(r["vocabulary"]["measure"]["poverty-rate"] == json::array({"poverty rate"}));
  CHECK(r["vocabulary"]["measure"].contains("people"));
  // Version 2: categories in facets. "official" and "supplemental" never
  // qualify one figure together (alternatives: one facet); "child" does
  // with "official" (another facet, read "and").
  CHECK(r["claimcheck_rules"] == 2);
  const auto facets = facet_of(r);
  REQUIRE(facets.count("official"));
  REQUIRE(facets.count("supplemental"));
  REQUIRE(facets.count("child"));
  CHECK(facets.at("official") == facets.at("supplemental"));
  CHECK(facets.at("child") != facets.at("official"));
  CHECK_FALSE(r["vocabulary"].contains("category"));
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
    CHECK_FALSE((*claim)["frame"].contains("category"));
    CHECK(categories_of(r, (*claim)["frame"]) == c.category);
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

TEST_CASE("suggest: a merged file keeps its version unless it is an empty starter", "[suggest]") {
  struct Case {
    std::string name, file;
    int version;
  };
  const std::vector<Case> cases = {
      {"the empty starter 'claimcheck init' writes is drafted into as version 2",
       R"({"claimcheck_rules": 1, "title": "t", "vocabulary": {"category": {}}, "claims": []})", 2},
      {"a version 1 file with claims stays version 1: its categories one list",
       R"({"claimcheck_rules": 1, "title": "t", "vocabulary": {"measure": {"poverty-rate": ["poverty rate"]}},
           "claims": [{"id": "x", "value": 99, "unit": "percent", "frame": {"measure": "poverty-rate"}}]})",
       1},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    SuggestOptions into;
    into.merge = std::make_pair(std::string("rules.json"), c.file);
    const json r = draft(into);
    CHECK(r["claimcheck_rules"] == c.version);
    const json* claim = claim_of(r, 15);
    REQUIRE(claim);
    if (c.version == 1) {
      CHECK((*claim)["frame"]["category"] == json::array({"child", "official"}));
      CHECK_FALSE(r.contains("facets"));
    } else {
      CHECK(categories_of(r, (*claim)["frame"]) == std::vector<std::string>{"child", "official"});
    }
  }
}
