// cmd_later.cpp — verbs a later issue delivers; they say so and exit 2.
#include <iostream>

#include "commands.hpp"

namespace claimcheck::cli {

[[maybe_unused]] static void add_pending(CLI::App& app, Runner& run, const std::string& name,
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

}  // namespace claimcheck::cli
