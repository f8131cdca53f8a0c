// suggest.cpp — rules drafted from a corpus (claimcheck rules suggest).
//
// Two passes over the sentences that state figures, each read alone as
// `verify` reads evidence, so that the draft's claims are what verify finds:
//   1. propose a vocabulary: a figure's measure is the noun it counts (the
//      extractor's counted noun, else the content word right after it, else
//      the nearest before it in its clause: "the poverty rate was 11.5
//      percent"); categories are the words that qualify those nouns right
//      before them ("official", "supplemental", "child"); a word nearly
//      always right before a measure noun joins its name ("poverty rate").
//      Phrases match their inflections (vocabulary.cpp).
//      Categories are split into facets (version 2): words seen on one
//      figure together are read with "and", words never seen together are
//      alternatives of one facet.
//   2. read every sentence again with that vocabulary and group the figures
//      by unit and frame (measure, categories, period): one claim per frame
//      and value; a frame stated with several values gives one claim per
//      value, marked CONFLICT in its definition for the user to decide. Such
//      claims differ in value, so the draft still lints clean.
#include "claimcheck/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "claimcheck/mention.hpp"
#include "claimcheck/rules.hpp"
#include "frame/reader.hpp"
#include "index/evidence.hpp"
#include "rules/vocabulary.hpp"

namespace claimcheck {

namespace {

using ojson = nlohmann::ordered_json;

struct Word {
  std::string lower;
  size_t begin = 0;  // bytes in the clause
  size_t end = 0;
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    std::string w(text.substr(i, j - i));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back({std::move(w), i, j});
    i = j;
  }
  return out;
}

// Words that say when or how much, never what: they are read as periods and
// values, or carry no frame.
bool is_frame_word(const std::string& w) {
  static const std::set<std::string> skip = {
      "january",   "february",      "march",    "april",    "june",    "july",     "august",
      "september", "october",       "november", "december", "fiscal",  "year",     "years",
      "percent",   "percentage",    "cent",     "million",  "billion", "thousand", "hundred",
      "half",      "quarter",       "third",    "one",      "two",     "three",    "four",
      "five",      "six",           "seven",    "eight",    "nine",    "ten",      "twenty",
      "since",     "between",       "through",  "during",   "among",   "nearly",   "almost",
      "roughly",   "approximately", "least",    "only",     "while",   "where",    "per",
      "much",      "many",          "record",   "lowest",   "highest", "first",    "last"};
  return w.size() < 3 || skip.count(w) > 0 || index_detail::is_stop_word(w) ||
         rules_detail::too_common_reason(w).has_value();
}

bool usable(const Mention& m) {
  return (m.unit == Unit::count || m.unit == Unit::percent || m.unit == Unit::usd ||
          m.unit == Unit::points) &&
         !m.time_context && !m.range && !m.minor && m.change == ChangeKind::none && std::isfinite(m.value);
}

// An age bound ("children under 18", "aged 65 and over") is a definition,
// not a figure the corpus states: a count with no counted noun right after
// "under", "aged" ... (the hedge "under" may be part of the mention).
bool is_age(const Mention& m, std::string_view sentence) {
  if (m.unit != Unit::count || !m.counted.empty()) return false;
  const size_t digit = m.text.find_first_of("0123456789");
  if (digit == std::string::npos) return false;
  const auto before = words_of(sentence.substr(0, m.begin + digit));
  if (before.empty()) return false;
  static const std::set<std::string> age = {"under", "aged", "age", "ages", "over"};
  return age.count(before.back().lower) > 0 && before.back().end + 2 >= m.begin + digit;
}

struct Sentence {
  const Document* doc = nullptr;
  std::string text;
  int line = 0;
  Day date = 0;
  std::vector<Mention> mentions;  // usable ones only are kept in figures later
};

std::vector<Sentence> figure_sentences(const std::vector<Document>& docs) {
  std::vector<Sentence> out;
  for (const auto& doc : docs) {
    Day fallback = 0;
    if (auto d = parse_iso_day(doc.meta.file_date)) fallback = *d;
    const Day date = detail::find_document_date(doc.text, doc.meta.date, fallback);
    for (const Span& s : split_sentences(doc.text)) {
      Sentence sent;
      sent.doc = &doc;
      sent.text = doc.text.substr(s.begin, s.end - s.begin);
      sent.mentions = extract_mentions(sent.text);
      if (std::none_of(sent.mentions.begin(), sent.mentions.end(), usable)) continue;
      sent.line = doc.locate(s.begin).line;
      sent.date = date;
      out.push_back(std::move(sent));
    }
  }
  return out;
}

// The clause of `sentence` holding byte `at`.
std::string_view clause_at(std::string_view sentence, size_t at) {
  for (const Span& c : split_clauses(sentence))
    if (c.begin <= at && at < c.end) return sentence.substr(c.begin, c.end - c.begin);
  return sentence;
}

// What a figure counts, as one lowercase word ("" when none is found), and
// the words that qualify it right before it ("the official child poverty
// rate": official, child, poverty).
struct Counted {
  std::string measure;
  std::vector<std::string> qualifiers;
};

// Only spaces or one hyphen between two words: one noun phrase.
bool adjacent(std::string_view text, size_t from, size_t to) {
  const std::string_view gap = text.substr(from, to - from);
  return gap.find_first_not_of(" \t\r\n-") == std::string_view::npos &&
         std::count(gap.begin(), gap.end(), '-') <= 1;
}

Counted counted_by(const Mention& m, std::string_view sentence) {
  Counted out;
  if (!m.counted.empty()) {
    auto ws = words_of(m.counted);
    for (auto it = ws.rbegin(); it != ws.rend(); ++it) {
      if (is_frame_word(it->lower)) continue;
      if (out.measure.empty())
        out.measure = it->lower;
      else
        out.qualifiers.push_back(it->lower);
    }
    if (!out.measure.empty()) return out;
  }
  const std::string_view clause = clause_at(sentence, m.begin);
  const size_t offset = static_cast<size_t>(clause.data() - sentence.data());
  const auto ws = words_of(clause);
  auto qualify = [&](size_t i) {  // words right before ws[i]
    for (size_t q = i; q > 0 && out.qualifiers.size() < 3; --q) {
      const Word& w = ws[q - 1];
      if (!adjacent(clause, w.end, ws[q].begin) || is_frame_word(w.lower)) break;
      out.qualifiers.push_back(w.lower);
    }
  };
  // Right after the figure: "12.4 percent of children", "37.9 million
  // people"; not across punctuation ("5.2 percent, the lowest on record").
  static const std::set<std::string> glue = {
      "percent", "of", "the", "all", "a", "an", "those", "million", "billion", "thousand", "cent"};
  size_t from = m.end;
  for (size_t i = 0; i < ws.size(); ++i) {
    const Word& w = ws[i];
    if (w.begin + offset < m.end) continue;
    const std::string_view gap = sentence.substr(from, w.begin + offset - from);
    if (gap.find_first_not_of(" \t\r\n") != std::string_view::npos) break;
    from = w.end + offset;
    if (glue.count(w.lower)) continue;
    if (is_frame_word(w.lower)) break;
    out.measure = w.lower;
    qualify(i);
    return out;
  }
  // Before it: "the official poverty rate was 11.5 percent".
  for (size_t i = ws.size(); i > 0; --i) {
    const Word& w = ws[i - 1];
    if (w.end + offset > m.begin || is_frame_word(w.lower)) continue;
    out.measure = w.lower;
    qualify(i - 1);
    return out;
  }
  return out;
}

struct Candidate {
  std::string word;  // the form seen most often
  std::map<std::string, size_t> forms;
  size_t figures = 0;
};

// key -> candidate, counting each figure once per key.
void tally(std::map<std::string, Candidate>& into, const std::string& word,
           std::set<std::string>& seen) {
  const std::string key = rules_detail::stem_key(word);
  if (!seen.insert(key).second) return;
  auto& c = into[key];
  ++c.forms[word];
  ++c.figures;
}

std::string most_seen(const Candidate& c) {
  return std::max_element(c.forms.begin(), c.forms.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

struct Vocabulary {
  std::map<std::string, std::string> measures;    // id -> phrase
  std::map<std::string, std::string> categories;  // id -> phrase
  // The categories split into facets (format version 2): words that qualify
  // one figure together ("child" and "supplemental") are in different facets,
  // read with "and"; words never seen together are alternatives of one facet
  // ("official" or "supplemental"). In rank order, most frequent first.
  std::vector<std::vector<std::string>> facets;
};

// Greedy: each category, most frequent first, joins the first facet none of
// whose words it was ever seen with, else opens a new facet.
std::vector<std::vector<std::string>> split_facets(
    const std::vector<std::string>& ranked, const std::set<std::pair<std::string, std::string>>& together) {
  std::vector<std::vector<std::string>> facets;
  for (const auto& word : ranked) {
    auto fits = [&](const std::vector<std::string>& facet) {
      return std::none_of(facet.begin(), facet.end(), [&](const std::string& other) {
        return together.count({std::min(word, other), std::max(word, other)}) > 0;
      });
    };
    auto it = std::find_if(facets.begin(), facets.end(), fits);
    if (it == facets.end())
      facets.push_back({word});
    else
      it->push_back(word);
  }
  return facets;
}

Vocabulary propose_vocabulary(const std::vector<Sentence>& sentences) {
  std::map<std::string, Candidate> measures, qualifiers;
  // measure key -> stem key of the word right before it -> figures
  std::map<std::string, std::map<std::string, Candidate>> before;
  // Qualifier keys seen on one figure together (each pair ordered).
  std::set<std::pair<std::string, std::string>> together_keys;
  size_t figures = 0;
  for (const auto& s : sentences) {
    for (const auto& m : s.mentions) {
      if (!usable(m) || is_age(m, s.text)) continue;
      ++figures;
      std::set<std::string> seen_measure, seen_qualifier, seen_before;
      const Counted c = counted_by(m, s.text);
      if (c.measure.empty()) continue;
      tally(measures, c.measure, seen_measure);
      if (!c.qualifiers.empty())
        tally(before[rules_detail::stem_key(c.measure)], c.qualifiers.front(), seen_before);
      for (const auto& q : c.qualifiers)
        if (q.size() >= 4) tally(qualifiers, q, seen_qualifier);
      for (const auto& a : seen_qualifier)
        for (const auto& b : seen_qualifier)
          if (a < b) together_keys.insert({a, b});
    }
  }
  Vocabulary v;
  // A word nearly always right before a measure noun is part of its name
  // ("poverty rate"): one measure phrase, and no category that every figure
  // of it would carry.
  std::set<std::string> folded;
  for (const auto& [key, c] : measures) {
    const std::string word = most_seen(c);
    std::string phrase = word;
    for (const auto& [prev_key, prev] : before[key])
      if (prev.figures >= 2 && prev.figures * 3 >= c.figures * 2) {
        phrase = most_seen(prev) + " " + word;
        folded.insert(prev_key);
      }
    std::string id = phrase;
    std::replace(id.begin(), id.end(), ' ', '-');
    v.measures[id] = phrase;
  }
  // Qualifiers of the counted nouns, unless they qualify nearly all figures:
  // such a word tells no figure from another.
  std::vector<std::pair<size_t, std::string>> ranked;
  std::map<std::string, std::string> word_of_key;
  for (const auto& [key, c] : qualifiers) {
    if (measures.count(key) || folded.count(key)) continue;
    if (figures >= 5 && c.figures * 5 > figures * 4) continue;
    ranked.emplace_back(c.figures, most_seen(c));
    word_of_key[key] = ranked.back().second;
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (ranked.size() > 15) ranked.resize(15);
  std::vector<std::string> words;
  for (const auto& [n, word] : ranked) {
    v.categories[word] = word;
    words.push_back(word);
  }
  std::set<std::pair<std::string, std::string>> together;
  for (const auto& [a, b] : together_keys) {
    auto wa = word_of_key.find(a), wb = word_of_key.find(b);
    if (wa == word_of_key.end() || wb == word_of_key.end()) continue;
    together.insert({std::min(wa->second, wb->second), std::max(wa->second, wb->second)});
  }
  v.facets = split_facets(words, together);
  return v;
}

// A facet's name: its words, "official-or-supplemental" (three at most), so
// the file reads as what the facet tells apart until someone renames it.
std::string facet_name(const std::vector<std::string>& words, const ojson& facets) {
  std::string name;
  for (size_t i = 0; i < words.size() && i < 3; ++i) name += (i ? "-or-" : "") + words[i];
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
  // Not a built-in dimension, not the always-present "category".
  static const std::set<std::string> reserved = {"program", "measure", "category", "period", "place"};
  if (reserved.count(name)) name += "-facet";
  const std::string base = name;
  for (int n = 2; facets.contains(name); ++n) name = base + "-" + std::to_string(n);
  return name;
}

// Adds the proposed vocabulary to `root` (an existing file's or an empty
// one), phrases of ids it already has appended if new. A version 2 file
// gets the categories as facets; into a version 1 file they go as
// "category", the one facet it has.
void add_vocabulary(ojson& root, const Vocabulary& v) {
  const bool v2 = root.value("claimcheck_rules", 1) >= 2;
  // An ordered_json object is a vector: a reference into `root` dies when a
  // key is added to it, so both members exist before either is held.
  if (v2 && !v.facets.empty() && !root.contains("facets")) root["facets"] = ojson::object();
  ojson& vocab = root["vocabulary"];
  // Ids the file already declares keep their place.
  std::set<std::string> declared;
  for (const auto& [dim, ids] : vocab.items())
    if (dim != "measure" && dim != "program" && dim != "period" && dim != "place" && ids.is_object())
      for (const auto& [id, phrases] : ids.items()) declared.insert(id);
  if (v2) {
    for (const auto& words : v.facets) {
      std::vector<std::string> fresh;
      for (const auto& w : words)
        if (!declared.count(w)) fresh.push_back(w);
      if (fresh.empty()) continue;
      ojson& facets = root.at("facets");
      const std::string name = facet_name(fresh, facets);
      std::string list;
      for (const auto& w : fresh) list += (list.empty() ? "" : ", ") + w;
      facets[name] = {{"kind", "definition-mismatch"},
                      {"description", "EDIT: name what this facet tells apart; its values are alternatives (" +
                                          list + ")"}};
      for (const auto& w : fresh) vocab[name][w] = ojson::array({v.categories.at(w)});
    }
  }
  auto add = [&](const char* dim, const std::map<std::string, std::string>& ids) {
    if (ids.empty()) return;
    ojson& d = vocab[dim];
    for (const auto& [id, phrase] : ids) {
      if (!d.contains(id)) {
        d[id] = ojson::array({phrase});
        continue;
      }
      auto& list = d[id];
      if (list.is_array() && std::find(list.begin(), list.end(), ojson(phrase)) == list.end())
        list.push_back(phrase);
    }
  };
  add("measure", v.measures);
  if (!v2) add("category", v.categories);
}

std::string format_value(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

struct Occurrence {
  const Sentence* sentence = nullptr;
  std::string text;  // the figure as written
};

struct FrameGroup {
  Unit unit = Unit::count;
  Frame frame;
  std::map<double, std::vector<Occurrence>> values;  // in value order
};

std::string frame_key(Unit unit, const Frame& f) {
  std::string key = std::string(unit_name(unit)) + "|" + f.program + "|" + f.measure + "|";
  for (const auto& c : f.category) key += c + ",";
  if (f.period) key += "|" + std::to_string(f.period->from) + "-" + std::to_string(f.period->to);
  return key;
}

ojson period_json(const Period& p) {
  ojson o = ojson::object();
  if (p.from) o["from"] = format_day(p.from);
  if (p.to) o["to"] = format_day(p.to);
  return o;
}

std::string period_slug(const Period& p) {
  const std::string from = p.from ? format_day(p.from).substr(0, 4) : "";
  const std::string to = p.to ? format_day(p.to).substr(0, 4) : "";
  return from == to ? from : from + "-" + to;
}

std::string quote(std::string_view sentence) {
  std::string out;
  bool space = false;
  for (char c : sentence) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::optional<SuggestResult> suggest_rules(const std::vector<Document>& docs,
                                           const SuggestOptions& options, Diagnostics& diags) {
  ojson root = ojson::object();
  std::optional<Rules> existing;
  if (options.merge) {
    existing = load_rules_from_strings({*options.merge}, diags);
    if (!existing) return std::nullopt;
    root = ojson::parse(options.merge->second);
    // A version 1 file with nothing in it yet (the one `claimcheck init`
    // writes) says nothing that version 2 reads differently: draft into it
    // as version 2, so categories seen together read "and". A file with
    // claims keeps its version (version 2 reads "4.0" at its written
    // precision, which would change what its claims accept).
    const bool has_claims = root.contains("claims") && root["claims"].is_array() && !root["claims"].empty();
    const bool has_categories = root.contains("vocabulary") && root["vocabulary"].is_object() &&
                                root["vocabulary"].contains("category") &&
                                !root["vocabulary"]["category"].empty();
    if (root.value("claimcheck_rules", 1) == 1 && !has_claims && !has_categories) root["claimcheck_rules"] = 2;
  } else {
    root["claimcheck_rules"] = 2;
    root["title"] = "Draft rules (edit me)";
  }
  SuggestResult result;
  result.documents = docs.size();
  const std::vector<Sentence> sentences = figure_sentences(docs);

  // Pass 1: the vocabulary, then the rules it makes (with the merged file's).
  add_vocabulary(root, propose_vocabulary(sentences));
  if (!root.contains("claims")) root["claims"] = ojson::array();
  Diagnostics draft_diags;
  auto rules = load_rules_from_strings({{"draft", root.dump()}}, draft_diags);
  if (!rules) {
    for (const auto& d : draft_diags.items()) diags.add(d);
    return std::nullopt;
  }

  // Pass 2: every figure framed by that vocabulary, grouped by frame.
  std::map<std::string, FrameGroup> groups;
  std::vector<std::string> order;
  for (const auto& s : sentences) {
    const detail::Reading reading = detail::read_figures(&*rules, s.text, s.mentions, s.date);
    for (const auto& f : reading.figures) {
      if (!usable(f.mention) || is_age(f.mention, s.text)) continue;
      ++result.figures;
      if (f.frame.measure.empty() || !is_positive(f.source.measure)) {
        ++result.without_measure;
        continue;
      }
      Frame frame;
      frame.measure = f.frame.measure;
      if (is_positive(f.source.program)) frame.program = f.frame.program;
      if (is_positive(f.source.category)) frame.category = f.frame.category;
      if (is_positive(f.source.period)) frame.period = f.frame.period;
      const std::string key = frame_key(f.mention.unit, frame);
      auto [it, inserted] = groups.try_emplace(key);
      if (inserted) {
        it->second.unit = f.mention.unit;
        it->second.frame = frame;
        order.push_back(key);
      }
      it->second.values[f.mention.value].push_back({&s, f.mention.text});
    }
  }

  // Claims the merged file already holds are not drafted again.
  std::set<std::string> held;
  if (existing)
    for (const auto& c : existing->claims()) {
      Frame f = c.frame;
      f.place.clear();
      held.insert(frame_key(c.unit, f) + "=" + format_value(c.value));
    }
  std::set<std::string> ids;
  if (existing)
    for (const auto& c : existing->claims()) ids.insert(c.id);
  for (const auto& key : order) {
    const FrameGroup& g = groups[key];
    std::vector<std::pair<double, const std::vector<Occurrence>*>> fresh;
    for (const auto& [value, occ] : g.values)
      if (!held.count(key + "=" + format_value(value))) fresh.emplace_back(value, &occ);
    if (fresh.empty()) continue;
    const bool conflict = g.values.size() > 1;
    if (conflict) ++result.conflicts;
    std::string base = g.frame.measure;
    for (const auto& c : g.frame.category) base += "-" + c;
    if (g.frame.period) base += "-" + period_slug(*g.frame.period);
    base = slug(base + "-" + std::string(unit_name(g.unit)));
    std::vector<std::string> values_written;
    for (const auto& [value, occ] : g.values) values_written.push_back(occ.front().text);
    for (const auto& [value, occ] : fresh) {
      std::string id = slug(base + "-" + format_value(value));
      for (int n = 2; ids.count(id); ++n)
        id = slug(base + "-" + format_value(value)) + "-" + std::to_string(n);
      ids.insert(id);
      const Occurrence& first = occ->front();
      ojson claim = ojson::object();
      claim["id"] = id;
      claim["value"] = value;
      claim["unit"] = std::string(unit_name(g.unit));
      ojson frame = ojson::object();
      if (!g.frame.program.empty()) frame["program"] = g.frame.program;
      frame["measure"] = g.frame.measure;
      // Each facet its own field, "and" across them, "or" inside one (a
      // version 1 file has the one facet "category", always a list).
      std::map<std::string, std::vector<std::string>> by_facet;
      for (const auto& c : g.frame.category) by_facet[std::string(rules->facet_of(c))].push_back(c);
      for (const auto& facet : rules->facets()) {
        auto it = by_facet.find(facet);
        if (it == by_facet.end()) continue;
        if (rules->version() >= 2 && it->second.size() == 1)
          frame[facet] = it->second.front();
        else
          frame[facet] = it->second;
      }
      if (g.frame.period) frame["period"] = period_json(*g.frame.period);
      claim["frame"] = frame;
      std::string definition;
      if (conflict) {
        definition = "CONFLICT: this frame is stated as ";
        for (size_t i = 0; i < values_written.size(); ++i)
          definition +=
              (i ? (i + 1 == values_written.size() ? " and " : ", ") : "") + values_written[i];
        definition += "; keep the right value, or give the older claim superseded_by. ";
      }
      definition += "EDIT: say exactly what is counted. " + std::to_string(occ->size()) +
                    (occ->size() == 1 ? " sentence states" : " sentences state") + " it, e.g. \"" +
                    quote(first.sentence->text) + "\"";
      claim["definition"] = definition;
      const Document& doc = *first.sentence->doc;
      ojson source = ojson::object();
      if (!doc.meta.title.empty()) source["title"] = doc.meta.title;
      if (!doc.meta.publisher.empty()) source["publisher"] = doc.meta.publisher;
      source["doc"] = std::filesystem::path(doc.path).filename().string();
      claim["source"] = source;
      root["claims"].push_back(claim);
      ++result.claims;
    }
  }
  // The file says it is a draft; merged claims are drafts too.
  const std::string note =
      "DRAFT: " + std::to_string(result.claims) +
      " claims written by `claimcheck rules suggest` from " + std::to_string(result.documents) +
      " documents. Check every claim, rewrite each definition (it quotes the sentence the figure "
      "came from), "
      "prune the vocabulary (measures are the nouns figures count, categories the words that "
      "qualify them), "
      "and settle the " +
      std::to_string(result.conflicts) + " frames marked CONFLICT. " +
      std::to_string(result.without_measure) + " of " + std::to_string(result.figures) +
      " figures were left out: no measure was read for them.";
  if (!options.merge) {
    root["description"] = note;
  } else if (result.claims > 0) {
    const std::string before = root.contains("description") && root["description"].is_string()
                                   ? root["description"].get<std::string>() + " "
                                   : "";
    root["description"] = before + note;
  }
  // Keys in the order the docs list them, description after the title.
  ojson out = ojson::object();
  for (const char* k :
       {"$schema", "claimcheck_rules", "title", "description", "facets", "fiscal_year_start", "defaults",
        "vocabulary", "claims"})
    if (root.contains(k)) out[k] = root[k];
  result.json = out.dump(2) + "\n";
  return result;
}

}  // namespace claimcheck
