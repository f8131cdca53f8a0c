// suggest.hpp — rules files meet a corpus: a draft rules file from the
// figures its documents state, grouped by the frame the reader gives them,
// for a person to edit; and lint that also asks the corpus about phrases.
//
//   claimcheck::Diagnostics diags;
//   std::vector<claimcheck::Document> docs = ...;  // read_document(...)
//   auto draft = claimcheck::suggest_rules(docs, {}, diags);
//   if (draft) write(draft->json);  // lints clean; verify backs most claims
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claimcheck/diagnostic.hpp"
#include "claimcheck/document.hpp"
#include "claimcheck/index.hpp"

namespace claimcheck {

struct SuggestOptions {
  // An existing rules file (name, contents) to add to: its vocabulary reads
  // the corpus too, and a drafted claim with the same value, unit and frame
  // as one of its claims is left out.
  std::optional<std::pair<std::string, std::string>> merge;
};

struct SuggestResult {
  std::string json;            // the rules file (version 2; a merged file keeps its version), ending in a newline
  size_t documents = 0;        // documents read
  size_t figures = 0;          // figures the corpus states (counts, percents, dollars, points)
  size_t claims = 0;           // claims drafted (merged ones not counted)
  size_t conflicts = 0;        // frames stated with more than one value
  size_t without_measure = 0;  // figures left out: no measure read for them
};

// nullopt (with diagnostics) only when the file to merge into does not load.
std::optional<SuggestResult> suggest_rules(const std::vector<Document>& docs,
                                           const SuggestOptions& options, Diagnostics& diags);

// lint_rules (claimcheck/rules.hpp), and a warning for each vocabulary
// phrase that no sentence of `corpus` stating a figure holds.
void lint_rules(const std::vector<std::string>& paths, const Index& corpus, Diagnostics& diags);

}  // namespace claimcheck
