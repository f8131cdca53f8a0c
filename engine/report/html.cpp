// html.cpp — one self-contained HTML page: a summary, then each draft with every figure
// highlighted by verdict and a note per finding with its evidence. No scripts, no fetches.
// The markup is engine/report/templates/report.html; this file gathers what it shows.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "claimcheck/report.hpp"
#include "report/figure_text.hpp"
#include "report/templates.hpp"

namespace claimcheck {

namespace {

using report::figure_text;

// Moves a byte offset back onto the start of a UTF-8 character.
size_t char_boundary(std::string_view s, size_t pos) {
  pos = std::min(pos, s.size());
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

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

template <class Strings>
std::string join(const Strings& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
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
  add("program", m.frame.program, m.source.program);
  add("measure", m.frame.measure, m.source.measure);
  add("category", join(m.frame.category, " or "), m.source.category);
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

// The draft text as segments for the template. Spans may overlap (a finding
// over "from 79% to 55%" covers two mentions), so the text is cut at every
// span end and each segment is one flat element carrying the classes of
// every span that covers it: nesting can never break.
mstch::array draft_segments(const FileReport& f, size_t fi) {
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

  mstch::array out;
  for (auto it = cuts.begin(); it != cuts.end() && std::next(it) != cuts.end(); ++it) {
    const size_t a = *it, b = *std::next(it);
    std::set<std::string> classes;
    std::string id, title, notes, mentions;
    bool has_mention = false, covered = false;
    for (const auto& s : spans) {
      if (!(s.begin <= a && b <= s.end)) continue;
      covered = true;
      if (s.is_mention) {
        const auto& m = f.mentions[s.index];
        has_mention = true;
        classes.insert(m.verdict.empty() ? "unchecked" : m.verdict);
        if (id.empty() && mention_opened.insert(s.index).second) id = mention_id(fi, s.index);
        mentions += (mentions.empty() ? "" : " ") + mention_id(fi, s.index);
        title += (title.empty() ? "" : "\n") + mention_title(m);
      } else {
        const auto& x = f.findings[s.index];
        classes.insert("finding");
        classes.insert(std::string(severity_name(x.severity)));
        notes += (notes.empty() ? "" : " ") + note_id(fi, s.index);
        title += (title.empty() ? "" : "\n") + x.kind + ": " + x.message;
      }
    }
    mstch::array refs;
    if (auto r = refs_at.find(b); r != refs_at.end())
      for (size_t x : r->second)
        refs.push_back(mstch::map{{"note_id", note_id(fi, x)}, {"number", static_cast<int>(x + 1)}});
    // Every key is set on every segment: a key missing here would be looked
    // up in the enclosing file's context instead.
    out.push_back(mstch::map{
        {"text", std::string(text.substr(a, b - a))},
        {"tag", std::string(!covered ? "" : has_mention ? "mark" : "span")},
        {"classes", join(classes, " ")},
        {"id", id},
        {"mention_ids", mentions},
        {"note_ids", notes},
        {"title", title},
        {"refs", refs}});
  }
  return out;
}

mstch::array notes(const FileReport& f, size_t fi) {
  mstch::array out;
  for (size_t i = 0; i < f.findings.size(); ++i) {
    const auto& x = f.findings[i];
    mstch::array evidence;
    for (const auto& e : x.evidence)
      evidence.push_back(mstch::map{{"quote", e.quote}, {"doc", e.doc}, {"line", e.line}});
    out.push_back(mstch::map{{"note_id", note_id(fi, i)},
                             {"severity", std::string(severity_name(x.severity))},
                             {"kind", x.kind},
                             {"line", x.start.line},
                             {"column", x.start.column},
                             {"text", x.text},
                             {"message", x.message},
                             {"dimensions", join(x.dimensions, ", ")},
                             {"claim", x.claim},
                             {"related", join(x.related, ", ")},
                             {"evidence", evidence}});
  }
  return out;
}

mstch::array figure_rows(const FileReport& f, size_t fi) {
  mstch::array out;
  for (size_t i = 0; i < f.mentions.size(); ++i) {
    const auto& m = f.mentions[i];
    out.push_back(mstch::map{{"line", m.start.line},
                             {"mention_id", mention_id(fi, i)},
                             {"text", m.mention.text},
                             {"value", figure_text(m.mention)},
                             {"frame", frame_line(m)},
                             {"verdict", m.verdict},
                             {"claim", m.claim}});
  }
  return out;
}

// Counts by verdict: the four every report has first, highlighted as in the
// draft, then any other verdict by name.
mstch::array verdict_rows(const Report& r) {
  static const std::vector<std::string> kHighlighted = {"supported", "discrepancy", "unsupported",
                                                        "unchecked"};
  std::map<std::string, int> counts;
  for (const auto& v : kHighlighted) counts[v] = 0;
  for (const auto& f : r.files)
    for (const auto& m : f.mentions) ++counts[m.verdict];
  mstch::array out;
  for (const auto& v : kHighlighted)
    out.push_back(mstch::map{{"name", v}, {"count", counts[v]}, {"highlighted", true}});
  for (const auto& [name, n] : counts)
    if (std::find(kHighlighted.begin(), kHighlighted.end(), name) == kHighlighted.end())
      out.push_back(mstch::map{{"name", name}, {"count", n}, {"highlighted", false}});
  return out;
}

}  // namespace

std::string render_html(const Report& r) {
  const Summary s = r.summary();
  mstch::array files;
  for (size_t fi = 0; fi < r.files.size(); ++fi) {
    const auto& f = r.files[fi];
    files.push_back(mstch::map{{"index", static_cast<int>(fi)},
                               {"path", f.path},
                               {"segments", draft_segments(f, fi)},
                               {"notes", notes(f, fi)},
                               {"has_notes", !f.findings.empty()},
                               {"has_figures", !f.mentions.empty()},
                               {"figure_count", static_cast<int>(f.mentions.size())},
                               {"figure_rows", figure_rows(f, fi)}});
  }
  return report::render_template(
      "report.html", mstch::map{{"page_title", std::string("claimcheck report")},
                                {"files_count", static_cast<int>(r.files.size())},
                                {"figures", static_cast<int>(s.mentions)},
                                {"verdicts", verdict_rows(r)},
                                {"errors", static_cast<int>(s.errors)},
                                {"warnings", static_cast<int>(s.warnings)},
                                {"infos", static_cast<int>(s.infos)},
                                {"files", files}});
}

}  // namespace claimcheck
