// check.cpp — STUB driver: mentions only, unchecked.
#include "claimcheck/check.hpp"

namespace claimcheck {

FileReport check_document(const Document& doc, const Rules*, const Index*, const CheckOptions&) {
  FileReport out;
  out.path = doc.path;
  out.text = doc.text;
  for (auto& m : extract_mentions(doc.text)) {
    MentionResult r;
    r.start = doc.locate(m.begin);
    r.end = doc.locate(m.end);
    r.mention = std::move(m);
    out.mentions.push_back(std::move(r));
  }
  return out;
}

}  // namespace claimcheck
