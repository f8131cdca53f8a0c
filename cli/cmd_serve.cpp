// cmd_serve.cpp — claimcheck serve: a local web page to paste or upload a draft and see
// the HTML report, and POST /api/check returning the JSON report of design.md.
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "claimcheck/check.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"
#include "commands.hpp"

namespace claimcheck::cli {

namespace {

constexpr size_t kMaxDraftBytes = 10u << 20;  // larger bodies get 413
// A check may take this long; then it stops and the request gets 503, so
// one hostile draft cannot hold the index for every other client.
constexpr double kCheckSeconds = 30;

struct ServeArgs {
  std::string db;
  std::vector<std::string> rules;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::vector<std::string> allow_hosts;  // more Host header values to accept
};

// Connections are served by this many threads; more wait in a queue of
// kQueuedConnections, past which accepting pauses (the kernel's backlog
// holds the rest). A connection that sends nothing for kReadTimeoutSeconds
// is closed, so slow clients free their worker.
constexpr size_t kWorkers = 16;
constexpr size_t kQueuedConnections = 64;
constexpr time_t kReadTimeoutSeconds = 5;

// A worker pool with a bounded queue (httplib 0.11's own is unbounded).
class BoundedPool : public httplib::TaskQueue {
 public:
  BoundedPool() {
    for (size_t i = 0; i < kWorkers; ++i) threads_.emplace_back([this] { work(); });
  }
  void enqueue(std::function<void()> fn) override {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return jobs_.size() < kQueuedConnections || stopping_; });
    jobs_.push_back(std::move(fn));
    ready_.notify_one();
  }
  void shutdown() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    ready_.notify_all();
    space_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mu_);
        ready_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
        if (jobs_.empty()) return;
        fn = std::move(jobs_.front());
        jobs_.pop_front();
        space_.notify_one();
      }
      fn();
    }
  }
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

// Who may talk to the server. The page and the API answer only to Host
// values naming the server itself (its bind address, localhost, and what
// --allow-host adds), so a web page that rebinds its own domain name to
// 127.0.0.1 cannot read the corpus through it. A POST from a browser on
// another origin must carry the token the served page holds, which other
// origins cannot read.
struct Guard {
  std::set<std::string> hosts;  // lower case, without port
  std::string token;            // random, per server run

  static std::string host_name(std::string host) {
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!host.empty() && host.front() == '[') {
      const auto close = host.find(']');
      return close == std::string::npos ? host : host.substr(0, close + 1);
    }
    const auto colon = host.find(':');
    return colon == std::string::npos ? host : host.substr(0, colon);
  }
  bool host_allowed(const std::string& host) const { return hosts.count(host_name(host)) > 0; }
  // "http://127.0.0.1:8080" -> allowed when its host is.
  bool origin_allowed(const std::string& origin) const {
    const auto scheme = origin.find("://");
    return scheme != std::string::npos && host_allowed(origin.substr(scheme + 3));
  }
};

std::string random_token() {
  std::random_device rd;
  std::string out;
  for (int i = 0; i < 4; ++i) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
    out += buf;
  }
  return out;
}

// What every request shares: rules are immutable after loading and safe to
// read from any thread; a Xapian database is not, so checks that search the
// index take turns.
struct Checker {
  std::optional<Rules> rules;
  std::unique_ptr<Index> index;
  std::mutex index_mutex;

  FileReport check(const Document& doc, const CheckOptions& options) {
    const Rules* r = rules ? &*rules : nullptr;
    if (!index) return check_document(doc, r, nullptr, options);
    std::lock_guard<std::mutex> lock(index_mutex);
    return check_document(doc, r, index.get(), options);
  }
};

// "a.b.c.d" or an IPv6 address and a port, as httplib gives them.
std::string address_of(const sockaddr_storage& a) {
  char buf[INET6_ADDRSTRLEN] = "";
  if (a.ss_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, buf, sizeof buf);
  else if (a.ss_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(a).sin6_addr, buf, sizeof buf);
  return buf;
}
int port_of(const sockaddr_storage& a) {
  if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(a).sin_port);
  if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
  return -1;
}

// The socket of a request's connection (httplib 0.11 does not hand it to
// handlers): the descriptor whose peer and local port are the request's.
// -1 when none is found.
int connection_socket(const httplib::Request& req) {
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return -1;
  int found = -1;
  while (dirent* e = readdir(dir)) {
    const int fd = std::atoi(e->d_name);
    if (fd <= 2) continue;
    sockaddr_storage peer{}, local{};
    socklen_t n = sizeof peer, m = sizeof local;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &n) != 0) continue;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &m) != 0) continue;
    if (port_of(peer) == req.remote_port && port_of(local) == req.local_port &&
        address_of(peer) == req.remote_addr) {
      found = fd;
      break;
    }
  }
  closedir(dir);
  return found;
}

// While a check runs, watches its connection and sets `gone` when the
// client hangs up, so the check stops instead of running for no one.
class ClientWatch {
 public:
  ClientWatch(const httplib::Request& req, std::atomic<bool>& gone)
      : fd_(connection_socket(req)), gone_(gone) {
    if (fd_ >= 0) thread_ = std::thread([this] { watch(); });
  }
  ~ClientWatch() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void watch() {
    std::unique_lock lock(mu_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(100), [&] { return done_; })) {
      pollfd p{fd_, POLLRDHUP, 0};
      if (poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR))) {
        gone_ = true;
        return;
      }
    }
  }
  int fd_;
  std::atomic<bool>& gone_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

void send_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace) +
                      "\n",
                  "application/json");
}

// POST /api/check?format=txt|md|html|docx|pdf&report=json|html|sarif|text
// The body is the draft, whatever its Content-Type says (curl's default
// form type included): it is read raw, never parsed as a form.
void handle_check(Checker& checker, const Guard& guard, const httplib::Request& req,
                  const std::string& body, httplib::Response& res) {
  // A browser names the origin of a cross-site request; without the page's
  // token such a request is refused (a form or fetch from another site).
  const std::string origin = req.get_header_value("Origin");
  const bool cross_site = (!origin.empty() && !guard.origin_allowed(origin)) ||
                          req.get_header_value("Sec-Fetch-Site") == "cross-site";
  if (cross_site && req.get_header_value("X-Claimcheck-Token") != guard.token) {
    send_error(res, 403, "cross-origin request without the page's token");
    return;
  }
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
  if (body.size() > kMaxDraftBytes) {
    send_error(res, 413, "draft too large (limit " + std::to_string(kMaxDraftBytes >> 20) +
                             " MB)");
    return;
  }
  if (body.empty()) {
    send_error(res, 400, "empty draft: send the draft as the request body");
    return;
  }

  Diagnostics diags;
  auto doc = document_from_bytes("draft." + format, body, format, diags);
  if (!doc || diags.has_errors()) {
    std::string message;
    for (const auto& d : diags.items())
      if (d.level == Level::error) message += (message.empty() ? "" : "; ") + d.format();
    send_error(res, 400, message.empty() ? "unreadable draft" : message);
    return;
  }
  if (doc->source.empty() && format != "docx" && format != "pdf") doc->source = body;

  // The check stops when the client hangs up or its time budget ends; a
  // stopped report is never sent as if whole.
  std::atomic<bool> gone{false};
  CheckOptions options;
  options.cancel = &gone;
  options.time_budget_seconds = kCheckSeconds;
  FileReport file;
  {
    ClientWatch watch(req, gone);
    file = checker.check(*doc, options);
  }
  if (!file.stopped.empty()) {
    send_error(res, 503, "check stopped: " + file.stopped);
    return;
  }
  Report r;
  r.files.push_back(std::move(file));
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
  // As for check: a server that would mark every figure "unchecked" is a
  // silent pass; say what is missing instead of serving.
  if (!checker->rules && !checker->index && !diags.has_errors())
    diags.error("", 0, 0,
                "no rules and no index" + no_config_hint(config) +
                    ": run 'claimcheck init' or pass --rules FILE --db DIR");
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }
  if (!diags.items().empty()) print_diagnostics(diags);
  if (!checker->rules)
    std::cerr << "claimcheck: warning: no rules file; figures are listed but left unchecked\n";

  auto guard = std::make_shared<Guard>();
  guard->token = random_token();
  guard->hosts = {Guard::host_name(args.host), "localhost", "127.0.0.1", "[::1]"};
  for (const auto& h : args.allow_hosts) guard->hosts.insert(Guard::host_name(h));
  const std::string page = render_serve_page(guard->token);
  const std::string csp = "default-src 'none'; script-src 'nonce-" + guard->token +
                          "'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; "
                          "frame-src 'self'; base-uri 'none'; form-action 'none'; "
                          "frame-ancestors 'none'";

  httplib::Server server;
  server.new_task_queue = [] { return new BoundedPool; };
  server.set_read_timeout(kReadTimeoutSeconds, 0);
  server.set_write_timeout(kReadTimeoutSeconds, 0);
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(20);
  server.set_payload_max_length(kMaxDraftBytes);
  // Before routing: the Host header must name this server.
  server.set_pre_routing_handler([guard](const httplib::Request& req, httplib::Response& res) {
    if (guard->host_allowed(req.get_header_value("Host"))) return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, 421, "unknown Host '" + req.get_header_value("Host") +
                             "': start serve with --allow-host to accept it");
    return httplib::Server::HandlerResponse::Handled;
  });
  // Every response: no framing, no sniffing, scripts only from the page.
  server.set_post_routing_handler([csp](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", csp);
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
  });
  // An access log line per request on stderr.
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    std::string path = req.path;
    for (char& c : path)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    std::fprintf(stderr, "claimcheck: %s %s %s %d %zu\n", req.remote_addr.c_str(),
                 req.method.c_str(), path.c_str(), res.status, res.body.size());
  });
  server.Get("/", [page](const httplib::Request&, httplib::Response& res) {
    res.set_content(page, "text/html; charset=utf-8");
  });
  server.Post("/api/check", [checker, guard](const httplib::Request& req, httplib::Response& res,
                                             const httplib::ContentReader& read) {
    std::string body;
    const bool whole = read([&](const char* data, size_t n) {
      body.append(data, n);
      return body.size() <= kMaxDraftBytes;
    });
    if (!whole) {
      if (res.status == 413 || body.size() > kMaxDraftBytes)
        send_error(res, 413, "draft too large (limit " + std::to_string(kMaxDraftBytes >> 20) +
                                 " MB)");
      else
        send_error(res, 400, "the request body could not be read");
      return;
    }
    handle_check(*checker, *guard, req, body, res);
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
  cmd->add_option("--rules", args->rules, "rules file (repeatable; default: from claimcheck.json)")
      ->expected(1)
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--host", args->host, "address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--allow-host", args->allow_hosts,
                  "also answer requests whose Host header names this (repeatable); by default "
                  "only the --host address and localhost");
  cmd->callback([&run, args] { run = [args] { return run_serve(*args); }; });
}

}  // namespace claimcheck::cli
