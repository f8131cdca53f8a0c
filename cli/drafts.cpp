// drafts.cpp — which drafts a `check` reads: files, folders (every draft
// format inside, minus what .claimcheckignore lists), quoted globs, and `-`;
// and, for `--changed REF`, which lines of each draft git says were added.
#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "commands.hpp"

namespace claimcheck::cli {

namespace fs = std::filesystem;

namespace {

bool is_draft_format(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" || ext == ".pdf" ||
         ext == ".docx";
}

// Patterns of a .claimcheckignore (gitignore-like: one a line, # comments,
// a trailing / for folders, matched against the path relative to the folder
// given and against the file name).
std::vector<std::string> read_ignore(const fs::path& dir) {
  std::vector<std::string> out;
  std::ifstream in(dir / ".claimcheckignore");
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line.back() == '/') line.pop_back();
    if (!line.empty() && line[0] == '/') line.erase(0, 1);
    out.push_back(line);
  }
  return out;
}

bool ignored(const std::vector<std::string>& patterns, const std::string& rel, const std::string& name) {
  for (const auto& p : patterns)
    if (fnmatch(p.c_str(), rel.c_str(), FNM_PATHNAME) == 0 || fnmatch(p.c_str(), name.c_str(), 0) == 0 ||
        rel.rfind(p + "/", 0) == 0)
      return true;
  return false;
}

}  // namespace

std::vector<std::string> expand_drafts(const std::vector<std::string>& args, Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (a == "-" || fs::is_regular_file(a, ec) || (fs::exists(a, ec) && !fs::is_directory(a, ec))) {
      out.push_back(a);  // special files are refused later, by the reader, with their name
      continue;
    }
    if (fs::is_directory(a, ec)) {
      const fs::path root(a);
      const auto patterns = read_ignore(root);
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        const std::string rel = fs::relative(p, root, ec).generic_string();
        if ((!name.empty() && name[0] == '.') || ignored(patterns, rel, name)) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && is_draft_format(p)) found.push_back(p.string());
      }
      if (ec) diags.error(a, 0, 0, "cannot read folder: " + ec.message());
      std::sort(found.begin(), found.end());
      if (found.empty()) diags.error(a, 0, 0, "a directory with no drafts (txt, md, html, pdf, docx) in it");
      out.insert(out.end(), found.begin(), found.end());
      continue;
    }
    if (a.find_first_of("*?[") != std::string::npos) {
      // A quoted glob (the shell left it alone): "drafts/*.md"
      glob_t g{};
      const int rc = glob(a.c_str(), 0, nullptr, &g);
      if (rc == 0)
        for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
      else
        diags.error(a, 0, 0, "no file matches this pattern");
      globfree(&g);
      continue;
    }
    out.push_back(a);  // missing: the reader names it
  }
  return out;
}

std::optional<std::vector<std::pair<int, int>>> added_lines(const std::string& path, const std::string& ref,
                                                           Diagnostics& diags) {
  // git diff against REF for this one file; an untracked file is all new.
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  const std::string dir = fs::path(path).parent_path().string();
  const std::string cd = "cd " + quote(dir.empty() ? "." : dir) + " && ";
  const std::string name = quote(fs::path(path).filename().string());
  auto run = [](const std::string& cmd, std::string& out) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    return pclose(p);
  };
  std::string tracked;
  if (run(cd + "git ls-files --error-unmatch -- " + name + " 2>/dev/null", tracked) != 0) {
    std::string inside;
    if (run(cd + "git rev-parse --is-inside-work-tree 2>/dev/null", inside) != 0) {
      diags.error(path, 0, 0, "--changed: not in a git work tree");
      return std::nullopt;
    }
    return std::vector<std::pair<int, int>>{{1, 1 << 30}};  // untracked: every line is new
  }
  std::string diff;
  if (run(cd + "git diff --no-color --no-ext-diff --unified=0 " + quote(ref) + " -- " + name + " 2>&1", diff) != 0) {
    diags.error(path, 0, 0, "--changed: git diff " + ref + " failed: " + diff.substr(0, diff.find('\n')));
    return std::nullopt;
  }
  std::vector<std::pair<int, int>> out;
  std::istringstream in(diff);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("@@ ", 0) != 0) continue;
    // @@ -a[,b] +c[,d] @@: lines c .. c+d-1 are added (d defaults to 1)
    const size_t plus = line.find(" +");
    if (plus == std::string::npos) continue;
    int c = 0, d = 1;
    if (std::sscanf(line.c_str() + plus + 2, "%d,%d", &c, &d) < 1) continue;
    if (d > 0) out.emplace_back(c, c + d - 1);
  }
  return out;
}

}  // namespace claimcheck::cli
