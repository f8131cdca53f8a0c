// features.hpp — what the language server shows for a checked document:
// diagnostics, hover over a figure, quick fixes. Pure functions of the
// report, the rules and the document's text, so they are tested without a
// client.
//
//   LineIndex lines(text);
//   json diags = claimcheck::lsp::diagnostics(report, lines, view);
#pragma once

#include <map>
#include <string>

#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/positions.hpp"

namespace claimcheck::lsp {

// What the features need besides the report.
struct View {
  const Rules* rules = nullptr;
  // Corpus file name (as evidence names it) -> absolute path, for links to
  // the evidence; names not in it are quoted without a link.
  const std::map<std::string, std::string>* corpus = nullptr;
  Encoding encoding = Encoding::utf16;
};

// LSP Diagnostic[] for the report's active findings (suppressed and
// baselined ones are left out): code = kind, codeDescription = its help
// page, source "claimcheck", relatedInformation = evidence with a file.
// `data` carries the fingerprint, so a code action can find its finding.
json diagnostics(const FileReport& report, const LineIndex& lines, const View& view);

// An LSP Diagnostic for a problem the check reported about the document
// itself (unreadable text, a suppression without a reason, a bounded
// sentence): at its line and column, or the first line when it has none.
json problem_diagnostic(const Diagnostic& d, const std::string& code, const LineIndex& lines, Encoding e);

// Markdown hover for the figure at `at` (a code point position), or null.
json hover(const FileReport& report, const LineIndex& lines, const Position& at, const View& view);

// CodeAction[] for the findings on lines [from.line, to.line] that overlap
// the range: a suppression comment above the line (Markdown/HTML comment, or
// a line of its own in text), and where the claim gives the right figure
// (value-mismatch, hedge-mismatch) the figure rewritten to it.
json code_actions(const FileReport& report, const std::string& uri, const std::string& format,
                  const LineIndex& lines, const Position& from, const Position& to, const View& view);

// The figure `mention_text` (as the draft writes it, read as `value`)
// rewritten to the claim's value in the same style: "28%" -> "21%",
// "about 1.5 million" -> "about 1.2 million", "nearly half" -> "55%".
// Empty when no safe rewrite exists (another unit, a range, no number).
std::string replacement_text(const std::string& mention_text, double value, const Claim& claim,
                             bool keep_hedge);

// The claim's value as the rules file writes it: 79, 4.0, 47000.
std::string claim_value_text(const Claim& claim);

}  // namespace claimcheck::lsp
