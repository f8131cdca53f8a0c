// reader.cpp — the reader of figures. Each dimension of a figure's frame is
// taken from the nearest place that positively says it, in this order:
//   stated:  the figure's own clause and the noun it counts;
//   context: its sentence's frame-setting clauses ("In fiscal 2011, ..."),
//            a back-reference ("of them", "in that period"), the figure it
//            is coordinated with, its paragraph (periods and programs), a
//            heading, list lead-in or table header;
//   default: the rules' defaults; otherwise unknown.
// A figure never borrows from another figure's clause: in "12% of rural
// households and 9% of urban ones" each figure keeps its own group.
//
// This file: sentences, paragraphs, headings and tables, and the context
// carried between them (reader_impl.hpp has the Reader).
#include "frame/reader.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "frame/clauses.hpp"
#include "frame/markers.hpp"
#include "frame/places.hpp"
#include "frame/reader_impl.hpp"
#include "frame/scan.hpp"
#include "frame/subgroups.hpp"

namespace claimcheck::detail::reading {

Reading Reader::read(std::vector<Mention> mentions) {
  split(std::move(mentions));
  Carried carried;
  for (size_t si = 0; si < out_.sentences.size(); ++si) read_sentence(si, carried);
  return std::move(out_);
}

// Sentences, paragraphs, vocabulary, periods and the mentions in each.
void Reader::split(std::vector<Mention> mentions) {
  size_t paragraph = 0;
  size_t prev_end = 0;
  for (const Span& s : split_sentences(text_)) {
    ReadSentence rs;
    rs.span = s;
    if (s.begin > prev_end &&
        text_.substr(prev_end, s.begin - prev_end).find("\n\n") != std::string_view::npos)
      ++paragraph;
    if (prev_end == 0 && s.begin > 0 &&
        text_.substr(0, s.begin).find("\n\n") != std::string_view::npos)
      ++paragraph;
    rs.paragraph = paragraph;
    prev_end = s.end;
    const std::string_view sentence = text_.substr(s.begin, s.end - s.begin);
    SentenceScan scan = scan_sentence(rules_, sentence, date_);
    for (auto& hit : scan.vocab) hit.begin += s.begin, hit.end += s.begin;
    for (auto& pm : scan.periods) pm.begin += s.begin, pm.end += s.begin;
    for (auto& hit : scan.excluded) hit.begin += s.begin, hit.end += s.begin;
    rs.vocab = std::move(scan.vocab);
    rs.excluded = std::move(scan.excluded);
    rs.periods = std::move(scan.periods);
    out_.sentences.push_back(std::move(rs));
  }
  if (out_.sentences.empty()) out_.sentences.push_back({{0, text_.size()}, 0, {}, {}, {}, {}, {}});
  sentences_in_paragraph_.assign(out_.sentences.back().paragraph + 1, 0);
  for (const auto& rs : out_.sentences) ++sentences_in_paragraph_[rs.paragraph];

  size_t si = 0;
  // Trends name their start by its index among the mentions; among the
  // figures it is another index, or none when the start is not a figure.
  std::vector<int> figure_of(mentions.size(), -1);
  for (size_t k = 0; k < mentions.size(); ++k) {
    Mention& m = mentions[k];
    while (si + 1 < out_.sentences.size() && m.begin >= out_.sentences[si].span.end) ++si;
    ReadSentence& sentence = out_.sentences[si];
    if (m.minor || (m.unit == Unit::year && !promote_year(m, sentence))) continue;
    figure_of[k] = int(out_.figures.size());
    Figure f;
    f.mention = std::move(m);
    f.sentence = si;
    sentence.figures.push_back(out_.figures.size());
    out_.figures.push_back(std::move(f));
  }
  for (auto& f : out_.figures)
    if (f.mention.from >= 0) f.mention.from = figure_of[size_t(f.mention.from)];
}

// A year is a figure only beside a measure whose claims are years
// ("launched in 2008"); then it is not the period of its sentence.
bool Reader::promote_year(const Mention& m, ReadSentence& sentence) {
  if (m.time_context) return false;
  bool promoted = false;
  for (const auto& hit : sentence.vocab) {
    if (hit.dimension != Dimension::measure || !year_measures_.count(hit.id)) continue;
    if (hit.end <= m.begin && m.begin - hit.end <= 40) promoted = true;
  }
  if (!promoted) return false;
  auto& ps = sentence.periods;
  ps.erase(
      std::remove_if(ps.begin(), ps.end(),
                     [&](const PeriodMention& p) { return p.begin < m.end && m.begin < p.end; }),
      ps.end());
  return true;
}

void Reader::read_sentence(size_t si, Carried& carried) {
  ReadSentence& s = out_.sentences[si];
  const std::string_view sentence = text_.substr(s.span.begin, s.span.end - s.span.begin);
  SentenceWork w;
  for (PlaceHit p : find_places(sentence)) {
    p.begin += s.span.begin;
    p.end += s.span.begin;
    w.places.push_back(std::move(p));
  }
  classify(s, sentence, w);

  // Clauses: the whole row of a table; else cut at the figures.
  std::vector<Span> rel_figs;
  for (size_t id : s.figures) {
    const Mention& m = out_.figures[id].mention;
    rel_figs.push_back({m.begin - s.span.begin, m.end - s.span.begin});
  }
  std::vector<Span> clauses =
      w.table_row ? std::vector<Span>{{0, sentence.size()}} : figure_clauses(sentence, rel_figs);
  for (const Span& c : clauses) {
    Clause cl;
    cl.span = {c.begin + s.span.begin, c.end + s.span.begin};
    for (size_t id : s.figures) {
      const Mention& m = out_.figures[id].mention;
      if (m.begin >= cl.span.begin && m.begin < cl.span.end) cl.free = false;
    }
    w.clauses.push_back(cl);
    s.clauses.push_back(cl.span);
  }

  // The sentence's frame-setting clauses: each figure takes what the
  // nearest one before it says, then the nearest after it.
  std::vector<std::pair<Span, Says>> free_says;
  bool sentence_referent = false, sentence_period_ref = false;
  for (const Clause& c : w.clauses) {
    if (!c.free) continue;
    free_says.emplace_back(c.span, says(s, w, c.span, carried));
    const std::string_view ct = text_.substr(c.span.begin, c.span.end - c.span.begin);
    sentence_referent |= RE2::PartialMatch(piece(ct), referent_re()) &&
                         !RE2::PartialMatch(piece(ct), defined_group_re());
    sentence_period_ref |= RE2::PartialMatch(piece(ct), period_reference_re());
  }
  // A program named anywhere in the sentence is its context (read only
  // when a figure needs it: most sentences have none).
  bool has_program = false;
  for (const auto& hit : s.vocab) has_program = has_program || hit.dimension == Dimension::program;
  const Found<std::string> sentence_program =
      has_program ? program_in(s, s.span.begin, s.span.end, nullptr) : Found<std::string>{};

  const Figure* previous = nullptr;  // the figure before, in this sentence
  for (size_t k = 0; k < s.figures.size(); ++k) {
    Figure& f = out_.figures[s.figures[k]];
    Says around;
    std::vector<const std::pair<Span, Says>*> order;
    for (auto it = free_says.rbegin(); it != free_says.rend(); ++it)
      if (it->first.end <= f.mention.begin) order.push_back(&*it);
    for (const auto& fs : free_says)
      if (fs.first.begin >= f.mention.end) order.push_back(&fs);
    for (const auto* fs : order) {
      if (!around.program.ok()) around.program = fs->second.program;
      if (!around.measure.ok()) around.measure = fs->second.measure;
      if (!around.place.ok()) around.place = fs->second.place;
      if (!around.period) around.period = fs->second.period;
    }
    // A table cell takes its column's header for what the header row
    // varies across columns ("| Group | FY2010 | FY2011 |").
    Says whole_header;
    const bool by_column = w.table_row && !carried.columns.empty();
    if (by_column) {
      whole_header = carried.section;
      carried.section = column_header(carried, column_of(s, f.mention.begin));
      column_period_ = std::count_if(carried.columns.begin(), carried.columns.end(),
                                     [](const Says& c) { return c.period.has_value(); }) > 1;
    }
    read_figure(f, s, w, k, around, sentence_program, sentence_referent, sentence_period_ref,
                previous, carried);
    if (by_column) carried.section = std::move(whole_header);
    column_period_ = false;
    if (is_positive(f.source.measure))
      stated_values_[{static_cast<int>(f.mention.unit), f.mention.value}] = s.figures[k];
    previous = &f;
  }

  // Context for what follows.
  remember_places(w, carried);
  Says now;
  if (previous) {
    now = says_of(*previous);
    if (!is_positive(now.program.origin)) now.program = {};
    if (!is_positive(now.place.origin)) now.place = {};
    if (!is_positive(now.measure.origin)) now.measure = {};
  } else {
    now = says(s, w, s.span, carried);
    if (!now.period && !s.periods.empty()) now.period = s.periods.back();
  }
  if (!now.program.ok() && carried.last.program.ok() && !previous)
    now.program = carried.last.program;
  if (!now.period && !previous && s.paragraph == carried.last_paragraph)
    now.period = carried.last.period;
  carried.last = now;
  carried.last_paragraph = s.paragraph;
  if (!w.table_row) carried.columns.clear();
  if (w.table_row && s.figures.empty()) {
    carried.columns.clear();
    const std::string_view row = text_.substr(s.span.begin, s.span.end - s.span.begin);
    size_t from = 0;
    for (;;) {
      const size_t bar = row.find(" | ", from);
      const size_t end = bar == std::string_view::npos ? row.size() : bar;
      carried.columns.push_back(says(s, w, {s.span.begin + from, s.span.begin + end}, carried));
      if (bar == std::string_view::npos) break;
      from = bar + 3;
    }
  }
  if (w.heading || w.lead_in || (w.table_row && s.figures.empty())) {
    Says sec = says(s, w, s.span, carried);
    if (w.heading) sec.place = {};  // a title's place is the story's, not every figure's
    // A dateline or "Published:" date is when the text speaks, not a period.
    if (sec.period && sec.period->period.from == sec.period->period.to) sec.period.reset();
    carried.section = sec;
    carried.section_paragraph_end = w.heading ? SIZE_MAX : s.paragraph + 64;
  }
}

// The cell of a table row an offset lies in (cells are joined by " | ").
size_t Reader::column_of(const ReadSentence& s, size_t at) const {
  size_t column = 0;
  const std::string_view before = text_.substr(s.span.begin, at - s.span.begin);
  for (size_t p = before.find(" | "); p != std::string_view::npos; p = before.find(" | ", p + 3))
    ++column;
  return column;
}

// The header a cell reads: for each dimension some header cell names, its
// own column's (possibly nothing); for the others the header row's.
Says Reader::column_header(const Carried& carried, size_t column) {
  Says out = carried.section;
  static const Says none;
  const Says& own = column < carried.columns.size() ? carried.columns[column] : none;
  // A dimension varies by column when two or more header cells name it; a
  // single one ("| Secure Communities, Oct. 2008 to Feb. 2011 | Count |")
  // speaks for the whole table.
  int programs = 0, measures = 0, places = 0, periods = 0;
  for (const Says& c : carried.columns) {
    programs += c.program.ok();
    measures += c.measure.ok();
    places += c.place.ok();
    periods += c.period.has_value();
  }
  const bool program = programs > 1, measure = measures > 1, place = places > 1,
             period = periods > 1;
  if (program) out.program = own.program;
  if (measure) out.measure = own.measure;
  if (place) out.place = own.place;
  if (period) out.period = own.period;
  return out;
}

// The figure stated earlier with the same value and unit, and a measure:
// "9,831 of the 46,929" repeats the 46,929 removals of the sentence before.
// What a figure read before says, as context for the ones after it.
Says Reader::says_of(const Figure& f) {
  Says out;
  out.program = {f.frame.program, f.source.program};
  out.measure = {f.frame.measure, f.source.measure};
  out.place = {f.frame.place, f.source.place};
  out.period = f.stated_period;
  return out;
}

const Figure* Reader::earlier_same(const Mention& m) const {
  auto it = stated_values_.find({static_cast<int>(m.unit), m.value});
  return it == stated_values_.end() ? nullptr : &out_.figures[it->second];
}

void Reader::remember_places(const SentenceWork& w, Carried& carried) const {
  for (const PlaceHit& p : w.places) {
    if (p.kind == PlaceKind::state) carried.last_state = p.id;
    if (p.kind == PlaceKind::county) carried.last_county = p.id;
  }
}

// Headings (a short block without end punctuation), lead-ins (ending with
// a colon) and table rows ("a | b | c").
void Reader::classify(const ReadSentence& s, std::string_view sentence, SentenceWork& w) const {
  w.table_row = sentence.find(" | ") != std::string_view::npos;
  size_t e = sentence.size();
  while (e > 0 && (sentence[e - 1] == ' ' || sentence[e - 1] == '*' || sentence[e - 1] == '"')) --e;
  const char last = e ? sentence[e - 1] : '.';
  w.lead_in = last == ':';
  // A heading: the whole paragraph is this one short sentence, unpunctuated.
  const bool alone = sentences_in_paragraph_[s.paragraph] == 1;
  size_t words = 0;
  for (size_t i = 0; i < sentence.size(); ++i)
    if (sentence[i] == ' ') ++words;
  w.heading = !w.table_row && alone && last != '.' && last != '!' && last != '?' && last != ':' &&
              words < 20 && (s.figures.empty() || s.paragraph == 0);
}

}  // namespace claimcheck::detail::reading

namespace claimcheck::detail {

Reading read_figures(const Rules* rules, std::string_view text, std::vector<Mention> mentions,
                     Day document_date) {
  return reading::Reader(rules, text, document_date).read(std::move(mentions));
}

}  // namespace claimcheck::detail
