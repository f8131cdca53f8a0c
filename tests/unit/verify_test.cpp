// verify_test.cpp — verify and reconcile over an in-memory corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "claimcheck/document.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/rules.hpp"
#include "claimcheck/verify.hpp"
#include "verify/framing.hpp"

using namespace claimcheck;

namespace {

const char* kRules = R"({
  "claimcheck_rules": 1,
  "defaults": { "program": "secure-communities" },
  "vocabulary": {
    "program": { "secure-communities": ["Secure Communities"] },
    "measure": { "removals": ["deported", "removed"], "transfers": ["transferred"] },
    "category": { "non-criminal": ["non-criminals", "no criminal record"],
                  "low-level": ["low-level offenses"],
                  "no-conviction": ["no criminal conviction", "no criminal convictions"],
                  "minor-conviction": ["minor convictions"] }
  },
  "claims": [
    { "id": "r79", "value": 79, "unit": "percent",
      "frame": { "measure": "removals", "category": ["non-criminal", "low-level"],
                 "period": { "from": "2008-10-27", "to": "2010-06-30" } },
      "definition": "Charge-based", "source": { "doc": "a.txt" } },
    { "id": "r55", "value": 55, "unit": "percent",
      "frame": { "measure": "removals", "category": ["no-conviction", "minor-conviction"],
                 "period": "FY2011" },
      "definition": "Conviction-based", "source": { "doc": "b.txt" } },
    { "id": "t28", "value": 28, "unit": "percent",
      "frame": { "measure": "transfers", "category": ["non-criminal"] },
      "source": { "doc": "b.txt" } },
    { "id": "r30", "value": 30, "unit": "percent",
      "frame": { "measure": "removals", "category": ["no-conviction"], "period": "FY2012" },
      "source": { "doc": "b.txt" } },
    { "id": "absent", "value": 12, "unit": "percent",
      "frame": { "measure": "transfers", "category": ["low-level"] },
      "definition": "Derived from nothing", "source": { "doc": "a.txt" } }
  ]
})";

std::unique_ptr<Index> corpus() {
  auto index = make_memory_index();
  auto add = [&](const std::string& path, const std::string& text) {
    Diagnostics d;
    auto doc = document_from_bytes(path, text, "txt", d);
    REQUIRE(doc);
    index->add(*doc, path);
  };
  add("a.txt",
      "Between October 2008 and June 2010, 79% of people deported had no criminal record "
      "or low-level offenses.\n");
  add("b.txt",
      "In FY2011, 55% of people deported had no criminal convictions or minor convictions.\n"
      "Since 2008, 28% of people transferred were non-criminals.\n"
      "In FY2012, 41% of people deported had no criminal conviction.\n");
  add("c.txt", "The 79% of people deported from 2008 to 2010 were non-criminals or had low-level offenses.\n");
  return index;
}

Rules rules() {
  Diagnostics d;
  auto r = load_rules_from_strings({{"rules.json", kRules}}, d);
  std::string all;
  for (const auto& x : d.items()) all += x.format() + "\n";
  INFO(all);
  REQUIRE(r);
  return std::move(*r);
}

// An index of one document holding `text`.
std::unique_ptr<Index> one_sentence(const std::string& path, const std::string& text) {
  auto index = make_memory_index();
  Diagnostics d;
  auto doc = document_from_bytes(path, text, "txt", d);
  REQUIRE(doc);
  index->add(*doc, "h");
  return index;
}

const ClaimVerification& find(const VerifyResult& v, const std::string& id) {
  auto it = std::find_if(v.claims.begin(), v.claims.end(),
                         [&](const ClaimVerification& c) { return c.claim->id == id; });
  REQUIRE(it != v.claims.end());
  return *it;
}

}  // namespace

TEST_CASE("verify gives each claim a status with evidence", "[verify]") {
  auto index = corpus();
  auto r = rules();
  auto v = verify_claims(r, *index);
  REQUIRE(v.claims.size() == 5);
  CHECK(find(v, "r79").status == VerifyStatus::backed);
  CHECK(find(v, "r79").evidence.front().doc == "a.txt");
  CHECK(find(v, "r79").evidence.size() >= 2);  // c.txt too
  CHECK(find(v, "r55").status == VerifyStatus::backed);
  CHECK(find(v, "t28").status == VerifyStatus::backed);
  CHECK(find(v, "r30").status == VerifyStatus::contradicted);
  CHECK(find(v, "r30").contradicting.front().value == 41);
  CHECK(find(v, "absent").status == VerifyStatus::not_found);
  CHECK(find(v, "absent").derived);
  CHECK(v.failed());
  CHECK(render_verify_json(v).find("\"backed-elsewhere\"") != std::string::npos);
}

TEST_CASE("verify: backed elsewhere when the source does not state it", "[verify]") {
  auto index = make_memory_index();
  Diagnostics d;
  auto doc = document_from_bytes("other.txt",
                                 "In FY2011, 55% of people deported had no criminal "
                                 "convictions or minor convictions.\n",
                                 "txt", d);
  REQUIRE(doc);
  index->add(*doc, "h");
  auto r = rules();
  auto v = verify_claims(r, *index);
  CHECK(find(v, "r55").status == VerifyStatus::backed_elsewhere);
}

TEST_CASE("verify accepts values at the claim's written precision only", "[verify]") {
  struct Case {
    std::string value;  // as the rules file writes it
    double low, high;
  };
  const std::vector<Case> cases = {{"7.9", 7.85, 7.95}, {"79", 78.5, 79.5}, {"4.0", 3.95, 4.05}, {"2.25", 2.245, 2.255}};
  for (const auto& c : cases) {
    CAPTURE(c.value);
    Diagnostics diags;
    auto rules = load_rules_from_strings(
        {{"r.json", R"({ "claimcheck_rules": 1, "vocabulary": { "measure": { "m": ["rate"] } },
            "claims": [ { "id": "a", "value": )" + c.value + R"(, "unit": "percent", "frame": { "measure": "m" } } ] })"}},
        diags);
    REQUIRE(rules);
    const auto [lo, hi] = verify_detail::claim_range(rules->claims()[0]);
    CHECK(lo == Approx(c.low));
    CHECK(hi == Approx(c.high));
  }
}

TEST_CASE("verify says why a sentence stating a claim's value does not back it", "[verify]") {
  struct Case {
    std::string sentence;  // states 55%, r55's value
    std::string dimension;
    std::string reason;    // a part of the first reason
  };
  const std::vector<Case> cases = {
      {"In FY2012, 55% of people deported had no criminal convictions or minor convictions.\n", "period",
       "period: sentence says FY2012, claim FY2011"},
      {"In FY2011, 55% of people transferred had no criminal convictions or minor convictions.\n",
       "measure", "measure: sentence says transfers, claim removals"},
      {"In FY2011, 55% of them were counted.\n", "measure", "measure unknown: "},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    auto index = one_sentence("x.txt", c.sentence);
    auto r = rules();
    auto v = verify_claims(r, *index);
    const auto& cv = find(v, "r55");
    CHECK(cv.evidence.empty());
    REQUIRE(cv.rejected.size() == 1);
    const auto& x = cv.rejected.front();
    CHECK(x.figure.value == 55);
    REQUIRE(!x.dimensions.empty());
    CHECK(x.dimensions.front() == c.dimension);
    CHECK(x.reasons.front().find(c.reason) != std::string::npos);
    CHECK(render_verify_text(v).find("not backing x.txt:1 (55%): " + x.reasons.front()) != std::string::npos);
    CHECK(render_verify_json(v).find("\"not_backing\"") != std::string::npos);
  }
}

TEST_CASE("verify explains by the matcher's own dimensions (labour rules, version 2)", "[verify]") {
  struct Case {
    std::string sentence;
    std::string claim;
    std::string reason;  // the whole first reason; empty: the sentence backs the claim
  };
  const std::vector<Case> cases = {
      {"In January 2022, the seasonally adjusted U-3 unemployment rate was 4.0 percent.\n", "u3-sa-2022-01", ""},
      // A month is its own period: February does not back January (no slack).
      {"In February 2022, the seasonally adjusted U-6 unemployment rate was 7.1 percent.\n", "u6-sa-2022-01",
       "period: sentence says February 2022, claim January 2022"},
      {"In January 2022, the seasonally adjusted U-6 unemployment rate was 4.0 percent.\n", "u3-sa-2022-01",
       "series: sentence reads as u6, claim u3"},
      {"In California, the seasonally adjusted U-3 unemployment rate was 4.0 percent in January 2022.\n",
       "u3-sa-2022-01", "place: sentence says california, outside the rules' place (claim us): another statistic"},
      {"In 2022, the seasonally adjusted U-3 unemployment rate was 4.0 percent.\n", "u3-sa-2022-01",
       "period unknown: the sentence says 2022, coarser than the claim's January 2022"},
  };
  Diagnostics diags;
  auto rules = load_rules({std::string(CLAIMCHECK_SOURCE_DIR) + "/examples/labour/rules.json"}, diags);
  REQUIRE(rules);
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    auto index = one_sentence("x.txt", c.sentence);
    const auto v = verify_claims(*rules, *index);
    const auto& cv = find(v, c.claim);
    if (c.reason.empty()) {
      CHECK(cv.status == VerifyStatus::backed_elsewhere);
      CHECK(cv.rejected.empty());
      continue;
    }
    CHECK(cv.evidence.empty());
    REQUIRE(cv.rejected.size() == 1);
    CHECK(cv.rejected.front().reasons.front() == c.reason);
  }
}
