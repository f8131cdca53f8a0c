// suppressions.cpp — comments in a draft that answer its findings:
//   claimcheck-disable-next-line [kind ...] -- reason
//   claimcheck-disable [kind ...] -- reason   ...   claimcheck-enable [kind ...]
// inside <!-- --> in Markdown and HTML, or on a line of their own in text.
// Read from the file's source, line by line, so they work whatever the format
// turns comments into.
#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "claimcheck/suppress.hpp"

namespace claimcheck {

namespace {

struct Directive {
  enum Kind { next_line, disable, enable } kind;
  int line = 0;
  int column = 0;
  std::vector<std::string> kinds;  // empty: every kind
  std::string reason;
};

struct Scope {
  int from = 0, to = 0;  // lines, inclusive; to 0 = to the end
  const Directive* directive = nullptr;
};

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool covers(const Directive& d, const std::string& kind) {
  return d.kinds.empty() || std::find(d.kinds.begin(), d.kinds.end(), kind) != d.kinds.end();
}

}  // namespace

std::vector<Diagnostic> apply_inline_suppressions(FileReport& file) {
  const std::string& src = file.source_text.empty() ? file.text : file.source_text;
  std::vector<Diagnostic> warnings;
  if (src.find("claimcheck-") == std::string::npos) return warnings;
  // The directive, its kinds, then " -- reason" up to the comment's end.
  static const RE2 kDirective(
      R"(claimcheck-(disable-next-line|disable|enable)\b([^\n]*?)(?:\s--\s+([^\n]*?))?\s*(?:-->|\*/|$))");
  std::vector<Directive> directives;
  std::vector<std::pair<size_t, size_t>> lines;  // [begin, end) of every line
  for (size_t b = 0; b <= src.size();) {
    size_t e = src.find('\n', b);
    if (e == std::string::npos) e = src.size();
    lines.emplace_back(b, e);
    b = e + 1;
  }
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view line(src.data() + lines[li].first, lines[li].second - lines[li].first);
    re2::StringPiece in(line.data(), line.size()), kind, kinds, reason;
    while (RE2::FindAndConsume(&in, kDirective, &kind, &kinds, &reason)) {
      Directive d;
      d.kind = kind == "disable-next-line" ? Directive::next_line
               : kind == "disable"          ? Directive::disable
                                            : Directive::enable;
      d.line = int(li) + 1;
      d.column = int(line.find("claimcheck-")) + 1;
      d.kinds = split_words(std::string_view(kinds.data(), kinds.size()));
      d.reason = std::string(reason.data(), reason.size());
      for (const auto& k : d.kinds)
        if (!find_finding_kind(k))
          warnings.push_back({file.path, d.line, d.column, Level::warning,
                              "claimcheck-" + std::string(kind.data(), kind.size()) + ": unknown finding kind '" +
                                  k + "'"});
      if (d.kind != Directive::enable && d.reason.empty())
        warnings.push_back({file.path, d.line, d.column, Level::warning,
                            "suppression without a reason: add ' -- why' so the next editor knows"});
      directives.push_back(std::move(d));
    }
  }
  // Scopes: the next non-blank line, or from a disable to its enable.
  std::vector<Scope> scopes;
  for (size_t k = 0; k < directives.size(); ++k) {
    const Directive& d = directives[k];
    if (d.kind == Directive::next_line) {
      int target = d.line + 1;
      while (size_t(target) <= lines.size() &&
             src.find_first_not_of(" \t\r", lines[size_t(target) - 1].first) >= lines[size_t(target) - 1].second)
        ++target;
      scopes.push_back({target, target, &d});
    } else if (d.kind == Directive::disable) {
      int to = 0;
      for (size_t j = k + 1; j < directives.size() && !to; ++j)
        if (directives[j].kind == Directive::enable) to = directives[j].line;
      scopes.push_back({d.line, to, &d});
    }
  }
  for (auto& x : file.findings) {
    if (x.suppressed) continue;
    for (const auto& s : scopes) {
      if (x.start.line < s.from || (s.to && x.start.line > s.to) || !covers(*s.directive, x.kind)) continue;
      x.suppressed = Finding::Suppression{"inline", s.directive->reason, ""};
      break;
    }
  }
  return warnings;
}

}  // namespace claimcheck
