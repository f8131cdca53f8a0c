// lint.cpp — smells in rules files that load but will mislead: claims without
// a source, vocabulary phrases that collide or shadow each other, and claims
// that duplicate one another. Warnings only; errors come from loading.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "rules/rules_internal.hpp"

namespace claimcheck {
namespace rules_detail {

std::string normalize_phrase(std::string_view phrase) {
  std::string out;
  bool space = false;
  for (char ch : phrase) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

namespace {

std::string at(const PhraseRecord& p) {
  return p.file + ":" + std::to_string(p.pos.line) + ":" + std::to_string(p.pos.column);
}

// Does `inner` occur in `outer` as whole words?
bool whole_word_part(const std::string& inner, const std::string& outer) {
  if (inner.empty() || inner.size() >= outer.size()) return false;
  for (size_t at = outer.find(inner); at != std::string::npos; at = outer.find(inner, at + 1)) {
    const size_t end = at + inner.size();
    const bool start_ok = at == 0 || !is_word_byte(static_cast<unsigned char>(outer[at - 1])) ||
                          !is_word_byte(static_cast<unsigned char>(inner.front()));
    const bool end_ok = end == outer.size() || !is_word_byte(static_cast<unsigned char>(outer[end])) ||
                        !is_word_byte(static_cast<unsigned char>(inner.back()));
    if (start_ok && end_ok) return true;
  }
  return false;
}

void warn(Diagnostics& diags, const std::string& file, SourcePos pos, std::string message) {
  diags.warning(file, pos.line, pos.column, std::move(message));
}

// Phrases in the order they are written (files in the order given), so a
// collision is reported at the later of the two.
std::vector<PhraseRecord> in_file_order(const std::vector<PhraseRecord>& phrases) {
  std::map<std::string, size_t> rank;
  for (const auto& p : phrases) rank.emplace(p.file, rank.size());
  std::vector<PhraseRecord> out = phrases;
  std::stable_sort(out.begin(), out.end(), [&](const PhraseRecord& a, const PhraseRecord& b) {
    return std::make_tuple(rank[a.file], a.pos.line, a.pos.column) <
           std::make_tuple(rank[b.file], b.pos.line, b.pos.column);
  });
  return out;
}

void lint_phrases(const LoadDetails& details, Diagnostics& diags) {
  const std::vector<PhraseRecord> phrases = in_file_order(details.phrases);
  std::map<std::pair<Dimension, std::string>, const PhraseRecord*> first;
  for (const auto& p : phrases) {
    if (is_regex_phrase(p.phrase)) continue;
    const auto key = std::make_pair(p.dimension, normalize_phrase(p.phrase));
    auto [it, inserted] = first.emplace(key, &p);
    if (inserted) continue;
    const PhraseRecord& earlier = *it->second;
    if (earlier.id == p.id)
      warn(diags, p.file, p.pos, p.path + ": phrase \"" + p.phrase + "\" is listed twice for \"" + p.id +
                                     "\" (also at " + at(earlier) + ")");
    else
      warn(diags, p.file, p.pos,
           p.path + ": phrase \"" + p.phrase + "\" is listed for both " + std::string(dimension_name(p.dimension)) +
               " ids \"" + earlier.id + "\" (at " + at(earlier) + ") and \"" + p.id +
               "\"; text using it gets only one of them");
  }
  // Shadowing: a phrase of one id that is a whole-word part of a phrase of
  // another id in the same dimension. In "transferred to ICE custody" the
  // longer phrase wins, so the shorter id never sees that text; usually the
  // two phrases belong in one id or the longer one is a mistake.
  // Each phrase against each other was quadratic (10,000 phrases: 40 s).
  // A phrase that starts and ends with a word character can only be a
  // whole-word part where the longer one has a word edge on both sides, so
  // the longer phrase's spans between word edges are looked up in a table;
  // only the rare phrases with punctuation at an edge are compared with all.
  std::vector<std::string> norm(phrases.size());
  for (size_t i = 0; i < phrases.size(); ++i)
    if (!is_regex_phrase(phrases[i].phrase)) norm[i] = normalize_phrase(phrases[i].phrase);
  auto word = [](char c) { return is_word_byte(static_cast<unsigned char>(c)); };
  std::map<std::pair<Dimension, std::string_view>, std::vector<size_t>> inner_by_text;
  std::vector<size_t> odd;  // punctuation at an edge
  size_t longest_inner = 0;
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (norm[i].empty()) continue;
    if (word(norm[i].front()) && word(norm[i].back())) {
      inner_by_text[{phrases[i].dimension, norm[i]}].push_back(i);
      longest_inner = std::max(longest_inner, norm[i].size());
    } else {
      odd.push_back(i);
    }
  }
  std::set<std::pair<size_t, size_t>> shadowed;  // (shorter, longer), in phrase order
  for (size_t l = 0; l < phrases.size(); ++l) {
    const std::string& outer = norm[l];
    if (outer.empty()) continue;
    for (size_t b = 0; b < outer.size(); ++b) {
      if (b > 0 && word(outer[b - 1])) continue;
      for (size_t e = b + 1; e <= outer.size() && e - b <= longest_inner; ++e) {
        if (e < outer.size() && word(outer[e])) continue;
        if (e - b >= outer.size()) continue;
        auto it = inner_by_text.find({phrases[l].dimension, std::string_view(outer).substr(b, e - b)});
        if (it == inner_by_text.end()) continue;
        for (size_t s : it->second)
          if (phrases[s].id != phrases[l].id) shadowed.emplace(s, l);
      }
    }
    for (size_t s : odd)
      if (phrases[s].dimension == phrases[l].dimension && phrases[s].id != phrases[l].id &&
          whole_word_part(norm[s], outer))
        shadowed.emplace(s, l);
  }
  for (const auto& [si, li] : shadowed) {
    const PhraseRecord& shorter = phrases[si];
    const PhraseRecord& longer = phrases[li];
    {
      warn(diags, shorter.file, shorter.pos,
           shorter.path + ": phrase \"" + shorter.phrase + "\" of " + std::string(dimension_name(shorter.dimension)) +
               " \"" + shorter.id + "\" is shadowed by \"" + longer.phrase + "\" of \"" + longer.id + "\" (at " +
               at(longer) + "): where the longer phrase is written, only \"" + longer.id + "\" is found");
    }
  }
}

std::string frame_key(const Claim& c) {
  std::string key = std::string(unit_name(c.unit)) + "|" + c.frame.program + "|" + c.frame.measure + "|" +
                    c.frame.place + "|";
  for (const auto& cat : c.frame.category) key += cat + ",";
  if (c.frame.period) key += "|" + std::to_string(c.frame.period->from) + "-" + std::to_string(c.frame.period->to);
  return key;
}

void lint_claims(const LoadDetails& details, Diagnostics& diags) {
  std::map<std::pair<std::string, double>, const ClaimRecord*> seen;
  for (const auto& r : details.claims) {
    if (!r.has_source)
      warn(diags, r.file, r.pos,
           r.path + ": claim \"" + r.claim.id + "\" has no source; name who states it (source.publisher) and "
                    "the corpus document (source.doc)");
    auto [it, inserted] = seen.emplace(std::make_pair(frame_key(r.claim), r.claim.value), &r);
    if (!inserted)
      warn(diags, r.file, r.pos,
           r.path + ": claim \"" + r.claim.id + "\" has the same frame, unit and value as \"" +
               it->second->claim.id + "\" (at " + it->second->file + ":" + std::to_string(it->second->pos.line) +
               "); drafts cannot tell them apart");
  }
}

}  // namespace

void lint_inputs(const std::vector<RulesInput>& files, Diagnostics& diags) {
  LoadDetails details;
  Diagnostics found;
  load_rules_checked(files, found, &details);
  lint_phrases(details, found);
  lint_claims(details, found);
  append_in_file_order(found, files, diags);
}

}  // namespace rules_detail

void lint_rules(const std::vector<std::string>& paths, Diagnostics& diags) {
  rules_detail::lint_inputs(rules_detail::read_rules_files(paths), diags);
}

}  // namespace claimcheck
