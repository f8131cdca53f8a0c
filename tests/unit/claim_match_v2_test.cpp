// claim_match_v2_test.cpp — matching figures against version 2 rules, on
// figures built directly (the frame a reader would give): facets and their
// kinds, sub-groups, month precision, change and difference claims.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "claimcheck/rules.hpp"
#include "match/checks.hpp"

using namespace claimcheck;
using namespace claimcheck::detail;

namespace {

const char* kRules = R"({
  "claimcheck_rules": 2,
  "facets": {
    "series": { "kind": "definition-mismatch" },
    "adjustment": { "kind": "definition-mismatch" },
    "population": { "kind": "population-mismatch" }
  },
  "defaults": { "place": "us" },
  "vocabulary": {
    "measure": { "unemployment-rate": ["unemployment rate"] },
    "series": { "u3": ["U-3"], "u6": ["U-6"] },
    "adjustment": { "sa": ["seasonally adjusted"] },
    "population": { "teens": ["teens"], "black-teens": { "phrases": ["Black teens"], "within": "teens" } },
    "place": { "us": ["nationwide"] }
  },
  "claims": [
    { "id": "u3-jan", "value": 4.0, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "adjustment": "sa", "period": "2022-01" } },
    { "id": "u3-feb", "value": 3.8, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "adjustment": "sa", "period": "2022-02" } },
    { "id": "u6-jan", "value": 7.1, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u6", "adjustment": "sa", "period": "2022-01" } },
    { "id": "u3-2022", "value": 3.6, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "period": "2022" } },
    { "id": "u3-teens-jan", "value": 11.3, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "adjustment": "sa", "population": "teens",
                 "period": "2022-01" } },
    { "id": "u3-fall", "value": 0.2, "unit": "points",
      "frame": { "measure": "unemployment-rate", "series": "u3", "adjustment": "sa" },
      "change": { "from": "2022-01", "to": "2022-02", "direction": "down", "kind": "absolute" } },
    { "id": "gap-jan", "value": 3.1, "unit": "points", "difference_of": ["u6-jan", "u3-jan"],
      "frame": { "measure": "unemployment-rate", "series": ["u3", "u6"], "adjustment": "sa", "period": "2022-01" } }
  ]
})";

const Rules& rules() {
  static const Rules r = [] {
    Diagnostics diags;
    auto loaded = load_rules_from_strings({{"labour.json", kRules}}, diags);
    for (const auto& d : diags.items()) UNSCOPED_INFO(d.format());
    REQUIRE(loaded.has_value());
    return std::move(*loaded);
  }();
  return r;
}

struct Row {
  std::string name;
  double value;
  double half;  // half a unit of the last digit written
  Unit unit;
  std::set<std::string> categories;
  std::string period;  // as a writer states it, "" for none
  ChangeKind change = ChangeKind::none;
  Direction direction = Direction::none;
  std::string expect;  // finding kind, or the verdict when there is none
  std::string dimension = "";
};

// The verdict or finding the claim check gives a figure with this frame.
std::pair<std::string, std::string> check_row(const Row& row) {
  static const std::string text(64, 'x');
  Diagnostics diags;
  auto doc = document_from_bytes("draft.txt", text, "txt", diags);
  REQUIRE(doc);
  CheckContext ctx{*doc, &rules(), nullptr, {}, 0, {}, {}, {}, {}, std::chrono::steady_clock::now(), {}};
  MentionState ms;
  ms.mention.begin = 0;
  ms.mention.end = 4;
  ms.mention.text = "xxxx";
  ms.mention.value = row.value;
  ms.mention.unit = row.unit;
  ms.mention.lo = row.value - row.half;
  ms.mention.hi = row.value + row.half;
  ms.mention.change = row.change;
  ms.mention.direction = row.direction;
  ms.frame.measure = "unemployment-rate";
  ms.source.measure = Origin::stated;
  ms.frame.category = row.categories;
  ms.source.category = row.categories.empty() ? Origin::unknown : Origin::stated;
  if (!row.period.empty()) {
    auto found = find_periods(row.period);
    REQUIRE(found.size() == 1);
    ms.stated_period = found[0];
    ms.frame.period = found[0].period;
    ms.source.period = Origin::stated;
  }
  ctx.mentions.push_back(ms);
  make_claim_check()->run(ctx);
  if (ctx.findings.empty()) return {ctx.mentions[0].verdict, ""};
  const auto& f = ctx.findings[0];
  return {f.kind, f.dimensions.empty() ? "" : f.dimensions[0]};
}

}  // namespace

TEST_CASE("v2 matching: facets, sub-groups, months, changes and differences", "[check][v2]") {
  using CK = ChangeKind;
  using D = Direction;
  const std::vector<Row> rows = {
      {"the claim's own frame", 4.0, 0.05, Unit::percent, {"u3", "sa"}, "January 2022", CK::none, D::none,
       "supported"},
      {"month mix-up: January's figure for February", 4.0, 0.05, Unit::percent, {"u3", "sa"}, "February 2022",
       CK::none, D::none, "period-mismatch", "period"},
      {"another series: U-6's figure called U-3", 7.1, 0.05, Unit::percent, {"u3", "sa"}, "January 2022",
       CK::none, D::none, "definition-mismatch", "series"},
      {"a sub-group is not the group", 11.3, 0.05, Unit::percent, {"u3", "sa", "black-teens"}, "January 2022",
       CK::none, D::none, "population-mismatch", "population"},
      {"a group named beside its sub-group stands for the sub-group", 11.3, 0.05, Unit::percent,
       {"u3", "sa", "teens", "black-teens"}, "January 2022", CK::none, D::none, "population-mismatch",
       "population"},
      {"no population stated is everyone: the teens' rate as everyone's is a wrong value", 11.3, 0.05,
       Unit::percent, {"u3", "sa"}, "January 2022", CK::none, D::none, "value-mismatch", "value"},
      {"the teens' rate where the text names them", 11.3, 0.05, Unit::percent, {"u3", "sa", "teens"},
       "January 2022", CK::none, D::none, "supported"},
      {"a bare year does not back a month", 4.0, 0.05, Unit::percent, {"u3", "sa"}, "2022", CK::none, D::none,
       "unverified"},
      {"a month's figure against the annual average", 3.6, 0.05, Unit::percent, {"u3"}, "January 2022",
       CK::none, D::none, "period-mismatch", "period"},
      {"a wrong annual average", 4.0, 0.05, Unit::percent, {"u3"}, "2022", CK::none, D::none, "value-mismatch",
       "value"},
      {"the change claimed", 0.2, 0.05, Unit::points, {"u3", "sa"}, "from January to February 2022",
       CK::absolute, D::down, "supported"},
      {"a change in the wrong direction", 0.2, 0.05, Unit::points, {"u3", "sa"},
       "from January to February 2022", CK::absolute, D::up, "value-mismatch", "value"},
      {"a wrong change", 0.5, 0.05, Unit::points, {"u3", "sa"}, "from January to February 2022", CK::absolute,
       D::down, "value-mismatch", "value"},
      {"a level never matches a change claim", 0.2, 0.05, Unit::points, {"u3", "sa"},
       "from January to February 2022", CK::none, D::none, "unchecked"},
      {"a change stated by its end month", 0.2, 0.05, Unit::points, {"u3", "sa"}, "February 2022", CK::absolute,
       D::down, "supported"},
      {"the change's amount for other months", 0.2, 0.05, Unit::points, {"u3", "sa"},
       "from March 2022 to April 2022", CK::absolute, D::down, "period-mismatch", "period"},
      {"a relative change never matches an absolute claim", 0.2, 0.05, Unit::points, {"u3", "sa"},
       "February 2022", CK::relative, D::down, "unchecked"},
      {"the difference claimed", 3.1, 0.05, Unit::points, {"u3", "u6", "sa"}, "January 2022", CK::none,
       D::none, "supported"},
      {"a wrong difference", 2.5, 0.05, Unit::points, {"u3", "u6", "sa"}, "January 2022", CK::none, D::none,
       "value-mismatch", "value"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const auto [kind, dimension] = check_row(row);
    CHECK(kind == row.expect);
    CHECK(dimension == row.dimension);
  }
}
