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
#include "frame/reader.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "frame/clauses.hpp"
#include "frame/markers.hpp"
#include "frame/places.hpp"
#include "frame/scan.hpp"
#include "frame/subgroups.hpp"

namespace claimcheck::detail {

namespace {

re2::StringPiece piece(std::string_view s) { return {s.data(), s.size()}; }

// Above this many figures in a sentence, a figure looks only at its
// neighbours for the phrases of other figures.
constexpr size_t kDenseFigures = 64;

bool overlaps(size_t b1, size_t e1, size_t b2, size_t e2) { return b1 < e2 && b2 < e1; }

size_t distance(size_t b1, size_t e1, size_t b2, size_t e2) {
  if (e1 <= b2) return b2 - e1;
  if (e2 <= b1) return b1 - e2;
  return 0;
}

// A dimension's value with where it came from.
template <class T>
struct Found {
  T value{};
  Origin origin = Origin::unknown;
  bool ok() const { return origin != Origin::unknown; }
};

// What one stretch of text (a clause, a heading) says about frames.
struct Says {
  Found<std::string> program;
  Found<std::string> measure;
  Found<std::string> place;
  std::optional<PeriodMention> period;
};

// The running context a reader carries from sentence to sentence.
struct Carried {
  Says last;                         // the last figure's (or figure-less sentence's) frame
  size_t last_paragraph = 0;         // the paragraph `last` was read in
  Says section;                      // heading, lead-in or table header in force
  std::vector<Says> columns;         // a table header's cells, column by column
  size_t section_paragraph_end = 0;  // lead-ins and tables hold until here
  std::string last_state, last_county;
};

Period shift_years(const Period& p, int years) {
  Period out = p;
  if (out.from) out.from += years * 10000;
  if (out.to) out.to += years * 10000;
  return out;
}

class Reader {
 public:
  Reader(const Rules* rules, std::string_view text, Day date)
      : rules_(rules), text_(text), date_(date) {
    if (rules_) defaults_ = rules_->defaults();
    if (rules_) year_measures_ = measures_with_year_claims(*rules_);
  }

  Reading read(std::vector<Mention> mentions) {
    split(std::move(mentions));
    Carried carried;
    for (size_t si = 0; si < out_.sentences.size(); ++si) read_sentence(si, carried);
    return std::move(out_);
  }

 private:
  struct Clause {
    Span span;
    bool free = true;  // holds no figure: it sets the frame of the sentence
  };
  struct SentenceWork {
    std::vector<Clause> clauses;
    std::vector<PlaceHit> places;  // absolute offsets
    bool heading = false, lead_in = false, table_row = false;
  };

  // Sentences, paragraphs, vocabulary, periods and the mentions in each.
  void split(std::vector<Mention> mentions) {
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
  bool promote_year(const Mention& m, ReadSentence& sentence) {
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

  // ---- what a stretch of text says --------------------------------------

  std::vector<const VocabularyHit*> hits_in(const ReadSentence& s, Dimension d, size_t b, size_t e,
                                            const std::vector<Span>& exclude = {}) const {
    std::vector<const VocabularyHit*> out;
    for (const auto& hit : s.vocab) {
      if (hit.dimension != d || hit.begin < b || hit.end > e) continue;
      bool excluded = false;
      for (const Span& x : exclude)
        excluded = excluded || overlaps(hit.begin, hit.end, x.begin, x.end);
      if (!excluded) out.push_back(&hit);
    }
    return out;
  }

  // The hit nearest the figure: after it first (the clause's predicate or
  // counted noun), else before it.
  template <class Hit>
  static const Hit* nearest(const std::vector<const Hit*>& hits, const Mention& m) {
    const Hit* best = nullptr;
    for (const Hit* h : hits) {
      if (h->begin >= m.begin && h->end <= m.end) continue;
      const bool after = h->begin >= m.end;
      if (!best) {
        best = h;
        continue;
      }
      const bool best_after = best->begin >= m.end;
      if (after != best_after) {
        if (after) best = h;
        continue;
      }
      if (distance(h->begin, h->end, m.begin, m.end) <
          distance(best->begin, best->end, m.begin, m.end))
        best = h;
    }
    return best;
  }

  Found<std::string> place_in(const ReadSentence& s, const SentenceWork& w, size_t b, size_t e,
                              const Mention* near, Carried& carried) const {
    // The rules' own places first, then the bundled list. A place with
    // another figure between it and this one is that figure's ("16.6
    // percent, more than twice the national rate of 8.0 percent"); not the
    // group a share is taken of ("27,899 of the 38,828 people deported from
    // California").
    static const RE2 of_base("(?i)^\\s*of\\s+(?:the\\s+|all\\s+|all the\\s+|those\\s+)?\\S*\\s*$",
                             RE2::Quiet);
    auto beyond_figure = [&](size_t pb, size_t pe) {
      if (!near || s.figures.size() > kDenseFigures) return false;
      for (size_t id : s.figures) {
        const Mention& o = out_.figures[id].mention;
        if (o.begin == near->begin) continue;
        if (o.begin >= near->end &&
            RE2::FullMatch(piece(text_.substr(near->end, o.begin - near->end)), of_base))
          continue;
        if ((o.begin >= near->end && o.end <= pb) || (o.begin >= pe && o.end <= near->begin))
          return true;
      }
      return false;
    };
    auto vocab = hits_in(s, Dimension::place, b, e);
    std::erase_if(vocab, [&](const VocabularyHit* h) { return beyond_figure(h->begin, h->end); });
    if (!vocab.empty()) {
      const VocabularyHit* h = near ? nearest(vocab, *near) : vocab.front();
      if (h) return {h->id, Origin::stated};
    }
    const PlaceHit* best = nullptr;
    for (const PlaceHit& p : w.places) {
      if (p.begin < b || p.end > e || beyond_figure(p.begin, p.end)) continue;
      bool shadowed = false;
      for (const auto& hit : s.vocab)
        shadowed = shadowed || (hit.dimension == Dimension::place &&
                                overlaps(hit.begin, hit.end, p.begin, p.end));
      if (shadowed) continue;
      if (!best || (near && distance(p.begin, p.end, near->begin, near->end) <
                                distance(best->begin, best->end, near->begin, near->end)))
        best = &p;
    }
    if (!best) return {};
    switch (best->kind) {
      case PlaceKind::national:
        return {defaults_.place.empty() ? std::string("national") : defaults_.place,
                Origin::stated};
      case PlaceKind::state_anaphor:
        return {carried.last_state.empty() ? std::string("a-state") : carried.last_state,
                Origin::stated};
      case PlaceKind::county_anaphor:
        return {carried.last_county.empty() ? std::string("a-county") : carried.last_county,
                Origin::stated};
      default:
        return {best->id, Origin::stated};
    }
  }

  Found<std::string> program_in(const ReadSentence& s, size_t b, size_t e,
                                const Mention* near) const {
    auto hits = hits_in(s, Dimension::program, b, e);
    if (!hits.empty()) {
      const VocabularyHit* h = near ? nearest(hits, *near) : hits.front();
      if (h) return {h->id, Origin::stated};
    }
    if (marks(b, e).agency) return {std::string(kAgencyWide), Origin::stated};
    return {};
  }

  // What the marker phrases say of a stretch, read once per stretch: every
  // figure of a clause asks, and a clause may hold thousands of figures.
  struct Marks {
    bool referent = false, period_ref = false, agency = false;
    bool elapsed = false;  // "a decade earlier", "nine years before"
    int shift = 0;  // -1 "the year before", +1 "the year after"
  };
  const Marks& marks(size_t b, size_t e) const {
    auto [it, fresh] = marks_.try_emplace({b, e});
    if (!fresh) return it->second;
    const re2::StringPiece part = piece(text_.substr(b, e - b));
    Marks& mk = it->second;
    mk.referent = RE2::PartialMatch(part, referent_re()) &&
                  !RE2::PartialMatch(part, defined_group_re());
    mk.period_ref = RE2::PartialMatch(part, period_reference_re());
    mk.agency = RE2::PartialMatch(part, agency_re());
    mk.elapsed = RE2::PartialMatch(part, elapsed_re());
    re2::StringPiece which[4];
    if (RE2::PartialMatch(part, shift_re(), &which[0], &which[1], &which[2], &which[3]))
      mk.shift = (!which[0].empty() || !which[1].empty()) ? -1 : 1;
    return mk;
  }

  std::optional<PeriodMention> period_in(const ReadSentence& s, size_t b, size_t e,
                                         const Mention* near) const {
    std::vector<const PeriodMention*> ps;
    for (const auto& p : s.periods)
      if (p.begin >= b && p.end <= e) ps.push_back(&p);
    if (ps.empty()) return std::nullopt;
    if (!near) return *ps.back();
    const PeriodMention* p = nearest(ps, *near);
    if (!p) return std::nullopt;
    return *p;
  }

  // What a clause without figures (or a heading) says.
  Says says(const ReadSentence& s, const SentenceWork& w, Span span, Carried& carried) const {
    Says out;
    out.program = program_in(s, span.begin, span.end, nullptr);
    auto ms = hits_in(s, Dimension::measure, span.begin, span.end);
    if (!ms.empty()) out.measure = {ms.back()->id, Origin::context};
    out.place = place_in(s, w, span.begin, span.end, nullptr, carried);
    out.period = period_in(s, span.begin, span.end, nullptr);
    return out;
  }

  // ---- one sentence -------------------------------------------------------

  void read_sentence(size_t si, Carried& carried) {
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
    for (const auto& hit : s.vocab)
      has_program = has_program || hit.dimension == Dimension::program;
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
        carried.columns.push_back(
            says(s, w, {s.span.begin + from, s.span.begin + end}, carried));
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
  size_t column_of(const ReadSentence& s, size_t at) const {
    size_t column = 0;
    const std::string_view before = text_.substr(s.span.begin, at - s.span.begin);
    for (size_t p = before.find(" | "); p != std::string_view::npos; p = before.find(" | ", p + 3))
      ++column;
    return column;
  }

  // The header a cell reads: for each dimension some header cell names, its
  // own column's (possibly nothing); for the others the header row's.
  static Says column_header(const Carried& carried, size_t column) {
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
  static Says says_of(const Figure& f) {
    Says out;
    out.program = {f.frame.program, f.source.program};
    out.measure = {f.frame.measure, f.source.measure};
    out.place = {f.frame.place, f.source.place};
    out.period = f.stated_period;
    return out;
  }

  const Figure* earlier_same(const Mention& m) const {
    auto it = stated_values_.find({static_cast<int>(m.unit), m.value});
    return it == stated_values_.end() ? nullptr : &out_.figures[it->second];
  }

  void remember_places(const SentenceWork& w, Carried& carried) const {
    for (const PlaceHit& p : w.places) {
      if (p.kind == PlaceKind::state) carried.last_state = p.id;
      if (p.kind == PlaceKind::county) carried.last_county = p.id;
    }
  }

  // Headings (a short block without end punctuation), lead-ins (ending with
  // a colon) and table rows ("a | b | c").
  void classify(const ReadSentence& s, std::string_view sentence, SentenceWork& w) const {
    w.table_row = sentence.find(" | ") != std::string_view::npos;
    size_t e = sentence.size();
    while (e > 0 && (sentence[e - 1] == ' ' || sentence[e - 1] == '*' || sentence[e - 1] == '"'))
      --e;
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

  // "Private coverage rose to 65.6 percent as Medicaid coverage held
  // steady": a measure after the figure, past a subordinating word, is the
  // subordinate clause's subject; where the clause names one before the
  // figure, that one is the figure's.
  void drop_subordinate_hits(std::vector<const VocabularyHit*>& hits, const Mention& m) const {
    const bool before = std::any_of(hits.begin(), hits.end(),
                                    [&](const VocabularyHit* h) { return h->end <= m.begin; });
    if (!before) return;
    static const RE2 subordinator(
        "(?i)\\b(?:as|because|since|after|when|while|until|although|though|whereas)\\s+"
        "(?:the\\s+|its\\s+|their\\s+)?[A-Za-z]",
        RE2::Quiet);
    static const RE2 not_clause("(?i)\\bas\\s+(?:many|much|high|low|few|little|well|of|a|an|"
                                "part|such|large|small|long|recently|measured|reported)\\b",
                                RE2::Quiet);
    std::erase_if(hits, [&](const VocabularyHit* h) {
      if (h->begin < m.end) return false;
      const std::string_view gap = text_.substr(m.end, h->end - m.end);
      return RE2::PartialMatch(piece(gap), subordinator) &&
             !RE2::PartialMatch(piece(gap), not_clause);
    });
  }

  // ---- one figure ---------------------------------------------------------

  void read_figure(Figure& f, const ReadSentence& s, const SentenceWork& w, size_t k,
                   const Says& sentence_says, const Found<std::string>& sentence_program,
                   bool sentence_referent, bool sentence_period_ref, const Figure* previous,
                   Carried& carried) {
    const Mention& m = f.mention;
    // Own clause.
    size_t ci = 0;
    for (size_t i = 0; i < w.clauses.size(); ++i)
      if (m.begin >= w.clauses[i].span.begin && m.begin < w.clauses[i].span.end) ci = i;
    f.clause = ci;
    Span own = w.clauses[ci].span;
    const std::string_view own_text = text_.substr(own.begin, own.end - own.begin);

    // Other figures of the clause and the noun phrases they count: what
    // they count is theirs, not this figure's.
    // Only needed where the clause has phrases to exclude; in a sentence
    // packed with figures only the neighbours count, so that the work per
    // figure stays bounded ("0% 1% 2% ..." in 64 KB).
    std::vector<Span> others;
    bool clause_has_hits = false;
    for (const auto& hit : s.vocab)
      clause_has_hits = clause_has_hits || (hit.begin >= own.begin && hit.end <= own.end);
    if (clause_has_hits) {
      const size_t n = s.figures.size();
      const size_t lo = n > kDenseFigures && k > 0 ? k - 1 : 0;
      const size_t hi = n > kDenseFigures ? std::min(n, k + 2) : n;
      for (size_t j = lo; j < hi; ++j) {
        const Figure& o = out_.figures[s.figures[j]];
        if (&o == &f || o.mention.begin < own.begin || o.mention.begin >= own.end) continue;
        CountedNoun onp = counted_noun(text_, o.mention.end, own.end);
        others.push_back({o.mention.begin, std::max(o.mention.end, onp.end)});
      }
    }
    // The noun phrase ends where a time expression starts: "rose to 12.4
    // percent last year" counts nothing called "last".
    size_t np_limit = own.end;
    for (const auto& p : s.periods)
      if (p.begin >= m.end && p.begin < np_limit) np_limit = p.begin;
    CountedNoun np = counted_noun(text_, m.end, np_limit);
    // "X of the roughly N people": X counts N's people.
    bool base = false;  // this figure is the N of "X of the N people"
    if (np.another_figure != std::string_view::npos && k + 1 < s.figures.size()) {
      // The other figure is the next one.
      {
        const Figure& o = out_.figures[s.figures[k + 1]];
        if (o.mention.begin == np.another_figure ||
            (o.mention.begin <= np.another_figure && np.another_figure < o.mention.end)) {
          CountedNoun onp = counted_noun(text_, o.mention.end, own.end);
          np.head = onp.head;
          np.person = onp.person;
          np.duration = onp.duration;
          np.end = onp.end;
          np.begin = o.mention.end;
        }
      }
    }
    {
      // "X of the roughly N people", "of the N people deported, X ...": N is
      // the group a share is taken of.
      const size_t from = m.begin > own.begin + 40 ? m.begin - 40 : own.begin;
      const std::string_view gap = text_.substr(from, m.begin - from);
      static const RE2 of_the(
          "(?i)\\bof\\s+(?:the\\s+|all\\s+|all the\\s+|those\\s+)?"
          "(?:roughly\\s+|about\\s+|some\\s+|nearly\\s+|approximately\\s+)?$",
          RE2::Quiet);
      base = m.unit == Unit::count && RE2::PartialMatch(piece(gap), of_the);
    }
    // "14 to 544 jurisdictions": a range shares its noun.
    if (np.head.empty() && np.another_figure == std::string_view::npos &&
        k + 1 < s.figures.size()) {
      static const RE2 joined("(?i)^\\s*(?:to|-|\xE2\x80\x93|and|or)\\s*$", RE2::Quiet);
      {
        const Figure& o = out_.figures[s.figures[k + 1]];
        if (o.mention.begin > m.end && o.mention.begin <= m.end + 6 &&
            RE2::FullMatch(piece(text_.substr(m.end, o.mention.begin - m.end)), joined)) {
          CountedNoun onp = counted_noun(text_, o.mention.end, own.end);
          np.head = onp.head;
          np.person = onp.person;
          np.duration = onp.duration;
        }
      }
    }
    // "9,831 Level 1", "29 percent nationwide": a qualifier, not a counted noun.
    if (!np.head.empty()) {
      for (const auto& hit : s.vocab)
        if (hit.dimension != Dimension::measure && hit.begin <= np.head_begin &&
            np.head_begin < hit.end)
          np.head.clear();
      for (const PlaceHit& p : w.places)
        if (p.begin <= np.head_begin && np.head_begin < p.end) np.head.clear();
    }
    f.partitive = np.partitive && m.unit == Unit::count;

    const Marks& own_marks = marks(own.begin, own.end);
    const bool referent = own_marks.referent || sentence_referent;
    const bool period_ref = own_marks.period_ref || sentence_period_ref;
    // The frame a back-reference points at: the figure before in this
    // sentence, else what the text said last (news paragraphs are short:
    // "That year, ..." and "Of those, ..." often open a new one).
    const Says referred = previous ? says_of(*previous) : carried.last;
    auto as_context = [](Found<std::string> x) {
      if (x.ok()) x.origin = is_positive(x.origin) ? Origin::context : x.origin;
      return x;
    };
    const bool in_section = s.paragraph <= carried.section_paragraph_end;

    // Measure: the counted noun, else the clause, else context.
    Found<std::string> measure;
    {
      const Span np_span{np.begin, np.end};
      auto in_np = hits_in(s, Dimension::measure, np.begin, std::max(np.begin, np.end));
      if (m.unit == Unit::year) {
        // A year is a figure only beside the measure it dates ("launched in").
        const VocabularyHit* best = nullptr;
        for (const auto& hit : s.vocab)
          if (hit.dimension == Dimension::measure && year_measures_.count(hit.id) &&
              hit.end <= m.begin && m.begin - hit.end <= 40)
            best = &hit;
        if (best) measure = {best->id, Origin::stated};
      } else if (m.unit == Unit::duration && in_np.empty()) {
        measure = {"duration", Origin::stated};  // "for up to 48 hours"
      } else if (!in_np.empty()) {
        measure = {in_np.front()->id, Origin::stated};
      } else if (!np.head.empty() && !np.person) {
        // Something the rules do not count: fingerprints, jurisdictions, hours.
        measure = {np.duration ? std::string("duration") : np.head, Origin::stated};
      } else {
        auto clause_hits = hits_in(s, Dimension::measure, own.begin, own.end, others);
        if (base) clause_hits.clear();
        drop_subordinate_hits(clause_hits, m);
        if (const VocabularyHit* h = nearest(clause_hits, m)) measure = {h->id, Origin::stated};
      }
      if (!measure.ok() && base) {
        auto clause_hits = hits_in(s, Dimension::measure, own.begin, own.end);
        if (const VocabularyHit* h = nearest(clause_hits, m)) measure = {h->id, Origin::stated};
      }
      (void)np_span;
      // The group a share is taken of, when it repeats an earlier figure.
      if (!measure.ok() && np.another_figure != std::string_view::npos) {
        for (size_t id : s.figures) {
          const Figure& o = out_.figures[id];
          if (o.mention.begin != np.another_figure) continue;
          if (const Figure* e = earlier_same(o.mention))
            measure = {e->frame.measure, Origin::context};
        }
      }
      if (!measure.ok())
        if (const Figure* e = earlier_same(m)) measure = {e->frame.measure, Origin::context};
      if (!measure.ok() && sentence_says.measure.ok()) measure = as_context(sentence_says.measure);
      if (!measure.ok() && (referent || period_ref) && referred.measure.ok())
        measure = as_context(referred.measure);
      // The figure before counts the same thing when it is coordinated with
      // this one (same unit) or is the group this share is taken of (same
      // clause); not across a relative clause ("..., when the credit reached
      // 36 million families").
      if (!measure.ok() && previous && is_positive(previous->source.measure) &&
          (previous->mention.unit == m.unit || previous->clause == ci))
        measure = {previous->frame.measure, Origin::context};
      if (!measure.ok() && in_section && carried.section.measure.ok())
        measure = as_context(carried.section.measure);
    }

    // Category: the clause's own qualifiers; a base ("of the N people")
    // only qualifies through its own phrase.
    std::set<std::string> cats;
    {
      const size_t cb = base ? m.end : own.begin;
      const size_t ce = base ? std::max(m.end, np.end) : own.end;
      auto after = hits_in(s, Dimension::category, m.end, ce, others);
      auto before = hits_in(s, Dimension::category, cb, m.begin, others);
      const auto& use = after.empty() ? before : after;
      size_t last_end = use.empty() ? 0 : use.front()->end;
      for (const VocabularyHit* h : use) {
        cats.insert(h->id);
        last_end = std::max(last_end, h->end);
      }
      if (!use.empty()) {
        const size_t stop = after.empty() ? m.begin : ce;
        const std::string_view rest = text_.substr(last_end, stop > last_end ? stop - last_end : 0);
        const std::string_view tail = rest.substr(0, rest.find_first_of(".;,"));
        const size_t orp = tail.find(" or ");
        f.category_open = orp != std::string_view::npos && orp < 4;
      }
    }

    // "3,847 detainers for Level 1 suspects and 16,227 for lower-level
    // ones": beside a sibling that names its group, a figure whose group the
    // rules do not know is another part of the whole, not the whole.
    if (cats.empty() && previous && previous->mention.unit == m.unit &&
        !previous->frame.category.empty() && is_positive(previous->source.category))
      f.partitive = true;
    // "four in five went to people outside the top priority": the group is
    // named by what it is not, so it is unknown, not all.
    for (const VocabularyHit& x : s.excluded)
      if (cats.empty() && x.dimension == Dimension::category && x.begin >= own.begin &&
          x.end <= own.end)
        f.partitive = true;

    // "5.4 percent of children", "Among Hispanic residents, ...", "in rural
    // counties": a sub-group the rules do not name narrows the figure to a
    // part of the population their claims count, so its group is unknown,
    // not all. Its own clause and the figure-less openers before it speak.
    {
      // Near the figure only, and openers only in sentences of a few
      // figures, so that the work per figure stays bounded in a sentence
      // packed with thousands of them.
      constexpr size_t kReach = 160;
      std::vector<Span> scope = {{std::max(own.begin, m.begin > kReach ? m.begin - kReach : 0),
                                  std::min(own.end, m.end + kReach)}};
      for (size_t i = 0; i < ci && s.figures.size() <= kDenseFigures; ++i) {
        const Span c = w.clauses[i].span;
        bool has_figure = false;
        for (size_t id : s.figures) {
          const size_t b = out_.figures[id].mention.begin;
          has_figure = has_figure || (b >= c.begin && b < c.end);
        }
        if (!has_figure) scope.push_back(c);
      }
      for (const Span& c : scope)
        for (const Span& g : subgroup_words(text_, c.begin, c.end)) {
          bool named = false;
          for (const auto& hit : s.vocab)
            named = named || overlaps(hit.begin, hit.end, g.begin, g.end);
          for (const PlaceHit& p : w.places)
            named = named || overlaps(p.begin, p.end, g.begin, g.end);
          for (const Span& o : others)
            named = named || overlaps(o.begin, o.end, g.begin, g.end);
          if (!named) f.subgroup = true;
        }
    }

    // "detainers on Level 1 subjects and on lower-level subjects numbered
    // 3,847 and 16,227, respectively": the k-th figure takes the k-th group.
    if (own_text.find("respectively") != std::string_view::npos) {
      std::vector<const Figure*> in_clause;
      for (size_t id : s.figures) {
        const Figure& o = out_.figures[id];
        if (o.mention.begin >= own.begin && o.mention.begin < own.end) in_clause.push_back(&o);
      }
      auto groups = hits_in(s, Dimension::category, own.begin, in_clause.front()->mention.begin);
      if (in_clause.size() >= 2 && groups.size() == in_clause.size())
        for (size_t i = 0; i < in_clause.size(); ++i)
          if (in_clause[i] == &f) {
            cats = {groups[i]->id};
            f.category_open = false;
          }
    }

    // Program. A year dates its subject: "287(g) was created in 1996, a
    // decade before Secure Communities began in 2008".
    Found<std::string> program;
    if (m.unit == Unit::year) {
      auto before = hits_in(s, Dimension::program, own.begin, m.begin);
      if (!before.empty()) program = {before.back()->id, Origin::stated};
    }
    if (!program.ok()) program = program_in(s, own.begin, own.end, &m);
    if (program.ok()) f.program_in_sentence = true;
    if (!program.ok() && sentence_says.program.ok()) {
      program = as_context(sentence_says.program);
      f.program_in_sentence = true;
    }
    if (!program.ok() && (referent || previous) && referred.program.ok()) {
      program = as_context(referred.program);
      f.program_in_sentence = previous && previous->program_in_sentence;
    }
    if (!program.ok() && sentence_program.ok()) {
      program = as_context(sentence_program);
      f.program_in_sentence = true;
    }
    if (!program.ok() && in_section && carried.section.program.ok())
      program = as_context(carried.section.program);
    if (!program.ok() && carried.last.program.ok() && carried.last.program.value != kAgencyWide &&
        s.paragraph == carried.last_paragraph)
      program = as_context(carried.last.program);
    if (!program.ok() && !defaults_.program.empty())
      program = {defaults_.program, Origin::default_value};

    // Period: attached to the figure in its clause, else context.
    std::optional<PeriodMention> period = period_in(s, own.begin, own.end, &m);
    Origin period_origin = period ? Origin::stated : Origin::unknown;
    if (!period) {
      if (own_marks.shift != 0) {
        const std::optional<PeriodMention>& ref =
            previous ? previous->stated_period : carried.last.period;
        if (ref) {
          const bool back = own_marks.shift < 0;
          PeriodMention pm = *ref;
          pm.period = shift_years(ref->period, back ? -1 : 1);
          pm.open_end = false;
          period = pm;
          period_origin = Origin::stated;
        }
      }
    }
    // "a decade earlier it was 14.5 percent", "fell to 7.9 percent in 2022
    // from 8.3 percent": a time counted back loosely, or the figure a change
    // starts from, is not of the period around it; unless its own clause
    // dates it, its period is unknown.
    const bool detached = !period && (own_marks.elapsed ||
                                      RE2::PartialMatch(piece(own_text), change_origin_re()));
    if (!detached) {
      // A table header that dates its columns dates the cell before
      // anything else in the row ("| Group | FY2010 | FY2011 |").
      if (!period && column_period_ && carried.section.period)
        period = carried.section.period, period_origin = Origin::context;
      if (!period && sentence_says.period)
        period = sentence_says.period, period_origin = Origin::context;
      if (!period && (referent || period_ref) && referred.period)
        period = referred.period, period_origin = Origin::context;
      if (!period && previous && previous->stated_period)
        period = previous->stated_period, period_origin = Origin::context;
      if (!period && s.paragraph == carried.last_paragraph && carried.last.period && k == 0 &&
          !previous)
        period = carried.last.period, period_origin = Origin::context;
      if (!period && in_section && carried.section.period)
        period = carried.section.period, period_origin = Origin::context;
    }

    // Place: named for the figure, else its sentence, else what it refers to.
    Found<std::string> place = place_in(s, w, own.begin, own.end, &m, carried);
    if (!place.ok() && sentence_says.place.ok()) place = as_context(sentence_says.place);
    if (!place.ok() && (referent || previous) && referred.place.ok())
      place = as_context(referred.place);
    if (!place.ok() && in_section && !carried.section.place.value.empty())
      place = as_context(carried.section.place);
    if (!place.ok() && !defaults_.place.empty()) place = {defaults_.place, Origin::default_value};

    f.frame.program = program.value;
    f.source.program = program.origin;
    f.frame.measure = measure.value;
    f.source.measure = measure.origin;
    f.frame.category = std::move(cats);
    f.source.category = f.frame.category.empty() ? Origin::unknown : Origin::stated;
    if (period) {
      f.stated_period = period;
      f.frame.period = period->period;
      f.source.period = period_origin;
    }
    f.frame.place = place.value;
    f.source.place = place.origin;
  }

  const Rules* rules_;
  std::string_view text_;
  Day date_;
  Frame defaults_;
  std::set<std::string> year_measures_;
  bool column_period_ = false;  // the figure being read sits under a dated column
  Reading out_;
  std::vector<size_t> sentences_in_paragraph_;
  mutable std::map<std::pair<size_t, size_t>, Marks> marks_;
  // The last figure read with a measure, by unit and value ("9,831 of the
  // 46,929" repeats the 46,929 removals read before).
  std::map<std::pair<int, double>, size_t> stated_values_;
};

}  // namespace

Reading read_figures(const Rules* rules, std::string_view text, std::vector<Mention> mentions,
                     Day document_date) {
  return Reader(rules, text, document_date).read(std::move(mentions));
}

}  // namespace claimcheck::detail
