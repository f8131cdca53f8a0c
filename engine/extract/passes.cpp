// passes.cpp — what a figure is, read from the figures around it once each
// was read on its own: ranges ("5-10%", "between 40 and 50 million"),
// restatements ("more than a quarter (28 percent)"), change amounts ("rose
// 0.3 points", "a 12% drop"), trends ("from 10% in 2009 to 12% in 2011",
// "12%, up from 10%") and the counted noun ("47,000 people").
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <string>

#include "extract/scanner.hpp"

namespace claimcheck::extract {

namespace {

struct DirectionWord {
  std::string_view word;
  Direction direction;
};

constexpr std::array<DirectionWord, 96> kChangeVerbs{{
    {"rose", Direction::up},         {"rise", Direction::up},        {"rises", Direction::up},
    {"rising", Direction::up},       {"risen", Direction::up},       {"increased", Direction::up},
    {"increase", Direction::up},     {"increases", Direction::up},   {"increasing", Direction::up},
    {"grew", Direction::up},         {"grow", Direction::up},        {"grows", Direction::up},
    {"growing", Direction::up},      {"grown", Direction::up},       {"climbed", Direction::up},
    {"climb", Direction::up},        {"climbs", Direction::up},      {"climbing", Direction::up},
    {"jumped", Direction::up},       {"jump", Direction::up},        {"jumps", Direction::up},
    {"jumping", Direction::up},      {"gained", Direction::up},      {"gain", Direction::up},
    {"gains", Direction::up},        {"gaining", Direction::up},     {"surged", Direction::up},
    {"surges", Direction::up},       {"soared", Direction::up},      {"soars", Direction::up},
    {"rallied", Direction::up},      {"rebounded", Direction::up},   {"advanced", Direction::up},
    {"added", Direction::up},        {"adds", Direction::up},        {"adding", Direction::up},
    {"up", Direction::up},           {"expanded", Direction::up},    {"swelled", Direction::up},
    {"spiked", Direction::up},       {"boosted", Direction::up},     {"lifted", Direction::up},
    {"hiked", Direction::up},        {"widened", Direction::up},     {"accelerated", Direction::up},
    {"fell", Direction::down},       {"fall", Direction::down},      {"falls", Direction::down},
    {"falling", Direction::down},    {"fallen", Direction::down},    {"dropped", Direction::down},
    {"drop", Direction::down},       {"drops", Direction::down},     {"dropping", Direction::down},
    {"declined", Direction::down},   {"decline", Direction::down},   {"declines", Direction::down},
    {"declining", Direction::down},  {"decreased", Direction::down}, {"decrease", Direction::down},
    {"decreases", Direction::down},  {"decreasing", Direction::down}, {"slipped", Direction::down},
    {"slips", Direction::down},      {"slid", Direction::down},      {"sank", Direction::down},
    {"sunk", Direction::down},       {"plunged", Direction::down},   {"plummeted", Direction::down},
    {"tumbled", Direction::down},    {"shrank", Direction::down},    {"shrunk", Direction::down},
    {"shrinking", Direction::down},  {"contracted", Direction::down}, {"slumped", Direction::down},
    {"dipped", Direction::down},     {"eased", Direction::down},     {"down", Direction::down},
    {"lost", Direction::down},       {"loses", Direction::down},     {"losing", Direction::down},
    {"cut", Direction::down},        {"cuts", Direction::down},      {"cutting", Direction::down},
    {"reduced", Direction::down},    {"lowered", Direction::down},   {"slashed", Direction::down},
    {"retreated", Direction::down},  {"narrowed", Direction::down},  {"shed", Direction::down},
    {"sheds", Direction::down},      {"trimmed", Direction::down},   {"lose", Direction::down},
}};

constexpr std::array<DirectionWord, 30> kChangeNouns{{
    {"increase", Direction::up},    {"rise", Direction::up},          {"jump", Direction::up},
    {"gain", Direction::up},        {"growth", Direction::up},        {"surge", Direction::up},
    {"hike", Direction::up},        {"boost", Direction::up},         {"spike", Direction::up},
    {"climb", Direction::up},       {"uptick", Direction::up},        {"upturn", Direction::up},
    {"increases", Direction::up},   {"gains", Direction::up},         {"rises", Direction::up},
    {"decrease", Direction::down},  {"decline", Direction::down},     {"drop", Direction::down},
    {"fall", Direction::down},      {"cut", Direction::down},         {"reduction", Direction::down},
    {"cuts", Direction::down},      {"dip", Direction::down},         {"slump", Direction::down},
    {"plunge", Direction::down},    {"contraction", Direction::down}, {"downturn", Direction::down},
    {"slide", Direction::down},     {"declines", Direction::down},    {"reductions", Direction::down},
}};

template <size_t N>
Direction lookup(const std::array<DirectionWord, N>& table, std::string_view w) {
  for (const auto& d : table)
    if (d.word == w) return d.direction;
  return Direction::none;
}

bool is_level(const Mention& m) {
  return m.unit != Unit::year && !m.time_context && m.change == ChangeKind::none && !m.minor;
}

// Units that may meet in a range or trend: the same, or a bare number that
// takes the unit of the other end ("5-10%", "from 10 to 12 percent").
bool compatible(const Mention& a, const Mention& b) {
  if (a.unit == b.unit) return a.unit_text == b.unit_text;
  return (a.unit == Unit::count && a.counted.empty()) || (b.unit == Unit::count && b.counted.empty());
}

ChangeKind kind_for(const Mention& m) {
  switch (m.unit) {
    case Unit::percent: return ChangeKind::relative;
    case Unit::multiplier: return ChangeKind::multiple;
    default: return ChangeKind::absolute;
  }
}

// Only spaces, and at most `words` of the listed joining words, in `gap`.
bool gap_is(std::string_view gap, std::initializer_list<std::string_view> joins) {
  size_t b = 0, e = gap.size();
  while (b < e && (gap[b] == ' ' || gap[b] == '\t')) ++b;
  while (e > b && (gap[e - 1] == ' ' || gap[e - 1] == '\t')) --e;
  std::string g;
  for (size_t k = b; k < e; ++k) g += to_lower(gap[k]);
  for (auto j : joins)
    if (g == j) return true;
  return false;
}

}  // namespace

Direction change_verb(std::string_view w) { return lookup(kChangeVerbs, w); }
Direction change_noun(std::string_view w) { return lookup(kChangeNouns, w); }

void Scanner::join_ranges() {
  std::vector<Mention> out;
  std::vector<double> scales;
  out.reserve(out_.size());
  for (size_t i = 0; i < out_.size(); ++i) {
    Mention& a = out_[i];
    if (i + 1 < out_.size()) {
      Mention& b = out_[i + 1];
      const bool both = a.unit != Unit::year && b.unit != Unit::year && !a.time_context && !b.time_context &&
                        !a.range && b.hedge.empty() && b.begin >= a.end && b.begin - a.end <= 12 &&
                        compatible(a, b) && a.change == ChangeKind::none && b.change == ChangeKind::none;
      if (both) {
        std::string_view gap = t_.substr(a.end, b.begin - a.end);
        Word before = word_before(t_, a.begin);
        const bool dash = gap_is(gap, {"-", "\xE2\x80\x93", "to", "and"});
        const bool between = before.is("between") && gap_is(gap, {"and"});
        // "from 10 to 12" is a trend, not a range, unless it says ranging
        Word before2 = word_before(t_, before.b);
        const bool from = before.is("from") && !(before2.is("ranging") || before2.is("ranged") ||
                                                  before2.is("range") || before2.is("ranges") ||
                                                  before2.is("anywhere") || before2.is("vary") ||
                                                  before2.is("varied") || before2.is("varying"));
        const bool and_only = gap_is(gap, {"and"});
        // "rose 1.6 points to 97.4", "rose $0.42 to $34.10": a change, then
        // the level it reached. After a verb of change, "to" joins a range
        // only from a bare number ("rose 3 to 5 points").
        Word verb = before.is("by") ? before2 : before;
        const bool to_level = gap_is(gap, {"to"}) && change_verb(verb.str()) != Direction::none &&
                              (a.unit != Unit::count || scale_[i] != 1);
        if ((between || (dash && !and_only)) && !from && !to_level) {
          const double scale = scale_[i] == 1 && scale_[i + 1] > 1 ? scale_[i + 1] : 1;
          const double low = a.value * scale;
          if (low < b.value) {
            Mention r = b;
            r.begin = a.begin;
            r.value = low;
            r.range = true;
            r.high = b.value;
            r.lo = std::min(a.lo * scale, b.lo);
            r.hi = b.hi;
            r.hedge = a.hedge.empty() ? b.hedge : a.hedge;
            if (a.unit != Unit::count) {
              r.unit = a.unit;
              r.unit_text = a.unit_text;
            }
            r.text = text_of(r.begin, r.end);
            out.push_back(std::move(r));
            scales.push_back(scale_[i + 1]);
            ++i;
            continue;
          }
        }
      }
    }
    out.push_back(std::move(a));
    scales.push_back(scale_[i]);
  }
  out_ = std::move(out);
  scale_ = std::move(scales);
}

void Scanner::mark_changes() {
  for (Mention& m : out_) {
    // Multipliers that are changes ("doubled") say so themselves; "2.5
    // times faster" after a verb of change is a comparison, not a change.
    if (m.unit == Unit::year || m.time_context || m.change != ChangeKind::none || m.minor ||
        m.unit == Unit::multiplier)
      continue;
    Word w = word_before(t_, m.begin);
    if (w.is("between")) w = word_before(t_, w.b);  // "rose by between 5% and 8%"
    Direction d = Direction::none;
    if (w.is("by")) {
      // "rose by 7%", "raised its main rate by 0.25 points", "cut the risk
      // of a second stroke by a fifth": the verb a few words back.
      Word v = word_before(t_, w.b);
      for (int k = 0; k < 6 && !v.empty() && d == Direction::none; ++k) {
        d = change_verb(v.str());
        v = word_before(t_, v.b);
      }
    } else {
      d = change_verb(w.str());
      if ((w.is("up") || w.is("down")) && d != Direction::none) {
        // "make up one in ten", "set up", "shut down": a particle, not a change
        static constexpr std::array<std::string_view, 22> kParticleVerbs{
            "make", "makes", "made", "making", "take", "takes", "took", "set", "sets", "pick", "picked",
            "end",  "ended", "show", "showed", "turn", "turned", "sum", "shut", "break", "broke", "back"};
        Word v = word_before(t_, w.b);
        if (in_table(kParticleVerbs, v.str())) d = Direction::none;
      }
    }
    if (d == Direction::none && w.is("of")) {
      // "an increase of 12%", "a drop of 3.5 points"
      Word noun = word_before(t_, w.b);
      d = change_noun(noun.str());
    }
    Word after = word_after(t_, m.end);
    const bool touching = after.b == skip_spaces(t_, m.end);
    if (d == Direction::none && touching) {
      // "a 12% increase", "a 3.5-point jump", "a 5 per cent pay rise"
      d = change_noun(after.str());
      if (d == Direction::none) d = change_noun(word_after(t_, after.e).str());
      if (d != Direction::none) {
        Word art = word_before(t_, m.begin);
        if (!(art.is("a") || art.is("an") || art.is("the") || art.is("its") || art.is("their"))) d = Direction::none;
      }
    }
    if (d == Direction::none && touching) {
      // "18% more than the year before", "30% less than those that were not"
      Word than = word_after(t_, after.e);
      if (than.is("than")) {
        if (after.is("more") || after.is("higher") || after.is("larger") || after.is("greater")) d = Direction::up;
        if (after.is("less") || after.is("fewer") || after.is("lower") || after.is("smaller")) d = Direction::down;
      }
    }
    if (d == Direction::none) continue;
    m.direction = d;
    m.change = kind_for(m);
  }
}

void Scanner::link_trends() {
  for (size_t j = 0; j < out_.size(); ++j) {
    Mention& b = out_[j];
    if (!is_level(b)) continue;
    Word before = word_before(t_, b.begin);
    if (before.is("to")) {
      // "from 10% (in 2009) to 12% (in 2011)": the nearest earlier level
      // after "from", with only years between, within a short stretch.
      for (size_t i = j; i-- > 0;) {
        Mention& a = out_[i];
        if (b.begin - a.end > 80) break;
        if (a.unit == Unit::year || a.time_context) continue;
        if (!is_level(a) || !compatible(a, b)) break;
        Word fa = word_before(t_, a.begin);
        if (!fa.is("from")) break;
        std::string_view gap = t_.substr(a.end, b.begin - a.end);
        if (gap.find(". ") != npos || gap.find(';') != npos) break;
        if (a.unit == Unit::count && b.unit != Unit::count) {
          a.unit = b.unit;
          a.unit_text = b.unit_text;
        }
        b.from = int(i);
        Word verb = word_before(t_, fa.b);
        Direction d = change_verb(verb.str());
        b.direction = d != Direction::none ? d : b.value > a.value ? Direction::up
                                                 : b.value < a.value ? Direction::down
                                                                     : Direction::none;
        break;
      }
      continue;
    }
    if (before.is("from")) {
      // "12%, up from 10%": the level before is where the trend ends.
      Word dir = word_before(t_, before.b);
      Direction d = change_verb(dir.str());
      if (d == Direction::none) continue;
      for (size_t i = j; i-- > 0;) {
        Mention& a = out_[i];
        if (b.begin - a.end > 80) break;
        if (a.unit == Unit::year || a.time_context) continue;
        if (!is_level(a) || !compatible(b, a)) break;
        a.from = int(j);
        a.direction = d;
        // "12 days, down from 15": the bare end takes the other's unit
        if (b.unit == Unit::count && b.counted.empty() && a.unit != Unit::count) {
          b.unit = a.unit;
          b.unit_text = a.unit_text;
          b.per = a.per;
        }
        break;
      }
    }
  }
}

void Scanner::find_counted() {
  for (Mention& m : out_) {
    if (m.unit == Unit::year || m.time_context || !m.counted.empty()) continue;
    size_t p = m.end;
    Word w = word_after(t_, p);
    if (w.b != skip_spaces(t_, p)) continue;  // punctuation first
    if (m.unit == Unit::percent && w.is("of")) {
      // "79% of deportees", "a quarter of the people removed"
      Word d = word_after(t_, w.e);
      if (d.is("the") || d.is("all") || d.is("those") || d.is("its") || d.is("their")) d = word_after(t_, d.e);
      w = d;
    } else if (m.unit == Unit::percent || m.unit == Unit::points) {
      continue;  // "79 percent were" says nothing counted
    }
    static constexpr std::array<std::string_view, 52> kStops{
        "were",  "was",    "are",    "is",    "have",     "had",   "has",     "will",  "would", "could",
        "did",   "do",     "does",   "been",  "be",       "being", "in",      "on",    "at",    "for",
        "from",  "to",     "by",     "with",  "between",  "during", "since",  "over",  "under", "per",
        "than",  "as",     "that",   "which", "who",      "whom",  "whose",   "where", "when",  "while",
        "and",   "or",     "but",    "the",   "a",        "an",    "of",      "more",  "less",  "fewer",
        "according", "each"};
    std::string counted;
    for (int k = 0; k < 3 && !w.empty() && !w.too_long; ++k) {
      std::string_view s = w.str();
      const bool stop = in_table(kStops, s);
      // Past tenses after the first word are the verb: "agencies paid",
      // "people deported" (a participle that the reader of frames weighs).
      static constexpr std::array<std::string_view, 20> kVerbs{
          "paid", "said", "made", "took", "got", "went", "came", "saw", "gave", "left",
          "met",  "ran",  "won",  "lost", "sold", "spent", "fell", "rose", "grew", "held"};
      bool verb = k > 0 && (s.ends_with("ed") || in_table(kVerbs, s));
      if (stop || verb || (s.size() > 3 && s.ends_with("ly")) || (k > 0 && w.capitalized)) break;
      if (!counted.empty()) counted += ' ';
      counted += s;
      Word nx = word_after(t_, w.e);
      if (nx.b != skip_spaces(t_, w.e) || nx.b == w.e) break;  // punctuation or glued
      w = nx;
    }
    m.counted = std::move(counted);
  }
}

}  // namespace claimcheck::extract
