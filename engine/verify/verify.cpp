// verify.cpp — does the corpus back each claim of the rules? For every claim,
// the evidence sentences stating its value in its unit whose frame agrees
// (measure, category, period as far as the sentence states them); else a
// sentence stating another value for exactly its frame contradicts it.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <sstream>

#include "claimcheck/verify.hpp"
#include "match/frame_compare.hpp"
#include "verify/framing.hpp"

namespace claimcheck {

using namespace verify_detail;

std::string_view verify_status_name(VerifyStatus s) {
  switch (s) {
    case VerifyStatus::backed: return "backed";
    case VerifyStatus::backed_elsewhere: return "backed-elsewhere";
    case VerifyStatus::contradicted: return "contradicted";
    case VerifyStatus::not_found: return "not-found";
  }
  return "not-found";
}

size_t VerifyResult::count(VerifyStatus s) const {
  return static_cast<size_t>(std::count_if(claims.begin(), claims.end(),
                                           [&](const ClaimVerification& c) { return c.status == s; }));
}

bool VerifyResult::failed() const {
  return count(VerifyStatus::contradicted) > 0 || count(VerifyStatus::not_found) > 0;
}

namespace {

bool in_source(const Claim& c, const std::string& doc) {
  if (c.source.doc.empty()) return false;
  const std::string want = basename_of(c.source.doc);
  return want == doc || stem_of(want) == stem_of(doc);
}

// The name a dimension goes by in an explanation: a category difference by
// its facets ("definition", "age"), as the rules file declares them.
std::string dimension_label(const detail::DimensionStand& d) {
  if (d.dimension == Dimension::category && !d.facets.empty()) {
    std::string out;
    for (const auto& f : d.facets) out += (out.empty() ? "" : "+") + f;
    return out;
  }
  return std::string(dimension_name(d.dimension));
}

// Why a sentence stating the claim's value does not back it, from the
// matcher's own per-dimension stands: what differs first, else what the
// sentence leaves unknown. Program and place left unsaid are not reasons
// (the rules' defaults stand for them).
RejectedFigure explain_rejection(const Rules& rules, FramedFigure f, const detail::Figure& read,
                                 const Claim& c) {
  RejectedFigure out;
  const auto stands = detail::compare_frame(rules, read, c);
  for (const auto& d : stands) {
    const std::string name = dimension_label(d);
    if (d.stand == detail::Stand::differ && d.dimension == Dimension::category && !d.facets.empty()) {
      // Facet by facet, each side's ids of that facet only.
      for (const auto& facet : d.facets) {
        auto ids_of = [&](const std::set<std::string>& ids) {
          std::string s;
          for (const auto& id : ids)
            if (rules.facet_of(id) == facet) s += (s.empty() ? "" : " or ") + id;
          return s;
        };
        const std::string t = ids_of(f.frame.category), r = ids_of(c.frame.category);
        out.dimensions.push_back(facet);
        out.reasons.push_back(facet + ": sentence reads as " + (t.empty() ? "none named" : t) + ", claim " +
                              (r.empty() ? "names none" : r));
      }
    } else if (d.stand == detail::Stand::differ) {
      out.dimensions.push_back(name);
      out.reasons.push_back(name + ": sentence " +
                            (d.dimension == Dimension::category ? "reads as " : "says ") + d.text +
                            ", claim " + d.claim);
    } else if (d.stand == detail::Stand::other) {
      out.dimensions.push_back(name);
      out.reasons.push_back(name + ": sentence says " + (d.text.empty() ? "something else" : d.text) +
                            ", outside the rules' " + std::string(dimension_name(d.dimension)) +
                            " (claim " + d.claim + "): another statistic");
    }
  }
  if (out.reasons.empty()) {
    for (const auto& d : stands) {
      if (d.stand != detail::Stand::unknown) continue;
      if (d.dimension == Dimension::program || d.dimension == Dimension::place) continue;
      const std::string name = dimension_label(d);
      std::string why;
      switch (d.dimension) {
        case Dimension::measure:
          why = read.mention.counted.empty()
                    ? "no counted noun the rules name"
                    : "counts \"" + read.mention.counted + "\", which the rules do not name";
          break;
        case Dimension::category:
          why = "the sentence names none of " + d.claim;
          break;
        case Dimension::period:
          why = d.coarse ? "the sentence says " + d.text + ", coarser than the claim's " + d.claim
                         : "the sentence states none (claim " + d.claim + ")";
          break;
        default:
          break;
      }
      out.dimensions.push_back(name);
      out.reasons.push_back(name + " unknown: " + why);
    }
  }
  if (out.reasons.empty()) {
    // The matcher would take it; verify's own reading of the sentence did not.
    out.dimensions.push_back("frame");
    out.reasons.push_back("frame: the figure's own clause does not name the claim's measure or categories");
  }
  out.figure = std::move(f);
  return out;
}

}  // namespace

VerifyResult verify_claims(const Rules& rules, const Index& index, const VerifyOptions& options) {
  VerifyResult result;
  for (const Claim& c : rules.claims()) {
    ClaimVerification v;
    v.claim = &c;
    v.derived = is_derived(c);
    const auto [lo, hi] = claim_range(c);
    EvidenceQuery q;
    q.unit = c.unit;
    q.lo = lo;
    q.hi = hi;
    q.limit = options.limit;
    std::vector<FramedFigure> own, elsewhere;
    for (const Evidence& e : index.search(q)) {
      std::vector<detail::Figure> read;
      auto figs = frame_figures(&rules, e, &read);
      std::optional<size_t> backing, stating;
      for (size_t i = 0; i < figs.size(); ++i) {
        const auto& f = figs[i];
        if (f.unit != c.unit || f.value < lo || f.value > hi) continue;
        if (!stating) stating = i;
        if (frame_backs(rules, read[i], c)) {
          backing = i;
          break;  // one figure per sentence
        }
      }
      if (backing) {
        auto& f = figs[*backing];
        f.claim = c.id;
        f.definition = c.definition;
        (in_source(c, f.doc) ? own : elsewhere).push_back(std::move(f));
      } else if (stating) {
        v.rejected.push_back(explain_rejection(rules, std::move(figs[*stating]), read[*stating], c));
      }
    }
    if (!own.empty()) {
      v.status = VerifyStatus::backed;
      v.reason = "stated in its source " + own.front().doc + " line " +
                 std::to_string(own.front().line);
    } else if (!elsewhere.empty()) {
      v.status = VerifyStatus::backed_elsewhere;
      v.reason = "not found in its source" +
                 (c.source.doc.empty() ? std::string(" (none given)") : " " + c.source.doc) +
                 "; stated in " + elsewhere.front().doc + " line " +
                 std::to_string(elsewhere.front().line);
    }
    v.evidence = std::move(own);
    v.evidence.insert(v.evidence.end(), elsewhere.begin(), elsewhere.end());

    if (v.evidence.empty()) {
      // Another value for exactly this frame?
      EvidenceQuery uq;
      uq.unit = c.unit;
      uq.limit = 100000;
      for (const Evidence& e : index.search(uq)) {
        std::vector<detail::Figure> read;
        auto figs = frame_figures(&rules, e, &read);
        for (size_t i = 0; i < figs.size(); ++i) {
          auto& f = figs[i];
          if (f.unit != c.unit || (f.value >= lo && f.value <= hi)) continue;
          if (!positively_same_frame(rules, read[i], c)) continue;
          v.contradicting.push_back(std::move(f));
        }
      }
      if (!v.contradicting.empty()) {
        const auto& f = v.contradicting.front();
        v.status = VerifyStatus::contradicted;
        v.reason = f.doc + " line " + std::to_string(f.line) + " gives " + f.text +
                   " for the same frame";
      } else {
        v.status = VerifyStatus::not_found;
        v.reason = v.derived ? "no corpus sentence states it (the claim is derived)"
                             : "no corpus sentence states it with a consistent frame";
      }
    }
    result.claims.push_back(std::move(v));
  }
  return result;
}

namespace verify_detail {

nlohmann::json figure_json(const FramedFigure& f) {
  nlohmann::json j = {{"doc", f.doc},
                      {"line", f.line},
                      {"quote", f.quote},
                      {"text", f.text},
                      {"value", f.value},
                      {"unit", std::string(unit_name(f.unit))},
                      {"program", f.frame.program},
                      {"measure", f.frame.measure},
                      {"category", f.frame.category},
                      {"period", f.frame.period ? nlohmann::json(period_label(f)) : nlohmann::json()}};
  if (!f.claim.empty()) j["claim"] = f.claim;
  if (!f.definition.empty()) j["definition"] = f.definition;
  if (!f.inferred.empty()) j["inferred"] = f.inferred;
  if (!f.not_compared.empty()) j["not_compared"] = f.not_compared;
  return j;
}

}  // namespace verify_detail

std::string render_verify_json(const VerifyResult& r) {
  nlohmann::json claims = nlohmann::json::array();
  for (const auto& v : r.claims) {
    nlohmann::json ev = nlohmann::json::array(), con = nlohmann::json::array();
    for (const auto& f : v.evidence) ev.push_back(figure_json(f));
    for (const auto& f : v.contradicting) con.push_back(figure_json(f));
    nlohmann::json rej = nlohmann::json::array();
    for (const auto& x : v.rejected) {
      nlohmann::json j = figure_json(x.figure);
      j["dimensions"] = x.dimensions;
      j["reasons"] = x.reasons;
      rej.push_back(std::move(j));
    }
    claims.push_back({{"id", v.claim->id},
                      {"value", v.claim->value},
                      {"unit", std::string(unit_name(v.claim->unit))},
                      {"source", v.claim->source.doc},
                      {"definition", v.claim->definition},
                      {"derived", v.derived},
                      {"status", std::string(verify_status_name(v.status))},
                      {"reason", v.reason},
                      {"evidence", ev},
                      {"contradicting", con},
                      {"not_backing", rej}});
  }
  nlohmann::json summary = {{"claims", r.claims.size()},
                            {"backed", r.count(VerifyStatus::backed)},
                            {"backed-elsewhere", r.count(VerifyStatus::backed_elsewhere)},
                            {"contradicted", r.count(VerifyStatus::contradicted)},
                            {"not-found", r.count(VerifyStatus::not_found)}};
  nlohmann::json out = {{"claimcheck_verify", 1}, {"summary", summary}, {"claims", claims}};
  return out.dump(2) + "\n";
}

std::string render_verify_text(const VerifyResult& r) {
  std::ostringstream os;
  for (const auto& v : r.claims) {
    os << verify_status_name(v.status) << "  " << v.claim->id << " ("
       << value_label(v.claim->value, v.claim->unit) << ")" << (v.derived ? " [derived]" : "")
       << "\n    " << v.reason << "\n";
    for (size_t i = 0; i < v.evidence.size() && i < 3; ++i)
      os << "    " << v.evidence[i].doc << ":" << v.evidence[i].line << ": " << v.evidence[i].quote
         << "\n";
    for (size_t i = 0; i < v.contradicting.size() && i < 3; ++i)
      os << "    contradicted by " << v.contradicting[i].doc << ":" << v.contradicting[i].line
         << ": " << v.contradicting[i].quote << "\n";
    for (const auto& x : v.rejected) {
      os << "    not backing " << x.figure.doc << ":" << x.figure.line << " (" << x.figure.text << "): ";
      for (size_t i = 0; i < x.reasons.size(); ++i) os << (i ? "; " : "") << x.reasons[i];
      os << "\n      " << x.figure.quote << "\n";
    }
  }
  os << r.claims.size() << " claims: " << r.count(VerifyStatus::backed) << " backed, "
     << r.count(VerifyStatus::backed_elsewhere) << " backed elsewhere, "
     << r.count(VerifyStatus::contradicted) << " contradicted, "
     << r.count(VerifyStatus::not_found) << " not found\n";
  return os.str();
}

}  // namespace claimcheck
