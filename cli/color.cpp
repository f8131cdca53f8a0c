// color.cpp — the one place the command line decides on colour: --color=auto|always|never
// (a global option, so every verb takes it) and NO_COLOR, for stdout and stderr alike.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.hpp"

namespace claimcheck::cli {

namespace {

std::string g_mode = "auto";

const char* code(Paint p) {
  switch (p) {
    case Paint::error: return "\x1b[1;31m";
    case Paint::warning: return "\x1b[1;33m";
    case Paint::note: return "\x1b[1;36m";
    case Paint::good: return "\x1b[32m";
    case Paint::bold: return "\x1b[1m";
    case Paint::dim: return "\x1b[2m";
  }
  return "";
}

}  // namespace

void set_color_mode(const std::string& mode) { g_mode = mode; }

// auto: only on a terminal, and not when NO_COLOR is set to anything
// non-empty (https://no-color.org); always and never win over both.
bool color_on(int fd) {
  if (g_mode == "always") return true;
  if (g_mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) && (no_color == nullptr || *no_color == '\0');
}

// A report goes to stdout unless -o names a file; a file is coloured only
// with --color=always (isatty(-1) is false).
bool color_for_output(const std::string& output) {
  return color_on(output.empty() || output == "-" ? STDOUT_FILENO : -1);
}

std::string paint(std::string_view text, Paint p, bool on) {
  if (!on || text.empty()) return std::string(text);
  return code(p) + std::string(text) + "\x1b[0m";
}

std::string paint_leading_words(std::string_view text,
                                const std::vector<std::pair<std::string, Paint>>& words, bool on) {
  if (!on) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
    text.remove_prefix(line.size());
    const size_t lead = line.find_first_not_of(' ');
    bool painted = false;
    if (lead != std::string_view::npos) {
      for (const auto& [word, p] : words) {
        if (line.substr(lead).starts_with(word)) {
          out += std::string(line.substr(0, lead)) + paint(word, p, true) +
                 std::string(line.substr(lead + word.size()));
          painted = true;
          break;
        }
      }
    }
    if (!painted) out += line;
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d, bool on) {
  if (!on) return d.format();
  // "file:line:col: error: message": the location bold, the level in its colour.
  Diagnostic head = d;
  head.message.clear();
  const std::string h = head.format();  // "file:line:col: error: "
  const std::string level = d.level == Level::error     ? "error:"
                            : d.level == Level::warning ? "warning:"
                                                        : "note:";
  const Paint p = d.level == Level::error     ? Paint::error
                  : d.level == Level::warning ? Paint::warning
                                              : Paint::note;
  return paint(h.substr(0, h.size() - level.size() - 1), Paint::bold, true) +
         paint(level, p, true) + " " + d.message;
}

void print_diagnostic(const Diagnostic& d) {
  std::cerr << (d.file.empty() ? "claimcheck: " : "") << format_diagnostic(d, color_on(STDERR_FILENO))
            << "\n";
}

void print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.items()) print_diagnostic(d);
}

}  // namespace claimcheck::cli
