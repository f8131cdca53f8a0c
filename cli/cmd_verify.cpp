// cmd_verify.cpp — claimcheck verify: does the indexed corpus back each claim
// of the rules? Exit 1 when any claim is contradicted or not found.
#include <filesystem>

#include "claimcheck/index.hpp"
#include "claimcheck/rules.hpp"
#include "claimcheck/verify.hpp"

#include "commands.hpp"

namespace claimcheck::cli {

namespace {

struct VerifyArgs {
  std::string db;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string output;
};

int run_verify(const VerifyArgs& args) {
  Diagnostics diags;
  Inputs in = load_inputs(args.db, args.rules, true, diags);
  auto& rules = in.rules;
  auto& index = in.index;
  if (diags.has_errors() || !rules || !index) {
    print_diagnostics(diags);
    return kExitInput;
  }
  const VerifyResult result = verify_claims(*rules, *index);
  if (args.format == "json") {
    write_output(render_verify_json(result), args.output);
  } else {
    // The status word that opens each claim's entry, in the colour of its verdict.
    const bool color = color_for_output(args.output);
    write_output(paint_leading_words(render_verify_text(result),
                                     {{"backed-elsewhere", Paint::warning},
                                      {"backed", Paint::good},
                                      {"contradicted by", Paint::dim},
                                      {"contradicted", Paint::error},
                                      {"not-found", Paint::warning}},
                                     color),
                 args.output);
  }
  return result.failed() ? kExitFindings : kExitOk;
}

}  // namespace

void add_verify_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<VerifyArgs>();
  auto* cmd = app.add_subcommand("verify", "does the corpus back each claim in the rules?");
  cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json)");
  cmd->add_option("--rules", args->rules, "rules file (repeatable; default: from claimcheck.json)")
      ->expected(1)
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--format", args->format, "output format")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("-o,--output", args->output,
                  "write the report to FILE (whole or not at all) instead of stdout");
  cmd->callback([&run, args] { run = [args] { return run_verify(*args); }; });
}

}  // namespace claimcheck::cli
