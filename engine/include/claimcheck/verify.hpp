// verify.hpp — for the people who maintain the figures: does the corpus back
// each claim of the rules, and why does a sentence stating a claim's value
// not back it (verify); which figures of the corpus are one statistic, and
// where do two documents disagree on one (reconcile). Library only: no
// printing; the renderers turn the results into text, JSON, CSV or HTML.
//
//   auto v = claimcheck::verify_claims(rules, *index);
//   for (auto& c : v.claims)
//     for (auto& x : c.rejected) std::cout << x.figure.doc << ": " << x.reasons.front() << "\n";
//   auto r = claimcheck::reconcile(&rules, *index);
//   if (r.conflicts() > 0) std::cout << r.groups.front().conflicts.front().message << "\n";
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
  double lo = 0, hi = 0;   // values the figure is consistent with, at its written precision and hedge
  // Why reconcile never puts this figure in a conflict, or empty: "a relative change",
  // "a trend's start", "an age bound", "a minor number", "a year", "a part
  // of a group the sentence does not qualify".
  std::string not_compared;
};

// A corpus sentence that states a claim's value (at the precision the rules
// write it) but does not back it, and why: one line per failing dimension,
// from the claim matcher's own comparison ("period: sentence says 2022-02,
// claim 2022-01"; "measure unknown: no counted noun the rules name").
struct RejectedFigure {
  FramedFigure figure;
  std::vector<std::string> dimensions;  // "period", "measure", a facet name ...
  std::vector<std::string> reasons;     // in words, one per dimension
};

enum class VerifyStatus { backed, backed_elsewhere, contradicted, not_found };
std::string_view verify_status_name(VerifyStatus s);  // "backed", "backed-elsewhere", ...

struct ClaimVerification {
  const Claim* claim = nullptr;
  VerifyStatus status = VerifyStatus::not_found;
  std::string reason;  // one human line: why this status
  std::vector<FramedFigure> evidence;       // backing figures, the claim's source first
  std::vector<FramedFigure> contradicting;  // same frame, another value
  std::vector<RejectedFigure> rejected;     // the claim's value, but not backing it
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
};

VerifyResult verify_claims(const Rules& rules, const Index& index,
                           const VerifyOptions& options = {});

// A conflict inside a group: two documents give different values for one
// statistic, both figures' frames positively equal to the group's on every
// dimension it names (program, measure, categories, period, place, unit).
struct ReconcileConflict {
  std::vector<size_t> figures;  // indexes into ReconcileGroup::figures, one per side
  std::string message;          // both values with file:line and quote
};

// What a group is, in the order reconcile ranks them.
enum class GroupKind {
  conflict,   // documents disagree on one statistic
  unsourced,  // framed figures no claim of the rules backs
  agreeing,   // figures of a claim, or of one frame, that agree
  unframed,   // figures whose measure the sentence does not state: listed, never compared
};
std::string_view group_kind_name(GroupKind k);  // "conflict", "unsourced", "agreeing", "unframed"

// One group of reconcile: the figures of one claim, else of one frame
// (program, measure, categories, place, unit). Different periods of one
// frame are a series inside the group, never a conflict. A plain data
// struct: the renderers only read it.
struct ReconcileGroup {
  GroupKind kind = GroupKind::agreeing;
  std::string title;  // in words: "Secure Communities · removals · non-criminal · FY2011 · US"
  std::string claim;  // the claim the group is about, or empty (grouped by frame)
  std::string program;
  std::string measure;
  std::set<std::string> category;
  std::string place;
  Unit unit = Unit::count;
  std::vector<std::string> periods;  // distinct periods, in order: more than one is a series
  std::vector<FramedFigure> figures;
  std::vector<ReconcileConflict> conflicts;
  size_t documents() const;  // distinct documents among the figures
};

struct ReconcileResult {
  std::vector<ReconcileGroup> groups;  // ranked: conflicts, unsourced, agreeing, unframed
  size_t figures = 0;
  size_t conflicts() const;
  size_t count(GroupKind k) const;
};

struct ReconcileOptions {
  size_t limit = 100000;   // sentences per unit
};

// `rules` may be null: then frames have no vocabulary and nothing is compared.
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
