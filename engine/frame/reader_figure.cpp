// reader_figure.cpp — one figure's frame: its own clause, the noun it
// counts, and, for what they leave unsaid, the sentence, a back-reference,
// the paragraph, a heading, a list lead-in or a table header.
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

void Reader::read_figure(Figure& f, const ReadSentence& s, const SentenceWork& w, size_t k,
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
  if (np.head.empty() && np.another_figure == std::string_view::npos && k + 1 < s.figures.size()) {
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
        for (const Span& o : others) named = named || overlaps(o.begin, o.end, g.begin, g.end);
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
  const bool detached =
      !period && (own_marks.elapsed || RE2::PartialMatch(piece(own_text), change_origin_re()));
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

}  // namespace claimcheck::detail::reading
