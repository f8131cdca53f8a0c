// check.cpp — the driver: read -> mentions -> frames -> candidates ->
// findings -> report, over one CheckContext.
#include "claimcheck/check.hpp"

#include <algorithm>

#include "match/checks.hpp"

namespace claimcheck {

FileReport check_document(const Document& doc, const Rules* rules, const Index* index,
                          const CheckOptions& options) {
  detail::CheckContext ctx{
      doc, rules, index, options, 0, {}, {}, {}, {}, std::chrono::steady_clock::now(), {}};
  // The date relative periods ("last fiscal year") resolve against.
  ctx.document_date = options.document_date
                          ? options.document_date
                          : detail::find_document_date(doc.text, doc.meta.date,
                                                       parse_iso_day(doc.meta.file_date).value_or(0));

  // Mentions: every figure the text states.
  std::vector<Mention> mentions = extract_mentions(doc.text);

  // Frames: each figure's own clause first, then its context, then defaults.
  detail::Reading reading = detail::read_figures(rules, doc.text, std::move(mentions), ctx.document_date);
  ctx.sentences = std::move(reading.sentences);
  // Memory per figure: reserved once (doubling a vector of ~1 KB states
  // held up to twice the states), the read figures freed once moved.
  ctx.mentions.reserve(reading.figures.size());
  for (auto& f : reading.figures) ctx.mentions.emplace_back(std::move(f));
  std::vector<detail::Figure>().swap(reading.figures);

  // Budget: sentences packed with figures are checked with bounded work per
  // figure (see kDenseSentenceFigures); say where.
  std::vector<Diagnostic> warnings;
  for (const auto& s : ctx.sentences) {
    if (s.figures.size() <= detail::kDenseSentenceFigures) continue;
    const Position at = doc.locate(s.span.begin);
    warnings.push_back({doc.path, at.line, at.column, Level::warning,
                        "sentence with " + std::to_string(s.figures.size()) +
                            " figures (more than " +
                            std::to_string(detail::kDenseSentenceFigures) +
                            "): evidence ranked by the words near each figure, percents derived "
                            "from the nearest counts only"});
  }

  // Candidates and findings: each check in turn, later ones reading earlier ones.
  // Each stops early when the client has gone or the time budget is spent.
  for (const auto& check : detail::make_checks()) {
    if (ctx.should_stop()) break;
    check->run(ctx);
  }

  // Report: spans back to the original file's lines and columns.
  // Each state's strings move into its result, and the states and
  // sentences are freed before the findings move, so the two forms of a
  // figure are never all held at once.
  FileReport out;
  out.path = doc.path;
  out.text = doc.text;
  out.source_text = doc.source;
  std::vector<detail::ReadSentence>().swap(ctx.sentences);
  out.mentions.reserve(ctx.mentions.size());
  for (auto& ms : ctx.mentions) {
    MentionResult r;
    r.start = doc.locate(ms.mention.begin);
    r.end = doc.locate(ms.mention.end);
    r.frame = std::move(ms.frame);
    r.source = ms.source;
    r.verdict = std::move(ms.verdict);
    if (ms.claim) r.claim = ms.claim->id;
    r.evidence = std::move(ms.evidence);
    r.mention = std::move(ms.mention);
    out.mentions.push_back(std::move(r));
  }
  std::vector<detail::MentionState>().swap(ctx.mentions);
  std::stable_sort(ctx.findings.begin(), ctx.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  out.findings = std::move(ctx.findings);
  out.warnings = std::move(warnings);
  out.stopped = std::move(ctx.stopped);
  return out;
}

}  // namespace claimcheck
