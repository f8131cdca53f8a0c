// match_drafts_v2_test.cpp — whole drafts against version 2 rules: the
// incomparable check follows a trend's two ends whatever words sit between
// them, the rules' fiscal-year start reads "FY2022" in a draft, and a claim
// in a unit word ("tonnes", "beds") meets figures in that word.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "claimcheck/check.hpp"
#include "claimcheck/rules.hpp"

using namespace claimcheck;

namespace {

// US unemployment: U-3 and U-6 are two definitions of one rate.
const char* kLabour = R"({
  "claimcheck_rules": 2,
  "facets": { "series": { "kind": "definition-mismatch" } },
  "vocabulary": {
    "measure": { "unemployment-rate": ["unemployment rate", "jobless rate"],
                 "participation": ["labor force participation rate"] },
    "series": { "u3": ["U-3"], "u6": ["U-6"] }
  },
  "claims": [
    { "id": "u3-jan", "value": 4.0, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "period": "2022-01" } },
    { "id": "u3-feb", "value": 3.8, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u3", "period": "2022-02" } },
    { "id": "u6-jan", "value": 7.1, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u6", "period": "2022-01" } },
    { "id": "u6-feb", "value": 6.8, "unit": "percent",
      "frame": { "measure": "unemployment-rate", "series": "u6", "period": "2022-02" } },
    { "id": "lfpr-jan", "value": 62.2, "unit": "percent",
      "frame": { "measure": "participation", "period": "2022-01" } }
  ]
})";

// UK public spending: fiscal years start in April.
const char* kUk = R"({
  "claimcheck_rules": 2,
  "fiscal_year_start": 4,
  "vocabulary": {
    "measure": { "nhs-beds": ["hospital beds", "beds"], "waste": ["waste collected"] }
  },
  "claims": [
    { "id": "beds-fy2022", "value": 141000, "unit": "count", "tolerance": 500,
      "frame": { "measure": "nhs-beds", "period": "FY2022" } },
    { "id": "waste-fy2022", "value": 250, "unit": "other", "unit_text": "tonnes",
      "frame": { "measure": "waste", "period": "FY2022" } },
    { "id": "beds-other-fy2023", "value": 320, "unit": "other", "unit_text": "beds",
      "frame": { "measure": "nhs-beds", "period": "FY2023" } }
  ]
})";

const Rules& load(const char* name, const char* json) {
  static std::map<std::string, Rules> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  Diagnostics diags;
  auto loaded = load_rules_from_strings({{name, json}}, diags);
  for (const auto& d : diags.items()) UNSCOPED_INFO(d.format());
  REQUIRE(loaded.has_value());
  return cache.emplace(name, std::move(*loaded)).first->second;
}

// "kind@text" for every finding of severity warning or above, sorted.
std::vector<std::string> flagged(const Rules& rules, const std::string& text) {
  Diagnostics diags;
  auto doc = document_from_bytes("draft.txt", text, "txt", diags);
  REQUIRE(doc.has_value());
  const FileReport r = check_document(*doc, &rules, nullptr);
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.severity != Severity::info) out.push_back(f.kind + "@" + f.text);
  std::sort(out.begin(), out.end());
  return out;
}

// The verdict of the figure written `figure` in `text`.
std::string verdict_of(const Rules& rules, const std::string& text, const std::string& figure) {
  Diagnostics diags;
  auto doc = document_from_bytes("draft.txt", text, "txt", diags);
  REQUIRE(doc.has_value());
  const FileReport r = check_document(*doc, &rules, nullptr);
  for (const auto& m : r.mentions)
    if (m.mention.text == figure) return m.verdict + (m.claim.empty() ? "" : ":" + m.claim);
  return "no such figure";
}

struct Case {
  std::string name;
  std::string text;
  std::vector<std::string> expect;
};

}  // namespace

TEST_CASE("incomparable: a trend's two ends whatever words sit between them", "[check][v2][comparison]") {
  const Rules& rules = load("labour.json", kLabour);
  const std::vector<Case> cases = {
      {"U-6's level then U-3's, periods between the ends",
       "The unemployment rate fell from 7.1 percent in January 2022 to 3.8 percent in February 2022.",
       {"incomparable@7.1 percent in January 2022 to 3.8 percent"}},
      {"'down from' with a period and a clause between",
       "The unemployment rate was 3.8 percent in February 2022, down from 7.1 percent in January 2022.",
       {"incomparable@3.8 percent in February 2022, down from 7.1 percent"}},
      {"one series across two months is a trend, not a comparison of definitions",
       "The U-3 unemployment rate fell from 4.0 percent in January 2022 to 3.8 percent in February 2022.",
       {}},
      {"U-6 across two months likewise",
       "The U-6 unemployment rate fell from 7.1 percent in January 2022 to 6.8 percent in February 2022.",
       {}},
      {"an end no claim backs says too little: no finding",
       "The unemployment rate fell from 9.2 percent in January 2022 to 3.8 percent in February 2022.",
       {"unsupported@9.2 percent"}},
      {"the draft names both series: the contrast is its point",
       "The U-6 unemployment rate was 7.1 percent in January 2022, while the U-3 unemployment rate was 4.0 "
       "percent.",
       {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name, c.text);
    CHECK(flagged(rules, c.text) == c.expect);
  }
}

TEST_CASE("fiscal years in a draft start where the rules say", "[check][v2][period]") {
  const Rules& uk = load("uk.json", kUk);
  const std::vector<Case> cases = {
      {"FY2022 is April 2021 to March 2022 under these rules",
       "In FY2022 the NHS had 141,000 hospital beds.", {}},
      {"fiscal 2022 likewise", "The NHS had 141,000 hospital beds in fiscal 2022.", {}},
      {"FY2023 is another fiscal year", "In FY2023 the NHS had 141,000 hospital beds.",
       {"period-mismatch@141,000"}},
      {"a month is not the year's figure", "In June 2022 the NHS had 141,000 hospital beds.",
       {"period-mismatch@141,000"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name, c.text);
    CHECK(flagged(uk, c.text) == c.expect);
  }
}

TEST_CASE("a claim in a unit word meets figures in that word", "[check][v2][units]") {
  const Rules& uk = load("uk.json", kUk);
  struct Row {
    std::string name, text, figure, expect;
  };
  const std::vector<Row> rows = {
      {"the unit the extractor knows", "In FY2022 the council's waste collected was 250 tonnes.", "250 tonnes",
       "supported:waste-fy2022"},
      {"its singular", "In FY2022 the waste collected came to 250 tonne.", "250 tonne", "supported:waste-fy2022"},
      {"a wrong value in that unit", "In FY2022 the waste collected was 270 tonnes.", "270 tonnes",
       "discrepancy:waste-fy2022"},
      {"another unit word is another quantity", "In FY2022 the waste collected was 250 km.", "250 km",
       "unsupported"},
      {"a count of the word", "In FY2023 the trust opened 320 beds.", "320", "supported:beds-other-fy2023"},
      {"a count of something else", "In FY2023 the trust opened 320 wards with beds.", "320", "unsupported"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name, r.text);
    CHECK(verdict_of(uk, r.text, r.figure) == r.expect);
  }
}

TEST_CASE("incomparable names the facet that differs, as the mismatches do", "[check][v2][comparison]") {
  const Rules& rules = load("labour.json", kLabour);
  Diagnostics diags;
  auto doc = document_from_bytes(
      "draft.txt", "The unemployment rate fell from 7.1 percent in January 2022 to 3.8 percent in February 2022.",
      "txt", diags);
  REQUIRE(doc.has_value());
  const FileReport r = check_document(*doc, &rules, nullptr);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].kind == "incomparable");
  CHECK(r.findings[0].dimensions == std::vector<std::string>{"series"});
  CHECK(r.findings[0].related == std::vector<std::string>{"u6-jan", "u3-feb"});
  CHECK(r.findings[0].message.find("u6 vs u3") != std::string::npos);
}
