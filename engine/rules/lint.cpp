// lint.cpp — smells in rules files that load but will mislead: claims without
// a source, vocabulary phrases that collide or shadow each other, and claims
// that duplicate one another. Warnings only; errors come from loading.
#include <algorithm>
#include <cctype>
#include <map>
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

// Is `id` declared within `ancestor` (parent, grandparent ...)?
bool declared_within(const LoadDetails& details, Dimension d, const std::string& id, const std::string& ancestor) {
  std::string at = id;
  for (int depth = 0; depth < 64; ++depth) {
    auto it = details.parents.find({d, at});
    if (it == details.parents.end()) return false;
    if (it->second == ancestor) return true;
    at = it->second;
  }
  return false;
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
  for (const auto& shorter : phrases) {
    if (is_regex_phrase(shorter.phrase)) continue;
    const std::string s = normalize_phrase(shorter.phrase);
    for (const auto& longer : phrases) {
      if (longer.dimension != shorter.dimension || longer.id == shorter.id || is_regex_phrase(longer.phrase))
        continue;
      if (!whole_word_part(s, normalize_phrase(longer.phrase))) continue;
      // "teens" inside "Black teens": intended when the hierarchy says one
      // group is within the other; the longer phrase names the sub-group.
      if (declared_within(details, longer.dimension, longer.id, shorter.id) ||
          declared_within(details, longer.dimension, shorter.id, longer.id))
        continue;
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
