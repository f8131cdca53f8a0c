// cmd_rules.cpp — claimcheck rules lint FILE...
//
// Loads the files together (claim ids are unique across them), prints every
// error and warning as file:line:column: level: message on stdout, then one
// summary line. Exit 0 when there is no error (warnings allowed), 2 otherwise.
#include <iostream>
#include <memory>

#include "claimcheck/rules.hpp"
#include "commands.hpp"

namespace claimcheck::cli {

namespace {

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

int run_lint(const std::vector<std::string>& files) {
  Diagnostics diags;
  lint_rules(files, diags);
  std::string out;
  size_t warnings = 0;
  for (const auto& d : diags.items()) {
    out += d.format() + "\n";
    if (d.level == Level::warning) ++warnings;
  }
  const size_t errors = diags.error_count();
  out += plural(files.size(), "rules file") + ": " + plural(errors, "error") + ", " + plural(warnings, "warning") +
         "\n";
  write_stdout(out);
  return errors ? kExitInput : kExitOk;
}

}  // namespace

void add_rules_command(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("rules", "work with rules files");
  cmd->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  auto* lint = cmd->add_subcommand("lint", "check rules files: errors, then smells as warnings");
  lint->add_option("FILE", *files, "rules files, loaded together")->required();
  lint->callback([&run, files] { run = [files] { return run_lint(*files); }; });
}

}  // namespace claimcheck::cli
