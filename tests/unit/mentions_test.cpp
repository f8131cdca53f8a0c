// mentions_test.cpp — tables of cases for extract_mentions: forms, hedges and
// intervals, non-mentions, years and their time context.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "claimcheck/mention.hpp"

using claimcheck::Mention;
using claimcheck::Unit;

namespace {

const double kInf = std::numeric_limits<double>::infinity();

// The one mention whose text is `text` in the mentions of `input`, or null.
const Mention* find_mention(const std::vector<Mention>& ms, const std::string& text) {
  for (const auto& m : ms)
    if (m.text == text) return &m;
  return nullptr;
}

std::string describe(const std::vector<Mention>& ms) {
  std::string s;
  for (const auto& m : ms)
    s += "[" + m.text + " " + std::to_string(m.value) + " " + std::string(claimcheck::unit_name(m.unit)) +
         " lo=" + std::to_string(m.lo) + " hi=" + std::to_string(m.hi) + " hedge=" + m.hedge + "] ";
  return s;
}

bool near(double a, double b) {
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b));
}

}  // namespace

TEST_CASE("mention forms: value, unit and span", "[mentions]") {
  struct Case {
    std::string input;
    std::string text;  // expected span text
    double value;
    Unit unit;
    bool verbal;
  };
  const std::vector<Case> cases = {
      {"79% of people", "79%", 79, Unit::percent, false},
      {"79 percent of people", "79 percent", 79, Unit::percent, false},
      {"79 per cent of people", "79 per cent", 79, Unit::percent, false},
      {"seventy-nine percent of people", "seventy-nine percent", 79, Unit::percent, false},
      {"twenty-six percent had none", "twenty-six percent", 26, Unit::percent, false},
      {"seven percent had none", "seven percent", 7, Unit::percent, false},
      {"they identified 111,000 people", "111,000", 111000, Unit::count, false},
      {"they identified 47 000 people", "47 000", 47000, Unit::count, false},
      {"they identified 47\u00A0000 people", "47\u00A0000", 47000, Unit::count, false},
      {"they identified 47\u202F000 people", "47\u202F000", 47000, Unit::count, false},
      {"a rate of 2.5 per thousand", "2.5 per thousand", 2.5, Unit::rate, false},
      {"it cost $2.5 billion", "$2.5 billion", 2.5e9, Unit::usd, false},
      {"it cost $750 million", "$750 million", 750e6, Unit::usd, false},
      {"it cost $4.2bn", "$4.2bn", 4.2e9, Unit::usd, false},
      {"it cost $1,200 a year", "$1,200", 1200, Unit::usd, false},
      {"some 1.5 million people", "some 1.5 million", 1.5e6, Unit::count, false},
      {"3 million people", "3 million", 3e6, Unit::count, false},
      {"three million people", "three million", 3e6, Unit::count, false},
      {"it fell 12 percentage points", "12 percentage points", 12, Unit::points, false},
      {"ten thousand people", "ten thousand", 10000, Unit::count, false},
      {"twelve states joined", "twelve", 12, Unit::count, false},
      {"a dozen states joined", "a dozen", 12, Unit::count, false},
      {"half of them", "half", 50, Unit::percent, true},
      {"a quarter of them", "a quarter", 25, Unit::percent, true},
      {"three-quarters of them", "three-quarters", 75, Unit::percent, true},
      {"three quarters of them", "three quarters", 75, Unit::percent, true},
      {"two-thirds of them", "two-thirds", 200.0 / 3, Unit::percent, true},
      {"a third of them", "a third", 100.0 / 3, Unit::percent, true},
      {"one in twenty people", "one in twenty", 5, Unit::percent, true},
      {"three in four people", "three in four", 75, Unit::percent, true},
      {"four in five people", "four in five", 80, Unit::percent, true},
      {"1 in 5 people", "1 in 5", 20, Unit::percent, true},
      {"three out of four people", "three out of four", 75, Unit::percent, true},
      {"a majority of them", "a majority", 50, Unit::percent, true},
      {"the vast majority of them", "the vast majority", 75, Unit::percent, true},
      {"nearly half of them", "nearly half", 50, Unit::percent, true},
      {"26% percent had none", "26% percent", 26, Unit::percent, false},
      {"the rate was 3,847 detainers", "3,847", 3847, Unit::count, false},
      {"4.5% of hits", "4.5%", 4.5, Unit::percent, false},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    REQUIRE(ms.size() == 1);
    const Mention& m = ms[0];
    CHECK(m.text == c.text);
    CHECK(c.input.substr(m.begin, m.end - m.begin) == m.text);
    CHECK(near(m.value, c.value));
    CHECK(m.unit == c.unit);
    CHECK(m.verbal == c.verbal);
  }
}

TEST_CASE("figures in every script and around invisible characters", "[mentions]") {
  // The span is always the text as written; the value is read through it.
  struct Case {
    std::string input;
    std::string text;  // expected span text, in the original
    double value;
    Unit unit;
  };
  const std::vector<Case> cases = {
      // decimal digits of other scripts and full-width signs
      {"\uFF17\uFF19\uFF05 of people", "\uFF17\uFF19\uFF05", 79, Unit::percent},  // ７９％
      {"\u0667\u0669\u066A \u0645\u0646 \u0627\u0644\u0646\u0627\u0633", "\u0667\u0669\u066A", 79,
       Unit::percent},                                                           // ٧٩٪
      {"\u096D\u096F% \u0932\u094B\u0917", "\u096D\u096F%", 79, Unit::percent},  // ७९%
      {"\u09ED\u09EF% of people", "\u09ED\u09EF%", 79, Unit::percent},           // Bengali ৭৯%
      {"\uFF14\uFF0E\uFF15\uFF05 of hits", "\uFF14\uFF0E\uFF15\uFF05", 4.5,
       Unit::percent},  // ４．５％
      {"\u0664\u0665\u066B\u0665\u066A of hits", "\u0664\u0665\u066B\u0665\u066A", 45.5,
       Unit::percent},                                                       // ٤٥٫٥٪
      {"it cost \uFF042.5 billion", "\uFF042.5 billion", 2.5e9, Unit::usd},  // ＄
      {"\uFF17\uFF19 percent of people", "\uFF17\uFF19 percent", 79, Unit::percent},
      {"nearly \uFF17\uFF19\uFF05 of people", "nearly \uFF17\uFF19\uFF05", 79, Unit::percent},
      // invisible characters inside a number neither split nor hide it
      {"7\u200B9% of people", "7\u200B9%", 79, Unit::percent},
      {"7\u200C9% of people", "7\u200C9%", 79, Unit::percent},
      {"7\u200D9% of people", "7\u200D9%", 79, Unit::percent},
      {"7\u20609% of people", "7\u20609%", 79, Unit::percent},
      {"7\uFEFF9% of people", "7\uFEFF9%", 79, Unit::percent},
      {"79\u200B% of people", "79\u200B%", 79, Unit::percent},
      {"7\u03019% of people", "7\u03019%", 79, Unit::percent},  // combining acute accent
      {"\u200B79% of people", "79%", 79, Unit::percent},        // outside the span, left out
      {"79%\u200B of people", "79%", 79, Unit::percent},
      // every space separator before a percent sign
      {"79\u00A0% of people", "79\u00A0%", 79, Unit::percent},
      {"79\u202F% of people", "79\u202F%", 79, Unit::percent},
      {"79\u2009% of people", "79\u2009%", 79, Unit::percent},
      {"\uFF17\uFF19\u3000\uFF05 of people", "\uFF17\uFF19\u3000\uFF05", 79, Unit::percent},
      // thousands separators
      {"they identified 47'000 people", "47'000", 47000, Unit::count},
      {"they identified 47\u2019000 people", "47\u2019000", 47000, Unit::count},
      {"they identified 47\uFF0C000 people", "47\uFF0C000", 47000, Unit::count},
      {"they identified 47\u202F000 people", "47\u202F000", 47000, Unit::count},
      {"they identified 1'234'567 people", "1'234'567", 1234567, Unit::count},
      {"they identified \u0661\u0662\u066C\u0663\u0664\u0665 people",
       "\u0661\u0662\u066C\u0663\u0664\u0665", 12345, Unit::count},
      // other non-ASCII text before the figure keeps its offsets
      {"Caf\u00E9\u00A0\u2014 \u201Cfully\u201D 79% of people", "79%", 79, Unit::percent},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    REQUIRE(ms.size() == 1);
    const Mention& m = ms[0];
    CHECK(m.text == c.text);
    CHECK(c.input.substr(m.begin, m.end - m.begin) == m.text);
    CHECK(near(m.value, c.value));
    CHECK(m.unit == c.unit);
  }
  // A curly apostrophe that is not between digits stays an apostrophe.
  CHECK(claimcheck::extract_mentions("the 1990\u2019s and 79\u2019 of rope").size() == 2);
  // The gloss is quoted as written too.
  auto ms = claimcheck::extract_mentions("more than a\u00A0quarter (\uFF12\uFF18\uFF05) of them");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].text == "\uFF12\uFF18\uFF05");
  CHECK(ms[0].gloss == "more than a\u00A0quarter");
}

TEST_CASE("mention intervals and hedges", "[mentions]") {
  struct Case {
    std::string input;
    std::string text;
    double lo, hi;
    std::string hedge;
  };
  const double over100 = std::nextafter(100.0, kInf);
  const std::vector<Case> cases = {
      {"79% of people", "79%", 78.5, 79.5, ""},
      {"a rate of 2.5 per", "2.5", 2.45, 2.55, ""},
      {"111,000 people", "111,000", 110500, 111500, ""},
      {"47,000 people", "47,000", 46500, 47500, ""},
      {"100,000 people", "100,000", 99500, 100500, ""},
      {"3,847 detainers", "3,847", 3846.5, 3847.5, ""},
      {"1.5 million people", "1.5 million", 1.45e6, 1.55e6, ""},
      {"$4.2bn spent", "$4.2bn", 4.15e9, 4.25e9, ""},
      {"half of them", "half", 47.5, 52.5, ""},
      {"four in five people", "four in five", 70, 90, ""},
      {"one in twenty people", "one in twenty", 2.5, 7.5, ""},
      // one in M (M up to ten): halfway to one in M+1 and one in M-1
      {"one in five people", "one in five", 18.333333, 22.5, ""},
      {"roughly one in five people", "roughly one in five", 17.916667, 22.5, "about"},
      {"roughly one in seven", "roughly one in seven", 12.285714, 16.285714, "about"},
      {"nearly 2 million people", "nearly 2 million", 1.8e6, 2e6, "nearly"},
      {"nearly half of them", "nearly half", 40, 50, "nearly"},
      {"almost half of them", "almost half", 40, 50, "nearly"},
      {"about half of them", "about half", 45, 55, "about"},
      {"less than half of them", "less than half", 0, 50, "less than"},
      {"more than half of them", "more than half", 50, over100, "more than"},
      {"More than a quarter of them", "More than a quarter", 25, over100, "more than"},
      {"about 20% of them", "about 20%", 18, 22, "about"},
      {"approximately 20% of them", "approximately 20%", 18, 22, "about"},
      {"roughly 20% of them", "roughly 20%", 18, 22, "about"},
      {"around 20% of them", "around 20%", 18, 22, "about"},
      {"Some 15% of matches", "Some 15%", 13, 17, "about"},
      {"an estimated 20% of them", "an estimated 20%", 18, 22, "about"},
      {"only about 20% of them", "about 20%", 18, 22, "about"},
      {"only 20% of them", "only 20%", 19.5, 20.5, "only"},
      {"approximately 47,000 people", "approximately 47,000", 42300, 51700, "about"},
      {"nearly 80% of them", "nearly 80%", 72, 80, "nearly"},
      {"close to 80% of them", "close to 80%", 72, 80, "nearly"},
      {"more than 5,000 people", "more than 5,000", 5000, kInf, "more than"},
      {"over 5,000 people", "over 5,000", 5000, kInf, "more than"},
      {"upwards of 5,000 people", "upwards of 5,000", 5000, kInf, "more than"},
      {"more than 40% of them", "more than 40%", 40, over100, "more than"},
      {"less than 5% of them", "less than 5%", 0, 5, "less than"},
      {"fewer than 300 people", "fewer than 300", 0, 300, "less than"},
      {"under 300 people", "under 300", 0, 300, "less than"},
      {"at least 300 people", "at least 300", 300, kInf, "at least"},
      {"at most 300 people", "at most 300", 0, std::nextafter(300.0, kInf), "at most"},
      {"up to 300 people", "up to 300", 0, std::nextafter(300.0, kInf), "at most"},
      {"a majority of them", "a majority", std::nextafter(50.0, kInf), over100, ""},
      {"the vast majority of them", "the vast majority", 75, over100, ""},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    const Mention* m = find_mention(ms, c.text);
    REQUIRE(m != nullptr);
    CHECK(near(m->lo, c.lo));
    CHECK(near(m->hi, c.hi));
    CHECK(m->hedge == c.hedge);
  }
}

TEST_CASE("parenthetical restatements become one mention with a gloss", "[mentions]") {
  struct Case {
    std::string input;
    std::string text;
    double value;
    std::string gloss;
    double gloss_lo, gloss_hi;
  };
  const double over100 = std::nextafter(100.0, kInf);
  const std::vector<Case> cases = {
      {"More than a quarter (28 percent) of the people", "28 percent", 28, "More than a quarter", 25, over100},
      {"nearly half (48 percent) of the admissions", "48 percent", 48, "nearly half", 40, 50},
      {"The vast majority (79 percent) of the people", "79 percent", 79, "The vast majority", 75, over100},
      {"a vast majority of people, 79%, deported", "79%", 79, "a vast majority", 75, over100},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].text == c.text);
    CHECK(ms[0].value == c.value);
    CHECK(ms[0].gloss == c.gloss);
    CHECK(near(ms[0].gloss_lo, c.gloss_lo));
    CHECK(near(ms[0].gloss_hi, c.gloss_hi));
    CHECK(near(ms[0].lo, c.value - 0.5));
  }
}

TEST_CASE("numbers that are not figures", "[mentions]") {
  const std::vector<std::string> cases = {
      "- 1. Doesn't actually do what it says",
      "1. It destroys local families",
      "2) It makes the public less safe",
      "serious \u201cLevel 1\u201d crimes",
      "ICE Level 2 and Level 3 offenses",
      "Levels 2 and 3 offenses",
      "Title 8 of the code",
      "Section 5 of the act",
      "\u00A7 1357 of the code",
      "H.R. 4437 passed",
      "the 287(g) program",
      "programs (esp. 287g) can",
      "the post-9/11 world",
      "after 9/11 we",
      "call 503-543-8417 today",
      "call 503-555-0142 today",
      "call (503) 555-0142 today",
      "at 5:30 we met",
      "at 10 a.m. we met",
      "at 10 pm we met",
      "May 04, 2012 - Posted by",
      "on April 27 the Department",
      "on 4/27/2012 the Department",
      "on 2012-05-04 the Department",
      "on 27 April the Department",
      "the first time",
      "the 1st time and the 2nd",
      "in the 1990s",
      "email amanda2@rop.org now",
      "see www.example2010.org/page/5",
      "see https://example.org/a/2012/05 now",
      "the COVID-19 pandemic",
      "one of them said",
      "no one came",
      "the second half of the year",
      "a third party",
      "the Majority Leader spoke",
      "most people were released",
      "footnote [1] says",
      "see (1) above",
      "the first quarter results",
  };
  for (const auto& input : cases) {
    INFO("input: " << input);
    auto ms = claimcheck::extract_mentions(input);
    INFO("got: " << describe(ms));
    CHECK(ms.empty());
  }
}

TEST_CASE("years and their time context", "[mentions]") {
  struct Case {
    std::string input;
    std::string text;
    bool time_context;
  };
  const std::vector<Case> cases = {
      {"Created in 2007, Secure Communities", "2007", false},
      {"that came to Oregon starting in 2010.", "2010", false},
      {"was launched by the Obama Administration in 2008, it was", "2008", false},
      {"was launched in 2008 and came to Oregon in 2010.", "2008", false},
      {"was launched in 2008 and came to Oregon in 2010.", "2010", false},
      {"The program was created in 2006 under Bush.", "2006", false},
      {"In Fiscal Year 2011, 29% of individuals", "2011", true},
      {"during fiscal year 2009 were identified", "2009", true},
      {"In fiscal 2011 it rose", "2011", true},
      {"In FY2011 it rose", "2011", true},
      {"In FY 2011 it rose", "2011", true},
      {"In 2009, it rose", "2009", true},
      {"deportations in 2009 rose", "2009", true},
      {"since 2008 it has cost", "2008", true},
      {"by 2010 it will", "2010", true},
      {"in October 2008 it began", "2008", true},
      {"Between October 2008 and June 2010, it", "2008", true},
      {"Between October 2008 and June 2010, it", "2010", true},
      {"between 2008 and 2010 it rose", "2010", true},
      {"from 2008 to 2010 it rose", "2008", true},
      {"from 2008 to 2010 it rose", "2010", true},
      {"through mid-2010 it rose", "2010", true},
      {"in late 2008 it rose", "2008", true},
      {"in early 2009 it rose", "2009", true},
      {"the 2008\u20132010 period", "2008", true},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    const Mention* m = find_mention(ms, c.text);
    REQUIRE(m != nullptr);
    CHECK(m->unit == Unit::year);
    CHECK(m->lo == m->value);
    CHECK(m->hi == m->value + 1);
    CHECK(m->time_context == c.time_context);
  }
}

TEST_CASE("mention extraction survives hostile input", "[mentions]") {
  const std::vector<std::string> cases = {
      std::string("\xff\xfe 79% \xc3"),
      std::string("50\xe2\x80"),
      std::string("$"),
      std::string("$ "),
      std::string("1,"),
      std::string("1."),
      std::string(500, '9'),
      std::string(10000, '1') + "%",
      "one in",
      "a",
      "",
  };
  for (const auto& input : cases) {
    INFO("input size: " << input.size());
    auto ms = claimcheck::extract_mentions(input);
    for (const auto& m : ms) {
      CHECK(m.end <= input.size());
      CHECK(m.begin <= m.end);
    }
  }
  CHECK(claimcheck::extract_mentions(std::string("\xff\xfe 79% \xc3")).size() == 1);
}

TEST_CASE("spans stay exact in the original whatever the script or invisible characters",
          "[mentions]") {
  // Pieces that the figure-reading form replaces, drops or keeps, mixed at
  // random (deterministically): every span must quote the input exactly.
  const std::vector<std::string> pieces = {
      "7",      "9",      "0",      " ",       "%",      ",",      ".",      "$",
      "'",      "a",      "about ", "percent", "\uFF17", "\uFF05", "\uFF0C", "\u0667",
      "\u066A", "\u066B", "\u096D", "\u200B",  "\u2060", "\uFEFF", "\u0301", "\u00A0",
      "\u202F", "\u2019", "\u201C", "\u2014",  "\u00E9", "\n",     "\xff",   "\xe2\x80"};
  uint32_t state = 12345;
  auto rnd = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  size_t checked = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    const int len = 1 + int(rnd() % 40);
    for (int k = 0; k < len; ++k) input += pieces[rnd() % pieces.size()];
    auto ms = claimcheck::extract_mentions(input);
    for (const auto& m : ms) {
      INFO("input: " << input);
      REQUIRE(m.begin <= m.end);
      REQUIRE(m.end <= input.size());
      CHECK(input.substr(m.begin, m.end - m.begin) == m.text);
      ++checked;
    }
  }
  CHECK(checked > 500);
}

TEST_CASE("unit names round-trip", "[mentions]") {
  for (Unit u : {Unit::count, Unit::percent, Unit::points, Unit::usd, Unit::year})
    CHECK(claimcheck::unit_from_name(claimcheck::unit_name(u)) == u);
  CHECK_FALSE(claimcheck::unit_from_name("furlongs").has_value());
}
