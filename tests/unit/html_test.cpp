// html_test.cpp — the HTML report on hand-made reports: everything from the draft and the
// corpus escaped, nothing external, every mention highlighted, overlapping spans well nested.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "claimcheck/report.hpp"

using namespace claimcheck;

namespace {

MentionResult mention(const std::string& text, const std::string& in, const std::string& verdict) {
  MentionResult m;
  m.mention.begin = in.find(text);
  m.mention.end = m.mention.begin + text.size();
  m.mention.text = text;
  m.mention.unit = Unit::percent;
  m.start = {1, static_cast<int>(m.mention.begin) + 1};
  m.end = {1, static_cast<int>(m.mention.end) + 1};
  m.verdict = verdict;
  return m;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

// Every opened element is closed in order (void elements aside).
bool well_nested(const std::string& html) {
  static const std::regex tag(R"(<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>)");
  std::vector<std::string> stack;
  for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it) {
    const std::string name = (*it)[2];
    if (name == "meta" || name == "br") continue;
    if ((*it)[1] == "/") {
      if (stack.empty() || stack.back() != name) return false;
      stack.pop_back();
    } else {
      stack.push_back(name);
    }
  }
  return stack.empty();
}

Report hostile_report() {
  const std::string text =
      "Intro <script>alert(1)</script> & \"quotes\" 'too'. In FY2011, 79% were deported.\n";
  FileReport f;
  f.path = "<script>alert('path')</script>.md";
  f.text = text;
  f.mentions.push_back(mention("79%", text, "discrepancy"));
  Finding x;
  x.kind = "period-mismatch";
  x.severity = Severity::error;
  x.begin = f.mentions[0].mention.begin;
  x.end = f.mentions[0].mention.end;
  x.text = "79%";
  x.message = "period differs <script>alert(2)</script>";
  x.dimensions = {"period"};
  x.evidence = {{"<b>doc</b>.txt", 12, "quote <script>alert(3)</script> & more"}};
  f.findings.push_back(x);
  Report r;
  r.files.push_back(f);
  return r;
}

}  // namespace

TEST_CASE("HTML escapes everything from the draft and the corpus", "[report]") {
  const std::string html = render_html(hostile_report());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>doc") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("quote &lt;script&gt;alert(3)&lt;/script&gt; &amp; more") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;path&#39;)") != std::string::npos);
  CHECK(html.find("&quot;quotes&quot; &#39;too&#39;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;doc&lt;/b&gt;.txt:12") != std::string::npos);
}

TEST_CASE("HTML is self-contained: no external scripts, styles, fonts or URLs", "[report]") {
  const std::string html = render_html(hostile_report());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(well_nested(html));
}

TEST_CASE("HTML highlights every mention with its verdict and notes each finding", "[report]") {
  const std::string text =
      "Of 100 removals, 40% were supported, 7% unsupported, 3% unchecked, 79% wrong.\n";
  FileReport f;
  f.path = "d.md";
  f.text = text;
  f.mentions = {mention("40%", text, "supported"), mention("7%", text, "unsupported"),
                mention("3%", text, "unchecked"), mention("79%", text, "discrepancy")};
  Finding x;
  x.kind = "period-mismatch";
  x.severity = Severity::error;
  x.begin = f.mentions[3].mention.begin;
  x.end = f.mentions[3].mention.end;
  x.text = "79%";
  x.message = "79% is the figure for 2008-2010, not FY2011";
  x.dimensions = {"period"};
  x.evidence = {{"001.txt", 9, "Seventy-nine percent were non-criminals"}};
  f.findings.push_back(x);
  Report r;
  r.files.push_back(f);
  const std::string html = render_html(r);

  CHECK(html.find("<mark class=\"supported\" id=\"m0-0\"") != std::string::npos);
  CHECK(html.find("<mark class=\"unsupported\" id=\"m0-1\"") != std::string::npos);
  CHECK(html.find("<mark class=\"unchecked\" id=\"m0-2\"") != std::string::npos);
  // The mention with a finding carries both the verdict and the finding's classes.
  const std::regex wrong(R"re(<mark class="([^"]*)" id="m0-3"[^>]*data-notes="n0-0"[^>]*>79%</mark>)re");
  std::smatch m;
  REQUIRE(std::regex_search(html, m, wrong));
  CHECK(m[1].str().find("discrepancy") != std::string::npos);
  CHECK(m[1].str().find("finding") != std::string::npos);
  CHECK(m[1].str().find("error") != std::string::npos);
  // The note: kind, severity, message, differing dimension, evidence with doc:line.
  const size_t note = html.find("id=\"n0-0\"");
  REQUIRE(note != std::string::npos);
  const std::string rest = html.substr(note);
  CHECK(rest.find("period-mismatch") != std::string::npos);
  CHECK(rest.find("error") != std::string::npos);
  CHECK(rest.find("not FY2011") != std::string::npos);
  CHECK(rest.find("Differs in: <span class=\"dimensions\">period</span>") != std::string::npos);
  CHECK(rest.find("001.txt:9") != std::string::npos);
  CHECK(html.find("href=\"#n0-0\"") != std::string::npos);
  // Summary counts by verdict and severity.
  CHECK(html.find("class=\"count-supported\">1<") != std::string::npos);
  CHECK(html.find("class=\"count-discrepancy\">1<") != std::string::npos);
  CHECK(html.find("class=\"count-errors\">1<") != std::string::npos);
  CHECK(html.find("class=\"count-warnings\">0<") != std::string::npos);
  CHECK(well_nested(html));
}

TEST_CASE("HTML keeps overlapping spans well nested", "[report]") {
  const std::string text = "The share fell from 79% to 55% in one year, a drop of 24 points.\n";
  FileReport f;
  f.path = "d.md";
  f.text = text;
  f.mentions = {mention("79%", text, "discrepancy"), mention("55%", text, "supported"),
                mention("24 points", text, "unsupported")};
  Finding cmp;  // covers both figures and the words between them
  cmp.kind = "incomparable";
  cmp.begin = text.find("from 79%");
  cmp.end = text.find(" in one");
  cmp.text = text.substr(cmp.begin, cmp.end - cmp.begin);
  cmp.message = "different periods and definitions";
  cmp.dimensions = {"period", "category"};
  Finding part;  // starts inside a mention and ends after it
  part.kind = "arithmetic";
  part.severity = Severity::warning;
  part.begin = text.find("4 points");
  part.end = text.find(".\n");
  part.text = text.substr(part.begin, part.end - part.begin);
  f.findings = {cmp, part};
  Report r;
  r.files.push_back(f);
  const std::string html = render_html(r);

  CHECK(count(html, "<mark") == count(html, "</mark>"));
  CHECK(count(html, "<span") == count(html, "</span>"));
  CHECK(well_nested(html));
  // Each mention still appears highlighted (its id on its first piece) with its verdict.
  CHECK(std::regex_search(html, std::regex(R"(<mark class="[^"]*discrepancy[^"]*" id="m0-0")")));
  CHECK(std::regex_search(html, std::regex(R"(<mark class="[^"]*supported[^"]*" id="m0-1")")));
  CHECK(std::regex_search(html, std::regex(R"(<mark class="[^"]*unsupported[^"]*" id="m0-2")")));
  // Words inside the finding but outside any mention are underlined, not marked.
  CHECK(html.find("<span class=\"error finding\" data-notes=\"n0-0\"") != std::string::npos);
  // The draft text comes out whole, in order, once the tags are stripped.
  const size_t a = html.find("<div class=\"draft\">"), b = html.find("</div>", a);
  std::string draft = html.substr(a, b - a);
  draft = std::regex_replace(draft, std::regex("<sup[^>]*>.*?</sup>"), "");
  draft = std::regex_replace(draft, std::regex("<[^>]*>"), "");
  CHECK(draft == text);
}

TEST_CASE("HTML survives spans outside the text and invalid UTF-8", "[report]") {
  FileReport f;
  f.path = "d.txt";
  f.text = "bad \xff byte 12% and \xc3\xa9t\xc3\xa9";
  MentionResult m;
  m.mention.begin = 11;
  m.mention.end = 14;
  m.verdict = "supported";
  f.mentions.push_back(m);
  MentionResult beyond;
  beyond.mention.begin = 500;
  beyond.mention.end = 510;
  f.mentions.push_back(beyond);
  Finding mid;  // ends in the middle of a UTF-8 character: moved to its start
  mid.kind = "unsupported";
  mid.begin = 19;
  mid.end = 23;
  f.findings.push_back(mid);
  Report r;
  r.files.push_back(f);
  const std::string html = render_html(r);
  CHECK(html.find("bad \xEF\xBF\xBD byte") != std::string::npos);
  CHECK(html.find(">12%</mark>") != std::string::npos);
  CHECK(well_nested(html));
}

TEST_CASE("html: the hover and the figures table say where each part of a frame was read", "[html]") {
  const std::string text = "In fiscal 2011, 26% had no conviction.";
  FileReport f;
  f.path = "d.md";
  f.text = text;
  MentionResult m = mention("26%", text, "supported");
  m.frame.measure = "removals";
  m.source.measure = Origin::context;
  m.frame.category = {"no-conviction"};
  m.source.category = Origin::stated;
  m.frame.program = "sc";
  m.source.program = Origin::default_value;
  f.mentions.push_back(m);
  Report r;
  r.files.push_back(f);
  const std::string html = render_html(r);
  CHECK(count(html, "measure: removals (context)") == 2);  // hover and table
  CHECK(count(html, "category: no-conviction (stated)") == 2);
  CHECK(count(html, "program: sc (default)") == 2);
  CHECK(count(html, "place:") == 0);  // unknown and empty: not shown
}
