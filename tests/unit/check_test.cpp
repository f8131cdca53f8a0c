// check_test.cpp — the check engine on small drafts against inline rules:
// one row per mechanism (frames, periods, back-references, value-first
// matching, hedges, arithmetic, comparisons, unsupported figures).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "claimcheck/check.hpp"
#include "claimcheck/rules.hpp"

using namespace claimcheck;

namespace {

const char* kRules = R"({
  "claimcheck_rules": 1,
  "title": "test rules",
  "defaults": { "program": "sc", "place": "us" },
  "vocabulary": {
    "program": { "sc": ["Secure Communities"], "cap": ["Criminal Alien Program"] },
    "measure": {
      "removals": ["deported", "deportations", "deportation", "removed", "deportees"],
      "transfers": ["transferred to ICE custody"],
      "identifications": ["identified"],
      "detainers": ["detainers"],
      "admissions": ["admitted to ICE detention"],
      "launch": ["launched", "created"]
    },
    "category": {
      "non-criminal": ["no criminal record", "non-criminals"],
      "low-level": ["low-level offenses", "lower-level subjects"],
      "level-1": ["Level 1", "top-priority subjects"],
      "no-conviction": ["no criminal conviction", "no criminal convictions"],
      "minor-conviction": ["minor convictions", "convicted of minor crimes"]
    },
    "place": { "us": ["nationwide"], "oregon": ["Oregon"] },
    "period": { "since-inception": { "phrases": ["since its inception"], "from": "2008-10-27" } }
  },
  "claims": [
    { "id": "removals-oregon-fy2011", "value": 1200, "unit": "count",
      "frame": { "measure": "removals", "place": "oregon", "period": "FY2011" } },
    { "id": "removals-2008-2010", "value": 47000, "unit": "count",
      "frame": { "measure": "removals", "period": { "from": "2008-10-27", "to": "2010-06-30" } } },
    { "id": "nc-ll-2008-2010", "value": 79, "unit": "percent",
      "frame": { "measure": "removals", "category": ["non-criminal", "low-level"],
                 "period": { "from": "2008-10-27", "to": "2010-06-30" } },
      "exclusive_with": ["l1-2008-2010"] },
    { "id": "l1-2008-2010", "value": 20, "unit": "percent",
      "frame": { "measure": "removals", "category": ["level-1"],
                 "period": { "from": "2008-10-27", "to": "2010-06-30" } } },
    { "id": "transfers-nc", "value": 28, "unit": "percent",
      "frame": { "measure": "transfers", "category": ["non-criminal"], "period": "since-inception" } },
    { "id": "minor-fy2011", "value": 29, "unit": "percent",
      "frame": { "measure": "removals", "category": ["minor-conviction"], "period": "FY2011" } },
    { "id": "none-fy2011", "value": 26, "unit": "percent",
      "frame": { "measure": "removals", "category": ["no-conviction"], "period": "FY2011" } },
    { "id": "none-fy2012", "value": 31, "unit": "percent",
      "frame": { "measure": "removals", "category": ["no-conviction"], "period": "FY2012" } },
    { "id": "sum-fy2011", "value": 55, "unit": "percent",
      "frame": { "measure": "removals", "category": ["no-conviction", "minor-conviction"],
                 "period": "FY2011" },
      "sum_of": ["minor-fy2011", "none-fy2011"] },
    { "id": "cap-fy2009", "value": 48, "unit": "percent",
      "frame": { "program": "cap", "measure": "admissions", "period": "FY2009" } },
    { "id": "identified", "value": 111000, "unit": "count", "frame": { "measure": "identifications" } },
    { "id": "identified-ll", "value": 100000, "unit": "count",
      "frame": { "measure": "identifications", "category": ["low-level"] } },
    { "id": "detainers-l1", "value": 3847, "unit": "count",
      "frame": { "measure": "detainers", "category": ["level-1"] } },
    { "id": "detainers-ll", "value": 16227, "unit": "count",
      "frame": { "measure": "detainers", "category": ["low-level"] } },
    { "id": "detainers-all", "value": 20074, "unit": "count", "frame": { "measure": "detainers" },
      "sum_of": ["detainers-l1", "detainers-ll"] },
    { "id": "detainers-ll-share", "value": 81, "unit": "percent",
      "frame": { "measure": "detainers", "category": ["low-level"] } },
    { "id": "launch", "value": 2008, "unit": "year", "frame": { "measure": "launch" } },
    { "id": "launch-oregon", "value": 2010, "unit": "year",
      "frame": { "measure": "launch", "place": "oregon" } }
  ]
})";

const Rules& rules() {
  static const Rules r = [] {
    Diagnostics diags;
    auto loaded = load_rules_from_strings({{"test.json", kRules}}, diags);
    for (const auto& d : diags.items()) UNSCOPED_INFO(d.format());
    REQUIRE(loaded.has_value());
    return std::move(*loaded);
  }();
  return r;
}

FileReport check_text(const std::string& text) {
  Diagnostics diags;
  auto doc = document_from_bytes("draft.txt", text, "txt", diags);
  REQUIRE(doc.has_value());
  return check_document(*doc, &rules(), nullptr);
}

// "kind@text" for every finding of severity warning or above.
std::vector<std::string> flagged(const FileReport& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.severity != Severity::info) out.push_back(f.kind + "@" + f.text);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("check finds each kind of discrepancy and stays quiet on right figures", "[check]") {
  struct Case {
    const char* name;
    const char* draft;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"correct figure with its period", "Between October 2008 and June 2010, 79% of people "
       "deported had no criminal record or had been picked up for low-level offenses.", {}},
      {"wrong period", "In fiscal year 2011, 79% of people deported had no criminal record or had "
       "been picked up for low-level offenses.", {"period-mismatch@79%"}},
      {"wrong definition", "Between October 2008 and June 2010, 79% of people deported had no "
       "criminal record.", {"definition-mismatch@79%"}},
      {"wrong population", "Since its inception, 28% of the people deported were non-criminals.",
       {"population-mismatch@28%"}},
      {"wrong program", "In fiscal year 2009, 48 percent of the people admitted to ICE detention "
       "were identified through Secure Communities.", {"program-mismatch@48 percent"}},
      {"wrong value in a known frame", "In FY2011, 36% of those deported had no criminal "
       "conviction.", {"value-mismatch@36%"}},
      {"verbal quantity contradicts", "In FY2011, nearly half of the people deported had no "
       "criminal conviction or minor convictions.", {"hedge-mismatch@nearly half"}},
      {"gloss and figure agree", "More than a quarter (28 percent) of the people transferred to "
       "ICE custody since its inception were non-criminals.", {}},
      {"back-reference carries the period", "In fiscal year 2011, ICE changed course. In the same "
       "year, 26% of those deported had no criminal conviction.", {}},
      {"parts add up", "In FY2011, 26% of people deported had no criminal conviction and 29% had "
       "been convicted of minor crimes, a combined 55%.", {}},
      {"parts do not add up", "In FY2011, 26% of people deported had no criminal conviction and "
       "29% had minor convictions, so 65% had no serious record.", {"arithmetic@65%"}},
      {"percent derived from counts is right", "ICE identified 111,000 people, 100,000 of whom "
       "had committed low-level offenses, or about 90%.", {}},
      {"percent derived from counts is wrong", "ICE issued 3,847 detainers on top-priority "
       "subjects and 16,227 detainers on lower-level subjects, meaning about 90% of detainers "
       "targeted lower-level subjects.", {"arithmetic@about 90%"}},
      {"incomparable trend", "The share of deportees with no serious record fell from 79% to 55%.",
       {"incomparable@79% to 55%"}},
      {"a trend with periods between its ends", "The share of deportees with no serious record fell "
       "from 79% in 2008-2010 to 55% in fiscal 2011.", {"incomparable@79% in 2008-2010 to 55%"}},
      {"'down from' with words between the ends", "In fiscal 2011, 55% of people deported had no "
       "serious record, down from 79% of those deported between October 2008 and June 2010.",
       {"incomparable@55% of people deported had no serious record, down from 79%"}},
      {"a trend of one statistic across periods is no incomparable", "The share of deportees with no "
       "criminal conviction rose from 26% in fiscal 2011 to 31% in fiscal 2012.", {}},
      {"contrast the draft states itself is no incomparable", "ICE issued 3,847 detainers on "
       "top-priority subjects, compared with 16,227 detainers on lower-level subjects.", {}},
      {"a category list the vocabulary only partly knows", "Between October 2008 and June 2010, "
       "79% of people deported were non-criminals or low-level offenders.", {}},
      {"a total named after the figure", "In FY2011, 29 percent of deportees had been convicted "
       "of minor crimes, and 26 percent had no criminal conviction \u2014 55 percent in all.", {}},
      {"a shared program alone does not explain a value", "The Criminal Alien Program accounted "
       "for 48 percent of people admitted to ICE detention in fiscal year 2009, compared with 20 "
       "percent for Secure Communities.", {"unsupported@20 percent"}},
      {"year as a figure", "Secure Communities was launched in 2008 and came to Oregon in 2010. "
       "It was created in 2006.", {"value-mismatch@2006"}},
      {"a year that is a period is no figure", "In 2009 the program grew.", {}},
      {"unsupported figure", "The program cost $4.2 billion.", {"unsupported@$4.2 billion"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name, c.draft);
    auto report = check_text(c.draft);
    auto got = flagged(report);
    auto want = c.expected;
    std::sort(want.begin(), want.end());
    CHECK(got == want);
    for (const auto& f : report.findings) {
      CAPTURE(f.message);
      CHECK_FALSE(f.message.empty());
    }
  }
}

// Errors rest on what the text positively says about the figure; what it
// leaves unsaid is unknown, never agreement (design.md, "Finding kinds").
TEST_CASE("findings only on positive evidence", "[check]") {
  struct Case {
    const char* name;
    const char* draft;
    const char* figure;
    const char* verdict;  // of that figure
    std::vector<std::string> errors;
  };
  const std::vector<Case> cases = {
      {"a state's figure is another statistic", "In Oregon, between October 2008 and June 2010, "
       "20% of people deported had no criminal record or low-level offenses.", "20%", "unsupported", {}},
      {"a county's figure is another statistic", "In Travis County, 79% of people deported between "
       "October 2008 and June 2010 had no criminal record.", "79%", "unsupported", {}},
      {"the agency as a whole is no program", "ICE removed 396,906 people in fiscal 2011, and 26% "
       "of them had no criminal conviction.", "26%", "unsupported", {}},
      {"two differing dimensions: another statistic", "In fiscal 2011, 79% of people transferred "
       "to ICE custody had no criminal conviction.", "79%", "unsupported", {}},
      {"the same frame with another value", "In fiscal 2011, 79% of people deported had no "
       "criminal conviction.", "79%", "discrepancy", {"value-mismatch@79%"}},
      {"unstated measure: no claim is about the figure", "In fiscal year 2011, 36% had no criminal "
       "conviction.", "36%", "unsupported", {}},
      {"a noun the rules do not count", "Between October 2008 and June 2010, jails sent 47,000 sets "
       "of fingerprints.", "47,000", "unsupported", {}},
      {"an open bound far from a claim says nothing", "Between October 2008 and June 2010, more than "
       "30% of people deported had no criminal record or low-level offenses.", "more than 30%",
       "unsupported", {}},
      {"an open bound on the wrong side, near: a hedge mismatch (warning)", "Between October 2008 "
       "and June 2010, more than 85% of people deported had no criminal record or low-level "
       "offenses.", "more than 85%", "discrepancy", {}},
      {"a hedge's reach is not the claim's number", "Since its inception, about 26% of the people "
       "deported were non-criminals.", "about 26%", "unsupported", {}},
      {"a rounded claim covers a precise figure", "Between October 2008 and June 2010, Secure "
       "Communities deported 46,929 people.", "46,929", "supported", {}},
      {"a category left unsaid cannot be decided", "In fiscal 2011, 26% of people deported "
       "through Secure Communities were affected.", "26%", "unverified", {}},
      {"relative period from the dateline", "WASHINGTON, Aug. 2, 2012 — Last fiscal year, 79% of "
       "people deported had no criminal record or had been picked up for low-level offenses.",
       "79%", "discrepancy", {"period-mismatch@79%"}},
      {"period carried through the paragraph", "ICE released data for fiscal year 2011. That "
       "year, 79% of people deported had no criminal record or low-level offenses.", "79%",
       "discrepancy", {"period-mismatch@79%"}},
      {"a ratio of two reference counts is supported", "In its first year, about 90% of the "
       "people identified had low-level offenses.", "about 90%", "supported", {}},
      {"a sum of two reference shares is supported", "Between October 2008 and June 2010, 99% of "
       "people deported had no criminal record, low-level offenses or a Level 1 charge.", "99%",
       "supported", {}},
      {"beside a named group, an unnamed one is another part, not the whole", "ICE issued 3,847 "
       "detainers for Level 1 suspects and 16,227 for lower-level ones.", "16,227", "unverified",
       {}},
      {"a group named by what it is not is unknown, not that group", "Roughly four in five "
       "detainers went to people outside the top-priority subjects.", "Roughly four in five", "unverified",
       {}},
      {"a sub-group the rules do not name is a part, not the whole", "In fiscal 2011, 79% of "
       "children deported had no criminal conviction.", "79%", "unsupported", {}},
      {"a sub-group named in an opener narrows the figures after it", "Among Hispanic women "
       "deported in fiscal 2011, 79% had no criminal conviction.", "79%", "unsupported", {}},
      {"a kind of place in the plural is a sub-group", "In rural counties, 79% of people deported "
       "in fiscal 2011 had no criminal conviction.", "79%", "unsupported", {}},
      {"the United States is no sub-group of states", "In fiscal 2011, 79% of people deported "
       "from the United States had no criminal conviction.", "79%", "discrepancy",
       {"value-mismatch@79%"}},
      {"a state's claim is not about a figure that names no place", "In fiscal 2011, 1,500 "
       "people were deported.", "1,500", "unsupported", {}},
      {"a state's claim is about the figure that names the state", "In fiscal 2011, 1,500 "
       "people were deported from Oregon.", "1,500", "discrepancy", {"value-mismatch@1,500"}},
      {"a whole count with no qualifier is all of it", "ICE issued 25,000 detainers.", "25,000",
       "discrepancy", {"value-mismatch@25,000"}},
      {"a counted noun wins over a verb elsewhere", "In its first year, Secure Communities "
       "identified 111,000 people and 47,000 sets of fingerprints were deported.", "111,000",
       "supported", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name, c.draft);
    auto report = check_text(c.draft);
    std::vector<std::string> errors;
    for (const auto& f : report.findings)
      if (f.severity == Severity::error) errors.push_back(f.kind + "@" + f.text);
    CHECK(errors == c.errors);
    const MentionResult* m = nullptr;
    for (const auto& x : report.mentions)
      if (x.mention.text == c.figure) m = &x;
    REQUIRE(m);
    CHECK(m->verdict == c.verdict);
  }
}

TEST_CASE("supported figures carry their claim and frame", "[check]") {
  auto report = check_text("Between October 2008 and June 2010, Secure Communities led to the "
                           "deportation of approximately 47,000 people.");
  REQUIRE(report.mentions.size() == 1);
  const auto& m = report.mentions[0];
  CHECK(m.verdict == "supported");
  CHECK(m.claim == "removals-2008-2010");
  CHECK(m.frame.measure == "removals");
  CHECK(m.frame.program == "sc");
  REQUIRE(m.frame.period.has_value());
  CHECK(format_day(m.frame.period->from) == "2008-10-01");
  CHECK(m.start.line == 1);
}

TEST_CASE("a figure without a period gets missing-period when other periods exist", "[check]") {
  auto report = check_text("Of the people deported, 26% had no criminal conviction.");
  CHECK(flagged(report).empty());  // info only: not an error or warning
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].kind == "missing-period");
  CHECK(report.findings[0].severity == Severity::info);
  CHECK(report.findings[0].claim == "none-fy2011");
  CHECK(report.mentions[0].verdict == "supported");
}

TEST_CASE("without rules or index every mention stays unchecked", "[check]") {
  Diagnostics diags;
  auto doc = document_from_bytes("d.txt", "It cost $4.2 billion, 79% more.", "txt", diags);
  REQUIRE(doc);
  auto report = check_document(*doc, nullptr, nullptr);
  REQUIRE(report.mentions.size() == 2);
  for (const auto& m : report.mentions) CHECK(m.verdict == "unchecked");
  CHECK(report.findings.empty());
}
