// context.hpp — the state one check of one draft carries through its stages:
// sentences with their vocabulary and periods, mentions with frames and
// matched claims, and the findings so far. Internal to the engine.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "claimcheck/check.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/mention.hpp"
#include "claimcheck/period.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"
#include "frame/reader.hpp"

namespace claimcheck::detail {

// A figure as the checker sees it: what the reader read, and what the checks
// decide about it.
struct MentionState : Figure {
  MentionState() = default;
  explicit MentionState(Figure f) : Figure(std::move(f)) {}

  // Claim matching.
  const Claim* claim = nullptr;    // the reference figure it rests on
  std::vector<Dimension> differs;  // dimensions where the text differs from `claim`
  bool value_matches = false;      // claim value inside the mention's interval

  bool is_total = false;  // "a combined 55%", "so 65%": sum of earlier parts
  bool derived = false;   // a percent the draft's own counts support
  bool has_finding = false;
  std::string verdict = "unchecked";
  std::vector<EvidenceRef> evidence;
};

struct CheckContext {
  const Document& doc;
  const Rules* rules;
  const Index* index;
  CheckOptions options;
  Day document_date = 0;
  std::vector<ReadSentence> sentences;
  std::vector<MentionState> mentions;
  std::vector<Finding> findings;
  std::map<std::string, std::vector<EvidenceRef>> claim_evidence;  // cache
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::string stopped;  // why the check stopped early, once it has

  // True once the check must stop (options.cancel set, or the time budget
  // spent); records why in `stopped`. Cheap: call between batches of figures.
  bool should_stop();

  std::string_view text() const { return doc.text; }
  std::string_view span_text(size_t b, size_t e) const { return text().substr(b, e - b); }

  // Adds a finding on the span [b, e) and marks the mention (when given).
  Finding& add_finding(std::string kind, size_t b, size_t e, std::string message,
                       MentionState* on = nullptr);
  // Corpus sentences that state a claim's figure, its own source document first.
  const std::vector<EvidenceRef>& evidence_for(const Claim& c);
};

// Short human descriptions used in messages.
std::string describe_value(double v, Unit u);
// With the rules, categories read as their format says: version 2 joins
// facets with "and" and the ids inside one facet with "or".
std::string describe_frame(const Frame& f, const Rules* rules = nullptr);
std::string describe_categories(const std::set<std::string>& category, const Rules* rules = nullptr);
std::string describe_claim(const Claim& c, const Rules* rules = nullptr);
std::string short_definition(const std::string& definition);
std::string join_ids(const std::set<std::string>& ids, std::string_view sep);

}  // namespace claimcheck::detail
