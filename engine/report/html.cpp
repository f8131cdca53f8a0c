// html.cpp — one self-contained HTML page: a summary, then each draft with every figure
// highlighted by verdict and a note per finding with its evidence. No scripts, no fetches.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "claimcheck/report.hpp"
#include "report/figure_text.hpp"

namespace claimcheck {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
size_t utf8_sequence(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// Everything from a draft or the corpus goes through here: the five
// characters HTML gives meaning to are escaped, invalid UTF-8 becomes U+FFFD
// and control characters other than tab and newline are dropped.
std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const char c = s[i];
    if (n == 1) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t':
        case '\n': out += c; break;
        case '\r': break;
        default:
          if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
      }
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

// Moves a byte offset back onto the start of a UTF-8 character.
size_t char_boundary(std::string_view s, size_t pos) {
  pos = std::min(pos, s.size());
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

constexpr const char* kStyle = R"(
:root { color-scheme: light; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 58rem; padding: 1.5rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; word-break: break-all; }
table.summary { border-collapse: collapse; margin-bottom: 1rem; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; }
.draft { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #ddd; border-radius: 6px;
         padding: 1rem; background: #fcfcfc; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.supported { background: #d3f5d3; }
mark.discrepancy { background: #ffd0d0; outline: 1px solid #d33; }
mark.unsupported { background: #fff0b3; }
mark.unchecked { background: #e8e8e8; }
.finding { text-decoration: underline wavy; text-decoration-skip-ink: none; }
.finding.error { text-decoration-color: #c00; }
.finding.warning { text-decoration-color: #c80; }
.finding.info { text-decoration-color: #06c; }
sup.ref a { text-decoration: none; font-size: .75em; color: #a00; }
ol.notes { padding-left: 1.5rem; }
ol.notes li { margin: .6rem 0; padding: .5rem .75rem; border-left: 4px solid #999; background: #f7f7f7; }
ol.notes li.error { border-color: #c00; }
ol.notes li.warning { border-color: #c80; }
ol.notes li.info { border-color: #06c; }
.kind { font-family: ui-monospace, monospace; font-weight: 600; }
.severity { text-transform: uppercase; font-size: .75em; font-weight: 700; margin-left: .4rem; }
.dimensions { font-weight: 600; }
blockquote { margin: .4rem 0 .2rem; padding-left: .75rem; border-left: 2px solid #bbb; color: #333; }
cite { display: block; font-size: .85em; color: #555; font-style: normal; }
table.figures { border-collapse: collapse; font-size: .9em; margin-top: .5rem; }
table.figures th, table.figures td { border-bottom: 1px solid #e3e3e3; padding: .2rem .5rem; text-align: left; }
.empty { color: #666; font-style: italic; }
)";

// A span of the text that gets highlighted: a mention or a finding.
struct Span {
  size_t begin, end;
  bool is_mention;
  size_t index;  // into FileReport::mentions or FileReport::findings
};

std::string mention_id(size_t file, size_t m) {
  return "m" + std::to_string(file) + "-" + std::to_string(m);
}
std::string note_id(size_t file, size_t x) {
  return "n" + std::to_string(file) + "-" + std::to_string(x);
}

// "measure: removals (stated); period: FY2011 (context); ..." — what each
// dimension of the figure's frame is and where it was read.
std::string frame_line(const MentionResult& m) {
  std::string out;
  auto add = [&](std::string_view dim, const std::string& value, Origin o) {
    if (value.empty() && o == Origin::unknown) return;
    out += (out.empty() ? "" : "; ") + std::string(dim) + ": " +
           (value.empty() ? std::string("?") : value) + " (" + std::string(origin_name(o)) + ")";
  };
  std::string cats;
  for (const auto& c : m.frame.category) cats += (cats.empty() ? "" : " or ") + c;
  add("program", m.frame.program, m.source.program);
  add("measure", m.frame.measure, m.source.measure);
  add("category", cats, m.source.category);
  add("period", m.frame.period ? describe_period(*m.frame.period) : "", m.source.period);
  add("place", m.frame.place, m.source.place);
  return out;
}

std::string mention_title(const MentionResult& m) {
  std::string t = m.verdict;
  if (const std::string fl = frame_line(m); !fl.empty()) t += "\n" + fl;
  if (!m.claim.empty()) t += " — " + m.claim;
  if (!m.evidence.empty())
    t += " — " + m.evidence.front().doc + ":" + std::to_string(m.evidence.front().line);
  return t;
}

// The draft text with every span marked. Spans may overlap (a finding over
// "from 79% to 55%" covers two mentions), so the text is cut at every span
// end into segments and each segment is one flat element carrying the
// classes of every span that covers it: nesting can never break.
std::string render_draft(const FileReport& f, size_t fi) {
  const std::string_view text = f.text;
  std::vector<Span> spans;
  for (size_t i = 0; i < f.mentions.size(); ++i) {
    const auto& m = f.mentions[i].mention;
    size_t b = char_boundary(text, m.begin), e = char_boundary(text, m.end);
    if (b < e) spans.push_back({b, e, true, i});
  }
  for (size_t i = 0; i < f.findings.size(); ++i) {
    const auto& x = f.findings[i];
    size_t b = char_boundary(text, x.begin), e = char_boundary(text, x.end);
    if (b < e) spans.push_back({b, e, false, i});
  }

  std::set<size_t> cuts = {0, text.size()};
  for (const auto& s : spans) {
    cuts.insert(s.begin);
    cuts.insert(s.end);
  }
  // Where each finding's span ends, its note reference goes.
  std::map<size_t, std::vector<size_t>> refs_at;
  for (const auto& s : spans)
    if (!s.is_mention) refs_at[s.end].push_back(s.index);
  std::set<size_t> mention_opened;

  std::string out;
  for (auto it = cuts.begin(); it != cuts.end() && std::next(it) != cuts.end(); ++it) {
    const size_t a = *it, b = *std::next(it);
    std::vector<const Span*> cover;
    for (const auto& s : spans)
      if (s.begin <= a && b <= s.end) cover.push_back(&s);
    const std::string segment = escape(text.substr(a, b - a));
    if (cover.empty()) {
      out += segment;
    } else {
      std::set<std::string> classes;
      std::string id, title, notes, mentions;
      bool has_mention = false;
      for (const Span* s : cover) {
        if (s->is_mention) {
          const auto& m = f.mentions[s->index];
          has_mention = true;
          classes.insert(m.verdict.empty() ? "unchecked" : escape(m.verdict));
          if (id.empty() && mention_opened.insert(s->index).second)
            id = mention_id(fi, s->index);
          mentions += (mentions.empty() ? "" : " ") + mention_id(fi, s->index);
          title += (title.empty() ? "" : "\n") + mention_title(m);
        } else {
          const auto& x = f.findings[s->index];
          classes.insert("finding");
          classes.insert(std::string(severity_name(x.severity)));
          notes += (notes.empty() ? "" : " ") + note_id(fi, s->index);
          title += (title.empty() ? "" : "\n") + x.kind + ": " + x.message;
        }
      }
      std::string cls;
      for (const auto& c : classes) cls += (cls.empty() ? "" : " ") + c;
      const char* tag = has_mention ? "mark" : "span";
      out += std::string("<") + tag + " class=\"" + cls + "\"";
      if (!id.empty()) out += " id=\"" + id + "\"";
      if (has_mention) out += " data-mentions=\"" + mentions + "\"";
      if (!notes.empty()) out += " data-notes=\"" + notes + "\"";
      out += " title=\"" + escape(title) + "\">" + segment + "</" + tag + ">";
    }
    if (auto r = refs_at.find(b); r != refs_at.end()) {
      for (size_t x : r->second)
        out += "<sup class=\"ref\"><a href=\"#" + note_id(fi, x) + "\">[" +
               std::to_string(x + 1) + "]</a></sup>";
    }
  }
  return out;
}

std::string render_evidence(const std::vector<EvidenceRef>& evidence) {
  std::string out;
  for (const auto& e : evidence) {
    out += "<blockquote>" + escape(e.quote) + "<cite>" + escape(e.doc) + ":" +
           std::to_string(e.line) + "</cite></blockquote>\n";
  }
  return out;
}

std::string render_notes(const FileReport& f, size_t fi) {
  if (f.findings.empty()) return "<p class=\"empty\">No findings.</p>\n";
  std::string out = "<ol class=\"notes\">\n";
  for (size_t i = 0; i < f.findings.size(); ++i) {
    const auto& x = f.findings[i];
    const std::string sev(severity_name(x.severity));
    out += "<li class=\"note " + sev + "\" id=\"" + note_id(fi, i) + "\">";
    out += "<span class=\"kind\">" + escape(x.kind) + "</span> <span class=\"severity\">" + sev +
           "</span> <span class=\"where\">line " + std::to_string(x.start.line) + ", column " +
           std::to_string(x.start.column) + "</span>: <q>" + escape(x.text) + "</q>\n";
    out += "<p class=\"message\">" + escape(x.message) + "</p>\n";
    if (!x.dimensions.empty()) {
      std::string dims;
      for (const auto& d : x.dimensions) dims += (dims.empty() ? "" : ", ") + escape(d);
      out += "<p>Differs in: <span class=\"dimensions\">" + dims + "</span></p>\n";
    }
    if (!x.claim.empty())
      out += "<p>Reference figure: <code>" + escape(x.claim) + "</code></p>\n";
    if (!x.related.empty()) {
      std::string rel;
      for (const auto& r : x.related) rel += (rel.empty() ? "" : ", ") + escape(r);
      out += "<p>Related: " + rel + "</p>\n";
    }
    out += render_evidence(x.evidence);
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

using report::figure_text;

std::string render_figures(const FileReport& f, size_t fi) {
  if (f.mentions.empty()) return "";
  std::string out = "<details><summary>All figures (" + std::to_string(f.mentions.size()) +
                    ")</summary>\n<table class=\"figures\"><tr><th>line</th><th>figure</th>"
                    "<th>value</th><th>frame (where each part was read)</th><th>verdict</th>"
                    "<th>reference</th></tr>\n";
  for (size_t i = 0; i < f.mentions.size(); ++i) {
    const auto& m = f.mentions[i];
    out += "<tr><td>" + std::to_string(m.start.line) + "</td><td><a href=\"#" +
           mention_id(fi, i) + "\">" + escape(m.mention.text) + "</a></td><td>" +
           escape(figure_text(m.mention)) +
           "</td><td>" + escape(frame_line(m)) + "</td><td>" + escape(m.verdict) + "</td><td>" + escape(m.claim) + "</td></tr>\n";
  }
  return out + "</table></details>\n";
}

std::string render_summary(const Report& r) {
  std::map<std::string, size_t> verdicts = {
      {"supported", 0}, {"discrepancy", 0}, {"unsupported", 0}, {"unchecked", 0}};
  for (const auto& f : r.files)
    for (const auto& m : f.mentions) ++verdicts[m.verdict];
  const Summary s = r.summary();
  std::string out = "<table class=\"summary\" id=\"summary\">\n";
  out += "<tr><th>files</th><td>" + std::to_string(r.files.size()) + "</td></tr>\n";
  out += "<tr><th>figures</th><td>" + std::to_string(s.mentions) + "</td></tr>\n";
  for (const char* v : {"supported", "discrepancy", "unsupported", "unchecked"})
    out += "<tr><th><mark class=\"" + std::string(v) + "\">" + v + "</mark></th><td class=\"count-" +
           v + "\">" + std::to_string(verdicts[v]) + "</td></tr>\n";
  for (const auto& [name, n] : verdicts) {
    if (name == "supported" || name == "discrepancy" || name == "unsupported" ||
        name == "unchecked")
      continue;
    out += "<tr><th>" + escape(name) + "</th><td>" + std::to_string(n) + "</td></tr>\n";
  }
  out += "<tr><th>errors</th><td class=\"count-errors\">" + std::to_string(s.errors) +
         "</td></tr>\n";
  out += "<tr><th>warnings</th><td class=\"count-warnings\">" + std::to_string(s.warnings) +
         "</td></tr>\n";
  out += "<tr><th>notes</th><td class=\"count-infos\">" + std::to_string(s.infos) +
         "</td></tr>\n";
  return out + "</table>\n";
}

}  // namespace

std::string render_html(const Report& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // Defence in depth: even a rendering bug cannot load or run anything.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>claimcheck report</title>\n<style>" +
      std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>claimcheck report</h1>\n";
  out += render_summary(r);
  for (size_t fi = 0; fi < r.files.size(); ++fi) {
    const auto& f = r.files[fi];
    out += "<section class=\"file\" id=\"file-" + std::to_string(fi) + "\">\n<h2>" +
           escape(f.path) + "</h2>\n";
    out += "<div class=\"draft\">" + render_draft(f, fi) + "</div>\n";
    out += render_notes(f, fi);
    out += render_figures(f, fi);
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace claimcheck
