// check.hpp — check a draft against rules and the corpus index.
//
//   auto file = claimcheck::check_document(doc, &rules, index.get());
//   // file.mentions: every figure with frame and verdict; file.findings: discrepancies
#pragma once

#include <atomic>

#include "claimcheck/document.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"

namespace claimcheck {

struct CheckOptions {
  size_t evidence_per_mention = 3;
  // The document's date for relative periods ("so far this year"); 0: from
  // its metadata, dateline or "Published:" line, else the file's date.
  Day document_date = 0;
  // Stopping early (serve: the client went away; check --time-budget). Both
  // are looked at between stages and between batches of figures; a check
  // that stops returns what it decided so far, the rest of its figures
  // "unchecked", and says why in FileReport::stopped.
  const std::atomic<bool>* cancel = nullptr;  // set by another thread
  double time_budget_seconds = 0;             // 0: no budget
};

// read -> mentions -> frames -> candidates -> findings. `rules` and `index`
// may be null: without them mentions are extracted and left unchecked.
FileReport check_document(const Document& doc, const Rules* rules, const Index* index,
                          const CheckOptions& options = {});

}  // namespace claimcheck
