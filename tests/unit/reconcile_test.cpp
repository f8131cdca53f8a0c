// reconcile_test.cpp — reconcile's grouping and conflict rules as tables: two
// documents' different values for one statistic conflict; one document's
// own figures, consecutive periods, changes, age bounds, weak frames and
// hedged values that cover each other do not.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "claimcheck/document.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/rules.hpp"
#include "claimcheck/verify.hpp"

using namespace claimcheck;

namespace {

const char* kRules = R"({
  "claimcheck_rules": 1,
  "defaults": { "program": "secure-communities", "place": "us" },
  "vocabulary": {
    "program": { "secure-communities": ["Secure Communities"] },
    "measure": { "removals": ["deported", "removed"], "transfers": ["transferred"],
                 "workers": ["workers"] },
    "place": { "us": ["United States"], "oregon": ["Oregon"] },
    "category": { "non-criminal": ["non-criminals", "no criminal record"],
                  "no-conviction": ["no criminal conviction", "no criminal convictions"],
                  "minor-conviction": ["minor convictions"] }
  },
  "claims": [
    { "id": "r55", "value": 55, "unit": "percent",
      "frame": { "measure": "removals", "category": ["no-conviction", "minor-conviction"],
                 "period": "FY2011" },
      "definition": "Conviction-based", "source": { "doc": "a.txt" } },
    { "id": "oregon-removals", "value": 500, "unit": "count",
      "frame": { "measure": "removals", "place": "oregon", "period": "FY2011" },
      "source": { "doc": "a.txt" } }
  ]
})";

Rules rules() {
  Diagnostics d;
  auto r = load_rules_from_strings({{"rules.json", kRules}}, d);
  REQUIRE(r);
  return std::move(*r);
}

ReconcileResult run(const std::vector<std::pair<std::string, std::string>>& docs) {
  auto index = make_memory_index();
  for (const auto& [path, text] : docs) {
    Diagnostics d;
    auto doc = document_from_bytes(path, text, "txt", d);
    REQUIRE(doc);
    index->add(*doc, path);
  }
  auto r = rules();
  return reconcile(&r, *index);
}

}  // namespace

TEST_CASE("reconcile: which figures conflict", "[reconcile]") {
  struct Case {
    std::string name;
    std::vector<std::pair<std::string, std::string>> docs;
    size_t conflicts;
  };
  const std::vector<Case> cases = {
      {"two documents, one claim's statistic, two values",
       {{"a.txt", "In FY2011, 55% of people deported had no criminal convictions or minor convictions.\n"},
        {"b.txt", "In FY2011, 61% of people deported had no criminal convictions or minor convictions.\n"}},
       1},
      {"the same value in two documents agrees",
       {{"a.txt", "In FY2011, 55% of people deported had no criminal convictions or minor convictions.\n"},
        {"b.txt", "In FY2011, 55% of people deported had no criminal convictions or minor convictions.\n"}},
       0},
      {"one document's own figures are not reconciled",
       {{"a.txt", "In FY2011, 55% of people deported had no criminal convictions or minor convictions.\n"
                  "In FY2011, 61% of people deported had no criminal convictions or minor convictions.\n"}},
       0},
      {"no claim: two documents, one frame, same period",
       {{"a.txt", "In FY2013, 20% of people deported were non-criminals.\n"},
        {"b.txt", "In FY2013, 27% of people deported were non-criminals.\n"}},
       1},
      {"consecutive periods of one series",
       {{"a.txt", "In FY2013, 20% of people deported were non-criminals.\n"},
        {"b.txt", "In FY2014, 27% of people deported were non-criminals.\n"}},
       0},
      {"a period the sentence does not state",
       {{"a.txt", "In FY2013, 20% of people deported were non-criminals.\n"},
        {"b.txt", "Some 27% of people deported were non-criminals.\n"}},
       0},
      {"another measure is another statistic",
       {{"a.txt", "In FY2013, 20% of people deported were non-criminals.\n"},
        {"b.txt", "In FY2013, 27% of people transferred were non-criminals.\n"}},
       0},
      {"no measure stated: never compared",
       {{"a.txt", "In FY2013, 20% were non-criminals.\n"}, {"b.txt", "In FY2013, 27% were non-criminals.\n"}},
       0},
      {"relative changes are not levels",
       {{"a.txt", "In FY2013, the number of people deported fell 12%.\n"},
        {"b.txt", "In FY2013, the number of people deported fell 20%.\n"}},
       0},
      {"hedged values that cover each other",
       {{"a.txt", "In FY2013, about 400,000 people were deported.\n"},
        {"b.txt", "In FY2013, 396,906 people were deported.\n"}},
       0},
      {"counts that differ beyond their precision",
       {{"a.txt", "In FY2013, 368,644 people were deported.\n"},
        {"b.txt", "In FY2013, 438,421 people were deported.\n"}},
       1},
      {"age bounds are not figures of the statistic",
       {{"a.txt", "In 2022, 3,000 workers aged 16 and over were counted.\n"},
        {"b.txt", "In 2022, 3,000 workers aged 25 and over were counted.\n"}},
       0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto res = run(c.docs);
    CHECK(res.conflicts() == c.conflicts);
    if (c.conflicts > 0) {
      // Ranked first, both sides quoted with file:line.
      REQUIRE(!res.groups.empty());
      CHECK(res.groups.front().kind == GroupKind::conflict);
      const auto& msg = res.groups.front().conflicts.front().message;
      CHECK(msg.find("a.txt:1") != std::string::npos);
      CHECK(msg.find("b.txt:1") != std::string::npos);
    }
  }
}

TEST_CASE("reconcile: what is set apart from conflicts, and why", "[reconcile]") {
  struct Case {
    std::string sentence;
    std::string figure;
    std::string not_compared;
  };
  const std::vector<Case> cases = {
      {"In 2022, 3,000 workers aged 16 and over were counted.\n", "16", "an age bound"},
      {"In 2022, 3,000 workers ages 25 to 54 were counted.\n", "54", "an age bound"},
      {"In 2022, 3,000 workers aged 16 and over were counted.\n", "3,000", ""},
      {"In FY2013, the number of people deported fell 12%.\n", "12%", "a relative change"},
      {"In FY2013, 20% of people deported were non-criminals.\n", "20%", ""},
      {"The share of people deported rose from 20% in FY2012 to 27% in FY2013.\n", "20%", "a trend's start"},
      {"The share of people deported rose 0.3 percentage points to 27% in FY2013.\n", "27%", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence, c.figure);
    const auto res = run({{"a.txt", c.sentence}});
    const FramedFigure* found = nullptr;
    for (const auto& g : res.groups)
      for (const auto& f : g.figures)
        if (f.text == c.figure) found = &f;
    if (!found) {
      CHECK(c.not_compared == "an age bound");  // or not a figure at all: equally safe
      continue;
    }
    CHECK(found->not_compared == c.not_compared);
  }
}

TEST_CASE("reconcile: groups named in words, ranked conflicts first", "[reconcile]") {
  const auto res = run({
      {"a.txt", "In FY2011, 55% of people deported had no criminal convictions or minor convictions.\n"
                "In FY2013, 20% of people deported were non-criminals.\n"},
      {"b.txt", "In FY2011, 61% of people deported had no criminal convictions or minor convictions.\n"
                "In FY2014, 27% of people deported were non-criminals.\n"},
  });
  REQUIRE(res.groups.size() >= 2);
  const auto& first = res.groups.front();
  CHECK(first.kind == GroupKind::conflict);
  CHECK(first.claim == "r55");
  CHECK(first.title == "Secure Communities · removals · minor-conviction or no-conviction · FY2011 · US");
  bool series = false;
  for (const auto& g : res.groups) {
    CHECK(g.title.find('|') == std::string::npos);
    if (g.measure == "removals" && g.category == std::set<std::string>{"non-criminal"}) {
      series = true;
      CHECK(g.kind == GroupKind::unsourced);
      CHECK(g.periods == std::vector<std::string>{"FY2013", "FY2014"});
      CHECK(g.conflicts.empty());
    }
  }
  CHECK(series);
  const std::string text = render_reconcile_text(res);
  CHECK(text.rfind("CONFLICT  Secure Communities", 0) == 0);
  CHECK(text.find("series: FY2013, FY2014") != std::string::npos);
  CHECK(render_reconcile_csv(res).rfind("kind,group,", 0) == 0);
  const std::string html = render_reconcile_html(res);
  CHECK(html.find("a.txt#L1") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("verify: a claim about another place than the default is contradicted only there", "[reconcile]") {
  struct Case {
    std::string sentence;
    VerifyStatus status;
  };
  const std::vector<Case> cases = {
      {"In FY2011, 396,906 people were deported.\n", VerifyStatus::not_found},
      {"In FY2011, 620 people were deported in Oregon.\n", VerifyStatus::contradicted},
      {"In FY2011, 500 people were deported in Oregon.\n", VerifyStatus::backed},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    auto index = make_memory_index();
    Diagnostics d;
    auto doc = document_from_bytes("a.txt", c.sentence, "txt", d);
    REQUIRE(doc);
    index->add(*doc, "a.txt");
    auto r = rules();
    const auto v = verify_claims(r, *index);
    const auto it = std::find_if(v.claims.begin(), v.claims.end(),
                                 [](const ClaimVerification& x) { return x.claim->id == "oregon-removals"; });
    REQUIRE(it != v.claims.end());
    CHECK(it->status == c.status);
  }
}
