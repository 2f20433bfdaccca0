// The tree formats, JSON and YAML: every field of a command's result, for programs.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ddat::cli {

// JSON objects keep their keys in the order written, so output reads in a stable, documented order.
using Json = nlohmann::ordered_json;

// Writes JSON, indented, with a final newline; invalid UTF-8 is replaced, never fatal.
void write_json(std::ostream& out, const Json& value);

// Writes JSON exactly as write_json does (two spaces a level, keys in the order written), straight
// to a stream without building a document: for lists of thousands. Open and close objects and
// arrays, give each member of an object its key, then its value.
class JsonWriter {
public:
    // `depth`: how many levels deep in an enclosing document the first value starts.
    explicit JsonWriter(std::ostream& out, int depth = 0) : out_(out), base_depth_(depth) {}
    // Writes what is still held; call flush() first where a failure to write must be seen.
    ~JsonWriter();
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& text(std::string_view value);
    JsonWriter& text_or_null(std::string_view value);  // null for empty text
    JsonWriter& number(long long value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    JsonWriter& value(const Json& value);  // any value, a document of its own
    // Writes what is held to the stream: before the stream is used otherwise, and at the end.
    // The writer gathers its output in pieces of about 64 KB, since a stream write per comma and
    // quote cost more than the rest of a team's JSON.
    void flush();

private:
    void before_value();
    void open(char bracket);
    void close(char bracket);
    void indent(std::size_t levels);
    void quoted(std::string_view value);
    void put(std::string_view text);

    static constexpr std::size_t kChunkBytes = 64 * 1024;

    std::ostream& out_;
    int base_depth_;
    std::vector<std::size_t> counts_;  // members written so far, for each open object or array
    bool after_key_ = false;
    std::string pending_;  // written, not yet passed to out_
};

// Writes the same data as YAML, every string double-quoted so that no reader takes "yes" or
// "1.0" for anything but text.
void write_yaml(std::ostream& out, const Json& value);

// Writes what write_yaml writes for the object {list_key: [items], then rest's fields}, making
// the items one at a time with next() (nullopt after the last) and writing them as they come, so
// that a long list (a team of thousands) is never held whole.
void write_yaml_streamed(std::ostream& out, const std::string& list_key,
                         const std::function<std::optional<Json>()>& next, const Json& rest);

}  // namespace ddat::cli
