// json.cpp — the JSON report of design.md, the contract tools and tests read.
// Written one mention and one finding at a time: a report of 200,000
// figures as one JSON tree cost about 6 KB per figure on top of the report
// itself; now only the object being written is a tree.
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "claimcheck/report.hpp"

namespace claimcheck {

using json = nlohmann::ordered_json;

namespace {

json period_json(const std::optional<Period>& p) {
  if (!p) return nullptr;
  json j;
  j["from"] = p->from ? json(format_day(p->from)) : json(nullptr);
  j["to"] = p->to ? json(format_day(p->to)) : json(nullptr);
  return j;
}

json frame_json(const Frame& f) {
  json j;
  j["program"] = f.program.empty() ? json(nullptr) : json(f.program);
  j["measure"] = f.measure.empty() ? json(nullptr) : json(f.measure);
  j["category"] = json::array();
  for (const auto& c : f.category) j["category"].push_back(c);
  j["period"] = period_json(f.period);
  j["place"] = f.place.empty() ? json(nullptr) : json(f.place);
  return j;
}

json evidence_json(const std::vector<EvidenceRef>& ev) {
  json a = json::array();
  for (const auto& e : ev) a.push_back({{"doc", e.doc}, {"line", e.line}, {"quote", e.quote}});
  return a;
}

// Integers print as integers (79, not 79.0); others keep their decimals.
json number_json(double v) {
  if (v == static_cast<double>(static_cast<long long>(v)) && v > -9e15 && v < 9e15)
    return json(static_cast<long long>(v));
  return json(v);
}

json mention_json(const MentionResult& m) {
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
  return jm;
}

json finding_json(const Finding& x) {
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
    jx["suppressed"] = {
        {"kind", x.suppressed->kind}, {"reason", x.suppressed->reason}, {"who", x.suppressed->who}};
  if (x.in_baseline) jx["in_baseline"] = true;
  return jx;
}

// Writes `j` as nlohmann's dump(2) would inside a tree at `depth` levels:
// its own lines indented by 2 * depth more spaces. Newlines in a dump are
// only structural (inside strings they are escaped), so re-indenting them is
// safe. error_handler replace: a stray invalid byte never aborts the report.
void put(std::ostream& out, const json& j, int depth) {
  const std::string s = j.dump(2, ' ', false, json::error_handler_t::replace);
  const std::string pad(2 * static_cast<size_t>(depth), ' ');
  size_t from = 0;
  for (size_t nl; (nl = s.find('\n', from)) != std::string::npos; from = nl + 1) {
    out.write(s.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    out << pad;
  }
  out.write(s.data() + from, static_cast<std::streamsize>(s.size() - from));
}

// `"key": [` items `]` at `depth`, each item made and written in turn.
template <class T, class F>
void put_array(std::ostream& out, std::string_view key, const std::vector<T>& items, int depth,
               F&& to_json) {
  const std::string pad(2 * static_cast<size_t>(depth), ' ');
  out << pad << json(key).dump() << ": [";
  if (items.empty()) {
    out << "]";
    return;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    out << (i ? ",\n" : "\n") << pad << "  ";
    put(out, to_json(items[i]), depth + 1);
  }
  out << "\n" << pad << "]";
}

}  // namespace

void render_json(const Report& r, std::ostream& out) {
  out << "{\n  \"claimcheck_report\": 1,\n  \"files\": [";
  for (size_t i = 0; i < r.files.size(); ++i) {
    const FileReport& f = r.files[i];
    out << (i ? ",\n" : "\n") << "    {\n      \"path\": ";
    put(out, json(f.path), 0);
    out << ",\n";
    put_array(out, "mentions", f.mentions, 3, mention_json);
    out << ",\n";
    put_array(out, "findings", f.findings, 3, finding_json);
    out << "\n    }";
  }
  out << (r.files.empty() ? "]" : "\n  ]") << ",\n  \"summary\": ";
  const Summary s = r.summary();
  put(out,
      json{{"mentions", s.mentions},
           {"supported", s.supported},
           {"errors", s.errors},
           {"warnings", s.warnings},
           {"infos", s.infos},
           {"suppressed", s.suppressed},
           {"in_baseline", s.in_baseline}},
      1);
  out << "\n}\n";
}

std::string render_json(const Report& r) {
  std::ostringstream out;
  render_json(r, out);
  return std::move(out).str();
}

}  // namespace claimcheck
