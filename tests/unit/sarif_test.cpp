// sarif_test.cpp — the SARIF renderer on a hand-made report: required fields, one rule per
// finding kind, results with regions in code points, evidence as related locations.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
#include <set>
#include <string>

#include "claimcheck/report.hpp"

using namespace claimcheck;
using json = nlohmann::json;

namespace {

Report sample_report() {
  FileReport f;
  f.path = "drafts/fiscal 2011.md";
  f.text = "In fiscal year 2011, 79% of the people deported had no criminal record.\n";
  MentionResult m;
  m.mention.begin = 21;
  m.mention.end = 24;
  m.mention.text = "79%";
  m.mention.value = 79;
  m.mention.unit = Unit::percent;
  m.start = {1, 22};
  m.end = {1, 25};
  m.verdict = "discrepancy";
  m.claim = "nc-ll-2008-2010";
  f.mentions.push_back(m);

  Finding x;
  x.kind = "period-mismatch";
  x.severity = Severity::error;
  x.begin = 21;
  x.end = 24;
  x.start = {1, 22};
  x.end_pos = {1, 25};
  x.text = "79%";
  x.message = "79% is the figure for Oct 2008 - Jun 2010, not FY2011";
  x.claim = "nc-ll-2008-2010";
  x.dimensions = {"period"};
  x.evidence = {{"001_a104c314817fa3dc.txt", 9, "79 percent of people deported were non-criminals"}};
  f.findings.push_back(x);

  Finding w;
  w.kind = "unsupported";
  w.severity = Severity::warning;
  w.start = {3, 1};
  w.end_pos = {3, 5};
  w.text = "$4.2";
  w.message = "no reference figure";
  f.findings.push_back(w);

  Finding i;
  i.kind = "missing-period";
  i.severity = Severity::info;
  i.start = {4, 2};
  i.end_pos = {4, 2};  // unknown end: no endLine/endColumn
  i.message = "no period";
  f.findings.push_back(i);

  Report r;
  r.files.push_back(f);
  return r;
}

}  // namespace

TEST_CASE("SARIF has the 2.1.0 envelope and one run with the column kind", "[report]") {
  const json j = json::parse(render_sarif(sample_report()));
  CHECK(j["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(j["version"] == "2.1.0");
  REQUIRE(j["runs"].size() == 1);
  const json& run = j["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "claimcheck");
  CHECK(driver["version"].is_string());
  CHECK(driver["informationUri"].get<std::string>().rfind("https://", 0) == 0);
}

TEST_CASE("SARIF declares one rule per finding kind with its default level", "[report]") {
  const json j = json::parse(render_sarif(sample_report()));
  const json& rules = j["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == finding_kinds().size());
  std::set<std::string> ids;
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& k = finding_kinds()[i];
    CHECK(rules[i]["id"] == std::string(k.name));
    // A readable name distinct from the opaque id (SARIF 3.49.7, sarif-multitool SARIF1001).
    std::string name = rules[i]["name"], id = rules[i]["id"];
    for (auto* s : {&name, &id})
      for (auto& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(name != id);
    CHECK(rules[i]["helpUri"] == finding_help_uri(k.name));
    CHECK(rules[i]["shortDescription"]["text"] == std::string(k.help));
    const std::string level = rules[i]["defaultConfiguration"]["level"];
    CHECK(level == (k.severity == Severity::error     ? "error"
                    : k.severity == Severity::warning ? "warning"
                                                      : "note"));
    ids.insert(rules[i]["id"].get<std::string>());
  }
  CHECK(ids.count("period-mismatch") == 1);
  CHECK(ids.count("missing-period") == 1);
  CHECK(rules[0]["name"] == "ValueMismatch");
  CHECK(rules[8]["name"] == "UnsupportedFinding");
}

TEST_CASE("SARIF results carry rule, level, message, region and evidence", "[report]") {
  const json j = json::parse(render_sarif(sample_report()));
  const json& results = j["runs"][0]["results"];
  REQUIRE(results.size() == 3);

  const json& r = results[0];
  CHECK(r["ruleId"] == "period-mismatch");
  CHECK(r["level"] == "error");
  CHECK(r["message"]["text"].get<std::string>().find("FY2011") != std::string::npos);
  const json& loc = r["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "drafts/fiscal%202011.md");
  CHECK(loc["region"]["startLine"] == 1);
  CHECK(loc["region"]["startColumn"] == 22);
  CHECK(loc["region"]["endLine"] == 1);
  CHECK(loc["region"]["endColumn"] == 25);
  CHECK(loc["region"]["snippet"]["text"] == "79%");
  REQUIRE(r["relatedLocations"].size() == 1);
  const json& rel = r["relatedLocations"][0];
  CHECK(rel["physicalLocation"]["artifactLocation"]["uri"] == "001_a104c314817fa3dc.txt");
  CHECK(rel["physicalLocation"]["region"]["startLine"] == 9);
  CHECK(rel["message"]["text"] == "79 percent of people deported were non-criminals");
  CHECK(r["properties"]["dimensions"] == json::array({"period"}));
  // ruleIndex points into the rules array at the same id.
  const json& rules = j["runs"][0]["tool"]["driver"]["rules"];
  CHECK(rules[r["ruleIndex"].get<size_t>()]["id"] == "period-mismatch");

  CHECK(results[1]["level"] == "warning");
  CHECK(results[1]["ruleId"] == "unsupported");
  CHECK(results[2]["level"] == "note");
  CHECK_FALSE(results[2]["locations"][0]["physicalLocation"]["region"].contains("endColumn"));
}

TEST_CASE("SARIF of an empty report is still a valid log", "[report]") {
  const json j = json::parse(render_sarif(Report{}));
  CHECK(j["runs"][0]["results"].is_array());
  CHECK(j["runs"][0]["results"].empty());
}

TEST_CASE("SARIF locations are relative to the source root, or file:// URIs outside it", "[report]") {
  struct Case {
    std::string path, root, uri;
    bool based;  // relative to %SRCROOT%
  };
  const std::vector<Case> cases = {
      {"drafts/a.md", "/repo", "drafts/a.md", true},
      {"./drafts/a.md", "/repo", "drafts/a.md", true},
      {"/repo/drafts/a b.md", "/repo", "drafts/a%20b.md", true},
      {"/repo/drafts/a.md", "/repo/", "drafts/a.md", true},
      {"/repository/a.md", "/repo", "file:///repository/a.md", false},
      {"/tmp/x.md", "/repo", "file:///tmp/x.md", false},
      {"drafts/a.md", "", "drafts/a.md", false},
  };
  for (const auto& c : cases) {
    INFO(c.path << " under " << c.root);
    Report r = sample_report();
    r.files[0].path = c.path;
    const json j = json::parse(render_sarif(r, c.root));
    const auto& loc = j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(loc["uri"] == c.uri);
    CHECK(loc.contains("uriBaseId") == c.based);
    CHECK(j["runs"][0]["artifacts"][0]["location"]["uri"] == c.uri);
  }
}

TEST_CASE("SARIF carries fingerprints, suppressions and the baseline state", "[report]") {
  Report r = sample_report();
  auto& x = r.files[0].findings.at(0);
  x.fingerprint = "0123456789abcdef";
  x.suppressed = Finding::Suppression{"inline", "quoted on purpose", ""};
  const json j = json::parse(render_sarif(r));
  const auto& res = j["runs"][0]["results"][0];
  CHECK(res["partialFingerprints"]["claimcheckFinding/v1"] == "0123456789abcdef");
  CHECK(res["suppressions"][0]["kind"] == "inSource");
  CHECK(res["suppressions"][0]["justification"] == "quoted on purpose");
  x.suppressed.reset();
  x.in_baseline = true;
  const json k = json::parse(render_sarif(r));
  CHECK(k["runs"][0]["results"][0]["baselineState"] == "unchanged");
  CHECK(!k["runs"][0]["results"][0].contains("suppressions"));
  for (const auto& rule : k["runs"][0]["tool"]["driver"]["rules"]) {
    CHECK(rule.contains("fullDescription"));
    CHECK(rule.contains("help"));
    CHECK(rule["helpUri"].get<std::string>().find("#" + rule["id"].get<std::string>()) != std::string::npos);
  }
}

TEST_CASE("fingerprints fold case and spacing but not the kind, claim or words", "[report]") {
  const auto fp = claimcheck::finding_fingerprint;
  CHECK(fp("value-mismatch", "c1", "Some 15% of  matches\nwere citizens.") ==
        fp("value-mismatch", "c1", "some 15% of matches were Citizens."));
  CHECK(fp("value-mismatch", "c1", "Some 15%") != fp("period-mismatch", "c1", "Some 15%"));
  CHECK(fp("value-mismatch", "c1", "Some 15%") != fp("value-mismatch", "c2", "Some 15%"));
  CHECK(fp("value-mismatch", "c1", "Some 15%") != fp("value-mismatch", "c1", "Some 16%"));
  CHECK(fp("a", "bc", "x") != fp("ab", "c", "x"));
  CHECK(fp("k", "c", "s").size() == 16);
}
