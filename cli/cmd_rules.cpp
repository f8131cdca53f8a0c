// cmd_rules.cpp — claimcheck rules lint [--db DIR] FILE... | rules suggest [PATH...]
//
// lint loads the files together (claim ids are unique across them), prints
// every error and warning as file:line:column: level: message on stdout, then
// one summary line; with --db (or --corpus, the configured index) phrases the
// corpus never holds are warned about too. Exit 0 when there is no error (warnings allowed), 2
// otherwise.
//
// suggest drafts a rules file from the documents given, or from those of the
// index (--db, else claimcheck.json's), optionally added to an existing file
// (--merge); written whole to --output or stdout, a summary on stderr.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "claimcheck/index.hpp"
#include "claimcheck/rules.hpp"
#include "claimcheck/suggest.hpp"
#include <unistd.h>

#include "commands.hpp"

namespace claimcheck::cli {

namespace fs = std::filesystem;

namespace {

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

struct LintArgs {
  std::vector<std::string> files;
  std::string db;       // --db: phrases checked against this index
  bool corpus = false;  // --corpus: ... against claimcheck.json's index
};

int run_lint(const LintArgs& args) {
  const auto& files = args.files;
  Diagnostics diags;
  if (!args.db.empty() || args.corpus) {
    const std::string db = args.db.empty() ? load_config().db : args.db;
    std::error_code ec;
    std::unique_ptr<Index> index;
    if (db.empty() || !fs::exists(db, ec))
      diags.error(db, 0, 0, "no index here; run 'claimcheck index --db " + db + " PATH...' first");
    else
      index = open_index(db, OpenMode::read, diags);
    if (!index) {
      print_diagnostics(diags);
      return kExitInput;
    }
    lint_rules(files, *index, diags);
  } else {
    lint_rules(files, diags);
  }
  std::string out;
  size_t warnings = 0;
  const bool color = color_on(STDOUT_FILENO);
  for (const auto& d : diags.items()) {
    out += format_diagnostic(d, color) + "\n";
    if (d.level == Level::warning) ++warnings;
  }
  const size_t errors = diags.error_count();
  out += plural(files.size(), "rules file") + ": " + plural(errors, "error") + ", " +
         plural(warnings, "warning") + "\n";
  write_stdout(out);
  return errors ? kExitInput : kExitOk;
}

struct SuggestArgs {
  std::string db;
  std::string merge;
  std::string output;
  std::vector<std::string> paths;
};

// The files under `paths` (folders walked, in name order) that claimcheck reads.
std::vector<std::string> document_files(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && !format_from_path(it->path().string()).empty())
        found.push_back(it->path().string());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

int run_suggest(const SuggestArgs& args) {
  Diagnostics diags;
  std::vector<std::string> files = document_files(args.paths);
  if (args.paths.empty()) {
    const Config config = load_config();
    const std::string db = args.db.empty() ? config.db : args.db;
    std::error_code ec;
    if (db.empty() || !fs::exists(db, ec)) {
      diags.error(
          db, 0, 0,
          "no index here; give documents (rules suggest PATH...) or run 'claimcheck index' first");
    } else if (auto index = open_index(db, OpenMode::read, diags)) {
      files = index->paths();
      std::sort(files.begin(), files.end());
    }
  }
  SuggestOptions options;
  if (!args.merge.empty()) {
    std::ifstream in(args.merge, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in)
      diags.error(args.merge, 0, 0, "cannot read the rules file to merge into");
    else
      options.merge = std::make_pair(args.merge, text.str());
  }
  std::vector<Document> docs;
  for (const auto& f : files)
    if (auto doc = read_document(f, diags)) docs.push_back(std::move(*doc));
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }
  if (docs.empty()) {
    print_diagnostics(diags);
    std::cerr << "claimcheck: error: no documents to draft rules from\n";
    return kExitInput;
  }
  auto result = suggest_rules(docs, options, diags);
  print_diagnostics(diags);
  if (!result) return kExitInput;
  write_output(result->json, args.output);
  std::cerr << "claimcheck: drafted " << plural(result->claims, "claim") << " from "
            << plural(result->figures, "figure") << " in " << plural(result->documents, "document")
            << " (" << plural(result->conflicts, "conflicting frame") << ", "
            << result->without_measure
            << " figures without a measure left out); a draft: edit it, then run 'claimcheck rules "
               "lint' and "
               "'claimcheck verify'\n";
  return kExitOk;
}

}  // namespace

void add_rules_command(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("rules", "work with rules files");
  cmd->require_subcommand(1);
  auto lint_args = std::make_shared<LintArgs>();
  auto* lint = cmd->add_subcommand("lint", "check rules files: errors, then smells as warnings");
  lint->add_option("FILE", lint_args->files, "rules files, loaded together")->required();
  lint->add_option("--db", lint_args->db,
                   "also warn about phrases no figure sentence of this index holds");
  lint->add_flag("--corpus", lint_args->corpus, "the same, with the index of claimcheck.json");
  lint->callback([&run, lint_args] { run = [lint_args] { return run_lint(*lint_args); }; });

  auto args = std::make_shared<SuggestArgs>();
  auto* suggest =
      cmd->add_subcommand("suggest", "draft a rules file from the corpus's figures, to edit");
  suggest->add_option("PATH", args->paths, "documents or folders (default: those of the index)");
  suggest->add_option("--db", args->db, "index directory (default: from claimcheck.json)");
  suggest->add_option("--merge", args->merge,
                      "add to this rules file, without duplicating its claims");
  suggest->add_option("-o,--output", args->output,
                      "write the rules to FILE (whole or not at all) instead of stdout");
  suggest->callback([&run, args] { run = [args] { return run_suggest(*args); }; });
}

}  // namespace claimcheck::cli
