// reconcile_render.cpp — reconcile's result as text, JSON, CSV and a minimal
// self-contained HTML page, in the ranked order reconcile gives its groups.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "claimcheck/verify.hpp"
#include "match/context.hpp"
#include "report/templates.hpp"
#include "verify/framing.hpp"

namespace claimcheck {

using namespace verify_detail;

namespace {

bool in_conflict(const ReconcileGroup& g, size_t k) {
  for (const auto& c : g.conflicts)
    if (std::find(c.figures.begin(), c.figures.end(), k) != c.figures.end()) return true;
  return false;
}

std::string series_label(const ReconcileGroup& g) {
  if (g.periods.size() < 2) return "";
  std::string s = "series: ";
  for (size_t i = 0; i < g.periods.size(); ++i) s += (i ? ", " : "") + g.periods[i];
  return s;
}

std::string summary_line(const ReconcileResult& r) {
  return std::to_string(r.figures) + " figures in " + std::to_string(r.groups.size()) + " groups: " +
         std::to_string(r.conflicts()) + " conflicts in " + std::to_string(r.count(GroupKind::conflict)) +
         " groups, " + std::to_string(r.count(GroupKind::unsourced)) + " unsourced, " +
         std::to_string(r.count(GroupKind::agreeing)) + " agreeing, " +
         std::to_string(r.count(GroupKind::unframed)) + " unframed";
}

}  // namespace

std::string render_reconcile_json(const ReconcileResult& r) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : r.groups) {
    nlohmann::json figs = nlohmann::json::array(), cons = nlohmann::json::array();
    for (const auto& f : g.figures) figs.push_back(figure_json(f));
    for (const auto& c : g.conflicts) cons.push_back({{"figures", c.figures}, {"message", c.message}});
    groups.push_back({{"kind", std::string(group_kind_name(g.kind))},
                      {"title", g.title},
                      {"claim", g.claim.empty() ? nlohmann::json() : nlohmann::json(g.claim)},
                      {"program", g.program},
                      {"measure", g.measure},
                      {"category", g.category},
                      {"place", g.place},
                      {"unit", std::string(unit_name(g.unit))},
                      {"periods", g.periods},
                      {"documents", g.documents()},
                      {"figures", figs},
                      {"conflicts", cons}});
  }
  nlohmann::json out = {{"claimcheck_reconcile", 2},
                        {"summary",
                         {{"figures", r.figures},
                          {"groups", r.groups.size()},
                          {"conflicts", r.conflicts()},
                          {"conflict_groups", r.count(GroupKind::conflict)},
                          {"unsourced", r.count(GroupKind::unsourced)},
                          {"agreeing", r.count(GroupKind::agreeing)},
                          {"unframed", r.count(GroupKind::unframed)}}},
                        {"groups", groups}};
  return out.dump(2) + "\n";
}

std::string render_reconcile_text(const ReconcileResult& r) {
  std::ostringstream os;
  for (const auto& g : r.groups) {
    std::string kind(group_kind_name(g.kind));
    for (char& ch : kind) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    os << kind << "  " << g.title << "  (" << g.figures.size() << " figures, " << g.documents()
       << (g.documents() == 1 ? " document" : " documents") << ")\n";
    if (!g.claim.empty()) os << "  claim: " << g.claim << "\n";
    if (const auto s = series_label(g); !s.empty()) os << "  " << s << "\n";
    for (const auto& c : g.conflicts) os << "  conflict: " << c.message << "\n";
    for (size_t k = 0; k < g.figures.size(); ++k) {
      const auto& f = g.figures[k];
      os << (in_conflict(g, k) ? "  ! " : "    ") << f.text << "  " << f.doc << ":" << f.line;
      if (f.frame.period) os << "  " << describe_period(*f.frame.period);
      if (!f.not_compared.empty()) os << "  (" << f.not_compared << ")";
      os << "\n";
      if (g.kind != GroupKind::unframed) os << "        " << f.quote << "\n";
    }
  }
  os << summary_line(r) << "\n";
  return os.str();
}

std::string render_reconcile_csv(const ReconcileResult& r) {
  std::string out =
      "kind,group,claim,program,measure,category,place,doc,line,value,unit,text,period,definition,"
      "conflict,quote\n";
  for (const auto& g : r.groups) {
    for (size_t k = 0; k < g.figures.size(); ++k) {
      const auto& f = g.figures[k];
      std::ostringstream v;
      v << f.value;
      out += std::string(group_kind_name(g.kind)) + "," + csv_field(g.title) + "," + csv_field(g.claim) +
             "," + csv_field(g.program) + "," + csv_field(g.measure) + "," +
             csv_field(detail::join_ids(g.category, "+")) + "," + csv_field(g.place) + "," +
             csv_field(f.doc) + "," + std::to_string(f.line) + "," + v.str() + "," +
             std::string(unit_name(f.unit)) + "," + csv_field(f.text) + "," +
             csv_field(period_label(f)) + "," + csv_field(f.definition) + "," +
             (in_conflict(g, k) ? "yes" : "no") + "," + csv_field(f.quote) + "\n";
    }
  }
  return out;
}

// The page renders engine/report/templates/reconcile.html with the shared
// stylesheet and escaper; groups in reconcile's ranked order, named in words.
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
  mstch::array groups;
  for (const auto& g : r.groups) {
    mstch::array rows, messages;
    for (size_t k = 0; k < g.figures.size(); ++k) rows.push_back(row(g.figures[k], in_conflict(g, k)));
    for (const auto& c : g.conflicts) messages.push_back(mstch::map{{"message", c.message}});
    groups.push_back(mstch::map{{"title", g.title},
                                {"kind", std::string(group_kind_name(g.kind))},
                                {"series", series_label(g)},
                                {"has_conflicts", !g.conflicts.empty()},
                                {"conflict_messages", messages},
                                {"rows", rows}});
  }
  return report::render_template("reconcile.html",
                                 mstch::map{{"page_title", std::string("claimcheck reconcile")},
                                            {"summary", summary_line(r)},
                                            {"groups", groups}});
}

}  // namespace claimcheck
