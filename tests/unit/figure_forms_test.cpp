// figure_forms_test.cpp — tables of cases per form of figure, as news text
// writes them: currencies, units, rates, durations, multipliers, negatives,
// ranges, changes and trends, number words, odd notation, counted nouns, and
// the numbers that are names rather than figures. Sentences are our own.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "claimcheck/mention.hpp"

using claimcheck::ChangeKind;
using claimcheck::Direction;
using claimcheck::Mention;
using claimcheck::Unit;

namespace {

const Mention* find_text(const std::vector<Mention>& ms, const std::string& text) {
  for (const auto& m : ms)
    if (m.text == text) return &m;
  return nullptr;
}

std::string describe(const std::vector<Mention>& ms) {
  std::string s;
  for (const auto& m : ms) {
    s += "[" + m.text + " = " + std::to_string(m.value) + " " + std::string(claimcheck::unit_name(m.unit));
    if (!m.unit_text.empty()) s += " " + m.unit_text;
    if (m.range) s += " high=" + std::to_string(m.high);
    if (m.per) s += " per=" + std::to_string(m.per);
    if (m.change != ChangeKind::none)
      s += " change=" + std::string(claimcheck::change_kind_name(m.change)) + "/" +
           std::string(claimcheck::direction_name(m.direction));
    if (m.from >= 0) s += " from=#" + std::to_string(m.from);
    if (m.minor) s += " minor";
    if (!m.counted.empty()) s += " counted=" + m.counted;
    s += "] ";
  }
  return s;
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

struct Case {
  std::string input;
  std::string text;  // the mention's span
  double value;
  Unit unit;
  std::string unit_text = "";
};

void check_cases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    const Mention* m = find_text(ms, c.text);
    REQUIRE(m != nullptr);
    CHECK(near(m->value, c.value));
    CHECK(m->unit == c.unit);
    CHECK(m->unit_text == c.unit_text);
    CHECK(!m->minor);
  }
}

}  // namespace

TEST_CASE("currencies: symbols, codes and names, before and after", "[mentions][forms]") {
  check_cases({
      {"the club paid \xC2\xA3" "4m for him", "\xC2\xA3" "4m", 4e6, Unit::currency, "GBP"},
      {"a \xE2\x82\xAC" "2.5bn rescue fund", "\xE2\x82\xAC" "2.5bn", 2.5e9, Unit::currency, "EUR"},
      {"a \xC2\xA5" "300bn stimulus", "\xC2\xA5" "300bn", 300e9, Unit::currency, "JPY"},
      {"it raised USD10m last spring", "USD10m", 10e6, Unit::usd, "USD"},
      {"it raised USD 10m last spring", "USD 10m", 10e6, Unit::usd, "USD"},
      {"a US$4 trillion economy", "US$4 trillion", 4e12, Unit::usd, "USD"},
      {"tickets cost C$40 each", "C$40", 40, Unit::currency, "CAD"},
      {"an A$1.2 billion deal", "A$1.2 billion", 1.2e9, Unit::currency, "AUD"},
      {"it sells for 10 $ online", "10 $", 10, Unit::usd, "USD"},
      {"the fee is 20 usd per visit", "20 usd", 20, Unit::usd, "USD"},
      {"the fee is 20 EUR per visit", "20 EUR", 20, Unit::currency, "EUR"},
      {"a fine of 500 euros", "500 euros", 500, Unit::currency, "EUR"},
      {"priced at 300 yen", "300 yen", 300, Unit::currency, "JPY"},
      {"about 40 Canadian dollars", "about 40 Canadian dollars", 40, Unit::currency, "CAD"},
      {"a bill of 12 Swiss francs", "12 Swiss francs", 12, Unit::currency, "CHF"},
      {"it cost $2.5 billion", "$2.5 billion", 2.5e9, Unit::usd, "USD"},
      {"a \xE2\x82\xB9" "500 note", "\xE2\x82\xB9" "500", 500, Unit::currency, "INR"},
      {"a loss of $-2.1bn was booked", "$-2.1bn", -2.1e9, Unit::usd, "USD"},
      {"she paid twelve dollars and fifty cents", "twelve dollars and fifty cents", 12.5, Unit::usd, "USD"},
      {"a 5 pounds sterling charge", "5 pounds sterling", 5, Unit::currency, "GBP"},
  });
}

TEST_CASE("units glued to the number or written after it", "[mentions][forms]") {
  check_cases({
      {"a phone with 128GB of storage", "128GB", 128, Unit::other, "GB"},
      {"limited to 65mph on the bridge", "65mph", 65, Unit::other, "mph"},
      {"a 12 km stretch of road", "12 km", 12, Unit::other, "km"},
      {"it weighs 40 tonnes empty", "40 tonnes", 40, Unit::other, "tonnes"},
      {"output of 3.2 gigawatts", "3.2 gigawatts", 3.2, Unit::other, "gigawatts"},
      {"prices rose 12pc in a year", "12pc", 12, Unit::percent, ""},
      {"councils spent 9 pc more", "9 pc", 9, Unit::percent, ""},
      {"the mill ships 2.4 million tonnes a year", "2.4 million tonnes", 2.4e6, Unit::other, "tonnes"},
      {"a star some 800 light years away", "some 800 light years", 800, Unit::other, "light years"},
      {"trains reach 250 km/h on the line", "250 km/h", 250, Unit::other, "km/h"},
      {"the lake covers 30 square miles", "30 square miles", 30, Unit::other, "square miles"},
      {"ozone at 70 parts per billion", "70 parts per billion", 70, Unit::other, "parts per billion"},
      {"it hit 41C in the shade", "41C", 41, Unit::other, "C"},
      {"a budget of \xE2\x82\xB9" "3 lakh crore", "\xE2\x82\xB9" "3 lakh crore", 3e12, Unit::currency, "INR"},
      {"shares fell 3% on Monday", "3%", 3, Unit::percent, ""},
  });
}

TEST_CASE("rates, durations and multipliers", "[mentions][forms]") {
  check_cases({
      {"12 deaths per 100,000 people", "12 deaths per 100,000", 12, Unit::rate, ""},
      {"a rate of 4.1 per 1,000 births", "4.1 per 1,000", 4.1, Unit::rate, ""},
      {"detained for 18 months", "18 months", 18, Unit::duration, "month"},
      {"a wait of 30 days", "30 days", 30, Unit::duration, "day"},
      {"a 10-year bond", "10-year", 10, Unit::duration, "year"},
      {"a ten-year plan", "ten-year", 10, Unit::duration, "year"},
      {"they are 3 times as likely to vote", "3 times", 3, Unit::multiplier, ""},
      {"three times as likely to vote", "three times", 3, Unit::multiplier, ""},
      {"a 3x return on the money", "3x", 3, Unit::multiplier, ""},
      {"twice as many people came", "twice", 2, Unit::multiplier, ""},
      {"a 4-fold rise in cases", "4-fold", 4, Unit::multiplier, ""},
      {"exports grew sixfold", "sixfold", 6, Unit::multiplier, ""},
      {"rents are three times what they were", "three times", 3, Unit::multiplier, ""},
      {"its debt is 5 times its annual profit", "5 times", 5, Unit::multiplier, ""},
  });
  // Occasions are counts, not multipliers.
  for (std::string input : {"she voted 4 times in a week", "he called three times a day"}) {
    INFO("input: " << input);
    auto ms = claimcheck::extract_mentions(input);
    INFO("got: " << describe(ms));
    for (const auto& m : ms) CHECK(m.unit != Unit::multiplier);
  }
  auto ms = claimcheck::extract_mentions("12 deaths per 100,000 people");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].per == 100000);
  CHECK(ms[0].counted == "deaths");
  ms = claimcheck::extract_mentions("a rate of 2.5 per thousand");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].per == 1000);
}

TEST_CASE("signs: negative figures", "[mentions][forms]") {
  check_cases({
      {"growth was -1.3% last quarter", "-1.3%", -1.3, Unit::percent, ""},
      {"it fell to minus 5 degrees", "minus 5 degrees", -5, Unit::other, "degrees"},
      {"a reading of \xE2\x88\x92" "0.4 points", "\xE2\x88\x92" "0.4 points", -0.4, Unit::points, ""},
      {"the team scored 30 points", "30", 30, Unit::count, ""},
  });
  auto ms = claimcheck::extract_mentions("growth was -1.3% last quarter");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].lo < -1.3);
  CHECK(ms[0].hi > -1.3);
  // A range's dash and a compound's hyphen are not signs.
  ms = claimcheck::extract_mentions("between 5-10% of voters");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].value == 5);
}

TEST_CASE("ranges are one figure with both ends", "[mentions][forms]") {
  struct R {
    std::string input, text;
    double low, high;
    Unit unit;
  };
  const std::vector<R> cases = {
      {"between 5-10% of voters", "5-10%", 5, 10, Unit::percent},
      {"between 40 and 50 people", "40 and 50", 40, 50, Unit::count},
      {"an estimated 10\xE2\x80\x93" "15 percent of them", "an estimated 10\xE2\x80\x93" "15 percent", 10, 15,
       Unit::percent},
      {"it will cost $10-15 million", "$10-15 million", 10e6, 15e6, Unit::usd},
      {"between 40 and 50 million people", "40 and 50 million", 40e6, 50e6, Unit::count},
      {"wages rose 3 to 5 percentage points", "3 to 5 percentage points", 3, 5, Unit::points},
      {"wages rose 3 to 5 points", "3 to 5", 3, 5, Unit::count},
      {"ranging from 2 to 4 percent", "2 to 4 percent", 2, 4, Unit::percent},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].text == c.text);
    CHECK(ms[0].range);
    CHECK(near(ms[0].value, c.low));
    CHECK(near(ms[0].high, c.high));
    CHECK(ms[0].unit == c.unit);
    CHECK(ms[0].lo <= c.low);
    CHECK(ms[0].hi >= c.high);
  }
}

TEST_CASE("changes: amount, kind and direction", "[mentions][forms]") {
  struct C {
    std::string input, text;
    double value;
    Unit unit;
    ChangeKind kind;
    Direction direction;
  };
  const std::vector<C> cases = {
      {"unemployment rose 0.3 points in April", "0.3 points", 0.3, Unit::count, ChangeKind::absolute,
       Direction::up},
      {"the rate rose 0.3 percentage points", "0.3 percentage points", 0.3, Unit::points, ChangeKind::absolute,
       Direction::up},
      {"sales fell 12% last year", "12%", 12, Unit::percent, ChangeKind::relative, Direction::down},
      {"the index was down 0.4% at noon", "0.4%", 0.4, Unit::percent, ChangeKind::relative, Direction::down},
      {"prices increased by 7 percent", "7 percent", 7, Unit::percent, ChangeKind::relative, Direction::up},
      {"an increase of 12,000 jobs", "12,000", 12000, Unit::count, ChangeKind::absolute, Direction::up},
      {"a 12% drop in arrests", "12%", 12, Unit::percent, ChangeKind::relative, Direction::down},
      {"a 3.5-point jump in the rate", "3.5-point", 3.5, Unit::points, ChangeKind::absolute, Direction::up},
      {"employers added 250,000 jobs", "250,000", 250000, Unit::count, ChangeKind::absolute, Direction::up},
      {"arrests more than doubled", "more than doubled", 2, Unit::multiplier, ChangeKind::multiple,
       Direction::up},
      {"the backlog tripled", "tripled", 3, Unit::multiplier, ChangeKind::multiple, Direction::up},
      {"the deficit halved", "halved", 0.5, Unit::multiplier, ChangeKind::multiple, Direction::down},
      {"fares rose by between 3% and 6%", "3% and 6%", 3, Unit::percent, ChangeKind::relative, Direction::up},
      {"the bank lifted its base rate by 0.5 percentage points", "0.5 percentage points", 0.5, Unit::points,
       ChangeKind::absolute, Direction::up},
      {"a 4 per cent pay rise for nurses", "4 per cent", 4, Unit::percent, ChangeKind::relative, Direction::up},
      {"the port handled 9% more than last year", "9%", 9, Unit::percent, ChangeKind::relative, Direction::up},
      {"visits were 20% lower than in May", "20%", 20, Unit::percent, ChangeKind::relative, Direction::down},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    const Mention* m = find_text(ms, c.text);
    REQUIRE(m != nullptr);
    CHECK(near(m->value, c.value));
    if (c.unit != Unit::count) CHECK(m->unit == c.unit);
    CHECK(m->change == c.kind);
    CHECK(m->direction == c.direction);
  }
  // A level reached is not a change.
  for (std::string input : {"unemployment rose to 4.1% in April", "it fell from 12% a year ago",
                            "the share was 12% in 2011", "trucks make up 14% of traffic",
                            "output grew 3 times faster than demand"}) {
    INFO("input: " << input);
    auto ms = claimcheck::extract_mentions(input);
    INFO("got: " << describe(ms));
    for (const auto& m : ms) CHECK(m.change == ChangeKind::none);
  }
}

TEST_CASE("trends: both ends and the direction", "[mentions][forms]") {
  struct T {
    std::string input, from_text, to_text;
    Direction direction;
  };
  const std::vector<T> cases = {
      {"the rate rose from 10.0% in 2009 to 12.0% in 2011", "10.0%", "12.0%", Direction::up},
      {"from $12,400 to $11,900 a year", "$12,400", "$11,900", Direction::down},
      {"it fell from 8 to 6 percent", "8", "6 percent", Direction::down},
      {"it reached 12% in 2011, up from 10% in 2009", "10%", "12%", Direction::up},
      {"it was 4.1 percent, down from 4.4 percent", "4.4 percent", "4.1 percent", Direction::down},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    const Mention* to = find_text(ms, c.to_text);
    REQUIRE(to != nullptr);
    REQUIRE(to->from >= 0);
    REQUIRE(size_t(to->from) < ms.size());
    CHECK(ms[to->from].text == c.from_text);
    CHECK(ms[to->from].unit == to->unit);
    CHECK(to->direction == c.direction);
    CHECK(to->change == ChangeKind::none);  // both ends stay levels
  }
}

TEST_CASE("number words: small, vague, scaled", "[mentions][forms]") {
  struct W {
    std::string input, text;
    double value;
    Unit unit;
    bool minor;
  };
  const std::vector<W> cases = {
      {"two agencies signed on", "two", 2, Unit::count, true},
      {"it took three months", "three months", 3, Unit::duration, true},
      {"a dozen states joined", "a dozen", 12, Unit::count, false},
      {"dozens of people were hurt", "dozens", 24, Unit::count, false},
      {"hundreds of homes flooded", "hundreds", 200, Unit::count, false},
      {"tens of millions of dollars", "tens of millions", 2e7, Unit::count, false},
      {"hundreds of thousands of voters", "hundreds of thousands", 2e5, Unit::count, false},
      {"a million people marched", "a million", 1e6, Unit::count, false},
      {"some 4 hundred million users", "some 4 hundred million", 4e8, Unit::count, false},
      {"one in four adults", "one in four", 25, Unit::percent, false},
      {"a six-cylinder engine", "six", 6, Unit::count, true},
      {"one agency refused", "one", 1, Unit::count, true},
      {"forty-seven thousand people", "forty-seven thousand", 47000, Unit::count, false},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    const Mention* m = find_text(ms, c.text);
    REQUIRE(m != nullptr);
    CHECK(near(m->value, c.value));
    CHECK(m->unit == c.unit);
    CHECK(m->minor == c.minor);
  }
  auto ms = claimcheck::extract_mentions("dozens of people were hurt");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].hi >= 100);  // vague: up to the next order of magnitude
}

TEST_CASE("odd notation", "[mentions][forms]") {
  check_cases({
      {"about 6.02\xC3\x97" "10^23 atoms", "about 6.02\xC3\x97" "10^23", 6.02e23, Unit::count, ""},
      {"he hit .300 this season", ".300", 0.3, Unit::count, ""},
      {"a crowd of 80, 000 fans", "80, 000", 80000, Unit::count, ""},
  });
}

TEST_CASE("counted nouns after the figure", "[mentions][forms]") {
  struct N {
    std::string input, text, counted;
  };
  const std::vector<N> cases = {
      {"2 million fingerprint submissions were run", "2 million", "fingerprint submissions"},
      {"some 47,000 people were deported", "some 47,000", "people"},
      {"79% of deportees had no record", "79%", "deportees"},
      {"$750 million in funding", "$750 million", ""},
      {"3,000 jail beds, the report said", "3,000", "jail beds"},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    auto ms = claimcheck::extract_mentions(c.input);
    INFO("got: " << describe(ms));
    const Mention* m = find_text(ms, c.text);
    REQUIRE(m != nullptr);
    CHECK(m->counted == c.counted);
  }
}

TEST_CASE("numbers that are names, scores or dates are not figures", "[mentions][forms]") {
  const std::vector<std::string> cases = {
      "the FTSE 100 closed higher",
      "shares in the S&P 500 slipped",
      "deliveries of the Model 3 resumed",
      "they lost Game 7 at home",
      "she went out in Round 2",
      "the Pac-12 title game",
      "the COVID-19 wave",
      "under Title 42 rules",
      "Section 8 vouchers",
      "he signed Form I-247 yesterday",
      "they won 3-1 at home",
      "a 5-4 ruling by the court",
      "the vote was 52-48 in favour",
      "the summit runs Oct. 3-7",
      "an order for the Boeing 737 jets",
      "the Apollo 11 crew",
      "the 2nd Circuit ruled",
      "Vision 2030 was announced",
      "the office at 450 Harbor Road closed",
      "call +1 212 555 0188 for tickets",
      "dial 0161 496 0000 now",
      "the motion carried by 61 to 39",
      "the road is shut between junctions 4 and 5",
      "the Bulls went 9-13 away from home",
  };
  for (const auto& input : cases) {
    INFO("input: " << input);
    auto ms = claimcheck::extract_mentions(input);
    INFO("got: " << describe(ms));
    CHECK(ms.empty());
  }
}

TEST_CASE("small spelled numbers are minor mentions, checks leave them alone", "[mentions][forms]") {
  for (std::string input : {"two documents were released", "almost four years later", "less than one year",
                            "hiring of one statistician"}) {
    INFO("input: " << input);
    auto ms = claimcheck::extract_mentions(input);
    INFO("got: " << describe(ms));
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].minor);
  }
}
