// context.cpp — findings, evidence lookups and the wording of messages,
// shared by every check.
#include "match/context.hpp"

#include <cmath>
#include <algorithm>
#include <cctype>
#include <cstdio>

namespace claimcheck::detail {

Finding& CheckContext::add_finding(std::string kind, size_t b, size_t e, std::string message,
                                   MentionState* on) {
  Finding f;
  f.kind = std::move(kind);
  const FindingKind* k = find_finding_kind(f.kind);
  f.severity = k ? k->severity : Severity::error;
  f.begin = b;
  f.end = e;
  f.start = doc.locate(b);
  f.end_pos = doc.locate(e);
  f.text = std::string(span_text(b, e));
  f.message = std::move(message);
  if (on) {
    on->has_finding = true;
    on->verdict = "discrepancy";
  }
  findings.push_back(std::move(f));
  return findings.back();
}

bool CheckContext::should_stop() {
  if (!stopped.empty()) return true;
  if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
    stopped = "cancelled";
  } else if (options.time_budget_seconds > 0) {
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    if (spent.count() > options.time_budget_seconds) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g", options.time_budget_seconds);
      stopped = std::string("time budget of ") + buf + " s ended";
    }
  }
  return !stopped.empty();
}

const std::vector<EvidenceRef>& CheckContext::evidence_for(const Claim& c) {
  auto it = claim_evidence.find(c.id);
  if (it != claim_evidence.end()) return it->second;
  std::vector<EvidenceRef> out;
  if (index) {
    EvidenceQuery q;
    q.unit = c.unit;
    const double slack = c.tolerance ? *c.tolerance : 0.5;
    q.lo = c.value - slack;
    q.hi = c.value + slack;
    q.limit = 20;
    // Index failures propagate (see EvidenceCheck::find_evidence).
    std::vector<Evidence> hits = index->search(q);
    // The claim's own source document first.
    std::stable_partition(hits.begin(), hits.end(),
                          [&](const Evidence& e) { return !c.source.doc.empty() && e.doc == c.source.doc; });
    for (const auto& h : hits) {
      if (out.size() >= options.evidence_per_mention) break;
      out.push_back({h.doc, h.line, h.quote});
    }
  }
  return claim_evidence.emplace(c.id, std::move(out)).first->second;
}

std::string describe_value(double v, Unit u) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (u == Unit::count && std::fabs(v) >= 10000) {
    // thousands separators for readability
    std::string digits = s, grouped;
    int n = 0;
    for (auto i = digits.rbegin(); i != digits.rend(); ++i) {
      if (n && n % 3 == 0 && std::isdigit(static_cast<unsigned char>(*i))) grouped.insert(grouped.begin(), ',');
      grouped.insert(grouped.begin(), *i);
      ++n;
    }
    s = grouped;
  }
  switch (u) {
    case Unit::percent: return s + "%";
    case Unit::points: return s + " percentage points";
    case Unit::usd: return "$" + s;
    case Unit::multiplier: return s + " times";
    case Unit::count:
    case Unit::year:
    case Unit::currency:
    case Unit::rate:
    case Unit::duration:
    case Unit::other: return s;
  }
  return s;
}

std::string join_ids(const std::set<std::string>& ids, std::string_view sep) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += sep;
    out += id;
  }
  return out;
}

std::string describe_categories(const std::set<std::string>& category, const Rules* rules) {
  if (!rules || rules->facets().size() <= 1) return join_ids(category, " or ");
  // Version 2: "or" inside a facet, "and" across facets ("sa and u3").
  std::string cats;
  for (const auto& facet : rules->facets()) {
    std::set<std::string> ids;
    for (const auto& id : category)
      if (rules->facet_of(id) == facet) ids.insert(id);
    if (ids.empty()) continue;
    if (!cats.empty()) cats += " and ";
    cats += join_ids(ids, " or ");
  }
  return cats;
}

std::string describe_frame(const Frame& f, const Rules* rules) {
  std::string out;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out += ", ";
    out += s;
  };
  add(f.program);
  add(f.measure);
  add(describe_categories(f.category, rules));
  if (f.period) add(describe_period(*f.period));
  return out.empty() ? "no frame" : out;
}

std::string short_definition(const std::string& d) {
  // The first clause is what an editor needs in a one-line message; the
  // full definition is in the rules file and the JSON report's claim id.
  size_t stop = d.size();
  for (size_t i = 1; i + 1 < d.size(); ++i)  // ". " after a lower-case word, not "U.S. "
    if (d[i] == '.' && d[i + 1] == ' ' && std::islower(static_cast<unsigned char>(d[i - 1]))) {
      stop = i;
      break;
    }
  size_t cut = std::min({stop, d.find(';'), d.find(" (")});
  std::string out = d.substr(0, cut);
  if (out.size() > 110) {
    size_t space = out.rfind(' ', 107);
    out = out.substr(0, space == std::string::npos ? 107 : space) + "...";
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out;
}

std::string describe_claim(const Claim& c, const Rules* rules) {
  std::string out = describe_value(c.value, c.unit) + " (" + describe_frame(c.frame, rules) + ")";
  if (!c.definition.empty()) out += ": " + short_definition(c.definition);
  return out;
}

}  // namespace claimcheck::detail
