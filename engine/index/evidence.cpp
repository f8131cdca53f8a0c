// evidence.cpp — from a read Document to the sentences the index stores:
// split into sentences, extract mentions once over the whole text, and keep
// every sentence holding a figure (a year that is only time context is not
// one). Also the JSON form of Evidence and the content hash.
#include "index/evidence.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace claimcheck::index_detail {

std::vector<SentenceRecord> evidence_sentences(const Document& doc) {
  std::vector<SentenceRecord> out;
  const std::string_view text = doc.text;
  const auto sentences = split_sentences(text);
  const auto mentions = extract_mentions(text);
  const std::string basename = std::filesystem::path(doc.path).filename().string();
  size_t m = 0;
  for (const Span& span : sentences) {
    // Trim the sentence to its visible text.
    size_t b = span.begin, e = std::min(span.end, text.size());
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    while (m < mentions.size() && mentions[m].begin < b) ++m;
    std::vector<EvidenceFigure> figures;
    for (size_t k = m; k < mentions.size() && mentions[k].begin < e; ++k) {
      const Mention& mention = mentions[k];
      if (mention.end > e) continue;  // straddles the sentence end
      if (mention.unit == Unit::year && mention.time_context) continue;
      figures.push_back({mention.value, mention.unit, mention.text, mention.begin - b,
                         mention.end - b});
    }
    if (figures.empty()) continue;
    SentenceRecord rec;
    rec.offset = b;
    Evidence& ev = rec.evidence;
    ev.doc = basename;
    ev.path = doc.path;
    ev.title = doc.meta.title;
    ev.date = doc.meta.date;
    ev.line = doc.locate(b).line;
    ev.quote.assign(text.substr(b, e - b));
    std::replace(ev.quote.begin(), ev.quote.end(), '\n', ' ');
    std::replace(ev.quote.begin(), ev.quote.end(), '\t', ' ');
    ev.figures = std::move(figures);
    out.push_back(std::move(rec));
  }
  return out;
}

nlohmann::json to_json(const Evidence& e) {
  nlohmann::json figures = nlohmann::json::array();
  for (const auto& f : e.figures)
    figures.push_back({{"value", f.value}, {"unit", std::string(unit_name(f.unit))},
                       {"text", f.text}, {"begin", f.begin}, {"end", f.end}});
  return {{"doc", e.doc},   {"path", e.path}, {"title", e.title},     {"date", e.date},
          {"line", e.line}, {"quote", e.quote}, {"figures", figures}};
}

Evidence evidence_from_json(const nlohmann::json& j) {
  Evidence e;
  e.doc = j.value("doc", "");
  e.path = j.value("path", "");
  e.title = j.value("title", "");
  e.date = j.value("date", "");
  e.line = j.value("line", 0);
  e.quote = j.value("quote", "");
  if (j.contains("figures"))
    for (const auto& f : j["figures"]) {
      EvidenceFigure fig;
      fig.value = f.value("value", 0.0);
      fig.unit = unit_from_name(f.value("unit", "count")).value_or(Unit::count);
      fig.text = f.value("text", "");
      fig.begin = f.value("begin", size_t{0});
      fig.end = f.value("end", size_t{0});
      e.figures.push_back(std::move(fig));
    }
  return e;
}

std::string content_hash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = hex[h & 0xF];
  return out;
}

}  // namespace claimcheck::index_detail
