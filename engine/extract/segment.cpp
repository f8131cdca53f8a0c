// segment.cpp — sentences (ICU BreakIterator plus hard breaks at paragraphs
// and list items) and clauses (at ; : dashes and clause-opening commas).
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <string>

#include "claimcheck/mention.hpp"
#include "extract/lex.hpp"

namespace claimcheck {

namespace {

using namespace extract;

// Span of [b, e) with surrounding whitespace removed; empty spans dropped.
void push_trimmed(std::string_view t, size_t b, size_t e, std::vector<Span>& out) {
  b = skip_spaces(t, b);
  if (b > e) b = e;
  e = skip_spaces_back(t, e);
  if (e > b) out.push_back({b, e});
}

// Length of the list marker that opens the line at `i` (after indentation):
// "- ", "* ", "+ ", "• ", "· ", "1. ", "2) ", or 0 when the line is prose.
size_t list_marker_len(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  auto sp = [&](size_t k) { return k >= t.size() || t[k] == ' ' || t[k] == '\t'; };
  char c = t[i];
  if ((c == '-' || c == '*' || c == '+') && sp(i + 1)) return 1;
  if (t.substr(i, 3) == "\xE2\x80\xA2" && sp(i + 3)) return 3;  // •
  if (t.substr(i, 2) == "\xC2\xB7" && sp(i + 2)) return 2;      // ·
  size_t k = i;
  while (k < t.size() && k - i < 3 && is_digit(t[k])) ++k;
  if (k > i && k < t.size() && (t[k] == '.' || t[k] == ')') && sp(k + 1)) return k + 1 - i;
  return 0;
}

// Whether a line (starting at `i`) is a list item or a heading.
bool opens_block(std::string_view t, size_t i) {
  size_t k = i;
  while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
  if (k < t.size() && (t[k] == '#' || t[k] == '>' || t[k] == '|')) return true;
  return list_marker_len(t, k) > 0;
}

bool line_is_blank(std::string_view t, size_t i) {
  while (i < t.size() && t[i] != '\n') {
    if (!(t[i] == ' ' || t[i] == '\t' || t[i] == '\r')) return false;
    ++i;
  }
  return true;
}

// One sentence iterator per thread: building it loads ICU data and the
// abbreviation filter, far too slow to repeat for every call.
icu::BreakIterator* sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" suppresses breaks after abbreviations ("U.S.", "Dr.").
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status)) bi.reset();
    return bi;
  }();
  return it.get();
}

// Whether ICU's break at `pos` (sentence began at `from`) is a false one.
// Debian's ICU 72 data does not apply the "ss=standard" abbreviation filter
// (verified: "U.S. Citizens" and "Dr. Dora" still break), so the common
// abbreviations are suppressed here; and a list marker alone ("1.", "- 2.")
// is never a sentence, it belongs to the item text after it on its line.
bool suppress_break(std::string_view buf, size_t from, size_t pos) {
  size_t e = skip_spaces_back(buf, pos);
  if (e < pos && buf.substr(e, pos - e).find('\n') != std::string_view::npos) return false;
  // trailing markup after the sentence end ("does.**"): stays with it
  size_t r = pos;
  while (r < buf.size() && r - pos < 8 && buf[r] != '\n' && !is_alnum(buf[r]) &&
         static_cast<unsigned char>(buf[r]) < 0x80)
    ++r;
  if (r > pos && (r == buf.size() || buf[r] == '\n')) return true;
  size_t b = e;
  while (b > from && e - b < 16 && !space_len(buf, b - 1) && buf[b - 1] != '(') --b;
  std::string_view tok = buf.substr(b, e - b);
  static constexpr std::string_view kAbbrev[] = {
      "U.S.",  "U.K.",  "U.N.",  "D.C.",  "Dr.",  "Mr.",   "Mrs.",  "Ms.",  "St.",   "Jr.",
      "Sr.",   "Prof.", "Gen.",  "Gov.",  "Sen.", "Rep.",  "Rev.",  "Hon.", "No.",   "Nos.",
      "Inc.",  "Corp.", "Co.",   "Ltd.",  "vs.",  "v.",    "e.g.",  "i.e.", "etc.",  "cf.",
      "Jan.",  "Feb.",  "Mar.",  "Apr.",  "Aug.", "Sept.", "Sep.",  "Oct.", "Nov.",  "Dec.",
      "Art.",  "Sec.",  "Ch.",   "Fig.",  "p.",   "pp.",   "approx.", "H.R.", "S.", "Ft.", "Mt."};
  for (auto a : kAbbrev)
    if (tok == a) return true;
  // a single initial: "John F. Kennedy"
  if (tok.size() == 2 && is_upper(tok[0]) && tok[1] == '.') return true;
  // a list marker alone on its line so far
  size_t ls = b;
  while (ls > from && buf[ls - 1] != '\n') --ls;
  size_t k = skip_spaces(buf, ls);
  if (k < e && k >= from) {
    size_t m = list_marker_len(buf, k);
    if (m && k + m == e) return true;
    if (m == 1 && buf[k] == '-') {  // "- 1."
      size_t k2 = skip_spaces(buf, k + 1);
      size_t m2 = list_marker_len(buf, k2);
      if (m2 && k2 + m2 == e) return true;
    }
  }
  return false;
}

// Where to start segmenting so that `want` likely sentence ends ([.?!] or a
// newline, then a space) lie between it and p; `floor` if there are fewer.
size_t terminators_back(std::string_view buf, size_t p, size_t floor, size_t want) {
  size_t found = 0;
  for (size_t i = p; i > floor + 1; --i) {
    const char c = buf[i - 2], next = buf[i - 1];
    if (c == '\n' || ((c == '.' || c == '?' || c == '!') && (next == ' ' || next == '\n'))) {
      if (++found == want) return i - 1;
    }
  }
  return floor;
}

// Sentences of buf (at `base` in orig) into `out`: all of them, or with
// `starts` (sorted offsets into buf) only those holding one of the offsets,
// so most text between the figures is never segmented.
void icu_sentences(std::string_view buf, size_t base, std::vector<Span>& out, std::string_view orig,
                   const std::vector<size_t>* starts = nullptr) {
  icu::BreakIterator* bi = sentence_iterator();
  if (!bi || buf.empty()) {
    push_trimmed(orig, base, base + buf.size(), out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  // UTF-8 UText: ICU reports boundaries as byte offsets into buf directly.
  UText* ut = utext_openUTF8(nullptr, buf.data(), int64_t(buf.size()), &status);
  if (U_FAILURE(status)) {
    push_trimmed(orig, base, base + buf.size(), out);
    return;
  }
  bi->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    push_trimmed(orig, base, base + buf.size(), out);
    return;
  }
  constexpr int32_t kDone = icu::BreakIterator::DONE;
  // From boundary `from`, the sentences up to the first one ending after
  // `until` (all of them when until is npos); returns where the last ended.
  auto run = [&](size_t from, size_t until) {
    size_t prev = from;
    for (int32_t b = bi->next(); b != kDone; b = bi->next()) {
      size_t pos = std::min(size_t(std::max(b, 0)), buf.size());
      if (pos <= prev || suppress_break(buf, prev, pos)) continue;
      push_trimmed(orig, base + prev, base + pos, out);
      prev = pos;
      if (until != std::string_view::npos && pos > until) return prev;
    }
    if (prev < buf.size()) push_trimmed(orig, base + prev, base + buf.size(), out);
    return buf.size();
  };
  if (!starts) {
    run(0, std::string_view::npos);
  } else {
    // For each offset not yet covered: segment from a little before it. ICU
    // starts a window as if at a sentence start; the first boundary it keeps
    // there only synchronises (from then on the breaks are the ones a run from
    // the start finds), so a window must hold one before the offset, or it
    // grows back to what is already covered (a known boundary).
    // A window goes on past its offset while the next one is nearer than
    // kGap bytes: segmenting that much costs less than a new window.
    constexpr size_t kGap = 1024;
    const std::vector<size_t>& at = *starts;
    size_t covered = 0;  // sentences before it are done
    size_t k = 0;
    auto next_uncovered = [&] {
      while (k < at.size() && at[k] < covered) ++k;
      return k < at.size() && at[k] < buf.size();
    };
    while (next_uncovered()) {
      const size_t p = at[k];
      for (size_t want = 2;; want *= 4) {
        const size_t w = terminators_back(buf, p, covered, want);
        UErrorCode st = U_ZERO_ERROR;
        utext_openUTF8(ut, buf.data() + w, int64_t(buf.size() - w), &st);
        bi->setText(ut, st);
        if (U_FAILURE(st)) return;
        bool synced = w == covered;
        size_t prev = w, until = p;
        bool open = true;  // the sentence holding `until` is not out yet
        for (int32_t b = bi->next(); b != kDone; b = bi->next()) {
          const size_t pos = std::min(w + size_t(std::max(b, 0)), buf.size());
          if (pos <= prev || suppress_break(buf, prev, pos)) continue;
          if (!synced) {
            if (pos > p) break;  // no boundary before p in this window
            synced = true;
            prev = pos;
            continue;
          }
          push_trimmed(orig, base + prev, base + pos, out);
          prev = pos;
          if (pos > until) {
            // Go on to the next offset if it is near.
            covered = prev;
            if (!next_uncovered() || at[k] - prev >= kGap) {
              open = false;
              break;
            }
            until = at[k];
          }
        }
        if (!synced) continue;  // widen the window
        if (open) {  // ran to the end of the text
          if (prev < buf.size()) push_trimmed(orig, base + prev, base + buf.size(), out);
          prev = buf.size();
        }
        covered = prev;
        break;
      }
    }
  }
  // Detach before closing the UText so the iterator holds no dangling text.
  UText empty = UTEXT_INITIALIZER;
  UErrorCode s2 = U_ZERO_ERROR;
  utext_openUTF8(&empty, "", 0, &s2);
  bi->setText(&empty, s2);  // the iterator keeps its own clone
  utext_close(&empty);
  utext_close(ut);
}


// ICU ends a sentence at every newline. Hard-wrapped prose must not be cut
// at each line, so single newlines inside a paragraph become spaces (same
// byte length, so offsets hold); blank lines and newlines that open a list
// item or heading stay and end the sentence.
std::string join_wrapped_lines(std::string_view text) {
  std::string buf(text);
  bool prev_line_block = opens_block(text, 0);
  bool this_blank = line_is_blank(text, 0);
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    size_t next = i + 1;
    bool next_blank = line_is_blank(text, next);
    bool next_block = next < buf.size() && opens_block(text, next);
    bool next_indented = next < buf.size() && (text[next] == ' ' || text[next] == '\t');
    // a list item or heading line ends at its newline unless the next line
    // is an indented continuation
    bool hard = this_blank || next_blank || next_block || (prev_line_block && !next_indented);
    if (!hard) {
      buf[i] = ' ';
      if (i > 0 && buf[i - 1] == '\r') buf[i - 1] = ' ';
    }
    prev_line_block = next_block || (prev_line_block && next_indented && !next_blank);
    this_blank = next_blank;
  }
  return buf;
}

// Sentences of buf[from, to) (joined text) into `out`. ICU takes int32
// lengths: very large texts go in chunks cut at newlines.
void sentences_of(const std::string& buf, size_t from, size_t to, std::string_view text,
                  std::vector<Span>& out, const std::vector<size_t>* starts = nullptr) {
  const size_t kChunk = size_t(1) << 30;
  size_t base = from;
  while (base < to) {
    size_t end = to;
    if (end - base > kChunk) {
      size_t cut = buf.rfind('\n', base + kChunk);
      end = (cut == std::string::npos || cut <= base) ? base + kChunk : cut + 1;
    }
    if (!starts) {
      icu_sentences(std::string_view(buf).substr(base, end - base), base, out, text);
    } else {
      std::vector<size_t> local;
      for (size_t p : *starts)
        if (p >= base && p < end) local.push_back(p - base);
      if (!local.empty())
        icu_sentences(std::string_view(buf).substr(base, end - base), base, out, text, &local);
    }
    base = end;
  }
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> out;
  const std::string buf = join_wrapped_lines(text);
  sentences_of(buf, 0, buf.size(), text, out);
  return out;
}

std::vector<Span> sentences_around(std::string_view text, const std::vector<Mention>& mentions) {
  std::vector<Span> out;
  const std::string buf = join_wrapped_lines(text);
  std::vector<size_t> starts;
  starts.reserve(mentions.size());
  for (const auto& m : mentions) starts.push_back(m.begin);
  std::sort(starts.begin(), starts.end());
  sentences_of(buf, 0, buf.size(), text, out, &starts);
  return out;
}

// Clause boundaries: ';' always, ':' before a space, an em dash, an en dash
// or hyphen standing alone between spaces, and a comma followed by a
// conjunction that opens a new clause (", and", ", but", ", while" ...).
// Parentheses stay whole with their clause. Finally " and " splits when a
// figure stands on both sides ("26% had no conviction and 29% a minor one")
// so each figure binds to its own words; not inside "between X and Y", and
// not in "2 and 3" where the numbers themselves are joined.
std::vector<Span> split_clauses(std::string_view s) {
  std::vector<Span> hard;
  const size_t n = s.size();
  size_t start = 0;
  int depth = 0;
  auto cut = [&](size_t end, size_t next) {
    push_trimmed(s, start, end, hard);
    start = next;
  };
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (c == '(' || c == '[') {
      ++depth;
      continue;
    }
    if ((c == ')' || c == ']') && depth > 0) {
      --depth;
      continue;
    }
    if (depth > 0) continue;
    if (c == ';') {
      cut(i, i + 1);
    } else if (c == ':' && (i + 1 >= n || space_len(s, i + 1))) {
      cut(i, i + 1);
    } else if (s.substr(i, 3) == "\xE2\x80\x94") {  // —
      cut(i, i + 3);
      i += 2;
    } else if (s.substr(i, 3) == "\xE2\x80\x93" && i > 0 && space_len(s, i - 1) &&
               space_len(s, i + 3)) {  // spaced –
      cut(i, i + 3);
      i += 2;
    } else if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ') {
      cut(i, i + 1);
    } else if (c == ',') {
      Word w = word_after(s, i + 1);
      if (w.b > i + 1 && (w.is("and") || w.is("but") || w.is("while") || w.is("whereas") ||
                          w.is("or") || w.is("yet") || w.is("although") || w.is("though")))
        cut(i, w.b);
    }
  }
  cut(n, n);

  std::vector<Span> out;
  auto has_digit = [&](size_t b, size_t e) {
    for (size_t k = b; k < e; ++k)
      if (is_digit(s[k])) return true;
    return false;
  };
  for (const Span& c : hard) {
    size_t seg = c.begin;
    int d = 0;
    for (size_t i = c.begin; i + 5 <= c.end; ++i) {
      if (s[i] == '(') ++d;
      if (s[i] == ')' && d > 0) --d;
      if (d || s[i] != ' ' || to_lower(s[i + 1]) != 'a' || to_lower(s[i + 2]) != 'n' ||
          to_lower(s[i + 3]) != 'd' || s[i + 4] != ' ')
        continue;
      std::string left;
      for (size_t k = seg; k < i; ++k) left += to_lower(s[k]);
      // "between X and Y" joins two ends of one range, when X is short.
      const size_t bpos = left.rfind("between");
      bool between = bpos != std::string::npos && left.size() - bpos < 30;
      size_t lb = skip_spaces_back(s, i);
      size_t rb = i + 5;
      bool number_joined = lb > seg && (is_digit(s[lb - 1]) || s[lb - 1] == '%') && rb < c.end &&
                           (is_digit(s[rb]) || s[rb] == '$');
      if (!between && !number_joined && has_digit(seg, i) && has_digit(rb, c.end)) {
        push_trimmed(s, seg, i, out);
        seg = i + 1;  // the clause after starts at "and"
      }
    }
    push_trimmed(s, seg, c.end, out);
  }
  return out;
}

}  // namespace claimcheck
