// context.hpp — the state one check of one draft carries through its stages:
// sentences with their vocabulary and periods, mentions with frames and
// matched claims, and the findings so far. Internal to the engine.
#pragma once

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

namespace claimcheck::detail {

struct SentenceInfo {
  Span span;                            // byte span in the document text
  std::vector<VocabularyHit> vocab;     // absolute offsets
  std::vector<PeriodMention> periods;   // absolute offsets (vocabulary periods included)
  bool back_reference = false;          // "in that period", "of them" ...
  std::vector<size_t> mentions;         // indexes into CheckContext::mentions
};

// A mention as the checker sees it.
struct MentionState {
  Mention mention;
  size_t sentence = 0;
  Frame frame;                              // the text's frame (what the draft says)
  std::optional<PeriodMention> stated_period;  // the period expression the frame came from
  bool period_inherited = false;            // from a back-reference
  bool program_explicit = false;            // program named in the sentence, not a default
  // The categories named are followed by "or" and words the vocabulary does
  // not know ("non-criminals or low-level offenders"): the set may be wider.
  bool category_open = false;

  // Claim matching.
  const Claim* claim = nullptr;  // the reference figure it rests on
  std::vector<Dimension> differs;  // dimensions where the text differs from `claim`
  bool value_matches = false;      // claim value inside the mention's interval

  bool is_total = false;       // "a combined 55%", "so 65%": sum of earlier parts
  bool derived = false;        // a percent the draft's own counts support
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
  std::vector<SentenceInfo> sentences;
  std::vector<MentionState> mentions;
  std::vector<Finding> findings;
  std::map<std::string, std::vector<EvidenceRef>> claim_evidence;  // cache

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
std::string describe_frame(const Frame& f);
std::string describe_claim(const Claim& c);
std::string short_definition(const std::string& definition);
std::string join_ids(const std::set<std::string>& ids, std::string_view sep);

}  // namespace claimcheck::detail
