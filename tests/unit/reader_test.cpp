// reader_test.cpp — the reader of figures as tables of real-looking sentences,
// one row per figure with the frame a careful reader gives it and where each
// dimension comes from (S stated, C context, D default, U unknown). Rows are
// grouped by reading skill: own clause, counted noun, periods (attached,
// carried, relative to the document date), places, back-references,
// agency-wide figures, tables and lists, headings, documents' dates.
#include "frame/reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "claimcheck/mention.hpp"
#include "claimcheck/period.hpp"
#include "claimcheck/rules.hpp"
#include "frame/clauses.hpp"
#include "frame/places.hpp"

using namespace claimcheck;

namespace {

const char* kVocabulary = R"json({
  "claimcheck_rules": 1,
  "defaults": { "program": "sc", "place": "us" },
  "vocabulary": {
    "program": { "sc": ["Secure Communities", "S-Comm"], "cap": ["Criminal Alien Program"],
                 "287g": ["287(g)"] },
    "measure": {
      "removals": ["deported", "deportation", "deportations", "deportees", "removed", "removals"],
      "transfers": ["transferred into ICE custody"],
      "identifications": ["identified", "matches"],
      "detainers": ["detainers"],
      "launch": ["launched", "created", "came to"]
    },
    "category": {
      "non-criminal": ["non-criminals", "no criminal record"],
      "low-level": ["low-level offenses", "lower-level subjects"],
      "level-1": ["Level 1"],
      "no-conviction": ["no criminal conviction"],
      "minor-conviction": ["minor convictions"],
      "us-citizens": ["United States citizens"]
    },
    "place": { "us": ["nationwide", "United States"], "oregon": ["Oregon"] }
  },
  "claims": [ { "id": "launch", "value": 2008, "unit": "year", "frame": { "measure": "launch" } } ]
})json";

const Rules& rules() {
  static const Rules r = [] {
    Diagnostics diags;
    auto loaded = load_rules_from_strings({{"t.json", kVocabulary}}, diags);
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return r;
}

struct Row {
  const char* skill;
  const char* text;
  const char* date;     // document date, or ""
  const char* figure;   // the figure's text
  const char* program;  // "" = empty
  const char* measure;
  const char* category;  // ids joined by "+", "" = none
  const char* period;    // "from..to", "" = none
  const char* place;
  const char* sources;  // program measure category period place: S/C/D/U
};

std::string join(const std::set<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : "+") + id;
  return out;
}

char letter(Origin o) {
  switch (o) {
    case Origin::stated:
      return 'S';
    case Origin::context:
      return 'C';
    case Origin::default_value:
      return 'D';
    case Origin::unknown:
      return 'U';
  }
  return '?';
}

const detail::Figure* find(const detail::Reading& r, std::string_view text,
                           std::string_view figure) {
  for (const auto& f : r.figures)
    if (text.substr(f.mention.begin, f.mention.end - f.mention.begin) == figure) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("the reader binds each figure to its own clause and context", "[reader]") {
  const Row rows[] = {
      // own clause: each figure keeps its group and the sentence's period
      {"own clause",
       "In fiscal year 2011, 26 percent of the people deported through Secure Communities had no "
       "criminal conviction, while 29 percent had only minor convictions.",
       "", "26 percent", "sc", "removals", "no-conviction", "2010-10-01..2011-09-30", "us",
       "SSSCD"},
      {"own clause",
       "In fiscal year 2011, 26 percent of the people deported through Secure Communities had no "
       "criminal conviction, while 29 percent had only minor convictions.",
       "", "29 percent", "sc", "removals", "minor-conviction", "2010-10-01..2011-09-30", "us",
       "CCSCD"},
      {"own clause",
       "ICE took 78,407 people into custody in Oregon, and 38,828 were deported nationwide.", "",
       "78,407", "sc", "", "", "", "oregon", "DUUUS"},
      // counted noun: what the figure counts, not a verb elsewhere
      {"counted noun", "Jails sent 1,785,488 sets of fingerprints and 38,828 people were deported.",
       "", "1,785,488", "sc", "sets", "", "", "us", "DSUUD"},
      {"counted noun", "Jails sent 1,785,488 sets of fingerprints and 38,828 people were deported.",
       "", "38,828", "sc", "removals", "", "", "us", "DSUUD"},
      {"counted noun", "Some 5% of database \u201cmatches\u201d were wrong.", "", "Some 5%", "sc",
       "identifications", "", "", "us", "DSUUD"},
      {"counted noun", "Jails sent 900 forms that the voters don\u2019t see.", "", "900", "sc",
       "forms", "", "", "us", "DSUUD"},
      {"counted noun", "The deportation rate rose to 12.4 percent last year.", "2023-09-12",
       "12.4 percent", "sc", "removals", "", "2022-01-01..2022-12-31", "us", "DSUSD"},
      // a place with another figure between is that figure's
      {"place beyond a figure",
       "Oregon's deportations, 1,200 in 2011, were more than twice the nationwide figure of 500.",
       "", "1,200", "sc", "removals", "", "2011-01-01..2011-12-31", "oregon", "DSUSS"},
      {"place beyond a figure",
       "Oregon's deportations, 1,200 in 2011, were more than twice the nationwide figure of 500.",
       "", "500", "sc", "removals", "", "2011-01-01..2011-12-31", "us", "DSUSS"},
      // a measure past a subordinating word is that clause's subject
      {"subordinate clause",
       "Deportations through the whole program rose to 38,000 in 2011 as detainers held steady.",
       "", "38,000", "sc", "removals", "", "2011-01-01..2011-12-31", "us", "DSUSD"},
      {"subordinate clause", "Jails rose to 38,000 in 2011 as detainers held steady.", "",
       "38,000", "sc", "detainers", "", "2011-01-01..2011-12-31", "us", "DSUSD"},
      // the figure a change starts from, and a time counted back loosely,
      // are not of the period around them
      {"change origin", "Deportations fell to 38,000 in 2011 from 47,000.", "", "47,000", "sc",
       "removals", "", "", "us", "DCUUD"},
      {"elapsed time", "Deportations reached 38,000 in 2011, a decade after they stood at 4,000.",
       "", "4,000", "sc", "removals", "", "", "us", "DCUUD"},
      {"elapsed time", "Deportations reached 38,000 in 2011; a decade earlier there were 4,000.",
       "", "4,000", "sc", "removals", "", "", "us", "DCUUD"},
      {"change origin dated", "Deportations fell to 38,000 in 2011 from 47,000 in 2010.", "",
       "47,000", "sc", "removals", "", "2010-01-01..2010-12-31", "us", "DCUSD"},
      {"relative clause",
       "The share deported rose to 12 percent in 2022, when Secure Communities reached 36 million "
       "people.",
       "", "36 million", "sc", "", "", "2022-01-01..2022-12-31", "us", "SUUCD"},
      {"counted noun", "A detainer can hold a person for up to 48 hours.", "", "up to 48 hours", "sc",
       "duration", "", "", "us", "DSUUD"},
      {"counted noun",
       "Over three-quarters of the roughly 47,000 people deported had no criminal record.", "",
       "roughly 47,000", "sc", "removals", "", "", "us", "DSUUD"},
      // periods: attached to the figure, from a trend's own ends
      {"period attached",
       "The share rose from 35 percent in fiscal 2009 to 55 percent in fiscal 2011.", "",
       "35 percent", "sc", "", "", "2008-10-01..2009-09-30", "us", "DUUSD"},
      {"period attached",
       "The share rose from 35 percent in fiscal 2009 to 55 percent in fiscal 2011.", "",
       "55 percent", "sc", "", "", "2010-10-01..2011-09-30", "us", "DUUSD"},
      {"period attached",
       "ICE removed 389,834 people in fiscal 2009, up from 369,221 the year before.", "", "369,221",
       "agency-wide", "removals", "", "2007-10-01..2008-09-30", "us", "CCUSD"},
      // periods carried by a back-reference or within a paragraph
      {"period carried",
       "ICE released data covering October 2008 through June 2010. Over that period Secure "
       "Communities deported 46,929 people.",
       "", "46,929", "sc", "removals", "", "2008-10-01..2010-06-30", "us", "SSUCD"},
      // relative periods against the document's date
      {"relative period",
       "So far this fiscal year, 49 percent of the people deported were non-criminals.",
       "2010-08-17", "49 percent", "sc", "removals", "non-criminal", "2009-10-01..2010-08-17", "us",
       "DSSCD"},
      {"relative period", "Secure Communities deported 31 percent more people last fiscal year.",
       "2012-01-20", "31 percent", "sc", "removals", "", "2010-10-01..2011-09-30", "us", "SSUSD"},
      {"relative period",
       "From November 2008 through June of this year, Secure Communities led to 120,684 "
       "deportations.",
       "2011-08-30", "120,684", "sc", "removals", "", "2008-11-01..2011-06-30", "us", "SSUCD"},
      {"relative period", "ICE removed 396,906 people in the fiscal year that ended Sept. 30.",
       "2011-12-29", "396,906", "agency-wide", "removals", "", "2010-10-01..2011-09-30", "us",
       "SSUSD"},
      // places: another place is another statistic; "nationally" switches back
      {"place",
       "In Travis County, Texas, 82 percent of the 724 people deported had no criminal record.", "",
       "82 percent", "sc", "removals", "non-criminal", "", "travis-county", "DSSUC"},
      {"place", "In Georgia, 39 percent of the 624 people deported were non-criminals.", "",
       "39 percent", "sc", "removals", "non-criminal", "", "georgia", "DSSUC"},
      {"place", "Nationally, the figure was 26 percent of those deported.", "", "26 percent", "sc",
       "removals", "", "", "us", "DSUUC"},
      {"place", "Roughly 3,600 United States citizens have been arrested under the program.", "",
       "Roughly 3,600", "sc", "", "us-citizens", "", "us", "DUSUD"},
      // back-references carry the frame of the group named before
      {"back-reference",
       "In fiscal 2009, Secure Communities removed 14,476 people. Of those, 3,744 had no criminal "
       "conviction.",
       "", "3,744", "sc", "removals", "no-conviction", "2008-10-01..2009-09-30", "us", "CCSCD"},
      // "those it sent ...": a group a relative clause defines, not one named before
      {"back-reference",
       "In fiscal 2009, Secure Communities identified 14,476 people. Of those it sent to ICE "
       "custody, 28 percent had no criminal record.",
       "", "28 percent", "sc", "", "non-criminal", "2008-10-01..2009-09-30", "us", "CUSCD"},
      // and across a paragraph break: news paragraphs are short
      {"back-reference",
       "In fiscal 2009, Secure Communities identified 14,476 people.\n\nOf those, 3,744 had no "
       "criminal conviction.",
       "", "3,744", "sc", "identifications", "no-conviction", "2008-10-01..2009-09-30", "us",
       "CCSCD"},
      // the agency as a whole is not a program
      {"agency-wide",
       "Across all of the agency's programs, 49 percent of the immigrants deported were "
       "non-criminals.",
       "", "49 percent", "agency-wide", "removals", "non-criminal", "", "us", "CSSUD"},
      {"agency-wide",
       "The Criminal Alien Program, not Secure Communities, accounted for 48 percent of removals.",
       "", "48 percent", "cap", "removals", "", "", "us", "SSUUD"},
      // a year is a figure only beside a measure whose claims are years
      {"year",
       "The 287(g) program was created in 1996, a decade before Secure Communities was launched in "
       "2008.",
       "", "2008", "sc", "launch", "", "", "us", "SSUUD"},
      // a list lead-in and a table header frame their items
      {"lead-in",
       "Secure Communities in Oregon, fiscal 2011:\n\n38,828 people deported\n\n11,946 deportees "
       "with Level 1 convictions",
       "", "11,946", "sc", "removals", "level-1", "2010-10-01..2011-09-30", "oregon", "CSSCC"},
      // a header that dates its columns dates each cell by its column
      {"table",
       "Group | FY2010 | FY2011\n\nDeportees with no criminal conviction | 30 percent | 26 percent",
       "", "30 percent", "sc", "removals", "no-conviction", "2009-10-01..2010-09-30", "us", "DSSCD"},
      {"table",
       "Group | FY2010 | FY2011\n\nDeportees with no criminal conviction | 30 percent | 26 percent",
       "", "26 percent", "sc", "removals", "no-conviction", "2010-10-01..2011-09-30", "us", "DSSCD"},
      {"table",
       "Secure Communities, FY2011 | Count\n\nPeople deported | 94,218\n\nDeportees with no "
       "criminal conviction | 24,500",
       "", "24,500", "sc", "removals", "no-conviction", "2010-10-01..2011-09-30", "us", "CSSCD"},
      {"respectively",
       "Detainers issued on Level 1 subjects and on lower-level subjects numbered 3,847 and "
       "16,227, "
       "respectively.",
       "", "3,847", "sc", "detainers", "level-1", "", "us", "DSSUD"},
  };
  for (const Row& row : rows) {
    Day date = 0;
    if (*row.date) date = *parse_iso_day(row.date);
    auto reading = detail::read_figures(&rules(), row.text, extract_mentions(row.text), date);
    INFO(row.skill << ": " << row.text << " [" << row.figure << "]");
    const detail::Figure* f = find(reading, row.text, row.figure);
    REQUIRE(f);
    CHECK(f->frame.program == row.program);
    CHECK(f->frame.measure == row.measure);
    CHECK(join(f->frame.category) == row.category);
    std::string period;
    if (f->frame.period)
      period = format_day(f->frame.period->from) + ".." + format_day(f->frame.period->to);
    CHECK(period == row.period);
    CHECK(f->frame.place == row.place);
    const std::string sources{letter(f->source.program), letter(f->source.measure),
                              letter(f->source.category), letter(f->source.period),
                              letter(f->source.place)};
    CHECK(sources == row.sources);
  }
}

TEST_CASE("clauses start at contrasts, trends, relative clauses and frame-setting openers",
          "[reader]") {
  struct Case {
    const char* sentence;
    std::vector<std::string> clauses;
  };
  const Case cases[] = {
      {"In fiscal 2011, 26% had no conviction, while 29% had a minor one.",
       {"In fiscal 2011", "26% had no conviction", "while 29% had a minor one."}},
      {"It rose from 35% in 2009 to 55% in 2011.", {"It rose from 35% in 2009", "to 55% in 2011."}},
      {"In California, which accounted for 14,823 of the removals, 38% had Level 1 records.",
       {"In California", "which accounted for 14,823 of the removals", "38% had Level 1 records."}},
      {"They identified 111,000 people, 100,000 of whom were low-level.",
       {"They identified 111,000 people", "100,000 of whom were low-level."}},
      {"Deportees with no conviction: 26%", {"Deportees with no conviction: 26%"}},
      {"In FY2011, 29% with minor convictions, 26% with none, 55% together.",
       {"In FY2011", "29% with minor convictions", "26% with none", "55% together."}},
      {"ICE classified 12,293 of them, about 26 percent, as non-criminals.",
       {"ICE classified 12,293 of them, about 26 percent, as non-criminals."}},
      // an aside with words of its own before its figure is a clause; a
      // parenthesis that opens with its figure glosses the figure before
      {"8.0% were uninsured in the ACS (the CPS full-year figure was 7.9%).",
       {"8.0% were uninsured in the ACS", "(the CPS full-year figure was 7.9%)."}},
      {"Texas had 16.6% (a record, per the ACS data).",
       {"Texas had 16.6% (a record, per the ACS data)."}},
      {"More than a quarter (28 percent) had no conviction.",
       {"More than a quarter (28 percent) had no conviction."}},
      {"Medicaid and Medicare each covered nearly a fifth (18.8 and 18.7 percent).",
       {"Medicaid and Medicare each covered nearly a fifth (18.8 and 18.7 percent)."}},
      // the figure a change starts from, and a time counted from the one
      // before, open clauses
      {"The rate fell to 7.9% in 2022 from 8.3%.", {"The rate fell to 7.9% in 2022", "from 8.3%."}},
      {"It fell to 8.0% in 2022, a decade after it stood at 14.5%.",
       {"It fell to 8.0% in 2022", "a decade after it stood at 14.5%."}},
      {"It was 8.0% in 2022, against 14.5% a decade before.",
       {"It was 8.0% in 2022", "against 14.5% a decade before."}},
      // an absolute phrase with its own figure, and "compares with"
      {"It reached 36.1% in 2022, with Medicare at 18.7%.",
       {"It reached 36.1% in 2022", "with Medicare at 18.7%."}},
      {"Its rate of 7.9% compares with 8.3% in 2021.",
       {"Its rate of 7.9%", "compares with 8.3% in 2021."}},
      {"It covered 40% of people with private plans.", {"It covered 40% of people with private plans."}},
      {"Jails sent 900 forms (ICE answered 40 of them) and 12 were lost.",
       {"Jails sent 900 forms", "(ICE answered 40 of them)", "and 12 were lost."}},
  };
  for (const auto& c : cases) {
    std::vector<Span> figs;
    for (const auto& m : extract_mentions(c.sentence))
      if (!(m.unit == Unit::year && m.time_context)) figs.push_back({m.begin, m.end});
    std::vector<std::string> got;
    const std::string_view s = c.sentence;
    for (const Span& sp : detail::figure_clauses(s, figs))
      got.emplace_back(s.substr(sp.begin, sp.end - sp.begin));
    INFO(c.sentence);
    CHECK(got == c.clauses);
  }
}

TEST_CASE("places: states, counties, cities, national markers, anaphors", "[reader]") {
  struct Case {
    const char* text;
    detail::PlaceKind kind;
    const char* id;
  };
  const Case cases[] = {
      {"In Travis County, ...", detail::PlaceKind::county, "travis-county"},
      {"figures for West Virginia", detail::PlaceKind::state, "west-virginia"},
      {"in Los Angeles jails", detail::PlaceKind::city, "los-angeles"},
      {"deportations across the country", detail::PlaceKind::national, ""},
      {"Statewide, 28 percent", detail::PlaceKind::state_anaphor, ""},
  };
  for (const auto& c : cases) {
    auto hits = detail::find_places(c.text);
    INFO(c.text);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == c.kind);
    CHECK(hits[0].id == c.id);
  }
  CHECK(detail::find_places("Level 1 offenses in fiscal 2011").empty());
}

TEST_CASE("a document's date: metadata, dateline, Published line, file date", "[reader]") {
  struct Case {
    const char* text;
    const char* meta;
    Day fallback;
    Day want;
  };
  const Case cases[] = {
      {"Title\n\nLOS ANGELES, Aug. 17, 2010 — A program ...", "", 0, 20100817},
      {"# Title\n\n*Published: March 10, 2011 · a blog*\n\nText in 2009.", "", 0, 20110310},
      {"Text about 2009 and October 2010.", "", 20261203, 20261203},
      {"WASHINGTON, Aug. 2, 2012 — ...", "2012-08-03", 0, 20120803},
      {"In May 2009 the program began.", "", 0, 0},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(detail::find_document_date(c.text, c.meta, c.fallback) == c.want);
  }
}
