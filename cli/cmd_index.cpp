// cmd_index.cpp — STUB: claimcheck index / search (the index work replaces it).
#include <iostream>

#include "commands.hpp"

namespace claimcheck::cli {

void add_index_command(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("index", "ingest and index source documents (txt, md, html, pdf, docx)");
  cmd->allow_extras();
  cmd->callback([&run] { run = [] { std::cerr << "claimcheck: error: index not implemented\n"; return kExitInput; }; });
}
void add_search_command(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("search", "search the indexed corpus for sentences stating figures");
  cmd->allow_extras();
  cmd->callback([&run] { run = [] { std::cerr << "claimcheck: error: search not implemented\n"; return kExitInput; }; });
}

}  // namespace claimcheck::cli
