// cmd_later.cpp — verbs a later issue delivers; they say so and exit 2.
#include <iostream>

#include "commands.hpp"

namespace claimcheck::cli {

static void add_pending(CLI::App& app, Runner& run, const std::string& name,
                        const std::string& help, const std::string& issue) {
  auto* cmd = app.add_subcommand(name, help + " (not yet available)");
  cmd->allow_extras();
  cmd->callback([&run, name, issue] {
    run = [name, issue] {
      std::cerr << "claimcheck: error: '" << name << "' is not implemented yet (" << issue
                << ")\n";
      return kExitInput;
    };
  });
}

void add_verify_command(CLI::App& app, Runner& run) {
  add_pending(app, run, "verify", "does the corpus back each claim in the rules?", "issue 6");
}
void add_reconcile_command(CLI::App& app, Runner& run) {
  add_pending(app, run, "reconcile", "group the corpus's figures and flag conflicts", "issue 6");
}

}  // namespace claimcheck::cli
