// text.cpp — a compiler-style text report: path:line:col: severity: message [kind],
// the source line, a caret under the span, and a line of evidence.
#include <algorithm>
#include <string>
#include <vector>

#include "claimcheck/report.hpp"
#include "report/figure_text.hpp"

namespace claimcheck {

namespace {

struct Style {
  bool on;
  std::string bold() const { return on ? "\x1b[1m" : ""; }
  std::string red() const { return on ? "\x1b[1;31m" : ""; }
  std::string yellow() const { return on ? "\x1b[1;33m" : ""; }
  std::string cyan() const { return on ? "\x1b[1;36m" : ""; }
  std::string green() const { return on ? "\x1b[32m" : ""; }
  std::string dim() const { return on ? "\x1b[2m" : ""; }
  std::string reset() const { return on ? "\x1b[0m" : ""; }
};

// Text from a draft or the corpus, made safe for a terminal: C0 controls
// (tab kept), DEL and C1 controls become their visible pictures (U+2400..,
// U+2421, U+FFFD) and bidirectional overrides U+FFFD, one code point each so
// columns and carets still line up. An escape sequence in a draft can then
// neither recolour nor rewrite the user's terminal.
std::string printable(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      const unsigned cp = c == 0x7F ? 0x2421 : 0x2400 + c;
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      out += "\xEF\xBF\xBD";  // C1 control (U+0080..U+009F), CSI among them
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() &&
               ((s[i + 1] == '\x80' && static_cast<unsigned char>(s[i + 2]) >= 0xAA &&
                 static_cast<unsigned char>(s[i + 2]) <= 0xAE) ||
                (s[i + 1] == '\x81' && static_cast<unsigned char>(s[i + 2]) >= 0xA6 &&
                 static_cast<unsigned char>(s[i + 2]) <= 0xA9))) {
      out += "\xEF\xBF\xBD";  // U+202A..U+202E, U+2066..U+2069
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string source_line(const std::string& source, int line) {
  size_t pos = 0;
  for (int l = 1; l < line && pos != std::string::npos; ++l) {
    pos = source.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos || pos > source.size()) return "";
  size_t end = source.find('\n', pos);
  std::string s = source.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

// Columns are code points; the caret line mirrors tabs so it lines up.
std::string caret_line(const std::string& line, int column, int width) {
  std::string out;
  int col = 1;
  for (size_t i = 0; i < line.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += (c == '\t') ? '\t' : ' ';
    ++col;
  }
  out += '^';
  for (int i = 1; i < width; ++i) out += '~';
  return out;
}

using report::figure_text;
using report::number_text;

// A quote cut to about `max` code points, never inside a character, keeping
// `keep` (the figure the finding is about) in view when the quote has it.
std::string shorten(const std::string& quote, const std::string& keep, size_t max) {
  std::vector<size_t> starts;  // byte offset of every code point
  for (size_t i = 0; i < quote.size(); ++i)
    if ((static_cast<unsigned char>(quote[i]) & 0xC0) != 0x80) starts.push_back(i);
  if (starts.size() <= max) return quote;
  size_t first = 0;  // index into starts
  const size_t at = keep.empty() ? std::string::npos : quote.find(keep);
  if (at != std::string::npos) {
    const size_t cp = size_t(std::lower_bound(starts.begin(), starts.end(), at) - starts.begin());
    if (cp + 20 > max) first = std::min(cp + 20 - max + 3, starts.size() - max + 3);
  }
  const size_t last = std::min(starts.size(), first + max - 3 - (first ? 3 : 0));
  const size_t b = starts[first];
  const size_t e = last < starts.size() ? starts[last] : quote.size();
  return (first ? "..." : "") + quote.substr(b, e - b) + (e < quote.size() ? "..." : "");
}

}  // namespace

std::string render_text(const Report& r, const RenderOptions& o) {
  Style st{o.color};
  std::string out;
  for (const auto& f : r.files) {
    const std::string path = printable(f.path);
    for (const auto& x : f.findings) {
      if (!x.active() || x.severity < o.min_level) continue;
      std::string sev_color = x.severity == Severity::error     ? st.red()
                              : x.severity == Severity::warning ? st.yellow()
                                                                : st.cyan();
      out += st.bold() + path + ":" + std::to_string(x.start.line) + ":" +
             std::to_string(x.start.column) + ":" + st.reset() + " " + sev_color +
             std::string(severity_name(x.severity)) + ":" + st.reset() + " " + printable(x.message) + " " +
             st.dim() + "[" + x.kind + "]" + st.reset() + "\n";
      std::string line =
          printable(source_line(f.source_text.empty() ? f.text : f.source_text, x.start.line));
      if (!line.empty()) {
        int width = x.end_pos.line == x.start.line
                        ? std::max(1, x.end_pos.column - x.start.column)
                        : 1;
        out += "  " + line + "\n";
        out += "  " + st.green() + caret_line(line, x.start.column, width) + st.reset() + "\n";
      }
      for (const auto& e : x.evidence) {
        const std::string quote = shorten(e.quote, x.text, 160);
        out += "  " + st.cyan() + "= evidence:" + st.reset() + " " + printable(e.doc) + ":" +
               std::to_string(e.line) + " \"" + printable(quote) + "\"\n";
      }
    }
    // Then, asked for, every figure, one per line, so a fact-checker sees
    // what was read.
    for (const auto& m : f.mentions) {
      if (!o.figures) break;
      out += path + ":" + std::to_string(m.start.line) + ":" + std::to_string(m.start.column) +
             ": " + st.dim() + "figure:" + st.reset() + " " + printable(m.mention.text) + " = " +
             figure_text(m.mention) + " [" +
             number_text(m.mention.lo) + ", " + number_text(m.mention.hi) + ") " + m.verdict +
             (m.claim.empty() ? "" : " (" + m.claim + ")") + "\n";
    }
  }
  if (!o.summary) return out;
  const Summary s = r.summary();
  out += std::to_string(s.mentions) + " figures, " + std::to_string(s.supported) +
         " supported, " + std::to_string(s.errors) + " errors, " + std::to_string(s.warnings) +
         " warnings, " + std::to_string(s.infos) + " notes";
  if (s.suppressed) out += ", " + std::to_string(s.suppressed) + " suppressed";
  if (s.in_baseline) out += ", " + std::to_string(s.in_baseline) + " in the baseline";
  return out + "\n";
}

}  // namespace claimcheck
