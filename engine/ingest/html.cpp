// html.cpp — the HTML reader (gumbo). Scripts, styles, forms and navigation
// chrome (nav, header, footer, aside) are dropped; block elements end a
// paragraph; whitespace collapses as a browser renders it. Metadata comes
// from og:title / <title> / the first <h1>, and <meta> author, publisher and
// date names (also dcterms.* / dc.* and article:published_time). A time
// budget (ReadBudget) is looked at every 256 elements.
//
// Source positions: gumbo gives each text node's byte offset in the file
// (start_pos.offset) and its original text. Words of the decoded text are
// paired with words of the original; a word is anchored at its own offset
// whenever walking would drift (after a newline or several spaces in the
// source, or after a character reference). Inside a word that contains a
// reference ("AT&amp;T"), columns after the reference are off by the
// reference's length — acceptable, and documented here. When the pairing
// fails (a reference that decodes to whitespace) the node is anchored once.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include "ingest/reader.hpp"

namespace claimcheck::ingest {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

struct Word {
  std::string_view text;
  size_t offset;              // within the string it was cut from
  bool single_space_before;   // preceded by exactly one ' ' (or nothing)
};

std::vector<Word> split_words(std::string_view s) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < s.size()) {
    const size_t ws_start = i;
    while (i < s.size() && is_space(s[i])) ++i;
    const bool single = (i - ws_start == 0) || (i - ws_start == 1 && s[ws_start] == ' ');
    if (i >= s.size()) break;
    const size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    words.push_back({s.substr(start, i - start), start, single});
  }
  return words;
}

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_FORM: case GUMBO_TAG_MATH:
      return true;
    default: return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
      return true;
    default: return false;
  }
}

class HtmlWalker {
 public:
  HtmlWalker(std::string_view original, Document& doc, const ReadBudget& budget)
      : original_(original), positions_(original), out_(doc), budget_(budget) {}

  // Past the time budget (looked at every 256 elements) the walk stops.
  bool over_budget() const { return over_budget_; }

  void walk(const GumboNode* node, int depth = 0) {
    if (depth > 400) return;  // pathological nesting: stop, don't overflow the stack
    if (over_budget_ || (node->type == GUMBO_NODE_ELEMENT && elements_++ % 256 == 0 && budget_.spent())) {
      over_budget_ = true;
      return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      text(node->v.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    const GumboVector* children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (skipped(tag)) return;
      if (tag == GUMBO_TAG_BR) {
        out_.end_line();
        space_pending_ = false;
        return;
      }
      const bool block = is_block(tag);
      const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
      if (block) block_break();
      if (cell && !out_.at_block_start()) {
        out_.literal(" | ");
        space_pending_ = false;
      }
      const bool h1 = tag == GUMBO_TAG_H1 && first_h1_.empty();
      const size_t before = h1 ? text_size() : 0;
      children = &node->v.element.children;
      for (unsigned i = 0; i < children->length; ++i)
        walk(static_cast<const GumboNode*>(children->data[i]), depth + 1);
      if (h1) first_h1_ = current_text().substr(before);
      if (block) block_break();
    } else {
      children = &node->v.document.children;
      for (unsigned i = 0; i < children->length; ++i)
        walk(static_cast<const GumboNode*>(children->data[i]), depth + 1);
    }
  }

  std::string first_h1() const {
    std::string t = first_h1_;
    while (!t.empty() && is_space(t.back())) t.pop_back();
    while (!t.empty() && is_space(t.front())) t.erase(0, 1);
    return t;
  }
  void finish() { out_.finish(); }
  void set_doc(Document* d) { doc_ = d; }

 private:
  size_t text_size() const { return doc_ ? doc_->text.size() : 0; }
  std::string current_text() const { return doc_ ? doc_->text : std::string(); }

  void block_break() {
    out_.end_block();
    space_pending_ = false;
  }

  void text(const GumboText& t) {
    std::string_view decoded(t.text);
    std::string_view raw(t.original_text.data, t.original_text.length);
    const size_t base = t.start_pos.offset;
    if (!decoded.empty() && is_space(decoded.front())) space_pending_ = true;
    const auto words = split_words(decoded);
    const auto raw_words = split_words(raw);
    const bool paired = words.size() == raw_words.size() && raw.data() >= original_.data() &&
                        raw.data() + raw.size() <= original_.data() + original_.size();
    bool anchor_next = true;
    for (size_t i = 0; i < words.size(); ++i) {
      if (space_pending_ && !out_.at_block_start()) out_.literal(" ");
      space_pending_ = true;
      if (paired) {
        const Word& rw = raw_words[i];
        if (anchor_next || !rw.single_space_before || i == 0) {
          out_.run(words[i].text, positions_.at(static_cast<size_t>(rw.text.data() - original_.data())));
        } else {
          out_.literal(words[i].text);
        }
        anchor_next = rw.text != words[i].text;
      } else {
        if (i == 0) out_.run(words[i].text, positions_.at(base));
        else out_.literal(words[i].text);
      }
    }
    space_pending_ = !decoded.empty() && is_space(decoded.back());
  }

  std::string_view original_;
  OriginalPositions positions_;
  TextBuilder out_;
  const ReadBudget& budget_;
  size_t elements_ = 0;
  bool over_budget_ = false;
  Document* doc_ = nullptr;
  bool space_pending_ = false;
  std::string first_h1_;
};

const GumboNode* find_child(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& c = node->v.element.children;
  for (unsigned i = 0; i < c.length; ++i) {
    auto* n = static_cast<const GumboNode*>(c.data[i]);
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag) return n;
  }
  return nullptr;
}

std::string node_text(const GumboNode* node) {
  std::string out;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out = node->v.text.text;
  } else if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& c = node->v.element.children;
    for (unsigned i = 0; i < c.length; ++i) out += node_text(static_cast<const GumboNode*>(c.data[i]));
  }
  // collapse whitespace
  std::string norm;
  bool space = false;
  for (char ch : out) {
    if (is_space(ch)) {
      space = !norm.empty();
    } else {
      if (space) norm.push_back(' ');
      space = false;
      norm.push_back(ch);
    }
  }
  return norm;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void read_head(const GumboNode* head, Metadata& meta, std::string& og_title) {
  if (!head) return;
  std::string author, publisher, title;
  const GumboVector& c = head->v.element.children;
  for (unsigned i = 0; i < c.length; ++i) {
    auto* n = static_cast<const GumboNode*>(c.data[i]);
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_TITLE) {
      title = node_text(n);
      continue;
    }
    if (n->v.element.tag != GUMBO_TAG_META) continue;
    const GumboAttribute* name = gumbo_get_attribute(&n->v.element.attributes, "name");
    if (!name) name = gumbo_get_attribute(&n->v.element.attributes, "property");
    const GumboAttribute* content = gumbo_get_attribute(&n->v.element.attributes, "content");
    if (!name || !content) continue;
    const std::string key = lower(name->value);
    const std::string value = content->value;
    if (key == "og:title" || key == "dc.title" || key == "dcterms.title") {
      if (og_title.empty()) og_title = value;
    } else if (key == "author" || key == "dc.creator" || key == "dcterms.creator" ||
               key == "article:author") {
      if (author.empty()) author = value;
    } else if (key == "publisher" || key == "og:site_name" || key == "dc.publisher" ||
               key == "dcterms.publisher") {
      if (publisher.empty()) publisher = value;
    } else if (key == "date" || key == "article:published_time" || key == "dc.date" ||
               key == "dcterms.date" || key == "dcterms.created" || key == "dcterms.issued" ||
               key == "citation_publication_date" || key == "citation_date") {
      if (meta.date.empty()) meta.date = iso_date(value);
    }
  }
  meta.publisher = !publisher.empty() ? publisher : author;
  if (og_title.empty()) og_title = title;
}

// gumbo 0.10 spends time proportional to the depth of open elements on each
// block start tag, so a file of 100,000 nested <div>s takes minutes. Before
// parsing, estimate the nesting depth from the tags (void elements, tags
// whose end tag is optional, comments and raw text skipped; an end tag closes
// the nearest matching open tag among the last few) and refuse files nested
// deeper than kMaxHtmlDepth. Real pages stay far below it.
constexpr size_t kMaxHtmlDepth = 512;
// gumbo checks each attribute of a tag against the ones before it, so a tag
// with n attributes costs n^2 (300,000 attributes: minutes). Real tags have
// a handful.
constexpr size_t kMaxHtmlAttributes = 1000;

bool uncounted_tag(std::string_view name) {
  static const char* const kTags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody",
      "tfoot", "option", "optgroup", "rb", "rt", "rtc", "rp", "colgroup", "caption", "html",
      "head", "body", "frame", "keygen", "basefont", "bgsound", "command", "image", "isindex"};
  for (const char* t : kTags)
    if (name == t) return true;
  return false;
}

// Depth of the deepest nesting, or 0 when it stays under the limit; sets
// `attributes` to the most attributes (space-separated words) seen in a tag.
size_t excessive_nesting(std::string_view s, size_t& attributes) {
  attributes = 0;
  std::vector<std::string> open;
  size_t i = 0;
  auto lower_name = [&](size_t at, std::string& name) {
    name.clear();
    while (at < s.size() && (std::isalnum(static_cast<unsigned char>(s[at])) || s[at] == '-' || s[at] == ':')) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[at])));
      ++at;
    }
    return at;
  };
  std::string name;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    ++i;
    if (i >= s.size()) break;
    if (s.substr(i, 3) == "!--") {
      const size_t end = s.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (s[i] == '!' || s[i] == '?') continue;
    const bool closing = s[i] == '/';
    const size_t after = lower_name(closing ? i + 1 : i, name);
    if (name.empty()) continue;
    const size_t gt = s.find('>', after);
    if (gt == std::string_view::npos) break;
    size_t words = 0;
    for (size_t k = after; k + 1 < gt; ++k)
      words += std::isspace(static_cast<unsigned char>(s[k])) && !std::isspace(static_cast<unsigned char>(s[k + 1]));
    attributes = std::max(attributes, words);
    if (attributes > kMaxHtmlAttributes) return 0;
    i = gt + 1;
    if (closing) {
      for (size_t k = 0; k < open.size() && k < 16; ++k) {
        if (open[open.size() - 1 - k] == name) {
          open.resize(open.size() - 1 - k);
          break;
        }
      }
      continue;
    }
    if (s[gt - 1] == '/' || uncounted_tag(name)) continue;
    if (name == "script" || name == "style" || name == "textarea" || name == "title" ||
        name == "xmp" || name == "plaintext" || name == "noscript" || name == "iframe") {
      const size_t end = s.find("</", i);  // raw text: skip to the next end tag
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    open.push_back(name);
    if (open.size() > kMaxHtmlDepth) return open.size();
  }
  return 0;
}

}  // namespace

bool read_html(std::string_view bytes, Document& doc, Diagnostics& diags, const ReadLimits& limits) {
  const ReadBudget budget(limits, bytes.size());
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (refuse_wide_encoding(bytes, doc.path, diags)) return false;
  if (bytes.substr(0, 8192).find('\0') != std::string_view::npos) {
    diags.error(doc.path, 0, 0, "binary file");
    return false;
  }
  size_t attributes = 0;
  if (excessive_nesting(bytes, attributes)) {
    diags.error(doc.path, 0, 0,
                "cannot read HTML: elements nested more than " + std::to_string(kMaxHtmlDepth) +
                    " levels deep");
    return false;
  }
  if (attributes > kMaxHtmlAttributes) {
    diags.error(doc.path, 0, 0,
                "cannot read HTML: a tag with more than " + std::to_string(kMaxHtmlAttributes) +
                    " attributes");
    return false;
  }
  // Invalid UTF-8 is not refused: gumbo replaces it with U+FFFD, as browsers do.
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!output) {
    diags.error(doc.path, 0, 0, "cannot read HTML");
    return false;
  }
  std::string title;
  read_head(find_child(output->root, GUMBO_TAG_HEAD), doc.meta, title);

  HtmlWalker walker(bytes, doc, budget);
  walker.set_doc(&doc);
  if (const GumboNode* body = find_child(output->root, GUMBO_TAG_BODY)) walker.walk(body);
  if (walker.over_budget()) {
    diags.error(doc.path, 0, 0, "cannot read HTML: " + budget.why());
    return false;
  }
  walker.finish();
  doc.source = normalised_source(bytes);
  doc.meta.title = !title.empty() ? title : walker.first_h1();
  return true;
}

}  // namespace claimcheck::ingest
