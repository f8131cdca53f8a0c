// vocabulary_match.cpp — a dimension's phrases as a few combined RE2s, their matches merged.
//
// A phrase of plain words ("deport", "low-level offenses") matches like a
// reader: each word its inflections and derived forms ("deported",
// "deportation", "deportees"). The text is read once into a stream of tokens,
// each written " KEY\x01lower\x02" where KEY is the word's Snowball stem (the
// stemmer the index uses) less a final 'e' ("deportee" -> "deporte" ->
// "deport"), and one RE2 per dimension runs over that stream: a phrase word
// becomes " KEY\x01BASE<suffix>\x02", so a text word matches when it has the
// phrase word's stem AND begins with the phrase word less its inflection
// ("removals" -> "removal": "removed" is another word; "deport" -> "deport":
// "deportation" is one). An agent noun is another thing ("detain" does not
// match "detainers", "report" not "reporters"), so a suffix starting "er"/"or"
// is refused. Words of under four letters, acronyms ("ICE", "CAP"), and
// phrases with digits or signs other than '-', "=exact" phrases and "/regex/"
// phrases match as written, on the text itself. Between the words of a phrase
// the text may have spaces, line breaks or one hyphen; a phrase written with a
// hyphen also matches its words closed up ("low-level" = "low level" =
// "lowlevel"). Matching costs one stem per token of the text (memoised), never
// one per phrase.
//
// Exact phrases: each vocabulary id becomes one capturing group holding the
// alternation of its phrases; literal phrases are escaped, their inner
// whitespace matches any run of whitespace, and they get \b on each side that
// starts or ends with a word character ("287(g)" gets \b only before the 2).
// Patterns are compiled with longest_match, so RE2 itself gives
// leftmost-longest matches; which group took part tells the id (the stream
// patterns work the same way). A large vocabulary is split into chunks of a
// few hundred groups (see kChunkGroups), merged leftmost-longest. Regex
// phrases are used as written, inside a non-capturing group; the whole-word
// rule is then checked on the match. The
// stream and exact matches of a dimension are merged leftmost-longest too.
#include "rules/vocabulary.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

namespace claimcheck::rules_detail {

static bool is_ascii_word(unsigned char c) { return c < 0x80 && (std::isalnum(c) || c == '_'); }

std::string literal_pattern(std::string_view phrase) {
  std::string out;
  if (is_ascii_word(static_cast<unsigned char>(phrase.front()))) out += "\\b";
  size_t i = 0;
  bool first = true;
  while (i < phrase.size()) {
    while (i < phrase.size() && std::isspace(static_cast<unsigned char>(phrase[i]))) ++i;
    size_t j = i;
    while (j < phrase.size() && !std::isspace(static_cast<unsigned char>(phrase[j]))) ++j;
    if (j > i) {
      if (!first) out += "\\s+";
      out += RE2::QuoteMeta(re2::StringPiece(phrase.data() + i, j - i));
      first = false;
    }
    i = j;
  }
  if (is_ascii_word(static_cast<unsigned char>(phrase.back()))) out += "\\b";
  return out;
}

namespace {

// One word of a stemmed phrase as a pattern over the token stream.
std::string stream_word_pattern(const std::string& word) {
  const std::string lower = lower_ascii(word);
  if (!stems_word(word)) return " [^\\x01]*\\x01" + RE2::QuoteMeta(lower) + "\\x02";
  const std::string key = RE2::QuoteMeta(stem_key(lower));
  const std::string base = RE2::QuoteMeta(inflection_base(lower));
  // The suffix after the base: anything but an agent noun's "er"/"or".
  return " " + key + "\\x01" + base + "(?:|[^eo\\x02][^\\x02]*|[eo]|[eo][^r\\x02][^\\x02]*)\\x02";
}

// The phrase (plain words, see stem_phrase_words) over the token stream.
std::string stream_pattern(std::string_view phrase) {
  std::string out;
  size_t i = 0;
  while (i < phrase.size()) {
    // One chunk between spaces: words joined by hyphens ("low-level").
    while (i < phrase.size() && std::isspace(static_cast<unsigned char>(phrase[i]))) ++i;
    size_t j = i;
    while (j < phrase.size() && !std::isspace(static_cast<unsigned char>(phrase[j]))) ++j;
    std::string spaced, joined;
    size_t parts = 0;
    for (size_t a = i; a < j;) {
      size_t b = a;
      while (b < j && phrase[b] != '-') ++b;
      if (b > a) {
        const std::string word(phrase.substr(a, b - a));
        spaced += stream_word_pattern(word);
        joined += word;
        ++parts;
      }
      a = b + 1;
    }
    // Written with a hyphen: the words closed up are the same words.
    out += parts > 1 ? "(?:" + spaced + "|" + stream_word_pattern(joined) + ")" : spaced;
    i = j;
  }
  return out;
}

struct Group {
  int index = 0;  // capturing group number in the combined pattern
  std::string id;
};

struct Matcher {
  std::unique_ptr<RE2> re;
  std::vector<Group> groups;
  int group_count = 0;  // all capturing groups, including those inside regex phrases
};

// A dimension's phrases in chunks of at most kChunkGroups ids and about
// kChunkBytes of pattern each: RE2 compiles such a pattern in time linear in
// its size, while one pattern of 100,000 groups is refused as too large (its
// simplifier printing thousands of lines to stderr on the way), and matching
// with 10,000 capturing groups copies that many per step (seconds a
// sentence). The chunks' matches are merged back leftmost-longest.
constexpr int kChunkGroups = 256;
constexpr size_t kChunkBytes = 32 << 10;

struct DimensionMatcher {
  Dimension dimension;
  std::vector<Matcher> exact;   // over the text
  std::vector<Matcher> stream;  // over the token stream
};

// The text as tokens for the stream matchers.
struct TokenStream {
  std::string stream;
  std::vector<size_t> stream_begin;  // per token: where its " " is in stream
  std::vector<size_t> stream_end;    // per token: just after its \x02
  std::vector<size_t> begin, end;    // per token: its bytes in the text
};

bool word_byte_at(std::string_view text, size_t at) {
  return is_word_byte(static_cast<unsigned char>(text[at])) && !punct_at(text, at) &&
         !(at >= 1 && punct_at(text, at - 1)) && !(at >= 2 && punct_at(text, at - 2));
}

// Whitespace and at most one hyphen (ASCII, U+2010 or U+2011) join words.
bool joins(std::string_view gap) {
  int hyphens = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    const auto c = static_cast<unsigned char>(gap[i]);
    if (std::isspace(c)) continue;
    if (c == '-') {
      ++hyphens;
      continue;
    }
    if (c == 0xE2 && i + 2 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(gap[i + 2]) == 0x90 ||
         static_cast<unsigned char>(gap[i + 2]) == 0x91)) {
      ++hyphens;
      i += 2;
      continue;
    }
    return false;
  }
  return hyphens <= 1;
}

TokenStream tokenize(std::string_view text) {
  TokenStream t;
  size_t i = 0;
  size_t last_end = std::string_view::npos;
  while (i < text.size()) {
    if (!word_byte_at(text, i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && word_byte_at(text, j)) ++j;
    if (last_end != std::string_view::npos && !joins(text.substr(last_end, i - last_end)))
      t.stream += '\x03';
    const std::string lower = lower_ascii(text.substr(i, j - i));
    const bool plain =
        std::all_of(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
        lower.size() >= 3;
    t.stream_begin.push_back(t.stream.size());
    t.stream += ' ';
    t.stream += plain ? stem_key(lower) : lower;  // only plain words are ever stemmed in phrases
    t.stream += '\x01';
    t.stream += lower;
    t.stream += '\x02';
    t.stream_end.push_back(t.stream.size());
    t.begin.push_back(i);
    t.end.push_back(j);
    last_end = j;
    i = j;
  }
  return t;
}

RE2::Options combined_options() {
  RE2::Options options = phrase_options();
  // A chunk's program (a few hundred phrases) fits RE2's default budget; a
  // single long literal phrase may need more.
  options.set_max_mem(32 << 20);
  return options;
}

// Why a combined pattern failed, or nullopt when it compiled.
std::optional<std::string> compile(Matcher& m, const std::string& pattern) {
  m.re = std::make_unique<RE2>(pattern, combined_options());
  if (m.re->ok()) return std::nullopt;
  std::string problem = m.re->error();
  m.re.reset();
  return problem;
}

const std::string* group_id(const Matcher& m, const std::vector<re2::StringPiece>& sub) {
  for (const auto& g : m.groups)
    if (sub[static_cast<size_t>(g.index)].data() != nullptr) return &g.id;
  return nullptr;
}

size_t next_char(std::string_view text, size_t at) {
  ++at;
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

// The first whole-word match of an exact chunk at or after `pos` in the text.
std::optional<VocabularyHit> next_exact(const Matcher& m, Dimension dimension,
                                        std::string_view text, size_t pos,
                                        std::vector<re2::StringPiece>& sub) {
  const re2::StringPiece piece(text.data(), text.size());
  sub.resize(static_cast<size_t>(m.group_count) + 1);
  while (pos < text.size() && m.re->Match(piece, pos, text.size(), RE2::UNANCHORED, sub.data(),
                                          static_cast<int>(sub.size()))) {
    const size_t begin = static_cast<size_t>(sub[0].data() - text.data());
    const size_t end = begin + sub[0].size();
    // Whole words only: a word character at an edge of the match must not
    // continue into the text around it (regex phrases, non-ASCII letters).
    const bool starts_word = begin < end && is_word_byte(static_cast<unsigned char>(text[begin]));
    const bool ends_word = begin < end && is_word_byte(static_cast<unsigned char>(text[end - 1]));
    const bool punct_before = begin >= 3 && punct_at(text, begin - 3);
    const bool bad_start = starts_word && begin > 0 && !punct_before &&
                           is_word_byte(static_cast<unsigned char>(text[begin - 1]));
    const bool bad_end = ends_word && end < text.size() && !punct_at(text, end) &&
                         is_word_byte(static_cast<unsigned char>(text[end]));
    if (end == begin || bad_start || bad_end) {
      pos = next_char(text, begin);
      continue;
    }
    if (const std::string* id = group_id(m, sub)) return VocabularyHit{dimension, *id, begin, end};
    pos = end;
  }
  return std::nullopt;
}

// The first match of a stream chunk over tokens at or after token `from`,
// in text offsets.
std::optional<VocabularyHit> next_stream(const Matcher& m, Dimension dimension,
                                         const TokenStream& t, size_t from,
                                         std::vector<re2::StringPiece>& sub) {
  if (from >= t.stream_begin.size()) return std::nullopt;
  const re2::StringPiece piece(t.stream.data(), t.stream.size());
  sub.resize(static_cast<size_t>(m.group_count) + 1);
  size_t pos = t.stream_begin[from];
  while (pos < t.stream.size() && m.re->Match(piece, pos, t.stream.size(), RE2::UNANCHORED,
                                              sub.data(), static_cast<int>(sub.size()))) {
    const size_t sb = static_cast<size_t>(sub[0].data() - t.stream.data());
    const size_t se = sb + sub[0].size();
    // Patterns start at a token's " " and end at its \x02 (neither occurs
    // inside a token), so both ends fall on token boundaries.
    const auto first =
        static_cast<size_t>(std::lower_bound(t.stream_begin.begin(), t.stream_begin.end(), sb) -
                            t.stream_begin.begin());
    const auto last = static_cast<size_t>(
        std::lower_bound(t.stream_end.begin(), t.stream_end.end(), se) - t.stream_end.begin());
    if (se <= sb || last >= t.end.size() || first > last) return std::nullopt;
    if (const std::string* id = group_id(m, sub))
      return VocabularyHit{dimension, *id, t.begin[first], t.end[last]};
    pos = se;
  }
  return std::nullopt;
}

}  // namespace

namespace {

// One phrase and its pattern piece, kept until its chunk compiles so that a
// failure can name the phrase.
struct Piece {
  const std::string* phrase;
  std::string pattern;
  int inner_groups = 0;  // capturing groups of a regex phrase
};

// One capturing group: an id's pieces (all of them, or as many as fit).
struct PendingGroup {
  const std::string* id = nullptr;
  std::vector<Piece> pieces;
  size_t bytes = 0;
};

std::string alternation(const PendingGroup& g) {
  std::string out = "(";
  for (size_t i = 0; i < g.pieces.size(); ++i) out += (i ? "|" : "") + g.pieces[i].pattern;
  return out + ")";
}

// Collects the groups of one dimension and kind, compiling them in chunks.
class ChunkList {
 public:
  explicit ChunkList(Dimension dimension) : dimension_(dimension) {}

  void add(const std::string& id, const std::string& phrase, std::string pattern,
           int inner_groups) {
    if (!group_.id || *group_.id != id || group_.bytes + pattern.size() > kChunkBytes) close_group();
    group_.id = &id;
    group_.bytes += pattern.size() + 1;
    group_.pieces.push_back({&phrase, std::move(pattern), inner_groups});
  }

  // The compiled chunks, or the first failure naming its phrase.
  bool finish(std::vector<Matcher>& out, VocabularyError* error) {
    close_group();
    close_chunk();
    for (size_t c = 0; c < chunks_.size(); ++c) {
      Matcher m;
      std::string pattern;
      int next = 1;
      for (const auto& g : chunks_[c]) {
        if (!pattern.empty()) pattern += '|';
        pattern += alternation(g);
        m.groups.push_back({next, *g.id});
        next += 1;
        for (const auto& p : g.pieces) next += p.inner_groups;
      }
      m.group_count = next - 1;
      if (auto problem = compile(m, pattern)) {
        if (error) *error = blame(chunks_[c], *problem);
        return false;
      }
      out.push_back(std::move(m));
      chunks_[c].clear();  // the pieces are not needed any more
    }
    return true;
  }

 private:
  void close_group() {
    if (!group_.id) return;
    if (!chunk_.empty() && (chunk_.size() >= kChunkGroups || chunk_bytes_ + group_.bytes > kChunkBytes))
      close_chunk();
    chunk_bytes_ += group_.bytes;
    chunk_.push_back(std::move(group_));
    group_ = PendingGroup{};
  }

  void close_chunk() {
    if (chunk_.empty()) return;
    chunks_.push_back(std::move(chunk_));
    chunk_.clear();
    chunk_bytes_ = 0;
  }

  // The phrase of a chunk that does not compile on its own (or the chunk's
  // first, if only their sum is too much).
  VocabularyError blame(const std::vector<PendingGroup>& chunk, const std::string& problem) const {
    for (const auto& g : chunk)
      for (const auto& p : g.pieces) {
        Matcher alone;
        if (auto why = compile(alone, "(" + p.pattern + ")")) return {dimension_, *g.id, *p.phrase, *why};
      }
    return {dimension_, *chunk.front().id, *chunk.front().pieces.front().phrase, problem};
  }

  Dimension dimension_;
  PendingGroup group_;
  std::vector<PendingGroup> chunk_;
  size_t chunk_bytes_ = 0;
  std::vector<std::vector<PendingGroup>> chunks_;
};

// A chunk's next match at or after the merge's position, found lazily.
struct Cursor {
  const Matcher* matcher;
  bool stream;
  std::optional<VocabularyHit> hit;
  bool done = false;
};

}  // namespace

struct CompiledVocabulary::Impl {
  // dimension -> id -> phrases, in the order given
  std::map<Dimension, std::map<std::string, std::vector<std::string>>> phrases;
  std::vector<DimensionMatcher> matchers;
  bool any_stream = false;
};

CompiledVocabulary::CompiledVocabulary() : impl_(std::make_unique<Impl>()) {}
CompiledVocabulary::~CompiledVocabulary() = default;
CompiledVocabulary::CompiledVocabulary(CompiledVocabulary&&) noexcept = default;
CompiledVocabulary& CompiledVocabulary::operator=(CompiledVocabulary&&) noexcept = default;

void CompiledVocabulary::add(Dimension dimension, const std::string& id,
                             const std::string& phrase) {
  impl_->phrases[dimension][id].push_back(phrase);  // duplicates dropped by build()
}

bool CompiledVocabulary::build(VocabularyError* error) {
  impl_->matchers.clear();
  impl_->any_stream = false;
  for (auto& [dimension, ids] : impl_->phrases) {
    ChunkList exact(dimension), stream(dimension);
    for (auto& [id, phrases] : ids) {
      // Longest first: not needed under longest_match, but it keeps the
      // pattern readable and the leftmost-first fallback sensible.
      std::stable_sort(
          phrases.begin(), phrases.end(),
          [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      std::unordered_set<std::string_view> seen;
      for (const auto& phrase : phrases) {
        if (phrase.empty() || !seen.insert(phrase).second) continue;
        if (stem_phrase_words(phrase)) {
          stream.add(id, phrase, stream_pattern(phrase), 0);
        } else if (is_regex_phrase(phrase)) {
          const std::string_view body = regex_body(phrase);
          RE2 inner(re2::StringPiece(body.data(), body.size()), phrase_options());
          if (!inner.ok()) continue;
          exact.add(id, phrase, "(?:" + std::string(body) + ")", inner.NumberOfCapturingGroups());
        } else {
          const std::string_view literal =
              is_exact_phrase(phrase) ? std::string_view(phrase).substr(1) : phrase;
          if (literal.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
          exact.add(id, phrase, literal_pattern(literal), 0);
        }
      }
    }
    DimensionMatcher m;
    m.dimension = dimension;
    if (!exact.finish(m.exact, error) || !stream.finish(m.stream, error)) return false;
    if (m.exact.empty() && m.stream.empty()) continue;
    impl_->any_stream = impl_->any_stream || !m.stream.empty();
    impl_->matchers.push_back(std::move(m));
  }
  return true;
}

std::vector<VocabularyHit> CompiledVocabulary::match(std::string_view text) const {
  std::vector<VocabularyHit> hits;
  const TokenStream tokens = impl_->any_stream ? tokenize(text) : TokenStream{};
  std::vector<re2::StringPiece> sub;
  std::vector<Cursor> cursors;
  for (const auto& m : impl_->matchers) {
    // Leftmost-longest over all chunks of the dimension, as one pattern
    // would give: take the hit that starts first (longest of those; on a tie
    // the earlier chunk, exact before stream), move past it, and search again
    // only in the chunks whose next hit it overlapped.
    cursors.clear();
    for (const auto& c : m.exact) cursors.push_back({&c, false, std::nullopt});
    for (const auto& c : m.stream) cursors.push_back({&c, true, std::nullopt});
    size_t pos = 0;
    for (;;) {
      Cursor* best = nullptr;
      for (auto& c : cursors) {
        if (c.done) continue;
        if (!c.hit || c.hit->begin < pos) {
          if (c.stream) {
            const auto from = static_cast<size_t>(
                std::lower_bound(tokens.begin.begin(), tokens.begin.end(), pos) -
                tokens.begin.begin());
            c.hit = next_stream(*c.matcher, m.dimension, tokens, from, sub);
          } else {
            c.hit = next_exact(*c.matcher, m.dimension, text, pos, sub);
          }
          if (!c.hit) {
            c.done = true;
            continue;
          }
        }
        if (!best || c.hit->begin < best->hit->begin ||
            (c.hit->begin == best->hit->begin && c.hit->end > best->hit->end))
          best = &c;
      }
      if (!best) break;
      pos = best->hit->end;
      hits.push_back(std::move(*best->hit));
      best->hit.reset();
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const VocabularyHit& a, const VocabularyHit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return static_cast<int>(a.dimension) < static_cast<int>(b.dimension);
  });
  return hits;
}

}  // namespace claimcheck::rules_detail
