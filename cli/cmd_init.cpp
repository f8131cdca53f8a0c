// cmd_init.cpp — claimcheck init [DIR]: a new project in one command.
//
// Creates DIR/claimcheck.json, an empty DIR/corpus/, a starter rules file
// DIR/rules/rules.json (lint-clean, no claims yet) and DIR/rules/README.md on
// what to fill in, then prints the next steps. Nothing existing is
// overwritten: every file is checked first, then created exclusively.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "commands.hpp"

namespace claimcheck::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kConfigText = R"({
  "db": ".claimcheck/db",
  "corpus": ["corpus"],
  "rules": ["rules/rules.json"]
}
)";

constexpr const char* kRulesText = R"({
  "claimcheck_rules": 1,
  "title": "My figures",
  "description": "Starter rules written by 'claimcheck init'. Fill in the vocabulary and the claims: see rules/README.md.",
  "defaults": {},
  "vocabulary": {
    "program": {},
    "measure": {},
    "category": {},
    "place": {},
    "period": {}
  },
  "claims": []
}
)";

constexpr const char* kRulesReadme = R"(# Rules: what to fill in

`rules.json` holds the reference figures drafts are checked against. It starts
empty: with no claims, `claimcheck check` finds each figure's evidence in the
corpus but cannot say a figure is wrong. Fill in, in this order:

1. **vocabulary** — the words that say what a figure measures, by dimension:
   - `measure`: what is counted, e.g. `"removals": ["deported", "deportations", "removals"]`
   - `category`: which part of it, e.g. `"non-criminal": ["no criminal record", "non-criminal"]`
   - `program`, `place`: who runs it, where, e.g. `"oregon": ["Oregon"]`
   - `period`: named periods, e.g. `"first-year": {"phrases": ["first year"], "from": "2008-10-27", "to": "2009-10-26"}`
   Phrases match case-insensitively on word boundaries; list each inflection
   you need ("deported", "deportations"); `/.../` is an RE2 pattern.
2. **defaults** — the program and place a document is about when it does not say.
3. **claims** — one per reference figure, e.g.

   ```json
   { "id": "removals-noncriminal-2008-2010", "value": 79, "unit": "percent",
     "frame": { "measure": "removals", "category": ["non-criminal"],
                "period": { "from": "2008-10-27", "to": "2010-06-30" } },
     "definition": "what exactly is counted, in your words",
     "source": { "publisher": "who states it", "doc": "file-in-corpus.txt" } }
   ```

   Units: `percent`, `points`, `count`, `usd`, `year`. A period is
   `{from, to}`, `"FY2011"`, `"2009"` or a vocabulary period id.

Then:

    claimcheck rules lint rules/rules.json   # errors and smells, with line and column
    claimcheck verify                        # does the corpus back each claim?
    claimcheck check DRAFT.md                # check a draft

Which dimension gives which finding (a stated period that differs from the
claim's is `period-mismatch`, a category `definition-mismatch`, a measure
`population-mismatch`, a program `program-mismatch`) and the whole format:
docs/rules-format.md in the claimcheck repository.
)";

struct InitFile {
  fs::path path;
  const char* text;
};

// Creates `path` only if it does not exist (O_EXCL), writing all of `text`.
std::string create_exclusive(const fs::path& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wx");
  if (!f) return std::strerror(errno);
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const int err = errno;
  if (std::fclose(f) != 0 || !ok) {
    std::error_code ec;
    fs::remove(path, ec);
    return std::strerror(ok ? errno : err);
  }
  return "";
}

int run_init(const std::string& dir_arg) {
  const fs::path dir = dir_arg.empty() ? fs::path(".") : fs::path(dir_arg);
  const std::vector<InitFile> files = {{dir / "claimcheck.json", kConfigText},
                                       {dir / "rules" / "rules.json", kRulesText},
                                       {dir / "rules" / "README.md", kRulesReadme}};
  const fs::path corpus = dir / "corpus";

  // Phase 1: refuse before creating anything.
  Diagnostics diags;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    diags.error(dir.string(), 0, 0, "exists and is not a folder");
  for (const auto& f : files)
    if (fs::exists(fs::symlink_status(f.path, ec)))
      diags.error(f.path.string(), 0, 0,
                  "already exists; 'claimcheck init' does not overwrite files");
  if (fs::exists(corpus, ec) && !fs::is_directory(corpus, ec))
    diags.error(corpus.string(), 0, 0, "exists and is not a folder");
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }

  // Phase 2: folders, then each file exclusively.
  for (const auto& d : {corpus, dir / "rules"}) {
    fs::create_directories(d, ec);
    if (ec) diags.error(d.string(), 0, 0, "cannot create the folder: " + ec.message());
  }
  std::vector<fs::path> created;
  for (const auto& f : files) {
    if (diags.has_errors()) break;
    const std::string err = create_exclusive(f.path, f.text);
    if (err.empty())
      created.push_back(f.path);
    else
      diags.error(f.path.string(), 0, 0, "cannot create: " + err);
  }
  if (diags.has_errors()) {
    for (const auto& p : created) fs::remove(p, ec);  // nothing half-written
    print_diagnostics(diags);
    return kExitInput;
  }

  const std::string where = dir_arg.empty() || dir == "." ? "" : dir.string() + "/";
  std::string out = "Created " + where + "claimcheck.json, " + where + "corpus/, " + where +
                    "rules/rules.json and " + where + "rules/README.md.\n\nNext steps:\n";
  if (!where.empty()) out += "  cd " + dir.string() + "\n";
  out +=
      "  1. put your source documents (txt, md, html, pdf, docx) in corpus/\n"
      "  2. claimcheck index                     build the index of the corpus\n"
      "  3. edit rules/rules.json                vocabulary and claims: see rules/README.md\n"
      "     claimcheck rules lint rules/rules.json\n"
      "     claimcheck verify                    does the corpus back each claim?\n"
      "  4. claimcheck check DRAFT.md            check a draft (exit 1 on an error finding)\n";
  write_stdout(out);
  return kExitOk;
}

}  // namespace

void add_init_command(CLI::App& app, Runner& run) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "init", "start a project: claimcheck.json, corpus/ and a starter rules file");
  cmd->add_option("DIR", *dir, "folder to set up (default: the working directory)");
  cmd->callback([&run, dir] { run = [dir] { return run_init(*dir); }; });
}

}  // namespace claimcheck::cli
