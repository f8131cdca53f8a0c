// kinds.cpp — the finding kinds of design.md, declared once as data.
#include <algorithm>

#include "claimcheck/report.hpp"

namespace claimcheck {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> severity_from_name(std::string_view s) {
  for (Severity v : {Severity::info, Severity::warning, Severity::error})
    if (severity_name(v) == s) return v;
  return std::nullopt;
}

const std::vector<FindingKind>& finding_kinds() {
  static const std::vector<FindingKind> kinds = {
      {"value-mismatch", Severity::error,
       "Same frame as a reference figure, but the value is outside the interval the text states."},
      {"period-mismatch", Severity::error,
       "The value matches a reference figure whose period differs from the period the text states."},
      {"definition-mismatch", Severity::error,
       "The value matches a reference figure whose categories (definition) differ from the text's."},
      {"population-mismatch", Severity::error,
       "The value matches a reference figure that counts something else (another measure)."},
      {"program-mismatch", Severity::error,
       "The value belongs to a reference figure of another program."},
      {"incomparable", Severity::error,
       "Two figures are compared though their periods or definitions differ."},
      {"arithmetic", Severity::error,
       "Stated figures disagree with each other or with a relation between reference figures."},
      {"hedge-mismatch", Severity::warning,
       "A verbal quantity or hedge contradicts the reference figure."},
      {"unsupported", Severity::warning, "No reference figure and no corpus evidence for the figure."},
      {"missing-period", Severity::info,
       "The figure matches a reference figure but the text gives no period, and other periods exist."},
  };
  return kinds;
}

const FindingKind* find_finding_kind(std::string_view name) {
  const auto& kinds = finding_kinds();
  auto it = std::find_if(kinds.begin(), kinds.end(),
                         [&](const FindingKind& k) { return k.name == name; });
  return it == kinds.end() ? nullptr : &*it;
}

std::string finding_help_uri(std::string_view kind) {
  // The project's home page; replace when the project is published elsewhere.
  return "https://github.com/claimcheck/claimcheck/blob/main/docs/findings.md#" + std::string(kind);
}

Summary Report::summary() const {
  Summary s;
  for (const auto& f : files) {
    for (const auto& m : f.mentions) {
      if (m.mention.minor) continue;  // "two agencies": listed, not a figure checked
      ++s.mentions;
      if (m.verdict == "supported") ++s.supported;
    }
    for (const auto& x : f.findings) {
      if (x.suppressed) {
        ++s.suppressed;
        continue;
      }
      if (x.in_baseline) {
        ++s.in_baseline;
        continue;
      }
      switch (x.severity) {
        case Severity::error: ++s.errors; break;
        case Severity::warning: ++s.warnings; break;
        case Severity::info: ++s.infos; break;
      }
    }
  }
  return s;
}

}  // namespace claimcheck
