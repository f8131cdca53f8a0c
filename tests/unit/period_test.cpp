// period_test.cpp — periods parsed from text and rules, as tables of cases.
#include <catch2/catch.hpp>

#include "claimcheck/period.hpp"

using namespace claimcheck;

TEST_CASE("parse_period reads the forms a rules file gives", "[period]") {
  struct Case {
    const char* input;
    const char* from;
    const char* to;
  };
  const Case cases[] = {
      {"FY2011", "2010-10-01", "2011-09-30"},
      {"FY 2011", "2010-10-01", "2011-09-30"},
      {"FY11", "2010-10-01", "2011-09-30"},
      {"fiscal year 2011", "2010-10-01", "2011-09-30"},
      {"Fiscal 2009", "2008-10-01", "2009-09-30"},
      {"2009", "2009-01-01", "2009-12-31"},
      {"October 2008", "2008-10-01", "2008-10-31"},
      {"February 2012", "2012-02-01", "2012-02-29"},
      {"2008-10-27..2010-06-30", "2008-10-27", "2010-06-30"},
      {"2008-10-27..", "2008-10-27", ""},
      {"between October 2008 and June 2010", "2008-10-01", "2010-06-30"},
      {"2008-2010", "2008-01-01", "2010-12-31"},
      {"mid-2010", "2010-05-01", "2010-08-31"},
      {"late 2008", "2008-09-01", "2008-12-31"},
      // Version 2 forms: months, quarters, fiscal years across two years.
      {"2022-01", "2022-01-01", "2022-01-31"},
      {"2011-12", "2011-12-01", "2011-12-31"},  // ISO: always the month
      {"Q1 2022", "2022-01-01", "2022-03-31"},
      {"2022-Q4", "2022-10-01", "2022-12-31"},
      {"2021-22", "2021-10-01", "2022-09-30"},
      {"2011/12", "2011-10-01", "2012-09-30"},
      {"FY2021-22", "2021-10-01", "2022-09-30"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    auto p = parse_period(c.input);
    REQUIRE(p.has_value());
    CHECK(format_day(p->from) == c.from);
    CHECK(format_day(p->to) == c.to);
  }
}

TEST_CASE("parse_period counts fiscal years from the start month given", "[period]") {
  struct Case {
    const char* input;
    int start;
    const char* from;
    const char* to;
  };
  const Case cases[] = {
      {"FY2022", 10, "2021-10-01", "2022-09-30"}, {"FY2022", 4, "2021-04-01", "2022-03-31"},
      {"2021-22", 4, "2021-04-01", "2022-03-31"}, {"2021/22", 7, "2021-07-01", "2022-06-30"},
      {"FY2022", 1, "2022-01-01", "2022-12-31"},  {"fiscal year 2022", 4, "2021-04-01", "2022-03-31"},
      {"2022", 4, "2022-01-01", "2022-12-31"},  // a bare year stays the calendar year
  };
  for (const auto& c : cases) {
    CAPTURE(c.input, c.start);
    auto p = parse_period(c.input, c.start);
    REQUIRE(p.has_value());
    CHECK(format_day(p->from) == c.from);
    CHECK(format_day(p->to) == c.to);
  }
  CHECK_FALSE(parse_period("2021-25").has_value());  // neither a month nor the next year
  CHECK_FALSE(parse_period("2022-00").has_value());
}

TEST_CASE("fit_period: months and quarters exactly, coarser statements undecided", "[period]") {
  struct Case {
    const char* stated;
    const char* reference;
    PeriodFit want;
  };
  const Case cases[] = {
      {"January 2022", "2022-01", PeriodFit::agree},
      {"February 2022", "2022-01", PeriodFit::differ},  // no 95-day slack for a month
      {"December 2021", "2022-01", PeriodFit::differ},
      {"2022", "2022-01", PeriodFit::unknown},           // covers it without saying it
      {"2021", "2022-01", PeriodFit::differ},
      {"Q1 2022", "Q1 2022", PeriodFit::agree},
      {"the first quarter of 2022", "Q1 2022", PeriodFit::agree},
      {"Q2 2022", "Q1 2022", PeriodFit::differ},
      {"Q1 2022", "2022-02", PeriodFit::unknown},
      {"January 2022", "2022", PeriodFit::differ},       // a month is not the annual average
      {"2011", "FY2011", PeriodFit::agree},              // longer periods keep the slack
  };
  for (const auto& c : cases) {
    CAPTURE(c.stated, c.reference);
    auto found = find_periods(c.stated);
    REQUIRE(found.size() == 1);
    auto ref = parse_period(c.reference);
    REQUIRE(ref.has_value());
    CHECK(fit_period(found[0], *ref, 95) == c.want);
  }
}

TEST_CASE("describe_period names months and quarters", "[period]") {
  CHECK(describe_period(Period{20220101, 20220131}) == "January 2022");
  CHECK(describe_period(Period{20220401, 20220630}) == "Q2 2022");
  CHECK(describe_period(Period{20220101, 20220228}) == "2022-01-01 to 2022-02-28");
}

TEST_CASE("parse_period rejects what is not one period", "[period]") {
  for (const char* bad : {"", "soon", "FY", "2011 and more", "2013-02-30..2014-01-01", "12345",
                          "1066", "..", "October"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_period(bad).has_value());
  }
}

TEST_CASE("find_periods finds time expressions in running text", "[period]") {
  struct Case {
    const char* text;
    const char* span;  // exact text of the one period expected
    const char* from;
    const char* to;
    bool open_end;
  };
  const Case cases[] = {
      {"In fiscal year 2011, 26% had no conviction.", "fiscal year 2011", "2010-10-01",
       "2011-09-30", false},
      {"In FY 2011, 55% ...", "FY 2011", "2010-10-01", "2011-09-30", false},
      {"Between October 2008 and June 2010, 47,000 people were deported.",
       "Between October 2008 and June 2010", "2008-10-01", "2010-06-30", false},
      {"from 2008 to 2010 the numbers rose", "from 2008 to 2010", "2008-01-01", "2010-12-31",
       false},
      {"It has cost $4.2 billion since 2008.", "since 2008", "2008-01-01", "2011-05-04", true},
      {"data through mid-2010 show", "mid-2010", "", "2010-08-31", false},
      {"deportations in 2008\xe2\x80\x93" "2010 were", "2008\xe2\x80\x93" "2010", "2008-01-01",
       "2010-12-31", false},
      {"Posted May 04, 2012 by staff", "May 04, 2012", "2012-05-04", "2012-05-04", false},
      {"in late 2008 the program began", "late 2008", "2008-09-01", "2008-12-31", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto found = find_periods(c.text, make_day(2011, 5, 4));
    REQUIRE(found.size() == 1);
    std::string_view text = c.text;
    CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == c.span);
    CHECK(format_day(found[0].period.from) == c.from);
    CHECK(format_day(found[0].period.to) == c.to);
    CHECK(found[0].open_end == c.open_end);
  }
}

TEST_CASE("find_periods leaves numbers that are not years alone", "[period]") {
  for (const char* text : {"It cost $2008 in fees.", "1,2008 units", "2008% more",
                           "111,000 people", "12.2010 ratio", "3,847 detainers"}) {
    CAPTURE(text);
    CHECK(find_periods(text, 0).empty());
  }
}

TEST_CASE("two years joined by 'and' without 'between' stay two periods", "[period]") {
  auto found = find_periods("in 2009 and 2010 alike", 0);
  REQUIRE(found.size() == 2);
  CHECK(format_day(found[0].period.to) == "2009-12-31");
  CHECK(format_day(found[1].period.from) == "2010-01-01");
}

TEST_CASE("years in other scripts are periods, spans in the text as written", "[period]") {
  const std::string fy = "In FY\uFF12\uFF10\uFF11\uFF11, 55% were deported";  // FY２０１１
  auto found = find_periods(fy, 0);
  REQUIRE(found.size() == 1);
  CHECK(fy.substr(found[0].begin, found[0].end - found[0].begin) == "FY\uFF12\uFF10\uFF11\uFF11");
  CHECK(format_day(found[0].period.from) == "2010-10-01");
  CHECK(format_day(found[0].period.to) == "2011-09-30");
  const std::string range = "between \u0968\u0966\u0966\u096E and 20\u200B10, it rose";  // २००८
  found = find_periods(range, 0);
  REQUIRE(found.size() == 1);
  CHECK(range.substr(found[0].begin, found[0].end - found[0].begin) ==
        "between \u0968\u0966\u0966\u096E and 20\u200B10");
  CHECK(format_day(found[0].period.from) == "2008-01-01");
  CHECK(format_day(found[0].period.to) == "2010-12-31");
}

TEST_CASE("consistent_period compares at the precision the text states", "[period]") {
  auto stated = [](const char* text) {
    auto found = find_periods(text, make_day(2012, 5, 4));
    REQUIRE(found.size() == 1);
    return found[0];
  };
  const Period scomm_2008_2010{make_day(2008, 10, 27), make_day(2010, 6, 30)};
  const Period fy2011{make_day(2010, 10, 1), make_day(2011, 9, 30)};
  const Period since_inception{make_day(2008, 10, 27), 0};
  struct Case {
    const char* text;
    Period ref;
    bool consistent;
  };
  const Case cases[] = {
      {"between October 2008 and June 2010", scomm_2008_2010, true},
      {"between October 2008 and June 2010", fy2011, false},
      {"in fiscal year 2011", fy2011, true},
      {"in fiscal year 2011", scomm_2008_2010, false},
      {"FY2010", fy2011, false},
      {"since 2008", since_inception, true},
      {"since 2008", fy2011, false},
      {"from 2008 to 2010", scomm_2008_2010, true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text, c.ref.from, c.ref.to);
    CHECK(consistent_period(stated(c.text), c.ref) == c.consistent);
  }
}

TEST_CASE("describe_period names periods the way writers do", "[period]") {
  CHECK(describe_period({make_day(2010, 10, 1), make_day(2011, 9, 30)}) == "FY2011");
  CHECK(describe_period({make_day(2009, 1, 1), make_day(2009, 12, 31)}) == "2009");
  CHECK(describe_period({make_day(2008, 10, 27), make_day(2010, 6, 30)}) ==
        "2008-10-27 to 2010-06-30");
  CHECK(describe_period({make_day(2008, 10, 27), 0}) == "since 2008-10-27");
}

TEST_CASE("relative periods resolve against the document's date", "[period]") {
  struct Case {
    const char* text;
    const char* date;
    const char* from;
    const char* to;
  };
  const Case cases[] = {
      {"so far this fiscal year", "2010-08-17", "2009-10-01", "2010-08-17"},
      {"since the start of this fiscal year", "2011-04-29", "2010-10-01", "2011-04-29"},
      {"so far this year", "2017-10-30", "2017-01-01", "2017-10-30"},
      {"in all of last fiscal year", "2010-08-17", "2008-10-01", "2009-09-30"},
      {"last fiscal year", "2011-10-15", "2010-10-01", "2011-09-30"},
      {"last year", "2012-03-01", "2011-01-01", "2011-12-31"},
      {"in the fiscal year that ended Sept. 30", "2011-12-29", "2010-10-01", "2011-09-30"},
      {"in the fiscal year that began Oct. 1", "2011-05-05", "2010-10-01", "2011-09-30"},
      {"through March 31 of this year", "2011-05-24", "", "2011-03-31"},
      {"From November 2008 through June of this year", "2011-08-30", "2008-11-01", "2011-06-30"},
      {"last month", "2012-01-20", "2011-12-01", "2011-12-31"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text, c.date);
    const auto found = find_periods(c.text, *parse_iso_day(c.date));
    REQUIRE(found.size() == 1);
    CHECK(format_day(found[0].period.from) == c.from);
    CHECK(format_day(found[0].period.to) == c.to);
  }
  // Without a document date, relative words are no period at all.
  CHECK(find_periods("so far this fiscal year", 0).empty());
  CHECK(find_periods("last fiscal year", 0).empty());
}

TEST_CASE("find_periods reads fiscal years in text from the start month given", "[period]") {
  struct Case {
    const char* text;
    int start;
    const char* date;  // the document's date, "" for none
    const char* from;
    const char* to;
  };
  const Case cases[] = {
      {"in FY2022", 10, "", "2021-10-01", "2022-09-30"},          // the US federal year, the default
      {"in FY2022", 4, "", "2021-04-01", "2022-03-31"},           // UK: April to March
      {"in fiscal 2022", 7, "", "2021-07-01", "2022-06-30"},      // Australia: July to June
      {"in fiscal year 2022", 1, "", "2022-01-01", "2022-12-31"},  // a calendar fiscal year
      {"in FY 22", 4, "", "2021-04-01", "2022-03-31"},
      {"in 2022", 4, "", "2022-01-01", "2022-12-31"},  // a bare year stays the calendar year
      {"last fiscal year", 4, "2022-05-10", "2021-04-01", "2022-03-31"},
      {"last fiscal year", 4, "2022-03-10", "2020-04-01", "2021-03-31"},
      {"so far this fiscal year", 7, "2022-09-15", "2022-07-01", "2022-09-15"},
      {"so far this fiscal year", 7, "2022-05-15", "2021-07-01", "2022-05-15"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text, c.start, c.date);
    const Day date = *c.date ? *parse_iso_day(c.date) : 0;
    const auto found = find_periods(c.text, date, c.start);
    REQUIRE(found.size() == 1);
    CHECK(format_day(found[0].period.from) == c.from);
    CHECK(format_day(found[0].period.to) == c.to);
  }
}
