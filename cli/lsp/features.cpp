// features.cpp — diagnostics, hover and quick fixes built from a FileReport.
#include "lsp/features.hpp"

#include <cmath>
#include <cstdio>
#include <set>

namespace claimcheck::lsp {

namespace {

bool before(const Position& a, const Position& b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// A finding's range; an unknown end (before the start) becomes the start's
// character, so an editor still underlines something.
json range_json(const LineIndex& lines, Position start, Position end, Encoding e) {
  if (!before(start, end)) end = Position{start.line, start.column + 1};
  return {{"start", lines.to_lsp(start, e)}, {"end", lines.to_lsp(end, e)}};
}

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::info: return 3;
  }
  return 1;
}

// At most `n` bytes, cut at a character boundary, with an ellipsis when cut.
std::string clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "\xE2\x80\xA6";
}

// Backslash-escapes what Markdown would read as markup in quoted text.
std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string format_number(double v, int decimals, bool commas) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals >= 0 ? decimals : 6, v);
  std::string s = buf;
  if (decimals < 0 && s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (commas) {
    size_t dot = s.find('.');
    size_t int_end = dot == std::string::npos ? s.size() : dot;
    size_t first = s[0] == '-' ? 1 : 0;
    for (size_t i = int_end; i > first + 3; i -= 3) s.insert(i - 3, ",");
  }
  return s;
}

json diagnostic_json(const Finding& x, const LineIndex& lines, const View& view) {
  json d = {{"range", range_json(lines, x.start, x.end_pos, view.encoding)},
            {"severity", lsp_severity(x.severity)},
            {"code", x.kind},
            {"codeDescription", {{"href", finding_help_uri(x.kind)}}},
            {"source", "claimcheck"},
            {"message", x.message.empty() ? x.kind : x.message},
            {"data", {{"fingerprint", x.fingerprint}, {"kind", x.kind}}}};
  json related = json::array();
  for (const auto& e : x.evidence) {
    if (!view.corpus) break;
    auto it = view.corpus->find(e.doc);
    if (it == view.corpus->end()) continue;
    const int line = std::max(0, e.line - 1);
    json pos = {{"line", line}, {"character", 0}};
    related.push_back({{"location", {{"uri", path_to_uri(it->second)}, {"range", {{"start", pos}, {"end", pos}}}}},
                       {"message", clip(e.quote, 300)}});
  }
  if (!related.empty()) d["relatedInformation"] = std::move(related);
  return d;
}

// The mention a finding is about: the one with the same span.
const MentionResult* mention_of(const FileReport& report, const Finding& x) {
  for (const auto& m : report.mentions)
    if (m.mention.begin == x.begin && m.mention.end == x.end) return &m;
  for (const auto& m : report.mentions)
    if (m.start.line == x.start.line && m.start.column == x.start.column) return &m;
  return nullptr;
}

std::string claim_markdown(const Claim& c, const Rules& rules) {
  std::string s = "**Reference figure** `" + c.id + "`: **" + claim_value_text(c) + " " +
                  std::string(unit_name(c.unit)) + "**";
  std::string frame;
  auto add = [&](const std::string& label, const std::string& v) {
    if (!v.empty()) frame += (frame.empty() ? "" : "; ") + label + " " + v;
  };
  add("program", c.frame.program);
  add("measure", c.frame.measure);
  std::string cats;
  for (const auto& k : c.frame.category) cats += (cats.empty() ? "" : ", ") + k;
  add("category", cats);
  if (c.frame.period && !c.frame.period->empty()) add("period", describe_period(*c.frame.period));
  add("place", c.frame.place);
  if (!frame.empty()) s += "  \n" + frame;
  if (!c.definition.empty()) s += "  \n*Definition:* " + md_escape(c.definition);
  std::string source = c.source.title;
  if (!c.source.publisher.empty()) source += (source.empty() ? "" : ", ") + c.source.publisher;
  if (!c.source.doc.empty()) source += " (" + c.source.doc + ")";
  if (!source.empty()) s += "  \n*Source:* " + md_escape(source);
  if (!c.source.url.empty()) s += " <" + c.source.url + ">";
  (void)rules;
  return s;
}

}  // namespace

std::string claim_value_text(const Claim& claim) {
  return format_number(claim.value, claim.decimals, false);
}

json diagnostics(const FileReport& report, const LineIndex& lines, const View& view) {
  json out = json::array();
  for (const auto& x : report.findings)
    if (x.active()) out.push_back(diagnostic_json(x, lines, view));
  return out;
}

json problem_diagnostic(const Diagnostic& d, const std::string& code, const LineIndex& lines, Encoding e) {
  const Position start{std::max(1, d.line), std::max(1, d.column)};
  const int severity = d.level == Level::error ? 1 : d.level == Level::warning ? 2 : 3;
  return {{"range", range_json(lines, start, Position{start.line, start.column + 1}, e)},
          {"severity", severity},
          {"code", code},
          {"source", "claimcheck"},
          {"message", d.message}};
}

json hover(const FileReport& report, const LineIndex& lines, const Position& at, const View& view) {
  const MentionResult* m = nullptr;
  for (const auto& r : report.mentions)
    if (!before(at, r.start) && before(at, r.end)) m = &r;
  if (!m) return nullptr;
  std::string md = "**" + md_escape(m->mention.text) + "** \xC2\xB7 " + m->verdict;
  std::string claim_id = m->claim;
  for (const auto& x : report.findings) {
    if (!x.active() || before(at, x.start) || !before(at, x.end_pos)) continue;
    md += "\n\n**" + x.kind + "** (" + std::string(severity_name(x.severity)) + "): " + md_escape(x.message);
    if (claim_id.empty()) claim_id = x.claim;
  }
  if (view.rules && !claim_id.empty())
    if (const Claim* c = view.rules->find_claim(claim_id)) md += "\n\n" + claim_markdown(*c, *view.rules);
  std::vector<EvidenceRef> evidence = m->evidence;
  if (evidence.empty())
    for (const auto& x : report.findings)
      if (x.active() && !before(at, x.start) && before(at, x.end_pos)) evidence = x.evidence;
  if (!evidence.empty()) {
    md += "\n\n**Evidence**";
    for (const auto& e : evidence)
      md += "\n\n> " + md_escape(clip(e.quote, 400)) + "\n\n\xE2\x80\x94 `" + e.doc + ":" + std::to_string(e.line) + "`";
  }
  return {{"contents", {{"kind", "markdown"}, {"value", md}}},
          {"range", range_json(lines, m->start, m->end, view.encoding)}};
}

std::string replacement_text(const std::string& text, double value, const Claim& claim, bool keep_hedge) {
  // The first number written with digits, e.g. "1.5" in "about 1.5 million".
  size_t b = 0;
  while (b < text.size() && !(text[b] >= '0' && text[b] <= '9')) ++b;
  if (b < text.size()) {
    size_t e = b;
    while (e < text.size() && ((text[e] >= '0' && text[e] <= '9') || text[e] == ',' || text[e] == '.')) ++e;
    while (e > b && (text[e - 1] == ',' || text[e - 1] == '.')) --e;
    std::string digits;
    for (size_t i = b; i < e; ++i)
      if (text[i] != ',') digits += text[i];
    const double written = std::strtod(digits.c_str(), nullptr);
    if (written == 0 || value == 0) return "";
    const double scale = value / written;  // "million" and the like
    const bool same_scale = std::fabs(scale - 1) < 1e-9;
    const double v = claim.value / scale;
    const bool commas = text.substr(b, e - b).find(',') != std::string::npos;
    std::string number = format_number(v, same_scale ? claim.decimals : -1, commas);
    std::string prefix = text.substr(0, b);
    if (!keep_hedge) {
      // "more than $60" -> "$": keep the currency sign, drop the hedge words.
      size_t keep = prefix.size();
      while (keep > 0 && prefix[keep - 1] != ' ' &&
             !((prefix[keep - 1] >= 'a' && prefix[keep - 1] <= 'z') || (prefix[keep - 1] >= 'A' && prefix[keep - 1] <= 'Z')))
        --keep;
      prefix = prefix.substr(keep);
    }
    return prefix + number + text.substr(e);
  }
  // Words only ("nearly half", "seventy-nine percent"): the value in digits.
  const bool commas = claim.value >= 10000;
  switch (claim.unit) {
    case Unit::percent:
      return claim_value_text(claim) + (text.find("percent") != std::string::npos ? " percent" : "%");
    case Unit::count: return format_number(claim.value, claim.decimals, commas);
    case Unit::usd: return "$" + format_number(claim.value, claim.decimals, commas);
    default: return "";
  }
}

json code_actions(const FileReport& report, const std::string& uri, const std::string& format,
                  const LineIndex& lines, const Position& from, const Position& to, const View& view) {
  json actions = json::array();
  std::set<std::pair<int, std::string>> suppressions;  // one per line and kind
  for (const auto& x : report.findings) {
    if (!x.active()) continue;
    Position end = before(x.start, x.end_pos) ? x.end_pos : Position{x.start.line, x.start.column + 1};
    if (before(to, x.start) || before(end, from)) continue;
    const json diag = diagnostic_json(x, lines, view);

    // Where the claim gives the right figure, the figure rewritten to it.
    if ((x.kind == "value-mismatch" || x.kind == "hedge-mismatch") && view.rules && !x.claim.empty()) {
      const Claim* c = view.rules->find_claim(x.claim);
      const MentionResult* m = mention_of(report, x);
      if (c && m && m->mention.unit == c->unit && !m->mention.range) {
        std::string fix = replacement_text(m->mention.text, m->mention.value, *c, x.kind == "value-mismatch");
        if (!fix.empty() && fix != m->mention.text) {
          json edit = {{"range", range_json(lines, m->start, m->end, view.encoding)}, {"newText", fix}};
          actions.push_back({{"title", "Replace '" + m->mention.text + "' with '" + fix + "' (" + c->id + ")"},
                             {"kind", "quickfix"},
                             {"isPreferred", true},
                             {"diagnostics", json::array({diag})},
                             {"edit", {{"changes", {{uri, json::array({edit})}}}}}});
        }
      }
    }

    // The suppression, with a reason to fill in, above the finding's line.
    if (!suppressions.insert({x.start.line, x.kind}).second) continue;
    std::string_view line = lines.line_text(x.start.line);
    std::string indent(line.substr(0, line.find_first_not_of(" \t") == std::string_view::npos
                                          ? 0
                                          : line.find_first_not_of(" \t")));
    std::string directive = "claimcheck-disable-next-line " + x.kind + " -- reason: why this figure stands";
    std::string inserted = indent + (format == "txt" ? directive : "<!-- " + directive + " -->") + "\n";
    json at = {{"line", x.start.line - 1}, {"character", 0}};
    json edit = {{"range", {{"start", at}, {"end", at}}}, {"newText", inserted}};
    actions.push_back({{"title", "Suppress " + x.kind + " on this line (with a reason)"},
                       {"kind", "quickfix"},
                       {"diagnostics", json::array({diag})},
                       {"edit", {{"changes", {{uri, json::array({edit})}}}}}});
  }
  return actions;
}

}  // namespace claimcheck::lsp
