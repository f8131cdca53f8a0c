// json_positions.hpp — a small JSON reader that remembers where every value is.
//
// nlohmann::json forgets positions, but a rules file must report its problems
// at file:line:column. parse_json_with_positions() builds the same
// nlohmann::json value and a map from each value's path ("claims[3].frame") to
// the line and column of the value and, for object members, of its key.
//
//   auto parsed = parse_json_with_positions(text);
//   if (auto* err = std::get_if<JsonSyntaxError>(&parsed)) report(err->pos, err->message);
//   auto& doc = std::get<PositionedJson>(parsed);
//   SourcePos where = doc.value_at("claims[3].frame");
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace claimcheck::rules_detail {

// 1-based line and column; the column counts Unicode characters.
struct SourcePos {
  int line = 1;
  int column = 1;
};

struct JsonSyntaxError {
  SourcePos pos;
  std::string message;
};

struct PositionedJson {
  nlohmann::json value;
  std::unordered_map<std::string, SourcePos> values;  // path -> where the value starts
  std::unordered_map<std::string, SourcePos> keys;    // path -> where its key starts
  // Problems that do not stop the parse (a key given twice in one object).
  std::vector<JsonSyntaxError> problems;

  // Where the value at `path` starts; the nearest recorded ancestor otherwise.
  SourcePos value_at(const std::string& path) const;
  // Where the key of the member at `path` starts; its value otherwise.
  SourcePos key_at(const std::string& path) const;
};

// Paths as messages show them: `claims[3].frame.category[1]`, `vocabulary.program`;
// a key that is not a plain name is quoted: `vocabulary["odd key"]`.
std::string member_path(const std::string& parent, std::string_view key);
std::string index_path(const std::string& parent, size_t index);

constexpr int kMaxJsonDepth = 256;

std::variant<PositionedJson, JsonSyntaxError> parse_json_with_positions(std::string_view text);

}  // namespace claimcheck::rules_detail
