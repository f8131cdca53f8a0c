// suppress.hpp — answering a finding once: comments in the draft, a waiver
// file with reasons, and a baseline of findings known before.
//
//   <!-- claimcheck-disable-next-line period-mismatch -- the brief uses calendar years -->
//   <!-- claimcheck-disable unsupported -- quotes from the minister --> ... <!-- claimcheck-enable -->
//
//   auto waivers = claimcheck::load_waivers(".claimcheck-waivers.json", diags);
//   claimcheck::apply_inline_suppressions(file);          // per file
//   claimcheck::apply_waivers(report, *waivers, today);   // whole report
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "claimcheck/diagnostic.hpp"
#include "claimcheck/period.hpp"
#include "claimcheck/report.hpp"

namespace claimcheck {

// Marks the findings a `claimcheck-disable-next-line` / `claimcheck-disable`
// ... `claimcheck-enable` comment in the file's source covers (optionally
// only the kinds it lists). A directive without a reason (`-- why`) still
// suppresses, and comes back as a warning; so does an unknown kind.
std::vector<Diagnostic> apply_inline_suppressions(FileReport& file);

// One entry of a waiver file: a finding answered for good, with a reason.
struct Waiver {
  std::string fingerprint;  // either this,
  std::string path;         // or path + kind + text (the finding's quoted figure)
  std::string kind;
  std::string text;
  std::string reason;  // required
  std::string who;     // required
  Day expires = 0;     // optional: after this day the waiver no longer applies
  std::string file;    // where it was declared, for messages
  int line = 0;
};

// Reads `.claimcheck-waivers.json` ({"waivers": [...]}); every problem of
// the file is reported with its line before returning nullopt.
std::optional<std::vector<Waiver>> load_waivers(const std::string& path, Diagnostics& diags);
// Marks the findings waived; expired waivers and waivers that match nothing
// come back as warnings (a stale waiver is worth removing).
std::vector<Diagnostic> apply_waivers(Report& report, const std::vector<Waiver>& waivers, Day today);

// Baselines: the fingerprints of a run's active findings, as a JSON file,
// and the marking of findings already in one.
std::string render_baseline(const Report& report);
std::optional<std::set<std::string>> load_baseline(const std::string& path, Diagnostics& diags);
void apply_baseline(Report& report, const std::set<std::string>& fingerprints);

}  // namespace claimcheck
