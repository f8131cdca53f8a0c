// lsp_test.cpp — the language server's pure parts: Content-Length framing
// (good, bad and resynchronised messages), LSP positions in UTF-16/UTF-8/
// UTF-32, file URIs, and the figure rewritten by the quick fix.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "lsp/features.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/positions.hpp"

using namespace claimcheck;
using namespace claimcheck::lsp;

namespace {

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<ReadStatus> statuses(const std::string& input, std::vector<std::string>* errors = nullptr) {
  std::istringstream in(input);
  MessageReader reader(in);
  std::vector<ReadStatus> out;
  for (int i = 0; i < 10; ++i) {
    auto r = reader.next();
    out.push_back(r.status);
    if (errors) errors->push_back(r.error);
    if (r.status == ReadStatus::eof) break;
  }
  return out;
}

}  // namespace

TEST_CASE("framing: messages, garbage and the message after it", "[lsp]") {
  using S = ReadStatus;
  const std::string ok = framed(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  struct Case {
    std::string name, input;
    std::vector<S> want;
  };
  const std::vector<Case> cases = {
      {"one message", ok, {S::message, S::eof}},
      {"two back to back", ok + ok, {S::message, S::message, S::eof}},
      {"with Content-Type", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + ok,
       {S::message, S::eof}},
      {"lower-case header", "content-length: 2\r\n\r\n{}", {S::message, S::eof}},
      {"body not JSON", framed("{\"jsonrpc\": 2.0,") + ok, {S::bad_json, S::message, S::eof}},
      {"length not a number", "Content-Length: abc\r\n\r\n{\"a\":1}" + ok, {S::bad_header, S::message, S::eof}},
      {"negative length", "Content-Length: -5\r\n\r\n" + ok, {S::bad_header, S::message, S::eof}},
      {"huge length", "Content-Length: 99999999999999\r\n\r\n" + ok, {S::bad_header, S::message, S::eof}},
      {"no length", "X-Foo: 1\r\n\r\n" + ok, {S::bad_header, S::message, S::eof}},
      {"body cut short", "Content-Length: 100\r\n\r\n{}", {S::eof}},
      {"empty input", "", {S::eof}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(statuses(c.input) == c.want);
  }
  std::vector<std::string> errors;
  statuses("Content-Length: abc\r\n\r\n", &errors);
  CHECK(errors[0].find("'abc'") != std::string::npos);
}

TEST_CASE("frame writes the byte length of the body", "[lsp]") {
  const std::string f = frame(json{{"text", "79\xC2\xA0%"}});
  const std::string body = f.substr(f.find("\r\n\r\n") + 4);
  CHECK(f.rfind("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n", 0) == 0);
}

TEST_CASE("positions: code point columns to LSP characters and back", "[lsp]") {
  // "é" is 2 bytes, 1 UTF-16 unit; "😀" 4 bytes, 2 UTF-16 units.
  const LineIndex lines("ab\n\xC3\xA9x \xF0\x9F\x98\x80 79%\r\nlast");
  struct Case {
    Position p;
    Encoding e;
    int line, character;
  };
  const std::vector<Case> cases = {
      {{1, 1}, Encoding::utf16, 0, 0},  {{1, 3}, Encoding::utf16, 0, 2},
      {{2, 2}, Encoding::utf16, 1, 1},  {{2, 5}, Encoding::utf16, 1, 5},
      {{2, 5}, Encoding::utf8, 1, 8},   {{2, 5}, Encoding::utf32, 1, 4},
      {{2, 99}, Encoding::utf16, 1, 9},  // clamped to the line's end, "\r" left out
      {{3, 2}, Encoding::utf16, 2, 1},
  };
  for (const auto& c : cases) {
    INFO(c.p.line << ":" << c.p.column << " " << encoding_name(c.e));
    const json got = lines.to_lsp(c.p, c.e);
    CHECK(got["line"] == c.line);
    CHECK(got["character"] == c.character);
    if (c.p.column < 99) {
      const Position back = lines.from_lsp(c.line, c.character, c.e);
      CHECK(back.line == c.p.line);
      CHECK(back.column == c.p.column);
    }
  }
  CHECK(lines.offset_of(1, 5, Encoding::utf16) == 3 + 2 + 1 + 1 + 4);
  CHECK(lines.offset_of(7, 0, Encoding::utf16) == std::string("ab\n\xC3\xA9x \xF0\x9F\x98\x80 79%\r\nlast").size());
}

TEST_CASE("file URIs", "[lsp]") {
  CHECK(uri_to_path("file:///home/a%20b/draft.md") == "/home/a b/draft.md");
  CHECK(uri_to_path("file://localhost/tmp/x.md") == "/tmp/x.md");
  CHECK(uri_to_path("untitled:Untitled-1") == "untitled:Untitled-1");
  CHECK(path_to_uri("/home/a b/#1.md") == "file:///home/a%20b/%231.md");
  CHECK(uri_to_path(path_to_uri("/tmp/caf\xC3\xA9 50%.md")) == "/tmp/caf\xC3\xA9 50%.md");
}

TEST_CASE("the quick fix writes the claim's value in the draft's style", "[lsp]") {
  auto claim = [](double v, Unit u, int decimals) {
    Claim c;
    c.value = v;
    c.unit = u;
    c.decimals = decimals;
    return c;
  };
  struct Case {
    std::string text;
    double read_as;
    Claim claim;
    bool keep_hedge;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"28%", 28, claim(21, Unit::percent, 0), true, "21%"},
      {"28 percent", 28, claim(21, Unit::percent, 0), true, "21 percent"},
      {"about 28%", 28, claim(21, Unit::percent, 0), true, "about 21%"},
      {"4.1%", 4.1, claim(4.0, Unit::percent, 1), true, "4.0%"},
      {"111,000", 111000, claim(47000, Unit::count, 0), true, "47,000"},
      {"1.5 million", 1.5e6, claim(1.2e6, Unit::count, 0), true, "1.2 million"},
      {"$4.2 billion", 4.2e9, claim(3.1e9, Unit::usd, 0), true, "$3.1 billion"},
      {"more than $60 million", 60e6, claim(55e6, Unit::usd, 0), false, "$55 million"},
      {"nearly half", 50, claim(55, Unit::percent, 0), false, "55%"},
      {"seventy-nine percent", 79, claim(55, Unit::percent, 0), false, "55 percent"},
      {"twelve", 12, claim(20000, Unit::count, -1), false, "20,000"},
      {"a dozen", 12, claim(2, Unit::points, 0), false, ""},  // no safe rewrite
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(replacement_text(c.text, c.read_as, c.claim, c.keep_hedge) == c.want);
  }
}

TEST_CASE("code actions: the suppression comment in each format, and the figure replaced", "[lsp]") {
  const std::string text = "Intro.\n  Some 15% of matches were U.S. citizens.\n";
  FileReport report;
  MentionResult m;
  m.mention.begin = 14;
  m.mention.end = 22;
  m.mention.text = "Some 15%";
  m.mention.value = 15;
  m.mention.unit = Unit::percent;
  m.start = {2, 3};
  m.end = {2, 11};
  m.claim = "hits-us-citizens";
  report.mentions.push_back(m);
  Finding x;
  x.kind = "value-mismatch";
  x.begin = 14;
  x.end = 22;
  x.start = {2, 3};
  x.end_pos = {2, 11};
  x.text = "Some 15%";
  x.message = "the reference figure is 5%";
  x.claim = "hits-us-citizens";
  x.fingerprint = "abc";
  report.findings.push_back(x);
  const LineIndex lines(text);
  struct Case {
    std::string format, inserted;
  };
  const std::vector<Case> cases = {
      {"md", "  <!-- claimcheck-disable-next-line value-mismatch -- reason: why this figure stands -->\n"},
      {"html", "  <!-- claimcheck-disable-next-line value-mismatch -- reason: why this figure stands -->\n"},
      {"txt", "  claimcheck-disable-next-line value-mismatch -- reason: why this figure stands\n"},
  };
  for (const auto& c : cases) {
    INFO(c.format);
    // Without rules: only the suppression, inserted at the start of line 2 (index 1).
    json actions = code_actions(report, "file:///d", c.format, lines, {2, 5}, {2, 5}, View{});
    REQUIRE(actions.size() == 1);
    const json& edit = actions[0]["edit"]["changes"]["file:///d"][0];
    CHECK(edit["newText"] == c.inserted);
    CHECK(edit["range"]["start"] == json({{"line", 1}, {"character", 0}}));
    CHECK(actions[0]["diagnostics"][0]["code"] == "value-mismatch");
  }
  // A range on another line offers nothing.
  CHECK(code_actions(report, "file:///d", "md", lines, {1, 1}, {1, 3}, View{}).empty());
  // A suppressed finding is neither published nor offered.
  report.findings[0].suppressed = Finding::Suppression{"inline", "why", ""};
  CHECK(diagnostics(report, lines, View{}).empty());
  CHECK(code_actions(report, "file:///d", "md", lines, {2, 5}, {2, 5}, View{}).empty());
}
