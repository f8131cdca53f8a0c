// unit_words.cpp — what a number is counted in: currency marks and codes
// before or after it ("£4m", "US$4 trillion", "USD10m", "20 usd", "5
// euros"), unit words glued or following ("128GB", "65mph", "12 km"),
// durations ("18 months", "ten-year"), rates ("12 per 100,000"), and
// multipliers ("3x", "three times as likely"). Tables, scanned linearly at
// candidate positions only.
#include <array>
#include <string>
#include <utility>

#include "extract/scanner.hpp"

namespace claimcheck::extract {

namespace {

// Currency symbols as UTF-8, with the ISO code they stand for alone.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kSymbols{{
    {"$", "USD"},
    {"\xC2\xA3", "GBP"},      // £
    {"\xE2\x82\xAC", "EUR"},  // €
    {"\xC2\xA5", "JPY"},      // ¥
    {"\xE2\x82\xB9", "INR"},  // ₹
    {"\xE2\x82\xA9", "KRW"},  // ₩
    {"\xE2\x82\xBD", "RUB"},  // ₽
    {"\xE2\x82\xBA", "TRY"},  // ₺
    {"\xE2\x82\xB1", "PHP"},  // ₱
    {"\xE2\x82\xAA", "ILS"},  // ₪
    {"\xE2\x82\xA6", "NGN"},  // ₦
    {"\xE2\x82\xAB", "VND"},  // ₫
}};

// Letters written before "$" that name the dollar: "US$", "C$", "A$".
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kDollarPrefixes{{
    {"us", "USD"},
    {"u.s.", "USD"},
    {"c", "CAD"},
    {"ca", "CAD"},
    {"can", "CAD"},
    {"a", "AUD"},
    {"au", "AUD"},
    {"nz", "NZD"},
    {"hk", "HKD"},
    {"s", "SGD"},
    {"r", "BRL"},
    {"mx", "MXN"},
}};

// ISO codes (and a few written abbreviations) as words before or after a
// number: "USD 10m", "EUR5bn", "20 usd", "Rs 500".
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kCodes{{
    {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"}, {"cny", "CNY"}, {"rmb", "CNY"},
    {"cad", "CAD"}, {"aud", "AUD"}, {"nzd", "NZD"}, {"chf", "CHF"}, {"inr", "INR"}, {"rs", "INR"},
    {"rs.", "INR"}, {"hkd", "HKD"}, {"sgd", "SGD"}, {"sek", "SEK"}, {"nok", "NOK"}, {"dkk", "DKK"},
    {"krw", "KRW"}, {"brl", "BRL"}, {"mxn", "MXN"}, {"zar", "ZAR"},
}};

// Currency names after a number: "5 euros", "300 yen".
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kCurrencyNames{{
    {"dollars", "USD"}, {"dollar", "USD"}, {"euros", "EUR"}, {"euro", "EUR"},
    {"yen", "JPY"},     {"yuan", "CNY"},   {"renminbi", "CNY"}, {"rupees", "INR"},
    {"rupee", "INR"},   {"pesos", "MXN"},  {"francs", "CHF"},   {"sterling", "GBP"},
    {"rand", "ZAR"},    {"rubles", "RUB"}, {"roubles", "RUB"},  {"bucks", "USD"},
}};

// Adjectives that name which dollar: "Canadian dollars".
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kDollarAdjectives{{
    {"swiss", "CHF"},
    {"canadian", "CAD"},
    {"australian", "AUD"},
    {"singapore", "SGD"},
    {"taiwan", "TWD"},
    {"zealand", "NZD"},
    {"kong", "HKD"},
    {"american", "USD"},
    {"u.s.", "USD"},
}};

// Units of time, singular as reported.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kDurations{{
    {"second", "second"},   {"seconds", "second"}, {"minute", "minute"},   {"minutes", "minute"},
    {"mins", "minute"},     {"hour", "hour"},      {"hours", "hour"},      {"hrs", "hour"},
    {"day", "day"},         {"days", "day"},       {"week", "week"},       {"weeks", "week"},
    {"month", "month"},     {"months", "month"},   {"year", "year"},       {"years", "year"},
    {"yrs", "year"},        {"decade", "decade"},  {"decades", "decade"},  {"century", "century"},
    {"centuries", "century"}, {"fortnight", "fortnight"},
}};

// Other unit words, kept as written. Lower case; glued forms ("128GB") and
// separate words ("12 km") both look here.
constexpr std::array<std::string_view, 104> kOtherUnits{
    "knots",     "knot",       "au",         "tev",        "gev",        "mev",       "mcg",
    "joules",    "zettajoules", "kilojoules", "megajoules", "mg",        "ml",        "tonne",
    "megapixel", "celsius",    "fahrenheit", "horsepower", "hp",         "ppm",       "ppb",
    "kmh",       "ha",         "psi",        "cc",         "gigabytes",
    "km",        "kms",        "kilometres", "kilometers", "kilometre", "kilometer", "miles",
    "mile",      "mi",         "mph",        "kph",        "km/h",       "metres",    "meters",
    "metre",     "meter",      "cm",         "mm",         "ft",         "feet",      "foot",
    "inches",    "inch",       "yards",      "yard",       "kg",         "kgs",       "kilograms",
    "kilogram",  "kilos",      "grams",      "gram",       "tonnes",     "tonne",     "tons",
    "ton",       "lb",         "lbs",        "ounces",     "oz",         "litres",    "liters",
    "litre",     "liter",      "gallons",    "gallon",     "barrels",    "bpd",       "acres",
    "acre",      "hectares",   "hectare",    "degrees",    "mw",         "gw",        "kw",
    "kwh",       "mwh",        "gwh",        "twh",        "gb",         "mb",        "tb",
    "kb",        "gbps",       "mbps",       "ghz",        "mhz",        "hz",        "mpg",
    "calories",  "kcal",       "watts",      "volts",      "megawatts",  "gigawatts", "megapixels",
    "sq"};

template <size_t N>
std::string_view lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                        std::string_view key) {
  for (const auto& [k, v] : table)
    if (k == key) return v;
  return {};
}

}  // namespace

std::string_view currency_symbol_at(std::string_view t, size_t i, size_t& len) {
  for (const auto& [sym, code] : kSymbols) {
    if (t.substr(i, sym.size()) == sym) {
      len = sym.size();
      return code;
    }
  }
  len = 0;
  return {};
}

std::string_view dollar_prefix(std::string_view word) { return lookup(kDollarPrefixes, word); }
std::string_view currency_code_word(std::string_view word) { return lookup(kCodes, word); }

std::string_view currency_name(std::string_view word, std::string_view adjective) {
  std::string_view code = lookup(kCurrencyNames, word);
  if (adjective.empty() || code.empty()) return code;
  // "Canadian dollars", "Swiss francs": the adjective names the currency.
  std::string_view a = lookup(kDollarAdjectives, adjective);
  if (code == "USD" || a == code) return a;
  return {};
}

std::string_view duration_unit(std::string_view word) { return lookup(kDurations, word); }

// Two-word units: the first word, then the words that may follow it.
size_t Scanner::two_word_unit(const Word& w) const {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kPairs{{
      {"light", "years"},      {"light", "year"},        {"light-years", ""},     {"degrees", "celsius"},
      {"degrees", "fahrenheit"}, {"degrees", "c"},       {"degrees", "f"},        {"square", "kilometres"},
      {"square", "kilometers"}, {"square", "miles"},     {"square", "metres"},    {"square", "meters"},
      {"square", "feet"},      {"sq", "km"},             {"sq", "miles"},         {"sq", "ft"},
      {"astronomical", "units"}, {"parts", "per"},       {"barrels", "a"},        {"barrels", "per"},
      {"kilowatt", "hours"},   {"miles", "per"}}};
  const std::string_view first = w.str();
  for (const auto& [a, b] : kPairs) {
    if (a != first) continue;
    if (b.empty()) return w.e;
    Word w2 = word_after(t_, w.e);
    if (w2.b == w.e || !w2.is(b)) continue;
    if (b == "per" || b == "a") {
      // "parts per million", "barrels a day", "miles per hour"
      Word w3 = word_after(t_, w2.e);
      if (w3.is("million") || w3.is("billion") || w3.is("day") || w3.is("hour") || w3.is("year")) return w3.e;
      continue;
    }
    return w2.e;
  }
  return 0;
}

bool Scanner::times_is_multiplier(size_t after_times) const {
  // A comparison follows a multiplier: "as likely", "more", "the size",
  // "what its owners paid", "its earnings". Occasions are followed by
  // anything else: "three times a week", "2.8 million times under Title 42".
  static constexpr std::array<std::string_view, 28> kComparisons{
      "as",    "more",  "less",   "fewer",  "higher", "lower",   "larger", "smaller", "greater", "bigger",
      "faster", "slower", "longer", "shorter", "the",  "that",    "what",   "their",   "its",     "his",
      "her",   "our",   "my",     "your",   "those",  "these",   "than",   "over"};
  Word w2 = word_after(t_, after_times);
  if (w2.empty() || w2.b == after_times) return false;
  return in_table(kComparisons, w2.str());
}

bool is_other_unit(std::string_view word) {
  return in_table(kOtherUnits, word);
}

void set_currency(Figure& f, std::string_view code) {
  f.unit = code == "USD" ? Unit::usd : Unit::currency;
  f.unit_text = std::string(code);
}

}  // namespace claimcheck::extract
