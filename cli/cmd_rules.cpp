// cmd_rules.cpp — STUB: claimcheck rules lint (the rules work replaces it).
#include <iostream>

#include "commands.hpp"

namespace claimcheck::cli {

void add_rules_command(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("rules", "work with rules files: rules lint FILE...");
  cmd->allow_extras();
  cmd->callback([&run] { run = [] { std::cerr << "claimcheck: error: rules lint not implemented\n"; return kExitInput; }; });
}

}  // namespace claimcheck::cli
