// evidence.hpp — internals of the index backends (not installed): turning a
// Document into the evidence sentences both backends store, and the
// Evidence <-> JSON form the Xapian backend keeps as document data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/index.hpp"

namespace claimcheck::index_detail {

// One sentence stating at least one figure, ready to store.
struct SentenceRecord {
  size_t offset = 0;  // byte offset of the sentence in Document::text
  Evidence evidence;  // score unused
};

// Sentences of `doc` that state a figure (years used as time context are
// not figures). The quote is the sentence with its whitespace kept byte for
// byte except that line breaks become spaces, so figure spans stay valid.
std::vector<SentenceRecord> evidence_sentences(const Document& doc);

// The Xapian backend's document data: a compact binary form of an Evidence
// (no score), smaller to compress when writing and quicker to read back than
// JSON. decode_evidence gives nullopt for data it did not write.
std::string encode_evidence(const Evidence& e);
std::optional<Evidence> decode_evidence(std::string_view data);
bool is_encoded_evidence(std::string_view data);

// Boolean terms placing a figure's value in decimal buckets: the decade and
// the first one to four significant digits of |value|, by unit and sign. A value
// range then becomes a few terms the index intersects with its posting lists,
// instead of reading the value of every figure of that unit (admits decides
// exactly on what the terms let through). Terms are built from
// correctly rounded powers of ten, so every build agrees on them.
std::vector<std::string> value_terms(Unit unit, double value);
// Terms whose union holds every value of `unit` in [lo, hi] and no value
// beyond the finest bucket (four significant digits) of lo or of hi: aligned
// buckets, coarse in the middle, finer towards the ends. Empty when the range
// is not finite or spans too many decades (the unit term instead).
std::vector<std::string> range_terms(Unit unit, double lo, double hi);

// The same terms, split by whether a value under them can lie outside the
// range: every value under an `inside` term lies in [lo, hi] (bucket_of is
// monotone), while the two `edges` (the terms holding lo and hi) may also
// hold values just outside, within the finest bucket of lo or hi. Both empty
// when range_terms is.
struct RangeCover {
  std::vector<std::string> inside;
  std::vector<std::string> edges;
};
RangeCover range_cover(Unit unit, double lo, double hi);

// Words too common to tell sentences apart: neither backend indexes them.
bool is_stop_word(std::string_view lowercase_word);
// The words of `text` in order, lowercased (ASCII), split at every byte that
// is not a letter, digit, apostrophe or UTF-8 byte: how both backends read
// an EvidenceQuery::any_phrase and the memory backend a sentence. With
// `prefixes`, a word written "deport*" stays so: any word beginning "deport"
// (how any_phrase gives words that match their inflections).
std::vector<std::string> phrase_words(std::string_view text, bool prefixes = false);
// Whether `tokens` (a sentence's phrase_words but stop words) hold the words
// of `phrase` but stop words, adjacent and in order; a phrase with a
// "prefix*" word, all its words in any order. Nullopt: the phrase has no word.
// Both backends decide EvidenceQuery::any_phrase with it.
std::optional<bool> holds_phrase(const std::vector<std::string>& tokens, const std::string& phrase);

// A sentence's phrase_words but stop words: what holds_phrase reads.
std::vector<std::string> phrase_tokens(std::string_view text);
// Whether `e` states a figure of q.unit (any unit when unset) in [q.lo, q.hi].
bool states_figure(const EvidenceQuery& q, const Evidence& e);
// Whether `tokens` hold one of `phrases`; true when none has a word.
bool holds_any_phrase(const std::vector<std::string>& phrases,
                      const std::vector<std::string>& tokens);
// Whether `e` answers `q`'s filters: a figure of q.unit (any unit when unset)
// in [q.lo, q.hi], and one of q.any_phrase (when it has a phrase with a word).
// The Xapian backend's buckets and words narrow; this decides exactly.
bool admits(const EvidenceQuery& q, const Evidence& e);

// Does `word` match `pattern` (from phrase_words with prefixes)?
inline bool word_matches(std::string_view pattern, std::string_view word) {
  if (!pattern.empty() && pattern.back() == '*')
    return word.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  return word == pattern;
}

// 64-bit FNV-1a of the bytes, as 16 hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace claimcheck::index_detail
