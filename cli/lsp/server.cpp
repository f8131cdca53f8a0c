// server.cpp — the language server's dispatch and its check worker.
#include "lsp/server.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

#include "claimcheck/check.hpp"
#include "claimcheck/suppress.hpp"

namespace claimcheck::lsp {

namespace {

using Clock = std::chrono::steady_clock;

// The draft format of a document: its languageId, else its extension.
std::string format_of(const std::string& language, const std::string& path) {
  if (language == "markdown") return "md";
  if (language == "html") return "html";
  if (language == "plaintext") return "txt";
  std::string f = format_from_path(path);
  return f == "md" || f == "html" ? f : "txt";  // an editor holds text, never PDF or DOCX
}

Encoding choose_encoding(const json& params) {
  const json* offered = nullptr;
  if (auto g = params.find("capabilities"); g != params.end() && g->is_object())
    if (auto gen = g->find("general"); gen != g->end() && gen->is_object())
      if (auto enc = gen->find("positionEncodings"); enc != gen->end() && enc->is_array()) offered = &*enc;
  if (!offered) return Encoding::utf16;
  auto has = [&](const char* name) { return std::find(offered->begin(), offered->end(), name) != offered->end(); };
  // Code points are what claimcheck counts; UTF-16 every client knows.
  if (has("utf-32")) return Encoding::utf32;
  if (has("utf-16") || offered->empty()) return Encoding::utf16;
  if (has("utf-8")) return Encoding::utf8;
  return Encoding::utf16;
}

}  // namespace

Server::Server(Engine engine, Loader reload, ServerOptions options, std::ostream& out)
    : engine_(std::move(engine)), reload_(std::move(reload)), options_(options), out_(out) {}

Server::~Server() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    cancel_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Server::send(const json& message) {
  std::lock_guard lock(out_mutex_);
  out_ << frame(message);
  out_.flush();
}

void Server::log(int type, const std::string& message) {
  send(notification("window/logMessage", {{"type", type}, {"message", message}}));
}

View Server::view() const {
  return View{engine_.rules ? &*engine_.rules : nullptr, &engine_.corpus, encoding_};
}

int Server::run(std::istream& in) {
  MessageReader reader(in);
  while (exit_code_ < 0) {
    ReadResult r = reader.next();
    if (r.status == ReadStatus::eof) break;
    if (r.status != ReadStatus::message) {
      send(error_response(nullptr, kParseError, r.error));
      continue;
    }
    dispatch(r.body);
  }
  // The end of the input without `exit`: the client went away.
  return exit_code_ < 0 ? 1 : exit_code_;
}

void Server::dispatch(const json& m) {
  const json id = m.is_object() && m.contains("id") ? m["id"] : json(nullptr);
  if (!m.is_object() || !m.contains("method") || !m["method"].is_string()) {
    // A response to a request of ours (we send none): nothing to do.
    if (m.is_object() && m.contains("id") && (m.contains("result") || m.contains("error"))) return;
    send(error_response(id, kInvalidRequest, "not a JSON-RPC request: an object with a \"method\" string is needed"));
    return;
  }
  const std::string method = m["method"];
  const json params = m.value("params", json::object());
  const bool request = m.contains("id");
  if (method == "exit") {
    exit_code_ = shutdown_ ? 0 : 1;
    return;
  }
  if (!request) {
    if (!initialized_ || shutdown_) return;  // notifications before initialize are dropped
    try {
      handle_notification(method, params);
    } catch (const std::exception& e) {
      log(1, method + ": " + e.what());
    }
    return;
  }
  if (!initialized_ && method != "initialize") {
    send(error_response(id, kServerNotInitialized, "the server is not initialized: send initialize first"));
    return;
  }
  if (shutdown_) {
    send(error_response(id, kInvalidRequest, "the server is shutting down"));
    return;
  }
  try {
    send(response(id, handle_request(method, params)));
  } catch (const json::exception& e) {
    send(error_response(id, kInvalidParams, method + ": bad params: " + e.what()));
  } catch (const std::invalid_argument& e) {
    send(error_response(id, kMethodNotFound, e.what()));
  } catch (const std::exception& e) {
    send(error_response(id, kInternalError, method + ": " + e.what()));
  }
}

json Server::handle_request(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/hover" || method == "textDocument/codeAction") {
    const std::string uri = params.at("textDocument").at("uri");
    auto c = checked(uri);
    if (!c) return method == "textDocument/hover" ? json(nullptr) : json::array();
    if (method == "textDocument/hover") {
      const json& p = params.at("position");
      return hover(c->report, c->lines, c->lines.from_lsp(p.at("line"), p.at("character"), encoding_), view());
    }
    const json& range = params.at("range");
    const Position from = c->lines.from_lsp(range.at("start").at("line"), range.at("start").at("character"), encoding_);
    const Position to = c->lines.from_lsp(range.at("end").at("line"), range.at("end").at("character"), encoding_);
    return code_actions(c->report, uri, c->format, c->lines, from, to, view());
  }
  throw std::invalid_argument("unknown method '" + method + "'");
}

void Server::handle_notification(const std::string& method, const json& params) {
  if (method == "textDocument/didOpen") open(params);
  else if (method == "textDocument/didChange") change(params);
  else if (method == "textDocument/didSave") {
    const std::string uri = params.at("textDocument").at("uri");
    std::lock_guard lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    if (params.contains("text") && params["text"].is_string()) it->second.text = params["text"];
    schedule(uri, std::chrono::milliseconds(0));
  } else if (method == "textDocument/didClose") close(params);
  // initialized, $/cancelRequest, $/setTrace, workspace/didChangeConfiguration ...: nothing to do.
}

json Server::initialize(const json& params) {
  if (initialized_) throw std::runtime_error("initialize sent twice");
  const json options = params.value("initializationOptions", json::object());
  if (options.is_object()) {
    if (options.contains("db") || options.contains("rules") || options.contains("config")) {
      std::string error;
      auto engine = reload_(options, error);
      if (!engine) throw std::runtime_error(error);
      engine_ = std::move(*engine);
    }
    if (auto d = options.find("debounceMs"); d != options.end() && d->is_number())
      options_.debounce_ms = std::clamp(d->get<int>(), 0, 10000);
  }
  if (!engine_.error.empty()) throw std::runtime_error(engine_.error);
  encoding_ = choose_encoding(params);
  initialized_ = true;
  worker_ = std::thread([this] { work(); });
  return {{"capabilities",
           {{"positionEncoding", encoding_name(encoding_)},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", true}}}}},
            {"hoverProvider", true},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "claimcheck"}, {"version", "0.1.0"}}}};
}

void Server::open(const json& params) {
  const json& td = params.at("textDocument");
  const std::string uri = td.at("uri");
  Doc doc;
  doc.text = td.at("text");
  doc.version = td.value("version", 0);
  doc.path = uri_to_path(uri);
  doc.format = format_of(td.value("languageId", ""), doc.path);
  std::lock_guard lock(mutex_);
  docs_[uri] = std::move(doc);
  schedule(uri, std::chrono::milliseconds(0));  // a document just opened is checked at once
}

void Server::change(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  std::lock_guard lock(mutex_);
  auto it = docs_.find(uri);
  if (it == docs_.end()) return;
  Doc& doc = it->second;
  for (const auto& c : params.at("contentChanges")) {
    if (c.contains("range")) {
      // Incremental, though we ask for whole texts: apply it all the same.
      LineIndex lines(doc.text);
      const json& r = c["range"];
      size_t b = lines.offset_of(r["start"]["line"], r["start"]["character"], encoding_);
      size_t e = lines.offset_of(r["end"]["line"], r["end"]["character"], encoding_);
      if (e < b) std::swap(b, e);
      doc.text.replace(b, e - b, c.at("text").get<std::string>());
    } else {
      doc.text = c.at("text");
    }
  }
  doc.version = params["textDocument"].value("version", doc.version + 1);
  schedule(uri, std::chrono::milliseconds(options_.debounce_ms));
}

void Server::close(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  {
    std::lock_guard lock(mutex_);
    docs_.erase(uri);
    due_.erase(uri);
    checked_.erase(uri);
    if (checking_ == uri) cancel_ = true;
  }
  send(notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
}

void Server::schedule(const std::string& uri, std::chrono::milliseconds delay) {
  due_[uri] = Clock::now() + delay;
  if (checking_ == uri) cancel_ = true;  // its text is stale now
  wake_.notify_all();
}

std::shared_ptr<const Server::Checked> Server::checked(const std::string& uri) {
  std::lock_guard lock(mutex_);
  auto it = checked_.find(uri);
  return it == checked_.end() ? nullptr : it->second;
}

void Server::work() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    if (due_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto next = std::min_element(due_.begin(), due_.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (next->second > Clock::now()) {
      wake_.wait_until(lock, next->second);
      continue;
    }
    const std::string uri = next->first;
    due_.erase(next);
    auto it = docs_.find(uri);
    if (it == docs_.end()) continue;
    const Doc doc = it->second;
    checking_ = uri;
    cancel_ = false;
    lock.unlock();
    try {
      check(uri, doc);
    } catch (const std::exception& e) {
      log(1, doc.path + ": check failed: " + e.what());
    } catch (...) {
      log(1, doc.path + ": check failed: " + describe_exception(std::current_exception()));
    }
    lock.lock();
    checking_.clear();
  }
}

// Runs on the worker, without the mutex: reads, checks, publishes unless a
// newer text arrived meanwhile (then that one is already due).
void Server::check(const std::string& uri, const Doc& doc) {
  auto result = std::make_shared<Checked>();
  result->version = doc.version;
  result->format = doc.format;
  result->lines = LineIndex(doc.text);
  json diags = json::array();
  Diagnostics read;
  auto document = document_from_bytes(doc.path, doc.text, doc.format, read);
  if (document) {
    document->source = doc.text;
    CheckOptions options;
    options.cancel = &cancel_;
    options.time_budget_seconds = options_.time_budget_seconds;
    result->report = check_document(*document, engine_.rules ? &*engine_.rules : nullptr, engine_.index.get(), options);
    if (cancel_) return;  // stale: a newer change or a close stopped it
    const View v = view();
    for (const auto& w : apply_inline_suppressions(result->report))
      diags.push_back(problem_diagnostic(w, "suppression", result->lines, v.encoding));
    for (const auto& w : result->report.warnings)
      diags.push_back(problem_diagnostic(w, "bounded", result->lines, v.encoding));
    for (auto& d : diagnostics(result->report, result->lines, v)) diags.push_back(std::move(d));
    if (!result->report.stopped.empty())
      log(2, doc.path + ": check stopped (" + result->report.stopped + "); later figures are unchecked");
  } else {
    for (const auto& d : read.items()) diags.push_back(problem_diagnostic(d, "unreadable", result->lines, encoding_));
  }
  // Published under the lock, so a close cannot slip its empty list in
  // before a stale one.
  std::lock_guard lock(mutex_);
  auto it = docs_.find(uri);
  if (it == docs_.end() || it->second.version != doc.version || cancel_) return;
  checked_[uri] = result;
  send(notification("textDocument/publishDiagnostics",
                    {{"uri", uri}, {"version", doc.version}, {"diagnostics", std::move(diags)}}));
}

}  // namespace claimcheck::lsp
