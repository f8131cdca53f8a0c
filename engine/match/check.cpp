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

  // Mentions: every figure the text states. Minor ones ("two agencies") are
  // reported but not read or checked; trends are remembered by position, as
  // indices change when the lists split.
  std::vector<Mention> mentions = extract_mentions(doc.text);
  std::vector<std::pair<size_t, size_t>> trends;  // begin of a trend's end -> begin of its start
  for (const auto& m : mentions)
    if (m.from >= 0) trends.emplace_back(m.begin, mentions[size_t(m.from)].begin);
  std::vector<Mention> minor;
  for (auto& m : mentions)
    if (m.minor) minor.push_back(m);
  // A trend's `from` is an index into this list: renumber it past the
  // minor figures taken out, or the reader would link the wrong start.
  {
    std::vector<int> kept_index(mentions.size(), -1);
    int n = 0;
    for (size_t k = 0; k < mentions.size(); ++k)
      if (!mentions[k].minor) kept_index[k] = n++;
    for (auto& m : mentions)
      if (m.from >= 0) m.from = kept_index[size_t(m.from)];
  }
  std::erase_if(mentions, [](const Mention& m) { return m.minor; });

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

  std::stable_sort(ctx.findings.begin(), ctx.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  // Fingerprints: the finding's sentence, not its line, so edits elsewhere
  // keep a finding's identity.
  // Sentences are in text order: the one holding a finding is found by
  // binary search (a scan per finding was quadratic on long drafts).
  for (auto& x : ctx.findings) {
    std::string_view sentence = x.text;
    auto it = std::upper_bound(ctx.sentences.begin(), ctx.sentences.end(), x.begin,
                               [](size_t b, const detail::ReadSentence& s) { return b < s.span.begin; });
    if (it != ctx.sentences.begin()) {
      const auto& s = *std::prev(it);
      if (x.begin >= s.span.begin && x.begin < s.span.end)
        sentence = std::string_view(doc.text).substr(s.span.begin, s.span.end - s.span.begin);
    }
    x.fingerprint = finding_fingerprint(x.kind, x.claim, sentence);
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
  for (auto& m : minor) {
    MentionResult r;
    r.start = doc.locate(m.begin);
    r.end = doc.locate(m.end);
    r.mention = std::move(m);
    out.mentions.push_back(std::move(r));
  }
  std::stable_sort(out.mentions.begin(), out.mentions.end(),
                   [](const MentionResult& a, const MentionResult& b) { return a.mention.begin < b.mention.begin; });
  // Trends name their start by its index in this report's list.
  for (auto& r : out.mentions) r.mention.from = -1;
  for (const auto& [to, from] : trends) {
    auto at = [&](size_t begin) {
      auto it = std::lower_bound(out.mentions.begin(), out.mentions.end(), begin,
                                 [](const MentionResult& r, size_t b) { return r.mention.begin < b; });
      return it != out.mentions.end() && it->mention.begin == begin ? int(it - out.mentions.begin()) : -1;
    };
    const int t = at(to), f = at(from);
    if (t >= 0 && f >= 0) out.mentions[size_t(t)].mention.from = f;
  }
  std::vector<detail::MentionState>().swap(ctx.mentions);
  out.findings = std::move(ctx.findings);
  out.warnings = std::move(warnings);
  out.stopped = std::move(ctx.stopped);
  return out;
}

}  // namespace claimcheck
