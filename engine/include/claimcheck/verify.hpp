// verify.hpp — for the people who maintain the figures: does the corpus back
// each claim of the rules (verify), and how do the figures the corpus states
// group, conflict or fail to compare (reconcile). Library only: no printing;
// the renderers turn the results into text, JSON, CSV or HTML.
//
//   auto v = claimcheck::verify_claims(rules, *index);
//   for (auto& c : v.claims) if (c.status == claimcheck::VerifyStatus::not_found) ...
//   auto r = claimcheck::reconcile(&rules, *index);
//   std::cout << claimcheck::render_reconcile_html(r);
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/index.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"

namespace claimcheck {

// A figure of an evidence sentence with the frame read from its sentence.
struct FramedFigure {
  std::string doc;
  int line = 0;
  std::string quote;
  std::string date;  // document date, ISO, or empty
  double value = 0;
  Unit unit = Unit::count;
  std::string text;  // the figure as written
  size_t begin = 0, end = 0;  // span within quote
  Frame frame;       // program always set (default); others empty when not stated
  std::optional<PeriodMention> stated_period;
  std::string claim;       // id of the claim with this value and a compatible frame, or empty
  std::string definition;  // that claim's definition
  std::vector<std::string> inferred;  // dimensions reconcile took from that claim ("period", "category")
};

enum class VerifyStatus { backed, backed_elsewhere, contradicted, not_found };
std::string_view verify_status_name(VerifyStatus s);  // "backed", "backed-elsewhere", ...

struct ClaimVerification {
  const Claim* claim = nullptr;
  VerifyStatus status = VerifyStatus::not_found;
  std::string reason;  // one human line: why this status
  std::vector<FramedFigure> evidence;       // backing figures, the claim's source first
  std::vector<FramedFigure> contradicting;  // same frame, another value
  bool derived = false;                     // the definition says "Derived"
};

struct VerifyResult {
  std::vector<ClaimVerification> claims;
  size_t count(VerifyStatus s) const;
  // Exit-worthy: any claim contradicted or not found.
  bool failed() const;
};

struct VerifyOptions {
  size_t limit = 50;       // evidence sentences searched per claim
  int period_slack = 95;   // days; a calendar year quoted for a fiscal year
};

VerifyResult verify_claims(const Rules& rules, const Index& index,
                           const VerifyOptions& options = {});

// A conflict inside a group: the same frame (program, measure, category,
// consistent period, unit) stated with values that differ beyond precision.
struct ReconcileConflict {
  std::vector<size_t> figures;  // indexes into ReconcileGroup::figures
  std::string message;
};

// One group of reconcile: every corpus figure measuring the same thing.
struct ReconcileGroup {
  std::string key;  // "program|measure|cat1+cat2"
  std::string program;
  std::string measure;
  std::set<std::string> category;
  std::vector<FramedFigure> figures;
  std::vector<ReconcileConflict> conflicts;
};

// Figures of the same program, measure and unit whose periods or
// definitions differ, so they cannot be quoted as one statistic.
struct ReconcileIncomparable {
  std::string program;
  std::string measure;
  Unit unit = Unit::percent;
  std::vector<std::string> groups;   // keys of the groups involved
  std::vector<std::string> reasons;  // "period", "definition"
  std::vector<FramedFigure> figures;
  std::string message;
};

struct ReconcileResult {
  std::vector<ReconcileGroup> groups;
  std::vector<ReconcileIncomparable> incomparables;
  size_t figures = 0;
  size_t conflicts() const;
};

struct ReconcileOptions {
  size_t limit = 100000;   // sentences per unit
  int period_slack = 95;
};

// `rules` may be null: then frames have no vocabulary and only units group.
ReconcileResult reconcile(const Rules* rules, const Index& index,
                          const ReconcileOptions& options = {});

// Renderers, each returning the whole output.
std::string render_verify_text(const VerifyResult& r);
std::string render_verify_json(const VerifyResult& r);
std::string render_reconcile_text(const ReconcileResult& r);
std::string render_reconcile_json(const ReconcileResult& r);
std::string render_reconcile_csv(const ReconcileResult& r);
std::string render_reconcile_html(const ReconcileResult& r);

}  // namespace claimcheck
