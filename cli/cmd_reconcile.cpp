// cmd_reconcile.cpp — claimcheck reconcile: group the corpus figures by the claim
// they are figures of, else by their frame; report two documents' different
// values for one statistic as a conflict, ranked first. Exit 0 unless the input is bad.
#include <filesystem>

#include "claimcheck/index.hpp"
#include "claimcheck/rules.hpp"
#include "claimcheck/verify.hpp"

#include "commands.hpp"

namespace claimcheck::cli {

namespace {

struct ReconcileArgs {
  std::string db;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string output;
};

int run_reconcile(const ReconcileArgs& args) {
  Diagnostics diags;
  Inputs in = load_inputs(args.db, args.rules, true, diags);
  auto& rules = in.rules;
  auto& index = in.index;
  if (diags.has_errors() || !rules || !index) {
    print_diagnostics(diags);
    return kExitInput;
  }
  const ReconcileResult result = reconcile(&*rules, *index);
  if (args.format == "json")
    write_output(render_reconcile_json(result), args.output);
  else if (args.format == "csv")
    write_output(render_reconcile_csv(result), args.output);
  else if (args.format == "html")
    write_output(render_reconcile_html(result), args.output);
  else
    write_output(paint_leading_words(render_reconcile_text(result),
                                     {{"CONFLICT", Paint::error},
                                      {"conflict:", Paint::error},
                                      {"UNSOURCED", Paint::warning},
                                      {"AGREEING", Paint::bold},
                                      {"UNFRAMED", Paint::bold}},
                                     color_for_output(args.output)),
                 args.output);
  return kExitOk;
}

}  // namespace

void add_reconcile_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<ReconcileArgs>();
  auto* cmd = app.add_subcommand("reconcile", "group the corpus's figures by claim or frame; conflicts first");
  cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json)");
  cmd->add_option("--rules", args->rules, "rules file (repeatable; default: from claimcheck.json)")
      ->expected(1)
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--format", args->format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
  cmd->add_option("-o,--output", args->output,
                  "write the report to FILE (whole or not at all) instead of stdout");
  cmd->callback([&run, args] { run = [args] { return run_reconcile(*args); }; });
}

}  // namespace claimcheck::cli
