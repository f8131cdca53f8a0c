// verify.cpp — does the corpus back each claim of the rules? For every claim,
// the evidence sentences stating its value in its unit whose frame agrees
// (measure, category, period as far as the sentence states them); else a
// sentence stating another value for exactly its frame contradicts it.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "claimcheck/verify.hpp"
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
      for (auto& f : frame_figures(&rules, e)) {
        if (f.unit != c.unit || f.value < lo || f.value > hi) continue;
        if (!frame_backs(f, c, options.period_slack)) continue;
        f.claim = c.id;
        f.definition = c.definition;
        (in_source(c, f.doc) ? own : elsewhere).push_back(std::move(f));
        break;  // one figure per sentence
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
        for (auto& f : frame_figures(&rules, e)) {
          if (f.unit != c.unit || (f.value >= lo && f.value <= hi)) continue;
          if (!same_frame(f, c, options.period_slack)) continue;
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
  return j;
}

}  // namespace verify_detail

std::string render_verify_json(const VerifyResult& r) {
  nlohmann::json claims = nlohmann::json::array();
  for (const auto& v : r.claims) {
    nlohmann::json ev = nlohmann::json::array(), con = nlohmann::json::array();
    for (const auto& f : v.evidence) ev.push_back(figure_json(f));
    for (const auto& f : v.contradicting) con.push_back(figure_json(f));
    claims.push_back({{"id", v.claim->id},
                      {"value", v.claim->value},
                      {"unit", std::string(unit_name(v.claim->unit))},
                      {"source", v.claim->source.doc},
                      {"definition", v.claim->definition},
                      {"derived", v.derived},
                      {"status", std::string(verify_status_name(v.status))},
                      {"reason", v.reason},
                      {"evidence", ev},
                      {"contradicting", con}});
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
  }
  os << r.claims.size() << " claims: " << r.count(VerifyStatus::backed) << " backed, "
     << r.count(VerifyStatus::backed_elsewhere) << " backed elsewhere, "
     << r.count(VerifyStatus::contradicted) << " contradicted, "
     << r.count(VerifyStatus::not_found) << " not found\n";
  return os.str();
}

}  // namespace claimcheck
