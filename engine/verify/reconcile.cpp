// reconcile.cpp — every figure the corpus states, framed with the rules'
// vocabulary and grouped by what it measures (program, measure, category);
// conflicts inside a group (same frame and period, other value) and
// incomparables across the groups of one measure (other period or definition).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>

#include "claimcheck/verify.hpp"
#include "report/templates.hpp"
#include "verify/framing.hpp"

namespace claimcheck {

using namespace verify_detail;

size_t ReconcileResult::conflicts() const {
  size_t n = 0;
  for (const auto& g : groups) n += g.conflicts.size();
  return n;
}

namespace {

std::string join(const std::set<std::string>& s, std::string_view sep) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : std::string(sep)) + x;
  return out;
}

PeriodMention as_stated(const FramedFigure& f) {
  if (f.stated_period) return *f.stated_period;
  PeriodMention pm;
  pm.period = *f.frame.period;
  return pm;
}

bool periods_consistent(const FramedFigure& a, const FramedFigure& b, int slack) {
  if (!a.frame.period || !b.frame.period) return true;
  return consistent_period(as_stated(a), *b.frame.period, slack) ||
         consistent_period(as_stated(b), *a.frame.period, slack);
}

bool values_differ(double a, double b, Unit u) {
  const double tol =
      u == Unit::year ? 0.5 : std::max(0.5, 0.01 * std::max(std::fabs(a), std::fabs(b)));
  return std::fabs(a - b) > tol;
}

std::string describe_figure(const FramedFigure& f) {
  std::string s = f.text + " (" + f.doc + ":" + std::to_string(f.line);
  if (f.frame.period) s += "; " + describe_period(*f.frame.period);
  if (!f.frame.category.empty()) s += "; " + join(f.frame.category, "+");
  return s + ")";
}

// A frame within a measure: one category set and one period.
struct FrameSet {
  std::set<std::string> category;
  Period period;
  std::string group;
  std::vector<const FramedFigure*> figures;
};

}  // namespace

ReconcileResult reconcile(const Rules* rules, const Index& index, const ReconcileOptions& options) {
  ReconcileResult result;
  // 1. Every evidence sentence, once.
  std::vector<Evidence> sentences;
  std::set<std::tuple<std::string, int, std::string>> seen;
  for (Unit u : {Unit::count, Unit::percent, Unit::points, Unit::usd, Unit::year}) {
    EvidenceQuery q;
    q.unit = u;
    q.limit = options.limit;
    for (auto& e : index.search(q))
      if (seen.insert({e.doc, e.line, e.quote}).second) sentences.push_back(std::move(e));
  }
  std::stable_sort(sentences.begin(), sentences.end(), [](const Evidence& a, const Evidence& b) {
    return std::tie(a.doc, a.line) < std::tie(b.doc, b.line);
  });

  // 2. Frames, claims, groups.
  std::map<std::string, size_t> group_of;
  for (const auto& e : sentences) {
    for (auto& f : frame_figures(rules, e)) {
      if (rules) {
        for (const Claim& c : rules->claims()) {
          const auto [lo, hi] = claim_range(c);
          if (c.unit != f.unit || f.value < lo || f.value > hi) continue;
          if (!frame_backs(f, c, options.period_slack)) continue;
          f.claim = c.id;
          f.definition = c.definition;
          if (f.frame.measure.empty() && !c.frame.measure.empty()) {
            f.frame.measure = c.frame.measure;
            f.inferred.push_back("measure");
          }
          if (f.frame.category != c.frame.category && !c.frame.category.empty()) {
            // "no convictions or minor ones": the claim names the whole set.
            f.frame.category = c.frame.category;
            f.inferred.push_back("category");
          }
          if (!f.frame.period && c.frame.period) {
            f.frame.period = c.frame.period;
            f.inferred.push_back("period");
          }
          break;
        }
      }
      const std::string key = f.frame.program + "|" + f.frame.measure + "|" + join(f.frame.category, "+");
      auto it = group_of.find(key);
      if (it == group_of.end()) {
        it = group_of.emplace(key, result.groups.size()).first;
        ReconcileGroup g;
        g.key = key;
        g.program = f.frame.program;
        g.measure = f.frame.measure;
        g.category = f.frame.category;
        result.groups.push_back(std::move(g));
      }
      result.groups[it->second].figures.push_back(std::move(f));
      ++result.figures;
    }
  }
  std::stable_sort(result.groups.begin(), result.groups.end(),
                   [](const ReconcileGroup& a, const ReconcileGroup& b) {
                     if (a.measure.empty() != b.measure.empty()) return b.measure.empty();
                     return a.key < b.key;
                   });

  // 3. Conflicts: same group and unit, both periods known and consistent,
  // values that differ beyond the precision they are stated at.
  for (auto& g : result.groups) {
    if (g.measure.empty()) continue;
    std::set<std::pair<double, double>> reported;
    for (size_t i = 0; i < g.figures.size(); ++i) {
      for (size_t j = i + 1; j < g.figures.size(); ++j) {
        const auto& a = g.figures[i];
        const auto& b = g.figures[j];
        if (a.unit != b.unit) continue;
        // Periods known on both sides; a year figure ("launched in 2008") has none.
        const bool timeless = a.unit == Unit::year && !a.frame.period && !b.frame.period;
        if (!timeless && (!a.frame.period || !b.frame.period)) continue;
        if (a.frame.place != b.frame.place) continue;
        if (!values_differ(a.value, b.value, a.unit) || !periods_consistent(a, b, options.period_slack))
          continue;
        auto vp = std::minmax(a.value, b.value);
        if (!reported.insert({vp.first, vp.second}).second) continue;
        ReconcileConflict c;
        for (size_t k = 0; k < g.figures.size(); ++k) {
          const auto& x = g.figures[k];
          if (x.unit == a.unit && (x.frame.period || timeless) && x.frame.place == a.frame.place &&
              (x.value == a.value || x.value == b.value) &&
              periods_consistent(x, a, options.period_slack))
            c.figures.push_back(k);
        }
        c.message = "same frame (" + g.key + ") and period, different values: " +
                    describe_figure(a) + " vs " + describe_figure(b);
        g.conflicts.push_back(std::move(c));
      }
    }
  }

  // 4. Incomparables across the groups of one measure and unit: frames
  // (category set, period) whose periods differ, or whose definitions
  // overlap without one containing the other. Parts of a breakdown
  // (disjoint categories, same period) and parts of a whole (subset, same
  // period) are comparable; across periods only the widest category set of
  // each period is paired, so the parts of a total do not repeat it.
  std::map<std::tuple<std::string, std::string, Unit>, std::vector<FrameSet>> frames;
  for (const auto& g : result.groups) {
    if (g.measure.empty()) continue;
    for (const auto& f : g.figures) {
      if (!f.frame.period) continue;
      auto& list = frames[{g.program, g.measure, f.unit}];
      auto it = std::find_if(list.begin(), list.end(), [&](const FrameSet& s) {
        return s.category == f.frame.category && s.period == *f.frame.period;
      });
      if (it == list.end()) {
        list.push_back({f.frame.category, *f.frame.period, g.key, {}});
        it = list.end() - 1;
      }
      it->figures.push_back(&f);
    }
  }
  auto consistent = [&](const Period& a, const Period& b) {
    PeriodMention pm;
    pm.period = a;
    return consistent_period(pm, b, options.period_slack);
  };
  for (const auto& entry : frames) {
    // A named reference, not a structured binding: clang 14 cannot capture those.
    const auto& k = entry.first;
    const auto& list = entry.second;
    auto maximal = [&](const FrameSet& s) {
      for (const auto& o : list)
        if (&o != &s && consistent(o.period, s.period) && o.category.size() > s.category.size() &&
            std::includes(o.category.begin(), o.category.end(), s.category.begin(), s.category.end()))
          return false;
      return true;
    };
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        const FrameSet& a = list[i];
        const FrameSet& b = list[j];
        const bool period_differs = !consistent(a.period, b.period);
        const bool both_cats = !a.category.empty() && !b.category.empty();
        const bool cat_differs = a.category != b.category;
        std::vector<std::string> reasons;
        if (period_differs) {
          if (!cat_differs) {
            reasons = {"period"};
          } else if (both_cats && maximal(a) && maximal(b)) {
            reasons = {"period", "definition"};
          }
        } else if (both_cats && cat_differs) {
          std::vector<std::string> common;
          std::set_intersection(a.category.begin(), a.category.end(), b.category.begin(),
                                b.category.end(), std::back_inserter(common));
          const bool subset =
              std::includes(a.category.begin(), a.category.end(), b.category.begin(), b.category.end()) ||
              std::includes(b.category.begin(), b.category.end(), a.category.begin(), a.category.end());
          if (!common.empty() && !subset) reasons = {"definition"};
        }
        if (reasons.empty()) continue;
        ReconcileIncomparable inc;
        inc.program = std::get<0>(k);
        inc.measure = std::get<1>(k);
        inc.unit = std::get<2>(k);
        inc.reasons = reasons;
        inc.groups = {a.group};
        if (b.group != a.group) inc.groups.push_back(b.group);
        for (const auto* f : a.figures) inc.figures.push_back(*f);
        for (const auto* f : b.figures) inc.figures.push_back(*f);
        auto side = [](const FrameSet& s) {
          std::string d = s.figures.front()->text + " (" + describe_period(s.period);
          if (!s.category.empty()) d += "; " + join(s.category, "+");
          if (!s.figures.front()->definition.empty()) d += "; " + s.figures.front()->definition;
          return d + ")";
        };
        inc.message = side(a) + " and " + side(b) + " both count " + inc.measure + " but under " +
                      (reasons.size() == 2 ? "different periods and definitions"
                       : reasons[0] == "period" ? "different periods"
                                                : "different definitions") +
                      "; they are not one statistic";
        result.incomparables.push_back(std::move(inc));
      }
    }
  }
  return result;
}

// ---- renderers ------------------------------------------------------------

std::string render_reconcile_json(const ReconcileResult& r) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : r.groups) {
    nlohmann::json figs = nlohmann::json::array(), cons = nlohmann::json::array();
    for (const auto& f : g.figures) figs.push_back(figure_json(f));
    for (const auto& c : g.conflicts) cons.push_back({{"figures", c.figures}, {"message", c.message}});
    groups.push_back({{"key", g.key},
                      {"program", g.program},
                      {"measure", g.measure},
                      {"category", g.category},
                      {"figures", figs},
                      {"conflicts", cons}});
  }
  nlohmann::json incs = nlohmann::json::array();
  for (const auto& i : r.incomparables) {
    nlohmann::json figs = nlohmann::json::array();
    for (const auto& f : i.figures) figs.push_back(figure_json(f));
    incs.push_back({{"program", i.program},
                    {"measure", i.measure},
                    {"unit", std::string(unit_name(i.unit))},
                    {"groups", i.groups},
                    {"reasons", i.reasons},
                    {"message", i.message},
                    {"figures", figs}});
  }
  nlohmann::json out = {{"claimcheck_reconcile", 1},
                        {"summary",
                         {{"figures", r.figures},
                          {"groups", r.groups.size()},
                          {"conflicts", r.conflicts()},
                          {"incomparables", r.incomparables.size()}}},
                        {"groups", groups},
                        {"incomparables", incs}};
  return out.dump(2) + "\n";
}

std::string render_reconcile_text(const ReconcileResult& r) {
  std::ostringstream os;
  for (const auto& g : r.groups) {
    os << "== " << (g.measure.empty() ? g.program + " (no measure stated)" : g.key) << "  ("
       << g.figures.size() << " figures" << (g.conflicts.empty() ? "" : ", CONFLICT") << ")\n";
    for (const auto& f : g.figures) {
      os << "  " << f.text << "  " << f.doc << ":" << f.line;
      if (f.frame.period) os << "  " << describe_period(*f.frame.period);
      if (!f.claim.empty()) os << "  [" << f.claim << "]";
      os << "\n      " << f.quote << "\n";
    }
    for (const auto& c : g.conflicts) os << "  conflict: " << c.message << "\n";
  }
  for (const auto& i : r.incomparables) {
    os << "incomparable (" << i.reasons.front() << (i.reasons.size() > 1 ? "+" + i.reasons[1] : "")
       << "): " << i.message << "\n";
    for (const auto& f : i.figures) os << "  " << f.text << "  " << f.doc << ":" << f.line << "\n";
  }
  os << r.figures << " figures in " << r.groups.size() << " groups: " << r.conflicts()
     << " conflicts, " << r.incomparables.size() << " incomparables\n";
  return os.str();
}

std::string render_reconcile_csv(const ReconcileResult& r) {
  std::string out = "group,program,measure,category,doc,line,value,unit,text,period,claim,definition,conflict,quote\n";
  for (const auto& g : r.groups) {
    for (size_t k = 0; k < g.figures.size(); ++k) {
      const auto& f = g.figures[k];
      bool conflict = false;
      for (const auto& c : g.conflicts)
        conflict |= std::find(c.figures.begin(), c.figures.end(), k) != c.figures.end();
      std::ostringstream v;
      v << f.value;
      out += csv_field(g.key) + "," + csv_field(g.program) + "," + csv_field(g.measure) + "," +
             csv_field(join(g.category, "+")) + "," + csv_field(f.doc) + "," +
             std::to_string(f.line) + "," + v.str() + "," + std::string(unit_name(f.unit)) + "," +
             csv_field(f.text) + "," + csv_field(period_label(f)) + "," + csv_field(f.claim) + "," +
             csv_field(f.definition) + "," + (conflict ? "yes" : "no") + "," + csv_field(f.quote) +
             "\n";
    }
  }
  return out;
}

// The markup is engine/report/templates/reconcile.html; here, what it shows.
std::string render_reconcile_html(const ReconcileResult& r) {
  // Every key set on every row: a missing one would be read from the group.
  auto row = [](const FramedFigure& f, bool conflict) {
    return mstch::map{{"conflict", conflict},
                      {"text", f.text},
                      {"period", period_label(f)},
                      {"definition", f.definition},
                      {"target", f.doc + "#L" + std::to_string(f.line)},
                      {"doc", f.doc},
                      {"line", f.line},
                      {"quote", f.quote}};
  };
  mstch::array incomparables;
  for (const auto& i : r.incomparables) {
    mstch::array rows;
    for (const auto& f : i.figures) rows.push_back(row(f, false));
    incomparables.push_back(mstch::map{
        {"measure", i.measure},
        {"reasons", i.reasons.size() > 1 ? i.reasons[0] + ", " + i.reasons[1] : i.reasons[0]},
        {"message", i.message},
        {"rows", rows}});
  }
  mstch::array groups;
  for (const auto& g : r.groups) {
    mstch::array rows, messages;
    for (size_t k = 0; k < g.figures.size(); ++k) {
      bool conflict = false;
      for (const auto& c : g.conflicts)
        conflict |= std::find(c.figures.begin(), c.figures.end(), k) != c.figures.end();
      rows.push_back(row(g.figures[k], conflict));
    }
    for (const auto& c : g.conflicts) messages.push_back(mstch::map{{"message", c.message}});
    groups.push_back(mstch::map{
        {"title", g.measure.empty() ? g.program + " (no measure stated)" : g.key},
        {"has_conflicts", !g.conflicts.empty()},
        {"conflict_messages", messages},
        {"rows", rows}});
  }
  return report::render_template(
      "reconcile.html",
      mstch::map{{"page_title", std::string("claimcheck reconcile")},
                 {"figures", static_cast<int>(r.figures)},
                 {"group_count", static_cast<int>(r.groups.size())},
                 {"conflicts", static_cast<int>(r.conflicts())},
                 {"incomparable_count", static_cast<int>(r.incomparables.size())},
                 {"has_incomparables", !r.incomparables.empty()},
                 {"incomparables", incomparables},
                 {"groups", groups}});
}

}  // namespace claimcheck
