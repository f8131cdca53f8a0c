// reader_says.cpp — what a stretch of text (a clause, a heading, a table
// cell) says about a frame: its program, measure, place and period, and the
// marker phrases in it.
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

std::vector<const VocabularyHit*> Reader::hits_in(const ReadSentence& s, Dimension d, size_t b,
                                                  size_t e,
                                                  const std::vector<Span>& exclude) const {
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

Found<std::string> Reader::place_in(const ReadSentence& s, const SentenceWork& w, size_t b,
                                    size_t e, const Mention* near, Carried& carried) const {
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
      return {defaults_.place.empty() ? std::string("national") : defaults_.place, Origin::stated};
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

Found<std::string> Reader::program_in(const ReadSentence& s, size_t b, size_t e,
                                      const Mention* near) const {
  auto hits = hits_in(s, Dimension::program, b, e);
  if (!hits.empty()) {
    const VocabularyHit* h = near ? nearest(hits, *near) : hits.front();
    if (h) return {h->id, Origin::stated};
  }
  if (marks(b, e).agency) return {std::string(kAgencyWide), Origin::stated};
  return {};
}

const Reader::Marks& Reader::marks(size_t b, size_t e) const {
  auto [it, fresh] = marks_.try_emplace({b, e});
  if (!fresh) return it->second;
  const re2::StringPiece part = piece(text_.substr(b, e - b));
  Marks& mk = it->second;
  mk.referent =
      RE2::PartialMatch(part, referent_re()) && !RE2::PartialMatch(part, defined_group_re());
  mk.period_ref = RE2::PartialMatch(part, period_reference_re());
  mk.agency = RE2::PartialMatch(part, agency_re());
  mk.elapsed = RE2::PartialMatch(part, elapsed_re());
  re2::StringPiece which[4];
  if (RE2::PartialMatch(part, shift_re(), &which[0], &which[1], &which[2], &which[3]))
    mk.shift = (!which[0].empty() || !which[1].empty()) ? -1 : 1;
  return mk;
}

std::optional<PeriodMention> Reader::period_in(const ReadSentence& s, size_t b, size_t e,
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
Says Reader::says(const ReadSentence& s, const SentenceWork& w, Span span, Carried& carried) const {
  Says out;
  out.program = program_in(s, span.begin, span.end, nullptr);
  auto ms = hits_in(s, Dimension::measure, span.begin, span.end);
  if (!ms.empty()) out.measure = {ms.back()->id, Origin::context};
  out.place = place_in(s, w, span.begin, span.end, nullptr, carried);
  out.period = period_in(s, span.begin, span.end, nullptr);
  return out;
}

// "Private coverage rose to 65.6 percent as Medicaid coverage held
// steady": a measure after the figure, past a subordinating word, is the
// subordinate clause's subject; where the clause names one before the
// figure, that one is the figure's.
void Reader::drop_subordinate_hits(std::vector<const VocabularyHit*>& hits,
                                   const Mention& m) const {
  const bool before = std::any_of(hits.begin(), hits.end(),
                                  [&](const VocabularyHit* h) { return h->end <= m.begin; });
  if (!before) return;
  static const RE2 subordinator(
      "(?i)\\b(?:as|because|since|after|when|while|until|although|though|whereas)\\s+"
      "(?:the\\s+|its\\s+|their\\s+)?[A-Za-z]",
      RE2::Quiet);
  static const RE2 not_clause(
      "(?i)\\bas\\s+(?:many|much|high|low|few|little|well|of|a|an|"
      "part|such|large|small|long|recently|measured|reported)\\b",
      RE2::Quiet);
  std::erase_if(hits, [&](const VocabularyHit* h) {
    if (h->begin < m.end) return false;
    const std::string_view gap = text_.substr(m.end, h->end - m.end);
    return RE2::PartialMatch(piece(gap), subordinator) &&
           !RE2::PartialMatch(piece(gap), not_clause);
  });
}

}  // namespace claimcheck::detail::reading
