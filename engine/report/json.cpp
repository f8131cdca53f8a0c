// json.cpp — the JSON report of design.md, the contract tools and tests read.
#include <nlohmann/json.hpp>

#include "claimcheck/report.hpp"

namespace claimcheck {

using json = nlohmann::ordered_json;

static json period_json(const std::optional<Period>& p) {
  if (!p) return nullptr;
  json j;
  j["from"] = p->from ? json(format_day(p->from)) : json(nullptr);
  j["to"] = p->to ? json(format_day(p->to)) : json(nullptr);
  return j;
}

static json frame_json(const Frame& f) {
  json j;
  j["program"] = f.program.empty() ? json(nullptr) : json(f.program);
  j["measure"] = f.measure.empty() ? json(nullptr) : json(f.measure);
  j["category"] = json::array();
  for (const auto& c : f.category) j["category"].push_back(c);
  j["period"] = period_json(f.period);
  j["place"] = f.place.empty() ? json(nullptr) : json(f.place);
  return j;
}

static json evidence_json(const std::vector<EvidenceRef>& ev) {
  json a = json::array();
  for (const auto& e : ev) a.push_back({{"doc", e.doc}, {"line", e.line}, {"quote", e.quote}});
  return a;
}

// Integers print as integers (79, not 79.0); others keep their decimals.
static json number_json(double v) {
  if (v == static_cast<double>(static_cast<long long>(v)) && v > -9e15 && v < 9e15)
    return json(static_cast<long long>(v));
  return json(v);
}

std::string render_json(const Report& r) {
  json root;
  root["claimcheck_report"] = 1;
  root["files"] = json::array();
  for (const auto& f : r.files) {
    json jf;
    jf["path"] = f.path;
    jf["mentions"] = json::array();
    for (const auto& m : f.mentions) {
      json jm;
      jm["line"] = m.start.line;
      jm["column"] = m.start.column;
      jm["end_line"] = m.end.line;
      jm["end_column"] = m.end.column;
      jm["text"] = m.mention.text;
      jm["value"] = number_json(m.mention.value);
      jm["unit"] = unit_name(m.mention.unit);
      // What the figure is, beyond value and unit, where the text says it.
      const Mention& mm = m.mention;
      if (!mm.unit_text.empty()) jm["unit_text"] = mm.unit_text;
      if (mm.unit == Unit::rate) jm["per"] = number_json(mm.per);
      if (mm.range) jm["high"] = number_json(mm.high);
      if (mm.change != ChangeKind::none)
        jm["change"] = {{"kind", change_kind_name(mm.change)}, {"direction", direction_name(mm.direction)}};
      if (mm.from >= 0) jm["trend"] = {{"from", mm.from}, {"direction", direction_name(mm.direction)}};
      if (!mm.counted.empty()) jm["counted"] = mm.counted;
      if (mm.minor) jm["minor"] = true;
      jm["interval"] = {number_json(m.mention.lo), number_json(m.mention.hi)};
      jm["hedge"] = m.mention.hedge.empty() ? json(nullptr) : json(m.mention.hedge);
      jm["frame"] = frame_json(m.frame);
      jm["frame_source"] = {{"program", origin_name(m.source.program)},
                            {"measure", origin_name(m.source.measure)},
                            {"category", origin_name(m.source.category)},
                            {"period", origin_name(m.source.period)},
                            {"place", origin_name(m.source.place)}};
      jm["verdict"] = m.verdict;
      jm["claim"] = m.claim.empty() ? json(nullptr) : json(m.claim);
      jm["evidence"] = evidence_json(m.evidence);
      jf["mentions"].push_back(std::move(jm));
    }
    jf["findings"] = json::array();
    for (const auto& x : f.findings) {
      json jx;
      jx["kind"] = x.kind;
      jx["severity"] = severity_name(x.severity);
      jx["line"] = x.start.line;
      jx["column"] = x.start.column;
      jx["end_line"] = x.end_pos.line;
      jx["end_column"] = x.end_pos.column;
      jx["text"] = x.text;
      jx["message"] = x.message;
      jx["claim"] = x.claim.empty() ? json(nullptr) : json(x.claim);
      jx["dimensions"] = x.dimensions;
      jx["related"] = x.related;
      jx["evidence"] = evidence_json(x.evidence);
      jx["fingerprint"] = x.fingerprint;
      if (x.suppressed)
        jx["suppressed"] = {{"kind", x.suppressed->kind}, {"reason", x.suppressed->reason}, {"who", x.suppressed->who}};
      if (x.in_baseline) jx["in_baseline"] = true;
      jf["findings"].push_back(std::move(jx));
    }
    root["files"].push_back(std::move(jf));
  }
  const Summary s = r.summary();
  root["summary"] = {{"mentions", s.mentions}, {"supported", s.supported},
                     {"errors", s.errors},     {"warnings", s.warnings},
                     {"infos", s.infos},       {"suppressed", s.suppressed},
                     {"in_baseline", s.in_baseline}};
  // error_handler replace: a stray invalid byte never aborts the report.
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace claimcheck
