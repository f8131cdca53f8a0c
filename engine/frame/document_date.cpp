// document_date.cpp — the date a document speaks from, which relative
// periods ("last fiscal year", "so far this year") resolve against.
#include <re2/re2.h>

#include "claimcheck/period.hpp"
#include "frame/reader.hpp"

namespace claimcheck::detail {

Day find_document_date(std::string_view text, std::string_view meta_date, Day fallback) {
  if (auto d = parse_iso_day(meta_date)) return *d;
  // A dateline ("LOS ANGELES, Aug. 17, 2010 —") or a "Published:" line in
  // the first lines of the text.
  static const RE2 marker(
      "(?i)\\b(?:published|posted|updated|dated?|released)\\b|"
      "^[A-Z][A-Z .'-]+,[^\\n]{0,40}(?:\xE2\x80\x94|\xE2\x80\x93|--| - )",
      RE2::Quiet);
  size_t at = 0;
  for (int lines = 0; lines < 12 && at < text.size(); ++lines) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(at, nl - at);
    at = nl + 1;
    if (line.empty()) {
      --lines;
      continue;
    }
    if (!RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), marker)) continue;
    for (const auto& p : find_periods(line, 0))
      if (p.period.from && p.period.from == p.period.to) return p.period.from;
  }
  return fallback;
}

}  // namespace claimcheck::detail
