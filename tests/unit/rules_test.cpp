// rules_test.cpp — loading, validating, matching and linting rules files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "claimcheck/rules.hpp"
#include "rules/json_positions.hpp"
#include "rules/rules_internal.hpp"

using namespace claimcheck;

namespace {

const std::string kFixtures = std::string(CLAIMCHECK_SOURCE_DIR) + "/tests/fixtures/rules/";

// Line and column (1-based, in characters) of the first `needle` in `text`.
std::pair<int, int> position_of(const std::string& text, const std::string& needle, size_t nth = 0) {
  size_t at = text.find(needle);
  for (size_t i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  int line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

const Diagnostic* find_diag(const Diagnostics& diags, const std::string& part) {
  for (const auto& d : diags.items())
    if (d.message.find(part) != std::string::npos) return &d;
  return nullptr;
}

std::string all_messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += d.format() + "\n";
  return out;
}

std::optional<Rules> load_one(const std::string& text, Diagnostics& diags) {
  return load_rules_from_strings({{"r.json", text}}, diags);
}

// A rules file with a vocabulary to which cases add claims.
std::string with_claims(const std::string& claims) {
  return R"({
  "claimcheck_rules": 1,
  "defaults": { "program": "scomm", "place": "us" },
  "vocabulary": {
    "program": { "scomm": ["Secure Communities"], "cap": ["CAP"] },
    "measure": { "removals": ["deported"], "transfers": ["transferred"] },
    "category": { "non-criminal": ["non-criminal"], "low-level": ["low-level offenses"] },
    "place": { "us": ["nationwide"] },
    "period": { "first-year": { "phrases": ["first year"], "from": "2008-10-27", "to": "2009-10-26" } }
  },
  "claims": [
)" + claims + "\n  ]\n}\n";
}

}  // namespace

TEST_CASE("json positions: every value and key has its line and column", "[rules]") {
  const std::string text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"é\": true\n}";
  auto parsed = rules_detail::parse_json_with_positions(text);
  REQUIRE(std::holds_alternative<rules_detail::PositionedJson>(parsed));
  const auto& doc = std::get<rules_detail::PositionedJson>(parsed);
  CHECK(doc.value["a"][1]["b"] == "x");
  CHECK(doc.value_at("a").line == 2);
  CHECK(doc.value_at("a").column == 8);
  CHECK(doc.value_at("a[1].b").column == 18);
  CHECK(doc.key_at("a[1].b").column == 13);
  CHECK(doc.value_at("[\"é\"]").line == 3);
  CHECK(doc.value_at("[\"é\"]").column == 8);  // columns count characters, not bytes
  CHECK(doc.value_at("a[1].nothing").column == 12);  // nearest recorded ancestor
}

TEST_CASE("json positions: syntax errors say where and what was expected", "[rules]") {
  struct Case {
    std::string text;
    int line, column;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"{\"a\": 1,}", 1, 9, "no trailing commas"},
      {"{\"a\" 1}", 1, 6, "expected ':'"},
      {"{\"a\": [1 2]}", 1, 10, "expected ',' or ']'"},
      {"{\n  \"a\": tru\n}", 2, 8, "expected a value"},
      {"{\"a\": \"unterminated}", 1, 7, "unterminated string"},
      {"{\"a\": 01}", 1, 7, "leading zeros"},
      {"{\"a\": \"\\q\"}", 1, 8, "invalid escape"},
      {"{} x", 1, 4, "expected end of file"},
      {"", 1, 1, "found end of file"},
      {"{'a': 1}", 1, 2, "member name in double quotes"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = rules_detail::parse_json_with_positions(c.text);
    REQUIRE(std::holds_alternative<rules_detail::JsonSyntaxError>(parsed));
    const auto& err = std::get<rules_detail::JsonSyntaxError>(parsed);
    CHECK(err.pos.line == c.line);
    CHECK(err.pos.column == c.column);
    CHECK_THAT(err.message, Catch::Contains(c.message));
  }
}

TEST_CASE("json positions: deep nesting is an error, not a stack overflow", "[rules]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto parsed = rules_detail::parse_json_with_positions(deep);
  REQUIRE(std::holds_alternative<rules_detail::JsonSyntaxError>(parsed));
  CHECK_THAT(std::get<rules_detail::JsonSyntaxError>(parsed).message, Catch::Contains("nesting too deep"));
  const std::string ok = std::string(200, '[') + std::string(200, ']');
  CHECK(std::holds_alternative<rules_detail::PositionedJson>(rules_detail::parse_json_with_positions(ok)));
}

TEST_CASE("json positions: numbers, escapes and surrogate pairs", "[rules]") {
  auto parsed = rules_detail::parse_json_with_positions(
      R"({"i": -12, "u": 18446744073709551615, "f": 2.5e3, "s": "a\"\\\/\n\u00e9\ud83d\ude00"})");
  REQUIRE(std::holds_alternative<rules_detail::PositionedJson>(parsed));
  const auto& v = std::get<rules_detail::PositionedJson>(parsed).value;
  CHECK(v["i"].get<int>() == -12);
  CHECK(v["u"].is_number_unsigned());
  CHECK(v["f"].get<double>() == 2500.0);
  CHECK(v["s"].get<std::string>() == "a\"\\/\n\xC3\xA9\xF0\x9F\x98\x80");
}

TEST_CASE("rules: a good file loads with claims, frames and defaults applied", "[rules]") {
  Diagnostics diags;
  auto rules = load_rules({kFixtures + "good-minimal.json"}, diags);
  INFO(all_messages(diags));
  REQUIRE(rules);
  CHECK(diags.items().empty());
  REQUIRE(rules->claims().size() == 1);
  const Claim& c = rules->claims()[0];
  CHECK(c.id == "removals-2008-2010");
  CHECK(c.value == 47000);
  CHECK(c.unit == Unit::count);
  CHECK(c.frame.program == "secure-communities");  // from defaults
  CHECK(c.frame.place == "us");                     // from defaults
  CHECK(c.frame.measure == "removals");
  REQUIRE(c.frame.period);
  CHECK(c.frame.period->from == 20081027);
  CHECK(c.frame.period->to == 20100630);
  CHECK(c.source.doc == "001_a104c314817fa3dc.txt");
  CHECK(c.line == 11);
  CHECK(c.file == kFixtures + "good-minimal.json");
  CHECK(rules->find_claim("removals-2008-2010") == &rules->claims()[0]);
  CHECK(rules->find_claim("nope") == nullptr);
  CHECK(rules->defaults().program == "secure-communities");
  CHECK(rules->titles() == std::vector<std::string>{"Minimal example"});
}

TEST_CASE("rules: the design example loads; periods by id, by form and literal", "[rules]") {
  Diagnostics diags;
  auto rules = load_rules({kFixtures + "good-design-example.json"}, diags);
  INFO(all_messages(diags));
  REQUIRE(rules);
  const Claim* sum = rules->find_claim("scomm-removals-no-or-minor-conviction-fy2011");
  REQUIRE(sum);
  CHECK(sum->sum_of.size() == 2);
  CHECK(sum->frame.category == std::set<std::string>{"no-conviction", "minor-conviction"});
  REQUIRE(sum->frame.period);
  CHECK(sum->frame.period->from == 20101001);
  CHECK(sum->frame.period->to == 20110930);
  const Claim* minor = rules->find_claim("scomm-removals-minor-conviction-fy2011");
  REQUIRE(minor);
  CHECK(minor->frame.category == std::set<std::string>{"minor-conviction"});  // a single string
  auto first_year = rules->vocabulary_period("first-year");
  REQUIRE(first_year);
  CHECK(*first_year == Period{20081027, 20091026});
  CHECK_FALSE(rules->vocabulary_period("second-year"));
}

TEST_CASE("rules: a vocabulary period id in a frame resolves before parse_period", "[rules]") {
  Diagnostics diags;
  auto rules = load_one(with_claims(R"(    { "id": "x", "value": 111000, "unit": "count",
      "frame": { "measure": "removals", "period": "first-year" }, "source": { "publisher": "DHS" } })"),
                        diags);
  INFO(all_messages(diags));
  REQUIRE(rules);
  CHECK(rules->claims()[0].frame.period == Period{20081027, 20091026});
}

TEST_CASE("rules: each kind of error names file, line, column and the JSON path", "[rules]") {
  struct Case {
    std::string name;
    std::string text;
    std::string at;  // the text the diagnostic points at
    std::string message;
    size_t nth = 0;  // which occurrence of `at`
  };
  const std::vector<Case> cases = {
      {"missing version", R"({ "claims": [] })", "{", "claimcheck_rules: missing"},
      {"newer version", R"({ "claimcheck_rules": 3, "whatever": {} })", "3",
       "version 3 is newer than this claimcheck supports"},
      {"version not a number", R"({ "claimcheck_rules": "1" })", "\"1\"", "claimcheck_rules: expected the format version 1"},
      {"not an object", R"([1, 2])", "[", "a rules file is a JSON object"},
      {"unknown top-level field", R"({ "claimcheck_rules": 1, "claimz": [] })", "\"claimz\"",
       "unknown field \"claimz\" (did you mean \"claims\"?) (known: $schema, claimcheck_rules"},
      {"duplicate key", R"({ "claimcheck_rules": 1, "title": "a", "title": "b" })", "\"title\"",
       "title: key \"title\" appears twice", 1},
      {"wrong type of title", R"({ "claimcheck_rules": 1, "title": 3 })", "3", "title: expected a string, found a number"},
      {"unknown dimension", R"({ "claimcheck_rules": 1, "vocabulary": { "topic": {} } })", "\"topic\"",
       "vocabulary.topic: unknown dimension \"topic\""},
      {"empty phrase", R"({ "claimcheck_rules": 1, "vocabulary": { "measure": { "r": ["ok", " "] } } })", "\" \"",
       "vocabulary.measure.r[1]: must not be empty"},
      {"phrase not a string", R"({ "claimcheck_rules": 1, "vocabulary": { "measure": { "r": [7] } } })", "7",
       "vocabulary.measure.r[0]: expected a string, found a number"},
      {"phrases not a list", R"({ "claimcheck_rules": 1, "vocabulary": { "measure": { "r": "deported" } } })",
       "\"deported\"", "vocabulary.measure.r: expected an array of phrases, found a string"},
      {"bad regex", R"({ "claimcheck_rules": 1, "vocabulary": { "category": { "l": ["/Level (2/"] } } })",
       "\"/Level", "vocabulary.category.l[0]: RE2 pattern /Level (2/ does not compile: missing )"},
      {"regex matching nothing", R"({ "claimcheck_rules": 1, "vocabulary": { "category": { "l": ["/x*/"] } } })",
       "\"/x*/\"", "matches the empty string"},
      {"period entry without phrases",
       R"({ "claimcheck_rules": 1, "vocabulary": { "period": { "p": { "from": "2008-01-01" } } } })", "{ \"from",
       "vocabulary.period.p: missing required field \"phrases\""},
      {"period entry backwards",
       R"({ "claimcheck_rules": 1, "vocabulary": { "period": { "p": { "phrases": ["x"], "from": "2009-01-01", "to": "2008-01-01" } } } })",
       "{ \"phrases", "vocabulary.period.p: period starts (2009-01-01) after it ends (2008-01-01)"},
      {"bad ISO date",
       R"({ "claimcheck_rules": 1, "vocabulary": { "period": { "p": { "phrases": ["x"], "from": "2009-13-01" } } } })",
       "\"2009-13-01\"", "vocabulary.period.p.from: \"2009-13-01\" is not a date"},
      {"unknown default id", R"({ "claimcheck_rules": 1, "defaults": { "program": "scom" }, "vocabulary": { "program": { "scomm": ["S-Comm"] } } })",
       "\"scom\"", "defaults.program: unknown program id \"scom\" (did you mean \"scomm\"?) (known: scomm"},
      {"unknown defaults field", R"({ "claimcheck_rules": 1, "defaults": { "category": "x" } })", "\"category\"",
       "defaults.category: unknown field \"category\""},
      {"unknown category id",
       with_claims(R"(    { "id": "a", "value": 1, "unit": "percent", "frame": { "category": ["non-criminal", "low-levle"] } })"),
       "\"low-levle\"", "claims[0].frame.category[1]: unknown category id \"low-levle\" (did you mean \"low-level\"?)"},
      {"unknown measure id", with_claims(R"(    { "id": "a", "value": 1, "unit": "percent", "frame": { "measure": "deportations" } })"),
       "\"deportations\"", "claims[0].frame.measure: unknown measure id \"deportations\""},
      {"unknown frame field", with_claims(R"(    { "id": "a", "value": 1, "unit": "percent", "frame": { "periode": "FY2011" } })"),
       "\"periode\"", "claims[0].frame.periode: unknown field \"periode\" (did you mean \"period\"?)"},
      {"unknown claim field", with_claims(R"(    { "id": "a", "value": 1, "unit": "percent", "sources": {} })"),
       "\"sources\"", "claims[0].sources: unknown field \"sources\" (did you mean \"source\"?)"},
      {"missing value", with_claims(R"(    { "id": "a", "unit": "percent" })"), "{ \"id\": \"a\"",
       "claims[0]: missing required field \"value\""},
      {"value as string", with_claims(R"(    { "id": "a", "value": "79", "unit": "percent" })"), "\"79\"",
       "claims[0].value: expected a number, found a string"},
      {"unknown unit", with_claims(R"(    { "id": "a", "value": 79, "unit": "percnt" })"), "\"percnt\"",
       "claims[0].unit: unknown unit \"percnt\" (did you mean \"percent\"?) (known: count, percent, points, usd, year)"},
      {"negative tolerance", with_claims(R"(    { "id": "a", "value": 79, "unit": "percent", "tolerance": -1 })"), "-1 }",
       "claims[0].tolerance: must be zero or more"},
      {"period backwards",
       with_claims(R"(    { "id": "a", "value": 1, "unit": "count", "frame": { "period": { "from": "2010-06-30", "to": "2008-10-27" } } })"),
       "{ \"from\": \"2010", "claims[0].frame.period: period starts (2010-06-30) after it ends (2008-10-27)"},
      {"unreadable period", with_claims(R"(    { "id": "a", "value": 1, "unit": "count", "frame": { "period": "the old days" } })"),
       "\"the old days\"", "claims[0].frame.period: \"the old days\" is neither a vocabulary period id"},
      {"period of the wrong type", with_claims(R"(    { "id": "a", "value": 1, "unit": "count", "frame": { "period": 2009 } })"),
       "2009 }", "claims[0].frame.period: expected a period"},
      {"relation to a missing claim",
       with_claims(R"(    { "id": "a", "value": 1, "unit": "count", "superseded_by": "b" })"), "\"b\"",
       "claims[0].superseded_by: unknown claim id \"b\""},
      {"sum_of naming a missing claim", with_claims(R"(    { "id": "a", "value": 1, "unit": "count", "sum_of": ["a1", "zz"] })"),
       "\"a1\"", "claims[0].sum_of[0]: unknown claim id \"a1\""},
      {"ratio_of with three ids",
       with_claims(R"(    { "id": "a", "value": 1, "unit": "percent" },
    { "id": "r", "value": 1, "unit": "percent", "ratio_of": ["a", "a", "a"] })"),
       "[\"a\", \"a\", \"a\"]", "claims[1].ratio_of: expected [numerator, denominator], found 3"},
      {"relation to itself", with_claims(R"(    { "id": "a", "value": 1, "unit": "percent", "exclusive_with": ["a"] })"),
       "\"a\"] }", "claims[0].exclusive_with[0]: a claim cannot refer to itself"},
      {"sum_of that does not add up",
       with_claims(R"(    { "id": "p1", "value": 29, "unit": "percent" },
    { "id": "p2", "value": 26, "unit": "percent" },
    { "id": "total", "value": 65, "unit": "percent", "sum_of": ["p1", "p2"] })"),
       "65", "claims[2].value: value 65 is not the sum of its sum_of parts (29 + 26 = 55"},
      {"sum_of cycle",
       with_claims(R"(    { "id": "x", "value": 2, "unit": "count", "sum_of": ["y", "z"] },
    { "id": "y", "value": 1, "unit": "count", "sum_of": ["x"] },
    { "id": "z", "value": 1, "unit": "count" })"),
       "[\"x\"]", "claims[1].sum_of: cycle in sum_of: x -> y -> x"},
      {"sum_of mixing units",
       with_claims(R"(    { "id": "p1", "value": 29, "unit": "percent" },
    { "id": "p2", "value": 26, "unit": "count" },
    { "id": "total", "value": 55, "unit": "percent", "sum_of": ["p1", "p2"] })"),
       "[\"p1\", \"p2\"]", "claims[2].sum_of: part \"p2\" is in count, the total in percent"},
      {"ratio that does not hold",
       with_claims(R"(    { "id": "n", "value": 100000, "unit": "count" },
    { "id": "d", "value": 111000, "unit": "count" },
    { "id": "share", "value": 80, "unit": "percent", "ratio_of": ["n", "d"] })"),
       "80", "claims[2].value: value 80% is not 100 x 100000 / 111000"},
      {"exclusive shares over 100",
       with_claims(R"(    { "id": "a", "value": 79, "unit": "percent", "exclusive_with": ["b"] },
    { "id": "b", "value": 30, "unit": "percent" })"),
       "[\"b\"]", "claims[0].exclusive_with: exclusive shares add up to 109%"},
      {"claims not an array", R"({ "claimcheck_rules": 1, "claims": {} })", "{}", "claims: expected an array of claims"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      Diagnostics diags;
      auto rules = load_one(c.text, diags);
      INFO(all_messages(diags));
      CHECK_FALSE(rules);
      const Diagnostic* d = find_diag(diags, c.message);
      REQUIRE(d);
      CHECK(d->file == "r.json");
      CHECK(d->level == Level::error);
      const auto [line, column] = position_of(c.text, c.at, c.nth);
      CHECK(d->line == line);
      CHECK(d->column == column);
    }
  }
}

TEST_CASE("rules: sums within the precision of their parts load", "[rules]") {
  struct Case {
    std::string claims;
  };
  const std::vector<std::string> cases = {
      // 29 + 26 = 55 exactly
      R"({ "id": "p1", "value": 29, "unit": "percent" }, { "id": "p2", "value": 26, "unit": "percent" },
         { "id": "t", "value": 55, "unit": "percent", "sum_of": ["p1", "p2"] })",
      // rounded parts: 33 + 33 + 33 = 99 against 100, within 4 x 0.5
      R"({ "id": "p1", "value": 33, "unit": "percent" }, { "id": "p2", "value": 33, "unit": "percent" },
         { "id": "p3", "value": 33, "unit": "percent" }, { "id": "t", "value": 100, "unit": "percent", "sum_of": ["p1", "p2", "p3"] })",
      // an explicit tolerance widens it
      R"({ "id": "p1", "value": 3847, "unit": "count" }, { "id": "p2", "value": 16227, "unit": "count" },
         { "id": "t", "value": 20000, "unit": "count", "tolerance": 100, "sum_of": ["p1", "p2"] })",
      // 100000 of 111000 is 90.09%: "90" holds
      R"({ "id": "n", "value": 100000, "unit": "count" }, { "id": "d", "value": 111000, "unit": "count" },
         { "id": "s", "value": 90, "unit": "percent", "ratio_of": ["n", "d"] })",
      // 79 + 20 = 99 exclusive shares
      R"({ "id": "a", "value": 79, "unit": "percent", "exclusive_with": ["b"] }, { "id": "b", "value": 20, "unit": "percent" })",
  };
  for (const auto& claims : cases) {
    Diagnostics diags;
    auto rules = load_one(with_claims(claims), diags);
    INFO(claims << "\n" << all_messages(diags));
    CHECK(rules);
  }
}

TEST_CASE("rules: every error of a file is reported in one run", "[rules]") {
  Diagnostics diags;
  auto rules = load_rules({kFixtures + "bad-several-errors.json"}, diags);
  INFO(all_messages(diags));
  CHECK_FALSE(rules);
  for (const char* part : {"unknown field \"titel\"", "RE2 pattern /deport(/", "unknown unit \"percnt\"",
                           "unknown category id \"low-levle\"", "duplicate claim id \"a\"",
                           "claims[1].value: expected a number", "unknown claim id \"missing-part\"",
                           "period starts (2010-06-30) after it ends"}) {
    INFO(part);
    CHECK(find_diag(diags, part));
  }
  CHECK(diags.error_count() >= 8);
}

TEST_CASE("rules: claim ids are unique across files, and ids resolve across files", "[rules]") {
  const std::string a = R"({
  "claimcheck_rules": 1,
  "vocabulary": { "measure": { "removals": ["deported"] } },
  "claims": [ { "id": "shared", "value": 1, "unit": "count", "frame": { "measure": "removals" } } ]
})";
  const std::string b = R"({
  "claimcheck_rules": 1,
  "claims": [
    { "id": "other", "value": 2, "unit": "count", "frame": { "measure": "removals" }, "sum_of": ["shared", "third"] },
    { "id": "third", "value": 1, "unit": "count" }
  ]
})";
  {
    Diagnostics diags;
    auto rules = load_rules_from_strings({{"a.json", a}, {"b.json", b}}, diags);
    INFO(all_messages(diags));
    REQUIRE(rules);
    CHECK(rules->claims().size() == 3);
  }
  {
    Diagnostics diags;
    auto rules = load_rules_from_strings({{"a.json", a}, {"c.json", a}}, diags);
    CHECK_FALSE(rules);
    const Diagnostic* d = find_diag(diags, "duplicate claim id \"shared\"");
    REQUIRE(d);
    CHECK(d->file == "c.json");
    CHECK(d->line == 4);
    CHECK(d->column == 23);
    CHECK_THAT(d->message, Catch::Contains("first declared at a.json:4:23"));
  }
}

TEST_CASE("rules: a file that cannot be read is reported by name", "[rules]") {
  Diagnostics diags;
  auto rules = load_rules({kFixtures + "does-not-exist.json"}, diags);
  CHECK_FALSE(rules);
  REQUIRE(diags.items().size() == 1);
  CHECK_THAT(diags.items()[0].format(), Catch::Contains("does-not-exist.json: error: cannot read rules file"));
}

TEST_CASE("rules: JSON syntax errors carry file, line and column", "[rules]") {
  Diagnostics diags;
  auto rules = load_one("{\n  \"claimcheck_rules\": 1,\n  \"claims\": [,]\n}", diags);
  CHECK_FALSE(rules);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].format() == "r.json:3:14: error: invalid JSON: expected a value (object, array, string, "
                                     "number, true, false or null), found ','");
}

namespace {

std::string vocabulary_file(const std::string& dimensions) {
  return R"({ "claimcheck_rules": 1, "vocabulary": {)" + dimensions + "} }";
}

struct Hit {
  std::string dimension, id, text;
  bool operator==(const Hit&) const = default;
};

std::vector<Hit> hits(const Rules& rules, const std::string& text) {
  std::vector<Hit> out;
  for (const auto& h : rules.match_vocabulary(text))
    out.push_back({std::string(dimension_name(h.dimension)), h.id, text.substr(h.begin, h.end - h.begin)});
  return out;
}

std::ostream& operator<<(std::ostream& os, const Hit& h) {
  return os << h.dimension << ":" << h.id << ":\"" << h.text << "\"";
}

}  // namespace

TEST_CASE("match_vocabulary: whole words, any case, longest first, in text order", "[rules]") {
  Diagnostics diags;
  auto rules = load_one(vocabulary_file(R"J(
    "program": { "cap": ["CAP", "Criminal Alien Program"], "287g": ["287(g)"],
                 "scomm": ["Secure Communities", "S-Comm"] },
    "measure": { "removals": ["deport", "deported", "removals"],
                 "transfers": ["transferred to ICE custody"], "moves": ["transferred"] },
    "category": { "low-level": ["low-level offenses", "/Level [23]\\b/"], "level-1": ["Level 1"],
                  "us-citizens": ["U.S. citizens"], "non-criminal": ["non-criminal"] },
    "place": { "oregon": ["Oregon"] },
    "period": { "first-year": { "phrases": ["first year"], "from": "2008-10-27", "to": "2009-10-26" } }
  )J"),
                        diags);
  INFO(all_messages(diags));
  REQUIRE(rules);
  using V = std::vector<Hit>;
  struct Case {
    std::string text;
    V expected;
  };
  const std::vector<Case> cases = {
      {"The capital is not CAP.", V{{"program", "cap", "CAP"}}},
      {"cap and Cap", V{{"program", "cap", "cap"}, {"program", "cap", "Cap"}}},
      {"the Criminal Alien Program", V{{"program", "cap", "Criminal Alien Program"}}},
      {"deportation is deport", V{{"measure", "removals", "deportation"}, {"measure", "removals", "deport"}}},
      {"a deporter is not", V{}},
      {"DEPORTED nationwide", V{{"measure", "removals", "DEPORTED"}}},
      {"people transferred to ICE custody", V{{"measure", "transfers", "transferred to ICE custody"}}},
      {"people transferred to\n  ICE custody", V{{"measure", "transfers", "transferred to\n  ICE custody"}}},
      {"people transferred to jail", V{{"measure", "moves", "transferred"}}},
      {"under 287(g) agreements", V{{"program", "287g", "287(g)"}}},
      {"not 1287(g)", V{}},
      {"Level 2 and Level 3 but Level 1", V{{"category", "low-level", "Level 2"},
                                            {"category", "low-level", "Level 3"},
                                            {"category", "level-1", "Level 1"}}},
      {"Level 23", V{}},
      {"5% were U.S. citizens", V{{"category", "us-citizens", "U.S. citizens"}}},
      {"In its first year in Oregon, S-Comm deported non-criminals",
       V{{"period", "first-year", "first year"},
         {"place", "oregon", "Oregon"},
         {"program", "scomm", "S-Comm"},
         {"measure", "removals", "deported"},
         {"category", "non-criminal", "non-criminals"}}},  // inflections count
      {"non-criminal", V{{"category", "non-criminal", "non-criminal"}}},
      {"", V{}},
      {"Oregonian", V{}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(hits(*rules, c.text) == c.expected);
  }
}

TEST_CASE("match_vocabulary: byte spans point into the text given", "[rules]") {
  Diagnostics diags;
  auto rules = load_one(vocabulary_file(R"("measure": { "removals": ["deported"] })"), diags);
  REQUIRE(rules);
  const std::string text = "Élan: 79% deported";
  auto found = rules->match_vocabulary(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == text.find("deported"));
  CHECK(found[0].end == text.size());
  CHECK(rules->match_vocabulary("déported").empty());  // a letter before it: not a whole word
  // Curly quotes and dashes are punctuation, not letters around the word.
  CHECK(rules->match_vocabulary("5% were \u201cdeported\u201d").size() == 1);
  CHECK(rules->match_vocabulary("people\u2014deported\u2014in 2010").size() == 1);
}

TEST_CASE("lint: smells are warnings, the file still loads", "[rules]") {
  Diagnostics diags;
  lint_rules({kFixtures + "lint-warnings.json"}, diags);
  INFO(all_messages(diags));
  CHECK(diags.error_count() == 0);
  const Diagnostic* no_source = find_diag(diags, "claim \"no-source\" has no source");
  REQUIRE(no_source);
  CHECK(no_source->level == Level::warning);
  CHECK(no_source->line == 12);
  CHECK(find_diag(diags, "claims[1]: claim \"twin\" has the same frame, unit and value as \"no-source\""));
  const Diagnostic* shadow = find_diag(diags, "phrase \"transferred\" of measure \"other\" is shadowed by "
                                              "\"transferred to ICE custody\" of \"transfers\"");
  REQUIRE(shadow);
  CHECK(shadow->line == 8);
  CHECK(find_diag(diags, "vocabulary.measure.other[1]: phrase \"Removed\" is listed for both measure ids "
                         "\"removals\""));
}

TEST_CASE("lint: a clean file gives nothing, a broken one its errors", "[rules]") {
  {
    Diagnostics diags;
    lint_rules({kFixtures + "good-design-example.json"}, diags);
    INFO(all_messages(diags));
    CHECK(diags.items().empty());
  }
  {
    Diagnostics diags;
    lint_rules({kFixtures + "bad-several-errors.json"}, diags);
    CHECK(diags.error_count() >= 8);
  }
}

TEST_CASE("rules: the bundled and the evaluation rules load without errors", "[rules]") {
  std::vector<std::string> files = {std::string(CLAIMCHECK_SOURCE_DIR) + "/rules/secure-communities.json"};
  const std::string dev = std::string(CLAIMCHECK_SHARED_DIR) + "/eval/dev/rules.json";
  for (const auto& file : {files[0], dev}) {
    if (!std::filesystem::exists(file)) {
      WARN("skipped, not found: " << file);
      continue;
    }
    Diagnostics diags;
    lint_rules({file}, diags);
    INFO(file << "\n" << all_messages(diags));
    CHECK(diags.error_count() == 0);
    auto rules = load_rules({file}, diags);
    REQUIRE(rules);
    CHECK(rules->claims().size() >= 10);
  }
}

TEST_CASE("rules: the bundled rules hold the seed figures with honest frames", "[rules]") {
  const std::string file = std::string(CLAIMCHECK_SOURCE_DIR) + "/rules/secure-communities.json";
  Diagnostics diags;
  auto rules = load_rules({file}, diags);
  INFO(all_messages(diags));
  REQUIRE(rules);
  auto has = [&](double value, Unit unit, const std::string& measure, std::set<std::string> category) {
    for (const auto& c : rules->claims())
      if (c.value == value && c.unit == unit && c.frame.measure == measure && c.frame.category == category)
        return true;
    return false;
  };
  CHECK(has(111000, Unit::count, "identifications", {}));
  CHECK(has(100000, Unit::count, "identifications", {"low-level"}));
  CHECK(has(5, Unit::percent, "identifications", {"us-citizens"}));
  CHECK(has(79, Unit::percent, "removals", {"non-criminal", "low-level"}));
  CHECK(has(47000, Unit::count, "removals", {}));
  CHECK(has(20, Unit::percent, "removals", {"level-1"}));
  CHECK(has(28, Unit::percent, "transfers", {"non-criminal"}));
  CHECK(has(3847, Unit::count, "detainers", {"level-1"}));
  CHECK(has(16227, Unit::count, "detainers", {"low-level"}));
  CHECK(has(29, Unit::percent, "removals", {"minor-conviction"}));
  CHECK(has(26, Unit::percent, "removals", {"no-conviction"}));
  CHECK(has(55, Unit::percent, "removals", {"no-conviction", "minor-conviction"}));
  CHECK(has(2008, Unit::year, "launch", {}));
  CHECK(has(2010, Unit::year, "launch", {}));
  bool cap48 = false;
  for (const auto& c : rules->claims())
    if (c.value == 48 && c.frame.program == "cap") cap48 = true;
  CHECK(cap48);
}
