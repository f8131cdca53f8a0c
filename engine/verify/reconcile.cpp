// reconcile.cpp — every figure the corpus states, grouped by the claim it is
// a figure of, else by its full frame (program, measure, categories, place,
// unit; periods form a series inside the group); conflicts where two
// documents give different values for one statistic. Renderers live in
// reconcile_render.cpp.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "claimcheck/verify.hpp"
#include "match/context.hpp"
#include "match/frame_compare.hpp"
#include "verify/framing.hpp"
#include "verify/reconcile_rules.hpp"

namespace claimcheck {

using namespace verify_detail;

std::string_view group_kind_name(GroupKind k) {
  switch (k) {
    case GroupKind::conflict: return "conflict";
    case GroupKind::unsourced: return "unsourced";
    case GroupKind::agreeing: return "agreeing";
    case GroupKind::unframed: return "unframed";
  }
  return "agreeing";
}

size_t ReconcileResult::conflicts() const {
  size_t n = 0;
  for (const auto& g : groups) n += g.conflicts.size();
  return n;
}

size_t ReconcileResult::count(GroupKind k) const {
  return static_cast<size_t>(
      std::count_if(groups.begin(), groups.end(), [&](const ReconcileGroup& g) { return g.kind == k; }));
}

size_t ReconcileGroup::documents() const {
  std::set<std::string> docs;
  for (const auto& f : figures) docs.insert(f.doc);
  return docs.size();
}

namespace verify_detail {

// Does the figure state the claim's kind of quantity? Same unit; a change
// only for a change claim of its kind, a level only for a level.
bool same_quantity(const detail::Figure& r, const FramedFigure& f, const Claim& c) {
  if (f.unit != c.unit) return false;
  if (c.change) return r.mention.change == c.change->kind;
  return r.mention.change == ChangeKind::none;
}

bool frame_comparable(const FramedFigure& f, const detail::Figure& r) {
  return f.not_compared.empty() && is_positive(r.source.measure) && !f.frame.measure.empty() &&
         is_positive(r.source.period) && f.frame.period.has_value() &&
         (f.frame.category.empty() || is_positive(r.source.category));
}

bool values_conflict(const FramedFigure& a, const FramedFigure& b) {
  auto inside = [](double v, const FramedFigure& f) {
    const double hi = f.hi > f.lo ? f.hi : f.lo;
    return v >= f.lo - 1e-9 && v <= hi + 1e-9;
  };
  return !inside(a.value, b) && !inside(b.value, a);
}

std::vector<std::pair<size_t, size_t>> find_conflicts(const std::vector<FramedFigure>& figs,
                                                      const std::vector<bool>& comparable) {
  std::vector<std::pair<size_t, size_t>> out;
  std::set<std::tuple<double, double, std::string>> reported;
  for (size_t i = 0; i < figs.size(); ++i) {
    if (!comparable[i]) continue;
    for (size_t j = i + 1; j < figs.size(); ++j) {
      if (!comparable[j]) continue;
      const auto& a = figs[i];
      const auto& b = figs[j];
      // One document's own figures are read, not reconciled: two values for
      // one statistic across documents are what a coalition must settle.
      if (a.doc == b.doc || a.unit != b.unit) continue;
      if (a.frame.period != b.frame.period) continue;  // a series, not a conflict
      if (!values_conflict(a, b)) continue;
      const auto [lo, hi] = std::minmax(a.value, b.value);
      const std::string period = a.frame.period ? describe_period(*a.frame.period) : "";
      if (!reported.insert({lo, hi, period}).second) continue;
      out.emplace_back(i, j);
    }
  }
  return out;
}

}  // namespace verify_detail

namespace {

// A name in words for a vocabulary id: a program by its first plain phrase
// ("Secure Communities"), a short place id in capitals ("US"), else the id.
std::string words_for(const Rules* rules, Dimension d, const std::string& id) {
  if (id.empty()) return id;
  if (d == Dimension::place && id.size() <= 3) {
    std::string up = id;
    for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return up;
  }
  if (rules && (d == Dimension::program || d == Dimension::place)) {
    for (const auto& p : rules->phrases(d, id))
      if (!p.empty() && p.front() != '/') return p;
  }
  return id;
}

// "sa and u3", "minor-conviction or no-conviction": as the rules format reads them.
std::string categories_in_words(const Rules* rules, const std::set<std::string>& cats) {
  if (cats.empty()) return "";
  Frame only;
  only.category = cats;
  return detail::describe_frame(only, rules);
}

std::string title_of(const Rules* rules, const std::string& program, const std::string& measure,
                     const std::set<std::string>& cats, const std::string& period,
                     const std::string& place) {
  std::string out;
  for (const std::string& part :
       {words_for(rules, Dimension::program, program), measure, categories_in_words(rules, cats),
        period, words_for(rules, Dimension::place, place)}) {
    if (part.empty()) continue;
    out += (out.empty() ? "" : " · ") + part;
  }
  return out;
}

struct Pending {
  ReconcileGroup group;
  std::vector<bool> comparable;  // per figure
};

}  // namespace

ReconcileResult reconcile(const Rules* rules, const Index& index, const ReconcileOptions& options) {
  ReconcileResult result;
  // 1. Every evidence sentence, once, in document order.
  std::vector<Evidence> sentences;
  std::set<std::tuple<std::string, int, std::string>> seen;
  for (Unit u : {Unit::count, Unit::percent, Unit::points, Unit::usd, Unit::year, Unit::currency,
                 Unit::rate, Unit::multiplier, Unit::duration, Unit::other}) {
    EvidenceQuery q;
    q.unit = u;
    q.limit = options.limit;
    for (auto& e : index.search(q))
      if (seen.insert({e.doc, e.line, e.quote}).second) sentences.push_back(std::move(e));
  }
  std::stable_sort(sentences.begin(), sentences.end(), [](const Evidence& a, const Evidence& b) {
    return std::tie(a.doc, a.line) < std::tie(b.doc, b.line);
  });
  const std::string default_place = rules ? rules->defaults().place : "";

  // 2. Each figure to the group of its claim, else of its frame.
  std::map<std::string, Pending> groups;
  for (const auto& e : sentences) {
    std::vector<detail::Figure> read;
    auto figs = frame_figures(rules, e, &read);
    for (size_t i = 0; i < figs.size(); ++i) {
      FramedFigure& f = figs[i];
      const detail::Figure& r = read[i];
      ++result.figures;
      const Claim* claim = nullptr;
      bool comparable = false;
      if (rules) {
        for (const Claim& c : rules->claims()) {
          if (!same_quantity(r, f, c)) continue;
          const auto [lo, hi] = claim_range(c);
          const bool value_fits = f.value >= lo && f.value <= hi;
          const bool positive = f.not_compared.empty() || (c.change && f.not_compared == "a relative change");
          const bool same = positive && positively_same_frame(*rules, r, c);
          // The claim's figure, or another value for exactly its statistic.
          if ((value_fits && frame_backs(*rules, r, c)) || same) {
            claim = &c;
            comparable = same;
            break;
          }
        }
      }
      std::string key;
      Pending* p = nullptr;
      if (claim) {
        key = "claim|" + claim->id;
        if (f.value >= claim_range(*claim).first && f.value <= claim_range(*claim).second) {
          f.claim = claim->id;
          f.definition = claim->definition;
        }
        // What the sentence leaves out, the claim says.
        if (f.frame.measure.empty()) {
          f.frame.measure = claim->frame.measure;
          f.inferred.push_back("measure");
        }
        if (f.frame.category != claim->frame.category && !claim->frame.category.empty()) {
          f.frame.category = claim->frame.category;
          f.inferred.push_back("category");
        }
        if (!f.frame.period && claim->frame.period) {
          f.frame.period = claim->frame.period;
          f.inferred.push_back("period");
        }
        if (comparable) f.frame.period = claim->frame.period;  // one statistic: the claim's period
        p = &groups[key];
        if (p->group.figures.empty()) {
          auto& g = p->group;
          g.claim = claim->id;
          g.program = claim->frame.program.empty() ? f.frame.program : claim->frame.program;
          g.measure = claim->frame.measure;
          g.category = claim->frame.category;
          g.place = claim->frame.place.empty() ? default_place : claim->frame.place;
          g.unit = claim->unit;
          g.kind = GroupKind::agreeing;
          const std::string period =
              claim->change ? describe_period(claim->change->from) + " to " + describe_period(claim->change->to)
              : claim->frame.period ? describe_period(*claim->frame.period)
                                    : "";
          g.title = title_of(rules, g.program, g.measure, g.category, period, g.place);
        }
      } else {
        const bool framed = !f.frame.measure.empty();
        comparable = framed && frame_comparable(f, r);
        const std::string place = f.frame.place.empty() ? default_place : f.frame.place;
        key = framed ? "frame|" + f.frame.program + "|" + f.frame.measure + "|" +
                           detail::join_ids(f.frame.category, "+") + "|" + place + "|" +
                           std::string(unit_name(f.unit)) + "|" +
                           std::string(change_kind_name(r.mention.change))
                     : "unframed|" + std::string(unit_name(f.unit));
        p = &groups[key];
        if (p->group.figures.empty()) {
          auto& g = p->group;
          g.unit = f.unit;
          g.kind = framed ? GroupKind::unsourced : GroupKind::unframed;
          if (framed) {
            g.program = f.frame.program;
            g.measure = f.frame.measure;
            g.category = f.frame.category;
            g.place = place;
            // The title waits for the periods (step 3); the unit goes after it.
            g.title = std::string(" (") + std::string(unit_name(f.unit)) +
                      (r.mention.change != ChangeKind::none ? ", change" : "") + ")";
          } else {
            g.title = "figures with no stated measure (" + std::string(unit_name(f.unit)) + ")";
          }
        }
      }
      p->group.figures.push_back(std::move(f));
      p->comparable.push_back(comparable);
    }
  }

  // 3. Series and conflicts inside each group.
  for (auto& [key, p] : groups) {
    auto& g = p.group;
    // Order by period (unknown last), then document and line; keep the flags aligned.
    std::vector<size_t> order(g.figures.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const auto& x = g.figures[a];
      const auto& y = g.figures[b];
      const Day xf = x.frame.period ? x.frame.period->from : std::numeric_limits<Day>::max();
      const Day yf = y.frame.period ? y.frame.period->from : std::numeric_limits<Day>::max();
      return std::tie(xf, x.doc, x.line) < std::tie(yf, y.doc, y.line);
    });
    std::vector<FramedFigure> figs;
    std::vector<bool> comparable;
    for (size_t i : order) {
      figs.push_back(std::move(g.figures[i]));
      comparable.push_back(p.comparable[i]);
    }
    g.figures = std::move(figs);
    for (const auto& f : g.figures) {
      if (!f.frame.period) continue;
      const std::string label = describe_period(*f.frame.period);
      if (std::find(g.periods.begin(), g.periods.end(), label) == g.periods.end())
        g.periods.push_back(label);
    }
    if (g.kind == GroupKind::unframed) continue;
    if (g.claim.empty())  // a frame group: named with its period when it has one
      g.title = title_of(rules, g.program, g.measure, g.category,
                         g.periods.size() == 1 ? g.periods.front() : "", g.place) + g.title;
    for (const auto& [i, j] : find_conflicts(g.figures, comparable)) {
      ReconcileConflict c;
      c.figures = {i, j};
      auto side = [](const FramedFigure& f) {
        return f.doc + ":" + std::to_string(f.line) + " says " + f.text + " (\"" + f.quote + "\")";
      };
      c.message = side(g.figures[i]) + "; " + side(g.figures[j]);
      g.conflicts.push_back(std::move(c));
    }
    if (!g.conflicts.empty()) g.kind = GroupKind::conflict;
  }

  // 4. Ranked: conflicts, unsourced, agreeing, unframed; most conflicts and
  // most documents first inside a kind.
  for (auto& [key, p] : groups) result.groups.push_back(std::move(p.group));
  std::stable_sort(result.groups.begin(), result.groups.end(),
                   [](const ReconcileGroup& a, const ReconcileGroup& b) {
                     const size_t ad = a.documents(), bd = b.documents();
                     return std::make_tuple(static_cast<int>(a.kind), -static_cast<long>(a.conflicts.size()),
                                            -static_cast<long>(ad), a.title) <
                            std::make_tuple(static_cast<int>(b.kind), -static_cast<long>(b.conflicts.size()),
                                            -static_cast<long>(bd), b.title);
                   });
  return result;
}

}  // namespace claimcheck
