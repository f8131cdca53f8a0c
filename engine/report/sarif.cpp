// sarif.cpp — SARIF 2.1.0 for code scanning and editors: one rule per finding kind,
// one result per finding, the evidence as related locations.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "claimcheck/report.hpp"
#include "claimcheck/uri.hpp"

namespace claimcheck {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kToolVersion = "0.1.0";
// The project's home page; replace when the project is published elsewhere.
constexpr const char* kInformationUri = "https://github.com/claimcheck/claimcheck";

// SARIF levels are error | warning | note; our info is their note.
const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

// An artifact location: relative to %SRCROOT% when the path is relative or
// under `root`, else an absolute file:// URI (a bare absolute path is not a
// valid URI, and code scanning cannot link it).
json artifact_location(const std::string& path, const std::string& root) {
  std::string p = path;
  if (!root.empty() && p.size() > root.size() && p.compare(0, root.size(), root) == 0 &&
      (root.back() == '/' || p[root.size()] == '/'))
    p = p.substr(root.size() + (root.back() == '/' ? 0 : 1));
  if (!p.empty() && p[0] == '/') return {{"uri", "file://" + uri_reference(p)}};
  while (p.rfind("./", 0) == 0) p.erase(0, 2);
  json loc = {{"uri", uri_reference(p)}};
  if (!root.empty()) loc["uriBaseId"] = "%SRCROOT%";
  return loc;
}

// A rule's name, readable and distinct from its id even ignoring case, as
// SARIF asks (3.49.7; sarif-multitool's SARIF1001), in Pascal case
// (SARIF2012): "value-mismatch" -> "ValueMismatch", "unsupported" ->
// "UnsupportedFinding".
std::string rule_name(std::string_view kind) {
  std::string out;
  bool upper = true;
  for (char c : kind) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  if (kind.find('-') == std::string_view::npos) out += "Finding";
  return out;
}

json rules_json() {
  json rules = json::array();
  for (const auto& k : finding_kinds()) {
    const std::string help = std::string(k.help);
    rules.push_back({{"id", std::string(k.name)},
                     {"name", rule_name(k.name)},
                     {"shortDescription", {{"text", help}}},
                     {"fullDescription", {{"text", help}}},
                     {"help", {{"text", help + " Answer it once with a comment in the draft "
                                              "(claimcheck-disable-next-line " + std::string(k.name) +
                                              " -- reason) or an entry in .claimcheck-waivers.json."}}},
                     {"helpUri", finding_help_uri(k.name)},
                     {"defaultConfiguration", {{"level", sarif_level(k.severity)}}}});
  }
  return rules;
}

json region_json(const Position& start, const Position& end, const std::string& snippet) {
  json region = {{"startLine", std::max(1, start.line)}, {"startColumn", std::max(1, start.column)}};
  // An end before the start (an unknown end) leaves the region one line long.
  if (end.line > start.line || (end.line == start.line && end.column > start.column)) {
    region["endLine"] = end.line;
    region["endColumn"] = end.column;
  }
  if (!snippet.empty()) region["snippet"] = {{"text", snippet}};
  return region;
}

json result_json(const FileReport& file, const Finding& x, size_t rule_index, const std::string& root) {
  json result;
  result["ruleId"] = x.kind;
  if (rule_index != static_cast<size_t>(-1)) result["ruleIndex"] = rule_index;
  result["level"] = sarif_level(x.severity);
  result["message"] = {{"text", x.message.empty() ? x.kind : x.message}};
  result["locations"] = json::array(
      {{{"physicalLocation",
         {{"artifactLocation", artifact_location(file.path, root)},
          {"region", region_json(x.start, x.end_pos, x.text)}}}}});
  if (!x.evidence.empty()) {
    json related = json::array();
    int id = 0;
    for (const auto& e : x.evidence) {
      json physical = {{"artifactLocation", {{"uri", uri_reference(e.doc)}}}};
      if (e.line > 0) physical["region"] = {{"startLine", e.line}};
      related.push_back(
          {{"id", id++}, {"physicalLocation", physical}, {"message", {{"text", e.quote}}}});
    }
    result["relatedLocations"] = std::move(related);
  }
  // GitHub code scanning matches results across runs by these.
  result["partialFingerprints"] = {{"claimcheckFinding/v1", x.fingerprint}};
  if (x.suppressed) {
    json sup = {{"kind", x.suppressed->kind == "inline" ? "inSource" : "external"}, {"status", "accepted"}};
    if (!x.suppressed->reason.empty()) sup["justification"] = x.suppressed->reason;
    result["suppressions"] = json::array({std::move(sup)});
  }
  if (x.in_baseline) result["baselineState"] = "unchanged";
  json props = json::object();
  if (!x.claim.empty()) props["claim"] = x.claim;
  if (!x.dimensions.empty()) props["dimensions"] = x.dimensions;
  if (!x.related.empty()) props["related"] = x.related;
  if (!props.empty()) result["properties"] = std::move(props);
  return result;
}

}  // namespace

std::string render_sarif(const Report& r, const std::string& root) {
  const auto& kinds = finding_kinds();
  auto rule_index = [&](const std::string& kind) {
    for (size_t i = 0; i < kinds.size(); ++i)
      if (kinds[i].name == kind) return i;
    return static_cast<size_t>(-1);
  };

  json driver = {{"name", "claimcheck"},
                 {"version", kToolVersion},
                 {"informationUri", kInformationUri},
                 {"rules", rules_json()}};
  json results = json::array();
  for (const auto& f : r.files)
    for (const auto& x : f.findings) results.push_back(result_json(f, x, rule_index(x.kind), root));

  json artifacts = json::array();
  for (const auto& f : r.files)
    artifacts.push_back({{"location", artifact_location(f.path, root)}});

  json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);
  // Our columns count code points, not SARIF's default UTF-16 code units.
  run["columnKind"] = "unicodeCodePoints";
  if (!root.empty())
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + uri_reference(root.back() == '/' ? root : root + "/")}}}};

  json doc;
  doc["$schema"] = kSchema;
  doc["version"] = "2.1.0";
  doc["runs"] = json::array({std::move(run)});
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string uri_reference(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace claimcheck
