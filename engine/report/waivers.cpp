// waivers.cpp — a waiver file (findings answered for good, each with a
// reason and who accepted it) and baselines (findings known before, which a
// run reports but does not fail on).
#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "claimcheck/suppress.hpp"
#include "rules/json_positions.hpp"

namespace claimcheck {

namespace {

using rules_detail::parse_json_with_positions;
using rules_detail::PositionedJson;

std::optional<std::string> read_file(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(path, 0, 0, "cannot open");
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<PositionedJson> parse(const std::string& path, const std::string& text, Diagnostics& diags) {
  auto parsed = parse_json_with_positions(text);
  if (auto* err = std::get_if<rules_detail::JsonSyntaxError>(&parsed)) {
    diags.error(path, err->pos.line, err->pos.column, err->message);
    return std::nullopt;
  }
  return std::get<PositionedJson>(std::move(parsed));
}

}  // namespace

std::optional<std::vector<Waiver>> load_waivers(const std::string& path, Diagnostics& diags) {
  const size_t errors_before = diags.error_count();
  auto text = read_file(path, diags);
  if (!text) return std::nullopt;
  auto doc = parse(path, *text, diags);
  if (!doc) return std::nullopt;
  const auto& root = doc->value;
  if (!root.is_object() || !root.contains("waivers") || !root["waivers"].is_array()) {
    diags.error(path, 1, 1, "want an object with a \"waivers\" array");
    return std::nullopt;
  }
  std::vector<Waiver> out;
  const auto& list = root["waivers"];
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = rules_detail::index_path("waivers", i);
    const auto pos = doc->value_at(at);
    const auto& w = list[i];
    auto problem = [&](const std::string& msg) { diags.error(path, pos.line, pos.column, at + ": " + msg); };
    if (!w.is_object()) {
      problem("want an object");
      continue;
    }
    Waiver v;
    v.file = path;
    v.line = pos.line;
    auto str = [&](const char* key, std::string& into) {
      if (!w.contains(key)) return;
      if (!w[key].is_string()) problem(std::string(key) + " must be a string");
      else into = w[key].get<std::string>();
    };
    str("fingerprint", v.fingerprint);
    str("path", v.path);
    str("kind", v.kind);
    str("text", v.text);
    str("reason", v.reason);
    str("who", v.who);
    std::string expires;
    str("expires", expires);
    if (!expires.empty()) {
      if (auto d = parse_iso_day(expires)) v.expires = *d;
      else problem("expires '" + expires + "' is not a date (want YYYY-MM-DD)");
    }
    if (v.fingerprint.empty() && (v.path.empty() || v.kind.empty() || v.text.empty()))
      problem("needs a fingerprint, or path, kind and text");
    if (!v.kind.empty() && !find_finding_kind(v.kind)) problem("unknown finding kind '" + v.kind + "'");
    if (v.reason.empty()) problem("needs a reason");
    if (v.who.empty()) problem("needs who accepted it");
    out.push_back(std::move(v));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return out;
}

std::vector<Diagnostic> apply_waivers(Report& report, const std::vector<Waiver>& waivers, Day today) {
  std::vector<Diagnostic> warnings;
  for (const auto& w : waivers) {
    if (w.expires && today > w.expires) {
      warnings.push_back({w.file, w.line, 0, Level::warning,
                          "waiver expired on " + format_day(w.expires) + ": its findings count again"});
      continue;
    }
    bool used = false;
    for (auto& f : report.files)
      for (auto& x : f.findings) {
        const bool match = !w.fingerprint.empty()
                               ? x.fingerprint == w.fingerprint
                               : f.path == w.path && x.kind == w.kind && x.text == w.text;
        if (!match) continue;
        used = true;
        if (!x.suppressed) x.suppressed = Finding::Suppression{"waiver", w.reason, w.who};
      }
    if (!used)
      warnings.push_back({w.file, w.line, 0, Level::warning, "waiver matches no finding: remove it if it is stale"});
  }
  return warnings;
}

std::string render_baseline(const Report& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& f : report.files)
    for (const auto& x : f.findings) {
      if (x.suppressed) continue;
      findings.push_back({{"fingerprint", x.fingerprint}, {"path", f.path}, {"kind", x.kind}, {"text", x.text}});
    }
  nlohmann::ordered_json root = {{"claimcheck_baseline", 1}, {"findings", std::move(findings)}};
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::optional<std::set<std::string>> load_baseline(const std::string& path, Diagnostics& diags) {
  auto text = read_file(path, diags);
  if (!text) return std::nullopt;
  auto doc = parse(path, *text, diags);
  if (!doc) return std::nullopt;
  const auto& root = doc->value;
  if (!root.is_object() || !root.contains("findings") || !root["findings"].is_array()) {
    diags.error(path, 1, 1, "not a baseline: want {\"claimcheck_baseline\": 1, \"findings\": [...]} (--write-baseline writes one)");
    return std::nullopt;
  }
  std::set<std::string> out;
  const auto& list = root["findings"];
  for (size_t i = 0; i < list.size(); ++i) {
    const auto& x = list[i];
    if (!x.is_object() || !x.contains("fingerprint") || !x["fingerprint"].is_string()) {
      const auto pos = doc->value_at(rules_detail::index_path("findings", i));
      diags.error(path, pos.line, pos.column, rules_detail::index_path("findings", i) + ": needs a fingerprint");
      continue;
    }
    out.insert(x["fingerprint"].get<std::string>());
  }
  if (diags.has_errors()) return std::nullopt;
  return out;
}

void apply_baseline(Report& report, const std::set<std::string>& fingerprints) {
  for (auto& f : report.files)
    for (auto& x : f.findings) x.in_baseline = fingerprints.count(x.fingerprint) > 0;
}

}  // namespace claimcheck
