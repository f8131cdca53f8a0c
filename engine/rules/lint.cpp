// lint.cpp — smells in rules files that load but will mislead: claims without
// a source, vocabulary phrases that collide, shadow each other or are too
// common to mean anything, and claims that duplicate one another. Warnings only; errors come from
// loading.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "claimcheck/suggest.hpp"
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
    const bool end_ok = end == outer.size() ||
                        !is_word_byte(static_cast<unsigned char>(outer[end])) ||
                        !is_word_byte(static_cast<unsigned char>(inner.back()));
    if (start_ok && end_ok) return true;
  }
  return false;
}

// Could one text word match both phrase words? Both as written, or the same
// stem with one inflection base a prefix of the other (see vocabulary.cpp).
bool finds_same_words(const std::string& x, const std::string& y) {
  const std::string lx = normalize_phrase(x), ly = normalize_phrase(y);
  if (!stems_word(x) || !stems_word(y)) return lx == ly;
  if (stem_key(lx) != stem_key(ly)) return false;
  std::string bx = inflection_base(lx), by = inflection_base(ly);
  if (bx.size() < by.size()) std::swap(bx, by);
  if (bx.compare(0, by.size(), by) != 0) return false;
  // An agent noun is another word ("detain", "detainers"), as in matching.
  const std::string rest = bx.substr(by.size());
  return !(rest.size() >= 2 && (rest[0] == 'e' || rest[0] == 'o') && rest[1] == 'r');
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
      warn(diags, p.file, p.pos,
           p.path + ": phrase \"" + p.phrase + "\" is listed twice for \"" + p.id + "\" (also at " +
               at(earlier) + ")");
    else
      warn(diags, p.file, p.pos,
           p.path + ": phrase \"" + p.phrase + "\" is listed for both " +
               std::string(dimension_name(p.dimension)) + " ids \"" + earlier.id + "\" (at " +
               at(earlier) + ") and \"" + p.id + "\"; text using it gets only one of them");
  }
  // Phrases now match inflections, so two ids' phrases written differently
  // can find the same words ("deport" and "deportations" both find
  // "deportation"): the text gets only one of the ids.
  // Words can only find the same text when their stems (or, unstemmed, the
  // words themselves) agree, so phrases are compared only within a group of
  // equal keys: linear in the vocabulary, not quadratic.
  std::vector<std::optional<std::vector<std::string>>> words(phrases.size());
  std::map<std::pair<Dimension, std::string>, std::vector<size_t>> groups;
  for (size_t i = 0; i < phrases.size(); ++i) {
    words[i] = stem_phrase_words(phrases[i].phrase);
    if (!words[i]) continue;
    std::string key;
    for (const auto& w : *words[i]) {
      const std::string lw = normalize_phrase(w);
      key += (stems_word(w) ? "s:" + stem_key(lw) : "w:" + lw) + " ";
    }
    groups[{phrases[i].dimension, key}].push_back(i);
  }
  for (const auto& [key, members] : groups) {
    for (size_t mi = 0; mi < members.size(); ++mi) {
      const size_t i = members[mi];
      const auto& a = words[i];
      for (size_t mj = 0; mj < mi; ++mj) {
      const size_t j = members[mj];
      const PhraseRecord& earlier = phrases[j];
      if (earlier.id == phrases[i].id) continue;
      const auto& b = words[j];
      if (a->size() != b->size() || normalize_phrase(earlier.phrase) == normalize_phrase(phrases[i].phrase))
        continue;
      if (!std::equal(a->begin(), a->end(), b->begin(), b->end(), finds_same_words)) continue;
      warn(diags, phrases[i].file, phrases[i].pos,
           phrases[i].path + ": phrase \"" + phrases[i].phrase + "\" finds the same words as \"" +
               earlier.phrase + "\" of " + std::string(dimension_name(earlier.dimension)) + " \"" +
               earlier.id + "\" (at " + at(earlier) +
               ") once inflections count; text using them gets only one of the ids "
               "(write \"=" +
               phrases[i].phrase + "\" to match it only as written)");
      }
    }
  }
  // A phrase of words found around every figure binds figures to the
  // wrong claims ("reached" as a measure), silently: say so here.
  for (const auto& p : phrases) {
    if (is_regex_phrase(p.phrase) || p.dimension == Dimension::period) continue;
    if (auto why = too_common_reason(is_exact_phrase(p.phrase) ? p.phrase.substr(1) : p.phrase))
      warn(diags, p.file, p.pos,
           p.path + ": phrase \"" + p.phrase + "\" is too common to tell figures apart (" + *why +
               "); it will bind figures to " + std::string(dimension_name(p.dimension)) + " \"" +
               p.id + "\" that are not about it");
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
      // "teens" inside "Black teens": intended when the hierarchy says one
      // group is within the other; the longer phrase names the sub-group.
      if (declared_within(details, longer.dimension, longer.id, shorter.id) ||
          declared_within(details, longer.dimension, shorter.id, longer.id))
        continue;
      warn(diags, shorter.file, shorter.pos,
           shorter.path + ": phrase \"" + shorter.phrase + "\" of " +
               std::string(dimension_name(shorter.dimension)) + " \"" + shorter.id +
               "\" is shadowed by \"" + longer.phrase + "\" of \"" + longer.id + "\" (at " +
               at(longer) + "): where the longer phrase is written, only \"" + longer.id +
               "\" is found");
    }
  }
}

std::string frame_key(const Claim& c) {
  std::string key = std::string(unit_name(c.unit)) + "|" + c.frame.program + "|" + c.frame.measure +
                    "|" + c.frame.place + "|";
  for (const auto& cat : c.frame.category) key += cat + ",";
  if (c.frame.period)
    key += "|" + std::to_string(c.frame.period->from) + "-" + std::to_string(c.frame.period->to);
  return key;
}

void lint_claims(const LoadDetails& details, Diagnostics& diags) {
  std::map<std::pair<std::string, double>, const ClaimRecord*> seen;
  for (const auto& r : details.claims) {
    if (!r.has_source)
      warn(diags, r.file, r.pos,
           r.path + ": claim \"" + r.claim.id +
               "\" has no source; name who states it (source.publisher) and "
               "the corpus document (source.doc)");
    auto [it, inserted] = seen.emplace(std::make_pair(frame_key(r.claim), r.claim.value), &r);
    if (!inserted)
      warn(diags, r.file, r.pos,
           r.path + ": claim \"" + r.claim.id + "\" has the same frame, unit and value as \"" +
               it->second->claim.id + "\" (at " + it->second->file + ":" +
               std::to_string(it->second->pos.line) + "); drafts cannot tell them apart");
  }
}

// A phrase that no sentence of the corpus stating a figure holds can frame
// nothing verify or reconcile read there: usually a typo or another
// spelling than the corpus's. Asked as the checker asks the index (a word
// that matches its inflections as a prefix), so a phrase found here may
// still fail to match, but one not found never matches.
void lint_corpus(const LoadDetails& details, const Index& corpus, Diagnostics& diags) {
  std::map<std::string, bool> seen;  // search form -> found
  for (const auto& p : in_file_order(details.phrases)) {
    if (is_regex_phrase(p.phrase)) continue;
    EvidenceQuery q;
    q.any_phrase = {search_form(p.phrase)};
    q.limit = 1;
    auto [it, fresh] = seen.emplace(q.any_phrase.front(), false);
    if (fresh) it->second = !corpus.search(q).empty();
    if (!it->second)
      warn(diags, p.file, p.pos,
           p.path + ": phrase \"" + p.phrase +
               "\" never occurs in a sentence of the corpus that states a figure");
  }
}

}  // namespace

void lint_inputs(const std::vector<RulesInput>& files, Diagnostics& diags, const Index* corpus) {
  LoadDetails details;
  Diagnostics found;
  load_rules_checked(files, found, &details);
  lint_phrases(details, found);
  lint_claims(details, found);
  if (corpus) lint_corpus(details, *corpus, found);
  append_in_file_order(found, files, diags);
}

}  // namespace rules_detail

void lint_rules(const std::vector<std::string>& paths, Diagnostics& diags) {
  rules_detail::lint_inputs(rules_detail::read_rules_files(paths), diags);
}

void lint_rules(const std::vector<std::string>& paths, const Index& corpus, Diagnostics& diags) {
  rules_detail::lint_inputs(rules_detail::read_rules_files(paths), diags, &corpus);
}

}  // namespace claimcheck
