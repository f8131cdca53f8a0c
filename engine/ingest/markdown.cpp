// markdown.cpp — the Markdown reader (md4c). Paragraphs, headings, list
// items, block quotes and table rows become blocks separated by blank lines;
// code blocks and raw HTML are dropped. md4c hands text runs as pointers into
// the original buffer, so each run is anchored at its own line:column and a
// figure inside emphasis or a link maps back to where it is in the file.
// YAML-style front matter (--- ... ---) gives title, author/publisher, date.
// A time budget (ReadBudget) is looked at between blocks.
#include <md4c.h>

#include <cctype>

#include "ingest/reader.hpp"

namespace claimcheck::ingest {

namespace {

struct MdState {
  const char* base = nullptr;
  size_t size = 0;
  OriginalPositions* positions = nullptr;
  TextBuilder* out = nullptr;
  const ReadBudget* budget = nullptr;
  size_t blocks = 0;
  bool over_budget = false;
  int skip = 0;        // inside code blocks, raw HTML, images
  int heading = 0;     // inside a heading
  bool first_heading_done = false;
  std::string first_heading;
  int cells_in_row = 0;
};

int enter_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& st = *static_cast<MdState*>(user);
  // The time budget, every 256 blocks; a non-zero return stops md4c.
  if (st.blocks++ % 256 == 0 && st.budget->spent()) {
    st.over_budget = true;
    return 1;
  }
  switch (type) {
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML: ++st.skip; break;
    case MD_BLOCK_H: ++st.heading; st.out->end_block(); break;
    case MD_BLOCK_P:
    case MD_BLOCK_LI:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_TABLE: st.out->end_block(); break;
    case MD_BLOCK_TR: st.cells_in_row = 0; st.out->end_block(); break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (st.cells_in_row++ > 0) st.out->literal(" | ");
      break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& st = *static_cast<MdState*>(user);
  switch (type) {
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML: --st.skip; break;
    case MD_BLOCK_H:
      --st.heading;
      if (!st.first_heading.empty()) st.first_heading_done = true;
      st.out->end_block();
      break;
    case MD_BLOCK_P:
    case MD_BLOCK_LI:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_TR:
    case MD_BLOCK_TABLE: st.out->end_block(); break;
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* user) {
  if (type == MD_SPAN_IMG) ++static_cast<MdState*>(user)->skip;
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  if (type == MD_SPAN_IMG) --static_cast<MdState*>(user)->skip;
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto& st = *static_cast<MdState*>(user);
  if (st.skip > 0) return 0;
  std::string_view run(text, size);
  const bool in_buffer = text >= st.base && text + size <= st.base + st.size;
  std::string decoded;
  switch (type) {
    case MD_TEXT_SOFTBR: st.out->literal(" "); run = " "; break;
    case MD_TEXT_BR: st.out->literal("\n"); run = ""; break;
    case MD_TEXT_HTML: return 0;
    case MD_TEXT_NULLCHAR: st.out->literal("\xEF\xBF\xBD"); break;
    case MD_TEXT_ENTITY:
      if (decode_entity(run, decoded) == 0) decoded.assign(run);
      if (in_buffer) st.out->run(decoded, st.positions->at(static_cast<size_t>(text - st.base)));
      else st.out->literal(decoded);
      run = decoded;
      break;
    default:
      if (in_buffer) st.out->run(run, st.positions->at(static_cast<size_t>(text - st.base)));
      else st.out->literal(run);
      break;
  }
  if (st.heading > 0 && !st.first_heading_done) st.first_heading.append(run);
  return 0;
}

std::string unquote(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return std::string(v);
}

// Front matter: "---" on the first line up to a line "---" or "...".
// Returns the number of bytes it spans (0 when there is none).
// Front matter fields a reader sees as text (a headline, a standfirst): they
// are checked like the body, at their own line and column.
struct FrontText {
  size_t offset;  // where the value starts in the file
  std::string value;
};

size_t read_front_matter(std::string_view s, Metadata& meta, std::vector<FrontText>* texts = nullptr) {
  auto line_at = [&](size_t at) {
    size_t nl = s.find('\n', at);
    std::string_view line = s.substr(at, (nl == std::string_view::npos ? s.size() : nl) - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return std::pair{line, nl == std::string_view::npos ? s.size() : nl + 1};
  };
  auto [first, next] = line_at(0);
  if (first != "---") return 0;
  std::string author, publisher;
  size_t at = next;
  while (at < s.size()) {
    auto [line, after] = line_at(at);
    if (line == "---" || line == "...") {
      if (!publisher.empty()) meta.publisher = publisher;
      else if (!author.empty()) meta.publisher = author;
      return after;
    }
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && !line.empty() && !std::isspace(static_cast<unsigned char>(line[0]))) {
      std::string key(line.substr(0, colon));
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::string value = unquote(line.substr(colon + 1));
      if (texts && (key == "title" || key == "subtitle" || key == "description" || key == "summary" ||
                    key == "dek" || key == "excerpt" || key == "standfirst") && !value.empty()) {
        const std::string_view raw = line.substr(colon + 1);
        const size_t in_raw = raw.find(value);
        texts->push_back({at + colon + 1 + (in_raw == std::string_view::npos ? 0 : in_raw), value});
      }
      if (key == "title") meta.title = value;
      else if (key == "author" || key == "authors") author = value;
      else if (key == "publisher" || key == "organization" || key == "organisation") publisher = value;
      else if (key == "date" || key == "published") meta.date = iso_date(value);
    }
    at = after;
  }
  meta = {};
  if (texts) texts->clear();
  return 0;  // never closed: not front matter
}

}  // namespace

bool read_markdown(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits) {
  const ReadBudget budget(limits, bytes.size());
  if (!check_text_bytes(bytes, doc.path, diags)) return false;
  std::vector<FrontText> front;
  const size_t body = read_front_matter(bytes, doc.meta, &front);

  OriginalPositions positions(bytes);
  TextBuilder out(doc);
  for (const auto& f : front) {
    out.run(f.value, positions.at(f.offset));
    out.end_block();
  }
  MdState st;
  st.base = bytes.data();
  st.size = bytes.size();
  st.positions = &positions;
  st.out = &out;
  st.budget = &budget;

  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;  // raw HTML is recognised and dropped
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  if (md_parse(bytes.data() + body, static_cast<MD_SIZE>(bytes.size() - body), &parser, &st) != 0) {
    diags.error(doc.path, 0, 0,
                st.over_budget ? "cannot read Markdown: " + budget.why() : "cannot read Markdown");
    return false;
  }
  out.finish();
  doc.source = normalised_source(bytes);
  if (doc.meta.title.empty() && !st.first_heading.empty()) doc.meta.title = unquote(st.first_heading);
  return true;
}

}  // namespace claimcheck::ingest
