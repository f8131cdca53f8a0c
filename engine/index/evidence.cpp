// evidence.cpp — from a read Document to the sentences the index stores:
// split into sentences, extract mentions once over the whole text, and keep
// every sentence holding a figure (a year that is only time context is not
// one). Also the JSON form of Evidence and the content hash.
#include "index/evidence.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>

#include "frame/reader.hpp"

namespace claimcheck::index_detail {

std::vector<SentenceRecord> evidence_sentences(const Document& doc) {
  std::vector<SentenceRecord> out;
  const std::string_view text = doc.text;
  const auto mentions = extract_mentions(text);
  // Only sentences holding a figure are stored: text without one is not segmented.
  const auto sentences = sentences_around(text, mentions);
  const std::string basename = std::filesystem::path(doc.path).filename().string();
  // The date the document speaks from: "since 2008" in its sentences ends there.
  const std::string date = format_day(detail::find_document_date(
      text, doc.meta.date, parse_iso_day(doc.meta.file_date).value_or(0)));
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
      figures.push_back(
          {mention.value, mention.unit, mention.text, mention.begin - b, mention.end - b});
    }
    if (figures.empty()) continue;
    SentenceRecord rec;
    rec.offset = b;
    Evidence& ev = rec.evidence;
    ev.doc = basename;
    ev.path = doc.path;
    ev.title = doc.meta.title;
    ev.date = date;
    ev.line = doc.locate(b).line;
    ev.quote.assign(text.substr(b, e - b));
    std::replace(ev.quote.begin(), ev.quote.end(), '\n', ' ');
    std::replace(ev.quote.begin(), ev.quote.end(), '\t', ' ');
    ev.figures = std::move(figures);
    out.push_back(std::move(rec));
  }
  return out;
}

namespace {

// The stored form (see encode_evidence): varint lengths and numbers, values
// as their 8 bytes, a figure's text only where it is not its span of the quote.
void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
void put_string(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

struct Reader {
  std::string_view in;
  bool ok = true;
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; ok && shift < 64; shift += 7) {
      if (in.empty()) break;
      const auto c = static_cast<unsigned char>(in.front());
      in.remove_prefix(1);
      v |= static_cast<uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
  std::string string() {
    const uint64_t n = varint();
    if (!ok || n > in.size()) {
      ok = false;
      return {};
    }
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
  double number() {
    double v = 0;
    if (in.size() < sizeof v) {
      ok = false;
      return 0;
    }
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
};

constexpr std::string_view kMagic = "ccE1";

}  // namespace

std::string encode_evidence(const Evidence& e) {
  std::string out(kMagic);
  put_string(out, e.path);
  put_string(out, e.doc == std::filesystem::path(e.path).filename().string() ? "" : e.doc);
  put_string(out, e.title);
  put_string(out, e.date);
  put_varint(out, static_cast<uint64_t>(std::max(e.line, 0)));
  put_string(out, e.quote);
  put_varint(out, e.figures.size());
  for (const auto& f : e.figures) {
    char bytes[sizeof f.value];
    std::memcpy(bytes, &f.value, sizeof bytes);
    out.append(bytes, sizeof bytes);
    put_varint(out, static_cast<uint64_t>(f.unit));
    put_varint(out, f.begin);
    put_varint(out, f.end);
    const bool span = f.begin <= f.end && f.end <= e.quote.size() &&
                      e.quote.compare(f.begin, f.end - f.begin, f.text) == 0;
    put_string(out, span ? std::string_view() : std::string_view(f.text));
  }
  return out;
}

bool is_encoded_evidence(std::string_view data) { return data.starts_with(kMagic); }

std::optional<Evidence> decode_evidence(std::string_view data) {
  if (!is_encoded_evidence(data)) return std::nullopt;
  Reader r{data.substr(kMagic.size())};
  Evidence e;
  e.path = r.string();
  e.doc = r.string();
  if (e.doc.empty()) e.doc = std::filesystem::path(e.path).filename().string();
  e.title = r.string();
  e.date = r.string();
  e.line = static_cast<int>(r.varint());
  e.quote = r.string();
  const uint64_t n = r.varint();
  for (uint64_t k = 0; r.ok && k < n; ++k) {
    EvidenceFigure f;
    f.value = r.number();
    const uint64_t unit = r.varint();
    f.unit = unit <= static_cast<uint64_t>(Unit::other) ? static_cast<Unit>(unit) : Unit::other;
    f.begin = r.varint();
    f.end = r.varint();
    f.text = r.string();
    if (f.text.empty() && f.begin <= f.end && f.end <= e.quote.size())
      f.text = e.quote.substr(f.begin, f.end - f.begin);
    e.figures.push_back(std::move(f));
  }
  if (!r.ok || !r.in.empty()) return std::nullopt;
  return e;
}

namespace {

constexpr int kMinExp = -12;  // |values| below 1e-12 share one bucket
constexpr int kMaxExp = 24;   // |values| from 1e24 up share the top decade
constexpr size_t kMaxTerms = 24;

double power_of_ten(int e) {
  static const std::vector<double> table = [] {
    std::vector<double> t;
    for (int i = kMinExp; i <= kMaxExp; ++i)
      t.push_back(std::strtod(("1e" + std::to_string(i)).c_str(), nullptr));
    return t;
  }();
  return table[static_cast<size_t>(e - kMinExp)];
}

constexpr int kLevels = 4;  // significant digits of the finest bucket

// (decade, four leading digits 1000..9999) of a >= 0; monotone in a.
struct Bucket {
  int exp;
  int digits;
};

Bucket bucket_of(double a) {
  if (a < power_of_ten(kMinExp)) return {kMinExp - 1, 1000};
  int e = kMaxExp;
  while (e > kMinExp && power_of_ten(e) > a) --e;
  // Clamped as a double: above the top decade the quotient overflows an int.
  const double d = std::clamp(std::floor(a / power_of_ten(e) * 1000), 1000.0, 9999.0);
  return {e, static_cast<int>(d)};
}

std::string prefix(Unit unit, bool negative) {
  return "V" + std::string(unit_name(unit)) + (negative ? "n" : "p");
}

// The bucket term of `b` at `level` significant digits (0: the decade only).
std::string bucket_term(const std::string& prefix, int exp, int digits, int level) {
  std::string t = prefix + std::to_string(exp);
  if (level > 0) t += ":" + std::to_string(digits);
  return t;
}

int pow10i(int n) {
  int r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

// The level-kLevels digits (1000..9999) of one decade from `lo4` to `hi4`,
// as the fewest aligned buckets: a block of 10^(kLevels-level) finest buckets
// that starts on its own boundary becomes one term at that level (the whole
// decade one level-0 term). At most 9 terms per level per side.
void decompose(const std::string& p, int exp, int lo4, int hi4, std::vector<std::string>& out) {
  const int first = pow10i(kLevels - 1), last = pow10i(kLevels) - 1;
  if (lo4 == first && hi4 == last) {
    out.push_back(bucket_term(p, exp, 0, 0));
    return;
  }
  for (int cur = lo4; cur <= hi4;) {
    int level = kLevels;
    // The coarsest block that starts at cur and ends inside the range.
    for (int l = 1; l < kLevels; ++l) {
      const int size = pow10i(kLevels - l);
      if (cur % size == 0 && cur + size - 1 <= hi4) {
        level = l;
        break;
      }
    }
    const int size = pow10i(kLevels - level);
    out.push_back(bucket_term(p, exp, cur / size, level));
    cur += size;
  }
}

// Terms covering every |value| in [a, b] (0 <= a <= b), in increasing order
// of value: the coarsest aligned buckets that fit, down to the finest level at
// the two ends, so only the finest buckets of a and b (four significant
// digits) may hold values outside [a, b]; false when the range spans too
// many decades.
bool cover(Unit unit, bool negative, double a, double b, std::vector<std::string>& out) {
  const Bucket x = bucket_of(a), y = bucket_of(b);
  const std::string p = prefix(unit, negative);
  if (y.exp - x.exp + 1 > static_cast<int>(kMaxTerms) + 16) return false;
  const int last = pow10i(kLevels) - 1;
  if (x.exp == y.exp) {
    decompose(p, x.exp, x.digits, y.digits, out);
    return true;
  }
  decompose(p, x.exp, x.digits, last, out);
  for (int e = x.exp + 1; e < y.exp; ++e) out.push_back(bucket_term(p, e, 0, 0));
  decompose(p, y.exp, pow10i(kLevels - 1), y.digits, out);
  return true;
}

}  // namespace

std::vector<std::string> value_terms(Unit unit, double value) {
  if (!std::isfinite(value)) return {};
  if (value == 0) return {"V" + std::string(unit_name(unit)) + "0"};
  const Bucket b = bucket_of(std::fabs(value));
  const std::string p = prefix(unit, value < 0);
  std::vector<std::string> out;
  for (int level = 0; level <= kLevels; ++level)
    out.push_back(bucket_term(p, b.exp, b.digits / pow10i(kLevels - level), level));
  return out;
}

RangeCover range_cover(Unit unit, double lo, double hi) {
  RangeCover out;
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) return out;
  // Exactly zero has a term of its own: inside whenever the range holds 0.
  if (lo <= 0 && hi >= 0) out.inside.push_back("V" + std::string(unit_name(unit)) + "0");
  // One side of zero: the buckets of |value| from a to b. The first and the
  // last hold a and b and may hold values beyond them; by monotonicity of
  // bucket_of, a value whose bucket lies strictly between them is inside.
  auto side = [&](bool negative, double a, double b) {
    std::vector<std::string> terms;
    if (!cover(unit, negative, a, b, terms)) return false;
    // The first and the last term hold a and b; only they can hold values
    // beyond them, and only values within the finest bucket of a or b.
    const size_t n = terms.size();
    for (size_t i = 0; i < n; ++i)
      (i == 0 || i + 1 == n ? out.edges : out.inside).push_back(std::move(terms[i]));
    return true;
  };
  if (hi > 0 && !side(false, std::max(lo, 0.0), hi)) return {};
  if (lo < 0 && !side(true, std::max(-hi, 0.0), -lo)) return {};
  return out;
}

std::vector<std::string> range_terms(Unit unit, double lo, double hi) {
  RangeCover c = range_cover(unit, lo, hi);
  std::vector<std::string> out = std::move(c.inside);
  out.insert(out.end(), std::make_move_iterator(c.edges.begin()),
             std::make_move_iterator(c.edges.end()));
  return out;
}

bool is_stop_word(std::string_view w) {
  static const std::set<std::string_view> words = {
      "a",    "about", "after", "all",   "also", "an",    "and",  "any",   "are",  "as",    "at",
      "be",   "been",  "but",   "by",    "can",  "could", "did",  "do",    "does", "for",   "from",
      "had",  "has",   "have",  "he",    "her",  "his",   "how",  "i",     "if",   "in",    "into",
      "is",   "it",    "its",   "me",    "more", "most",  "my",   "no",    "not",  "of",    "on",
      "or",   "our",   "out",   "she",   "so",   "some",  "than", "that",  "the",  "their", "them",
      "then", "there", "these", "they",  "this", "those", "to",   "up",    "us",   "was",   "we",
      "were", "what",  "when",  "which", "who",  "will",  "with", "would", "you",  "your"};
  return words.count(w) > 0;
}

std::vector<std::string> phrase_words(std::string_view text, bool prefixes) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || (c == '\'' && !word.empty())) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (prefixes && c == '*' && !word.empty()) {
      word.push_back('*');  // a prefix: "deport*" (vocabulary search forms)
      out.push_back(std::move(word));
      word.clear();
    } else if (!word.empty()) {
      while (!word.empty() && word.back() == '\'') word.pop_back();
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    }
  }
  while (!word.empty() && word.back() == '\'') word.pop_back();
  if (!word.empty()) out.push_back(std::move(word));
  return out;
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

std::optional<bool> holds_phrase(const std::vector<std::string>& tokens, const std::string& phrase) {
  std::vector<std::string> words;
  for (auto& w : phrase_words(phrase, true))
    if (!is_stop_word(w)) words.push_back(std::move(w));
  if (words.empty()) return std::nullopt;
  if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.back() == '*'; }))
    return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::any_of(tokens.begin(), tokens.end(),
                         [&](const std::string& t) { return word_matches(w, t); });
    });
  return std::search(tokens.begin(), tokens.end(), words.begin(), words.end(),
                     [](const std::string& token, const std::string& word) {
                       return word_matches(word, token);
                     }) != tokens.end();
}

std::vector<std::string> phrase_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  for (auto& w : phrase_words(text))
    if (!is_stop_word(w)) tokens.push_back(std::move(w));
  return tokens;
}

bool states_figure(const EvidenceQuery& q, const Evidence& e) {
  return std::any_of(e.figures.begin(), e.figures.end(), [&](const EvidenceFigure& f) {
    return (!q.unit || f.unit == *q.unit) && (!q.lo || f.value >= *q.lo) &&
           (!q.hi || f.value <= *q.hi);
  });
}

bool holds_any_phrase(const std::vector<std::string>& phrases,
                      const std::vector<std::string>& tokens) {
  bool any_word = false;
  for (const auto& phrase : phrases) {
    const auto held = holds_phrase(tokens, phrase);
    if (held && *held) return true;
    any_word = any_word || held.has_value();
  }
  return !any_word;  // phrases without a word are ignored
}

bool admits(const EvidenceQuery& q, const Evidence& e) {
  if ((q.unit || q.lo || q.hi) && !states_figure(q, e)) return false;
  return q.any_phrase.empty() || holds_any_phrase(q.any_phrase, phrase_tokens(e.quote));
}

}  // namespace claimcheck::index_detail
