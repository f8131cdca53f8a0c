// report.hpp — what a check produces: every mention with its frame and
// verdict, every finding with the claim and evidence behind it; and the
// renderers (one file each) that turn a Report into text, JSON, SARIF, HTML.
//
//   claimcheck::Report report;
//   report.files.push_back(claimcheck::check_document(doc, &rules, index.get()));
//   std::cout << claimcheck::render_json(report);
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.hpp"
#include "claimcheck/document.hpp"
#include "claimcheck/mention.hpp"
#include "claimcheck/rules.hpp"

namespace claimcheck {

enum class Severity { info, warning, error };
std::string_view severity_name(Severity s);
std::optional<Severity> severity_from_name(std::string_view s);

// The finding kinds of design.md, declared once with their default severity
// and a line of help; every output format reads this table.
struct FindingKind {
  std::string_view name;
  Severity severity;
  std::string_view help;
};
const std::vector<FindingKind>& finding_kinds();
const FindingKind* find_finding_kind(std::string_view name);
// The page that explains a kind (SARIF helpUri, LSP codeDescription).
std::string finding_help_uri(std::string_view kind);

struct EvidenceRef {
  std::string doc;
  int line = 0;
  std::string quote;
};

struct MentionResult {
  Mention mention;
  Position start, end;  // end is exclusive (column after the last character)
  Frame frame;
  FrameSource source;                 // where each dimension of `frame` comes from
  std::string verdict = "unchecked";  // supported | discrepancy | unsupported | unverified | unchecked
  std::string claim;                  // id of the claim it rests on, or empty
  std::vector<EvidenceRef> evidence;
};

struct Finding {
  std::string kind;
  Severity severity = Severity::error;
  size_t begin = 0, end = 0;  // byte span in the document text
  Position start, end_pos;
  std::string text;
  std::string message;
  std::string claim;
  std::vector<std::string> dimensions;
  std::vector<std::string> related;  // other claim ids or mention texts involved
  std::vector<EvidenceRef> evidence;
  // Stable identity across edits: kind, claim and the normalised sentence,
  // not line numbers (see finding_fingerprint). Used by baselines, waivers
  // and SARIF partialFingerprints.
  std::string fingerprint;
  // Answered once: by a comment in the draft ("inline") or a waiver file
  // ("waiver"), with the reason given. Suppressed findings are reported as
  // such and never fail a run.
  struct Suppression {
    std::string kind;    // "inline" | "waiver"
    std::string reason;  // empty when none was given (itself a warning)
    std::string who;     // waivers: who accepted it
  };
  std::optional<Suppression> suppressed;
  bool in_baseline = false;  // known before (--baseline): reported, never fails a run
  bool active() const { return !suppressed && !in_baseline; }
};

// Hex FNV-1a of kind, claim and the sentence with case and spacing folded:
// "79% of people ..." and "79%  of People ..." give the same fingerprint.
std::string finding_fingerprint(std::string_view kind, std::string_view claim, std::string_view sentence);

struct FileReport {
  std::string path;
  std::string source_text;  // the original file, for renderers that quote lines
  std::string text;         // the converted text the spans index
  std::vector<MentionResult> mentions;
  std::vector<Finding> findings;
  // Where the check was bounded (a sentence with an absurd number of
  // figures): file, line, column and what was cut. Not findings about the
  // draft's figures; the CLI prints them to stderr.
  std::vector<Diagnostic> warnings;
  // Why the check stopped before every figure was decided ("cancelled",
  // "time budget of 30 s ended"); empty when it ran to the end. A stopped
  // report is incomplete: callers must not present it as a pass.
  std::string stopped;
};

// Counts of active findings (neither suppressed nor in the baseline), and of
// the others apart.
struct Summary {
  size_t mentions = 0, supported = 0, errors = 0, warnings = 0, infos = 0;
  size_t suppressed = 0, in_baseline = 0;
};

struct Report {
  std::vector<FileReport> files;
  Summary summary() const;
};

struct RenderOptions {
  bool color = false;
  Severity min_level = Severity::info;  // findings below it are not printed (text formats)
  bool figures = false;                 // text: one line per figure read, after the findings
  bool summary = true;                  // text: the closing count line
};

std::string render_json(const Report& r);
// The same JSON written to `out` one mention and one finding at a time, so a
// report of many figures is never held twice (as a tree and as text).
void render_json(const Report& r, std::ostream& out);
std::string render_text(const Report& r, const RenderOptions& o = {});
// One finding a line, path:line:col: severity: message [kind] (editors, grep).
std::string render_lines(const Report& r, const RenderOptions& o = {});
// GitHub Actions workflow commands: ::error file=...,line=...::message
std::string render_github(const Report& r, const RenderOptions& o = {});
// reviewdog's rdjson (Reviewdog Diagnostic Format, one JSON document).
std::string render_rdjson(const Report& r);
void render_text(const Report& r, std::ostream& out, const RenderOptions& o = {});
// `root`: the folder (absolute) that relative draft paths are relative to,
// usually the working folder or the repository root; draft paths under it
// are written relative to %SRCROOT%, others as file:// URIs.
std::string render_sarif(const Report& r, const std::string& root = "");
std::string render_html(const Report& r);
// The page `claimcheck serve` answers GET / with: paste or upload a draft,
// Check, and the HTML report shows in a sandboxed frame. `token` is the
// server's per-run secret: the page's script sends it with each check and
// is allowed to run by the CSP nonce of the same value.
std::string render_serve_page(const std::string& token);

}  // namespace claimcheck
