// rules_v2_test.cpp — rules format version 2: facets with their finding
// kinds, the "within" hierarchy, month/quarter/fiscal periods, units,
// change claims and difference_of; version 1 files unchanged.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "claimcheck/rules.hpp"
#include "rules/rules_internal.hpp"

using namespace claimcheck;

namespace {

std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += d.format() + "\n";
  return out;
}

// A version 2 file with labour-statistics facets; cases add claims.
std::string v2(const std::string& claims, const std::string& top = "") {
  return R"({
  "claimcheck_rules": 2,)" + top + R"(
  "facets": {
    "series": { "kind": "definition-mismatch" },
    "adjustment": { "kind": "definition-mismatch" },
    "population": { "kind": "population-mismatch" }
  },
  "defaults": { "place": "us" },
  "vocabulary": {
    "measure": { "unemployment-rate": ["unemployment rate", "jobless rate"],
                 "earnings": ["weekly earnings"], "duration": ["unemployed for"] },
    "series": { "u3": ["U-3", "official unemployment rate"], "u6": ["U-6"] },
    "adjustment": { "sa": ["seasonally adjusted"], "nsa": ["not seasonally adjusted"] },
    "population": { "teens": ["teenagers", "teens"],
                    "black-teens": { "phrases": ["Black teenagers", "Black teens"], "within": "teens" } },
    "place": { "us": ["nationwide"], "california": { "phrases": ["California"], "within": "us" } }
  },
  "claims": [
)" + claims + "\n  ]\n}\n";
}

// `text` with its first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const char* kLevels = R"(
    { "id": "u3-2022-01", "value": 4.0, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "adjustment": "sa", "period": "2022-01" } },
    { "id": "u6-2022-01", "value": 7.1, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u6", "adjustment": "sa", "period": "2022-01" } })";

}  // namespace

TEST_CASE("rules v2: facets, their kinds, hierarchy and periods load", "[rules][v2]") {
  Diagnostics diags;
  auto rules = load_rules_from_strings(
      {{"v2.json", v2(std::string(kLevels) + R"(,
    { "id": "gap", "value": 3.1, "unit": "points", "difference_of": ["u6-2022-01", "u3-2022-01"],
      "frame": { "measure": "unemployment-rate", "period": "2022-01" } },
    { "id": "u3-q1", "value": 4.0, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "period": "Q1 2022" } },
    { "id": "u3-fall", "value": 0.3, "unit": "points",
      "frame": { "measure": "unemployment-rate", "series": "u3" },
      "change": { "from": "2022-01", "to": "2022-02", "direction": "down", "kind": "absolute" } },
    { "id": "wages", "value": 1100, "unit": "eur", "frame": { "measure": "earnings", "period": "2021-22" } },
    { "id": "rate", "value": 350, "unit": "rate", "per": 100000, "frame": { "measure": "earnings" } },
    { "id": "weeks", "value": 22, "unit": "weeks", "frame": { "measure": "duration" } })",
                      R"( "fiscal_year_start": 4,)")}},
      diags);
  INFO(messages(diags));
  REQUIRE(rules);
  CHECK(diags.items().empty());
  CHECK(rules->version() == 2);
  CHECK(rules->fiscal_year_start() == 4);
  // In key order (JSON objects are read as maps).
  CHECK(rules->facets() == std::vector<std::string>{"category", "adjustment", "population", "series"});
  CHECK(rules->facet_of("u6") == "series");
  CHECK(rules->facet_of("black-teens") == "population");
  CHECK(rules->facet_kind("population") == "population-mismatch");
  CHECK(rules->facet_kind("series") == "definition-mismatch");
  CHECK(rules->parent_of(Dimension::category, "black-teens") == "teens");
  CHECK(rules->is_within(Dimension::category, "black-teens", "teens"));
  CHECK_FALSE(rules->is_within(Dimension::category, "teens", "black-teens"));
  CHECK(rules->is_within(Dimension::place, "california", "us"));

  const Claim* u6 = rules->find_claim("u6-2022-01");
  REQUIRE(u6);
  CHECK(u6->frame.category == std::set<std::string>{"u6", "sa"});  // "and" across facets
  CHECK(u6->frame.period == Period{20220101, 20220131});
  CHECK(rules->find_claim("u3-q1")->frame.period == Period{20220101, 20220331});
  const Claim* fall = rules->find_claim("u3-fall");
  REQUIRE(fall->change);
  CHECK(fall->change->kind == ChangeKind::absolute);
  CHECK(fall->change->direction == Direction::down);
  CHECK(fall->change->from == Period{20220101, 20220131});
  CHECK(fall->frame.period == Period{20220101, 20220228});  // spans both ends
  const Claim* wages = rules->find_claim("wages");
  CHECK(wages->unit == Unit::currency);
  CHECK(wages->unit_text == "EUR");
  CHECK(wages->frame.period == Period{20210401, 20220331});  // fiscal year from April
  CHECK(rules->find_claim("rate")->per == 100000);
  CHECK(rules->find_claim("weeks")->unit == Unit::duration);
  CHECK(rules->find_claim("weeks")->unit_text == "week");
  CHECK(rules->find_claim("gap")->difference_of == std::vector<std::string>{"u6-2022-01", "u3-2022-01"});
}

TEST_CASE("rules v2: version 1 files keep one facet, \"category\", and today's kinds", "[rules][v2]") {
  Diagnostics diags;
  auto rules = load_rules({std::string(CLAIMCHECK_SOURCE_DIR) + "/rules/secure-communities.json"}, diags);
  REQUIRE(rules);
  CHECK(rules->version() == 1);
  CHECK(rules->facets() == std::vector<std::string>{"category"});
  CHECK(rules->facet_of("low-level") == "category");
  CHECK(rules->facet_kind("category") == "definition-mismatch");
  CHECK(rules->fiscal_year_start() == 10);
}

TEST_CASE("rules v2: each mistake is an error naming the field", "[rules][v2]") {
  struct Case {
    std::string name;
    std::string text;
    std::string message;
  };
  const std::string ok_claim = R"({ "id": "a", "value": 4.0, "unit": "percent", "frame": { "measure": "unemployment-rate" } })";
  const std::vector<Case> cases = {
      {"v2 field in a v1 file", R"({ "claimcheck_rules": 1, "facets": {} })",
       "field \"facets\" needs format version 2"},
      {"v2 claim field in a v1 file",
       R"({ "claimcheck_rules": 1, "claims": [ { "id": "a", "value": 1, "unit": "count", "per": 10 } ] })",
       "field \"per\" needs format version 2"},
      {"version 3", R"({ "claimcheck_rules": 3 })", "version 3 is newer than this claimcheck supports (2)"},
      {"facet kind unknown",
       R"({ "claimcheck_rules": 2, "facets": { "age": { "kind": "age-mismatch" } } })",
       "unknown finding kind \"age-mismatch\""},
      {"facet without kind", R"({ "claimcheck_rules": 2, "facets": { "age": {} } })",
       "missing required field \"kind\""},
      {"facet named like a dimension",
       R"({ "claimcheck_rules": 2, "facets": { "measure": { "kind": "definition-mismatch" } } })",
       "\"measure\" is a built-in dimension, not a facet"},
      {"id in two facets",
       replaced(v2(""), "\"u6\": [\"U-6\"]", "\"u6\": [\"U-6\"], \"teens\": [\"youths\"]"),
       "id \"teens\" is already declared in facet \"population\""},
      {"id of another facet in a frame",
       v2(R"({ "id": "a", "value": 4.0, "unit": "percent", "frame": { "measure": "unemployment-rate", "series": "teens" } })"),
       "\"teens\" is an id of facet \"population\", not of \"series\""},
      {"within an unknown id",
       replaced(v2(""), "\"within\": \"teens\"", "\"within\": \"youth\""), "unknown population id \"youth\""},
      {"within cycle",
       replaced(v2(""), "\"teens\": [\"teenagers\", \"teens\"]",
                      "\"teens\": { \"phrases\": [\"teenagers\"], \"within\": \"black-teens\" }"),
       "\"within\" makes a cycle"},
      {"bad fiscal start", v2(ok_claim, R"( "fiscal_year_start": 13,)"), "expected a month number 1-12, found 13"},
      {"rate without base",
       v2(R"({ "id": "a", "value": 4, "unit": "rate", "frame": { "measure": "earnings" } })"),
       "a rate needs its base"},
      {"per on a count", v2(R"({ "id": "a", "value": 4, "unit": "count", "per": 1000 })"),
       "only a rate has a base"},
      {"unknown unit", v2(R"({ "id": "a", "value": 4, "unit": "euros" })"), "unknown unit \"euros\""},
      {"relative change not in percent",
       v2(R"({ "id": "a", "value": 4, "unit": "points", "change": { "from": "2022-01", "to": "2022-02", "direction": "up", "kind": "relative" } })"),
       "a relative change is in percent"},
      {"absolute change of a percent series in percent",
       v2(R"({ "id": "a", "value": 4, "unit": "percent", "change": { "from": "2022-01", "to": "2022-02", "direction": "up", "kind": "absolute" } })"),
       "an absolute change of a percent series is in points"},
      {"change without direction",
       v2(R"({ "id": "a", "value": 4, "unit": "points", "change": { "from": "2022-01", "to": "2022-02", "kind": "absolute" } })"),
       "missing required field \"direction\""},
      {"change running backwards",
       v2(R"({ "id": "a", "value": 4, "unit": "points", "change": { "from": "2022-03", "to": "2022-02", "direction": "up", "kind": "absolute" } })"),
       "the change runs backwards"},
      {"change with a frame period",
       v2(R"({ "id": "a", "value": 4, "unit": "points", "frame": { "period": "2022" }, "change": { "from": "2022-01", "to": "2022-02", "direction": "up", "kind": "absolute" } })"),
       "a change claim gives its periods in \"change\""},
      {"difference that does not hold",
       v2(std::string(kLevels) + R"(, { "id": "gap", "value": 2.5, "unit": "points", "difference_of": ["u6-2022-01", "u3-2022-01"] })"),
       "value 2.5 is not 7.1 - 4 = 3.1"},
      {"difference of percents in percent",
       v2(std::string(kLevels) + R"(, { "id": "gap", "value": 3.1, "unit": "percent", "difference_of": ["u6-2022-01", "u3-2022-01"] })"),
       "a difference of percent figures is in points"},
      {"bad month", v2(R"({ "id": "a", "value": 4, "unit": "count", "frame": { "period": "2022-13" } })"),
       "\"2022-13\" is neither a vocabulary period id"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Diagnostics diags;
    auto rules = load_rules_from_strings({{"r.json", c.text}}, diags);
    INFO(messages(diags));
    CHECK_FALSE(rules.has_value());
    bool found = false;
    for (const auto& d : diags.items()) found = found || d.message.find(c.message) != std::string::npos;
    CHECK(found);
  }
}

TEST_CASE("lint: phrase nesting the hierarchy declares is not a warning", "[rules][v2]") {
  // "teens" is a whole-word part of "Black teens": intended, since
  // black-teens is declared within teens. Without "within" it is a warning.
  const std::string declared = v2(R"({ "id": "a", "value": 4.0, "unit": "percent",
      "frame": { "measure": "unemployment-rate" }, "source": { "publisher": "BLS" } })");
  std::string undeclared = declared;
  undeclared.replace(undeclared.find(", \"within\": \"teens\""), std::string(", \"within\": \"teens\"").size(), "");
  auto shadow_warnings = [](const std::string& text) {
    Diagnostics diags;
    rules_detail::lint_inputs({{"r.json", text, ""}}, diags);
    int n = 0;
    for (const auto& d : diags.items())
      n += d.message.find("is shadowed by") != std::string::npos && d.message.find("teen") != std::string::npos;
    return n;
  };
  CHECK(shadow_warnings(declared) == 0);
  CHECK(shadow_warnings(undeclared) == 2);  // "teenagers" in "Black teenagers", "teens" in "Black teens"
}
