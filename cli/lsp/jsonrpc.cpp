// jsonrpc.cpp — LSP base protocol: Content-Length framing of JSON-RPC 2.0.
#include "lsp/jsonrpc.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace claimcheck::lsp {

namespace {

// The value of a "Content-Length:" header anywhere in `line` (case-insensitive,
// as HTTP headers are), or npos when the line has none.
size_t find_content_length(const std::string& line) {
  static const std::string key = "content-length:";
  if (line.size() < key.size()) return std::string::npos;
  for (size_t i = 0; i + key.size() <= line.size(); ++i) {
    bool same = true;
    for (size_t k = 0; k < key.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(line[i + k])) == key[k];
    if (same) return i + key.size();
  }
  return std::string::npos;
}

}  // namespace

ReadResult MessageReader::next() {
  ReadResult r;
  std::string line;
  bool seen_header = false;  // any header line (so a blank line ends a block)
  bool have_length = false;
  std::string length_error;
  size_t length = 0;
  while (std::getline(in_, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!seen_header) continue;  // stray blank lines between messages
      break;
    }
    seen_header = true;
    size_t at = find_content_length(line);
    if (at == std::string::npos) continue;  // Content-Type or garbage: ignored
    std::string value = line.substr(at);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t") + 1);
    unsigned long long n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    have_length = false;
    length_error.clear();
    if (value.empty() || ec != std::errc() || end != value.data() + value.size())
      length_error = "bad Content-Length header '" + value.substr(0, 40) + "' (want a byte count)";
    else if (n > kMaxMessageBytes)
      length_error = "Content-Length " + value + " is over the limit of " +
                     std::to_string(kMaxMessageBytes) + " bytes";
    else {
      have_length = true;
      length = static_cast<size_t>(n);
    }
  }
  if (!seen_header) return r;  // eof between messages
  if (!have_length) {
    if (!in_) {
      if (length_error.empty()) return r;  // eof inside a header block
    }
    r.status = ReadStatus::bad_header;
    r.error = length_error.empty() ? "message without a Content-Length header" : length_error;
    return r;
  }
  std::string body(length, '\0');
  in_.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(in_.gcount()) != length) return r;  // eof inside the body
  try {
    r.body = json::parse(body);
    r.status = ReadStatus::message;
  } catch (const json::parse_error& e) {
    r.status = ReadStatus::bad_json;
    r.error = std::string("message is not JSON: ") + e.what();
  }
  return r;
}

std::string frame(const json& message) {
  const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

json response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace claimcheck::lsp
