// main.cpp — argv to a subcommand, one catch at the top, exit status.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>

#include "commands.hpp"

namespace {

// Xapian 1.4 can throw from inside a commit that fails on a full disk in a way
// that ends in std::terminate. Its commits are atomic, so the database keeps
// its last committed state: say what happened and exit as for any input
// error rather than abort with a core dump.
[[noreturn]] void on_terminate() {
  const std::string& doing = claimcheck::cli::activity();
  // Out of memory inside a noexcept function (the JSON writer) ends here with
  // the memory still taken: say so without allocating.
  try {
    if (auto e = std::current_exception()) std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    std::fputs("claimcheck: error: ", stderr);
    if (!doing.empty()) {
      std::fputs(doing.c_str(), stderr);
      std::fputs(": ", stderr);
    }
    std::fputs("out of memory (std::bad_alloc)\n", stderr);
    std::_Exit(claimcheck::cli::kExitInput);
  } catch (...) {
  }
  std::string what = claimcheck::describe_exception(std::current_exception());
  if (!doing.empty()) what = doing + ": " + what;
  std::fputs(("claimcheck: error: " + what + "\n").c_str(), stderr);
  std::_Exit(claimcheck::cli::kExitInput);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace claimcheck::cli;
  guard_standard_streams();
  std::set_terminate(on_terminate);
  CLI::App app{"claimcheck — checks the numbers in policy writing", "claimcheck"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "claimcheck 0.1.0");
  std::string config_file;
  app.add_option("--config", config_file,
                 "configuration file (default: $CLAIMCHECK_CONFIG, else the first claimcheck.json "
                 "from here up to the repository root)")
      ->type_name("FILE");
  app.fallthrough();  // --config and --color may also follow the verb
  Runner run;
  add_init_command(app, run);
  add_config_command(app, run);
  add_index_command(app, run);
  add_check_command(app, run);
  add_verify_command(app, run);
  add_reconcile_command(app, run);
  add_search_command(app, run);
  add_rules_command(app, run);
  add_serve_command(app, run);
  add_lsp_command(app, run);
  // --color on the program and on every verb (anywhere on the line: an
  // option after a verb's file arguments is not passed up to the program).
  std::string color = "auto";
  std::function<void(CLI::App*)> add_color = [&](CLI::App* a) {
    a->add_option("--color", color,
                  "colour the text printed: auto (on a terminal, unless NO_COLOR is set), always "
                  "or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    for (auto* sub : a->get_subcommands([](CLI::App*) { return true; })) add_color(sub);
  };
  add_color(&app);
  // CLI11 reports an unknown verb as a missing one; name it instead.
  auto known = [&](const std::string& name) {
    for (const auto* sub : app.get_subcommands({}))
      if (sub->get_name() == name) return true;
    return false;
  };
  if (argc > 1 && argv[1][0] != '-' && !known(argv[1])) {
    std::cerr << "claimcheck: error: unknown command '" << argv[1] << "'\n"
              << "Run 'claimcheck --help' for the list of commands.\n";
    return kExitInput;
  }
  try {
    app.parse(argc, argv);
    set_config_file(config_file);
    set_color_mode(color);
    return run ? run() : kExitInput;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "claimcheck: error: " << e.what() << "\n"
              << "Run 'claimcheck --help' for the list of commands.\n";
    return kExitInput;
  } catch (const claimcheck::InputError& e) {
    for (const auto& d : e.diagnostics()) print_diagnostic(d);
    return kExitInput;
  } catch (...) {
    std::cerr << "claimcheck: error: "
              << (activity().empty() ? "" : activity() + ": ")
              << claimcheck::describe_exception(std::current_exception()) << "\n";
    return kExitInput;
  }
}
