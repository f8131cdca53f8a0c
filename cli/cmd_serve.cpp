// cmd_serve.cpp — claimcheck serve: a local web page to paste or upload a draft and see
// the HTML report, and POST /api/check returning the JSON report of design.md.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "claimcheck/check.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"
#include "commands.hpp"

namespace claimcheck::cli {

namespace {

constexpr size_t kMaxDraftBytes = 10u << 20;  // larger bodies get 413

struct ServeArgs {
  std::string db;
  std::vector<std::string> rules;
  std::string host = "127.0.0.1";
  int port = 8080;
};

// What every request shares: rules are immutable after loading and safe to
// read from any thread; a Xapian database is not, so checks that search the
// index take turns.
struct Checker {
  std::optional<Rules> rules;
  std::unique_ptr<Index> index;
  std::mutex index_mutex;

  FileReport check(const Document& doc) {
    const Rules* r = rules ? &*rules : nullptr;
    if (!index) return check_document(doc, r, nullptr);
    std::lock_guard<std::mutex> lock(index_mutex);
    return check_document(doc, r, index.get());
  }
};

void send_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace) +
                      "\n",
                  "application/json");
}

// POST /api/check?format=txt|md|html|docx|pdf&report=json|html|sarif|text
void handle_check(Checker& checker, const httplib::Request& req, httplib::Response& res) {
  static const std::set<std::string> formats = {"txt", "md", "html", "docx", "pdf"};
  static const std::set<std::string> reports = {"json", "html", "sarif", "text"};
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "txt";
  const std::string report = req.has_param("report") ? req.get_param_value("report") : "json";
  if (!formats.count(format)) {
    send_error(res, 400, "unknown format '" + format + "' (known: txt, md, html, docx, pdf)");
    return;
  }
  if (!reports.count(report)) {
    send_error(res, 400, "unknown report '" + report + "' (known: json, html, sarif, text)");
    return;
  }
  if (req.body.size() > kMaxDraftBytes) {
    send_error(res, 413, "draft too large (limit " + std::to_string(kMaxDraftBytes >> 20) +
                             " MB)");
    return;
  }
  if (req.body.empty()) {
    send_error(res, 400, "empty draft: send the draft as the request body");
    return;
  }

  Diagnostics diags;
  auto doc = document_from_bytes("draft." + format, req.body, format, diags);
  if (!doc || diags.has_errors()) {
    std::string message;
    for (const auto& d : diags.items())
      if (d.level == Level::error) message += (message.empty() ? "" : "; ") + d.format();
    send_error(res, 400, message.empty() ? "unreadable draft" : message);
    return;
  }
  if (doc->source.empty() && format != "docx" && format != "pdf") doc->source = req.body;

  Report r;
  r.files.push_back(checker.check(*doc));
  if (report == "html") {
    res.set_content(render_html(r), "text/html; charset=utf-8");
  } else if (report == "sarif") {
    res.set_content(render_sarif(r), "application/sarif+json");
  } else if (report == "text") {
    res.set_content(render_text(r), "text/plain; charset=utf-8");
  } else {
    res.set_content(render_json(r), "application/json");
  }
}

// The page: paste or upload, pick the format, Check; the HTML report shows
// below in a sandboxed frame (no scripts run in it). Self-contained.
constexpr const char* kPage = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimcheck</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 62rem; padding: 1.25rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p.lead { margin: 0 0 1rem; color: #555; }
textarea { width: 100%; box-sizing: border-box; min-height: 12rem; font: 14px/1.45 ui-monospace, monospace;
           padding: .6rem; border: 1px solid #bbb; border-radius: 6px; }
.controls { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: .6rem 0 1rem; }
button { font: inherit; padding: .4rem 1.2rem; border-radius: 6px; border: 1px solid #245;
         background: #2a5db0; color: #fff; cursor: pointer; }
button:disabled { opacity: .6; cursor: wait; }
button.secondary { background: #eee; color: #222; border-color: #bbb; }
#status { min-height: 1.5em; }
#status.error { color: #b00; font-weight: 600; }
iframe { width: 100%; min-height: 24rem; border: 1px solid #ddd; border-radius: 6px; }
</style>
</head>
<body>
<h1>claimcheck</h1>
<p class="lead">Paste a draft or upload a file, then check its figures against the rules and the corpus.</p>
<textarea id="draft" placeholder="Paste the draft here (plain text, Markdown or HTML)"></textarea>
<div class="controls">
  <label>File <input type="file" id="file" accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf"></label>
  <button type="button" class="secondary" id="clear-file" hidden>Use the text box instead</button>
  <label>Format
    <select id="format">
      <option value="txt">text</option>
      <option value="md">Markdown</option>
      <option value="html">HTML</option>
      <option value="docx">DOCX</option>
      <option value="pdf">PDF</option>
    </select>
  </label>
  <button type="button" id="check">Check</button>
  <span id="status" role="status"></span>
</div>
<iframe id="report" title="claimcheck report" sandbox="allow-same-origin" hidden></iframe>
<script>
(function () {
  const draft = document.getElementById('draft');
  const file = document.getElementById('file');
  const clearFile = document.getElementById('clear-file');
  const format = document.getElementById('format');
  const check = document.getElementById('check');
  const status = document.getElementById('status');
  const report = document.getElementById('report');
  const byExtension = { txt: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html',
                        docx: 'docx', pdf: 'pdf' };

  function setStatus(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  file.addEventListener('change', function () {
    const f = file.files[0];
    clearFile.hidden = !f;
    if (!f) return;
    const ext = f.name.split('.').pop().toLowerCase();
    if (byExtension[ext]) format.value = byExtension[ext];
    setStatus('Will check the file ' + f.name + '.', false);
  });
  clearFile.addEventListener('click', function () {
    file.value = '';
    clearFile.hidden = true;
    setStatus('', false);
  });

  function fitReport() {
    try {
      const doc = report.contentDocument;
      if (doc && doc.documentElement)
        report.style.height = (doc.documentElement.scrollHeight + 24) + 'px';
    } catch (e) { /* the frame is not ours to measure */ }
  }
  report.addEventListener('load', fitReport);

  check.addEventListener('click', async function () {
    const f = file.files[0];
    const body = f ? await f.arrayBuffer() : draft.value;
    if ((f && f.size === 0) || (!f && draft.value.trim() === '')) {
      setStatus('Paste a draft or choose a file first.', true);
      return;
    }
    check.disabled = true;
    setStatus('Checking…', false);
    try {
      const url = '/api/check?format=' + encodeURIComponent(format.value) + '&report=html';
      const res = await fetch(url, { method: 'POST', body: body,
                                     headers: { 'Content-Type': 'application/octet-stream' } });
      if (!res.ok) {
        let message = res.status + ' ' + res.statusText;
        try { message = (await res.json()).error || message; } catch (e) {}
        setStatus(message, true);
        return;
      }
      report.srcdoc = await res.text();
      report.hidden = false;
      setStatus('Checked.', false);
    } catch (e) {
      setStatus('The server did not answer: ' + e.message, true);
    } finally {
      check.disabled = false;
    }
  });
})();
</script>
</body>
</html>
)HTML";

int run_serve(const ServeArgs& args) {
  Config config = load_config();
  const std::vector<std::string> rule_files = args.rules.empty() ? config.rules : args.rules;
  const std::string db = args.db.empty() ? config.db : args.db;

  // Load once at startup: every request shares the rules and the index.
  auto checker = std::make_shared<Checker>();
  Diagnostics diags;
  if (!rule_files.empty()) checker->rules = load_rules(rule_files, diags);
  std::error_code ec;
  if (!db.empty() && std::filesystem::is_directory(db, ec)) {
    checker->index = open_index(db, OpenMode::read, diags);
  } else if (!args.db.empty()) {
    std::cerr << "claimcheck: warning: no index at " << db
              << "; figures are checked against the rules only\n";
  }
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }
  if (!diags.items().empty()) print_diagnostics(diags);
  if (!checker->rules)
    std::cerr << "claimcheck: warning: no rules file; figures are listed but left unchecked\n";

  httplib::Server server;
  server.set_payload_max_length(kMaxDraftBytes);
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kPage, "text/html; charset=utf-8");
  });
  server.Post("/api/check", [checker](const httplib::Request& req, httplib::Response& res) {
    handle_check(*checker, req, res);
  });
  server.Get("/api/check", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "POST");
    send_error(res, 405, "use POST with the draft as the body");
  });
  // Errors httplib raises itself (404, 413 over the payload limit, 400 on a
  // malformed request) get the same JSON body as ours.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404)
      send_error(res, 404, "not found: " + req.path);
    else if (res.status == 413)
      send_error(res, 413, "draft too large (limit " + std::to_string(kMaxDraftBytes >> 20) +
                               " MB)");
    else
      send_error(res, res.status, "bad request (HTTP " + std::to_string(res.status) + ")");
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const InputError& e) {
          what.clear();
          for (const auto& d : e.diagnostics()) what += (what.empty() ? "" : "; ") + d.format();
          send_error(res, 400, what);
          return;
        } catch (const std::exception& e) {
          what = std::string("internal error: ") + e.what();
        } catch (...) {
        }
        send_error(res, 500, what);
      });

  int port = args.port;
  if (port == 0) {
    port = server.bind_to_any_port(args.host);
  } else if (!server.bind_to_port(args.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::cerr << "claimcheck: error: cannot listen on " << args.host << ":" << args.port << "\n";
    return kExitInput;
  }
  const bool ipv6 = args.host.find(':') != std::string::npos;
  std::cerr << "claimcheck: serving on http://" << (ipv6 ? "[" + args.host + "]" : args.host)
            << ":" << port << std::endl;
  if (!server.listen_after_bind()) {
    std::cerr << "claimcheck: error: the server stopped unexpectedly\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "local web page and POST /api/check");
  cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json)");
  cmd->add_option("--rules", args->rules, "rules file (repeatable; default: from claimcheck.json)");
  cmd->add_option("--host", args->host, "address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->callback([&run, args] { run = [args] { return run_serve(*args); }; });
}

}  // namespace claimcheck::cli
