// Rendering helpers shared by the commands: output formats, colour, aligned tables, wrapping.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat::cli {

// JSON objects keep their keys in the order written, so output reads in a stable, documented order.
using Json = nlohmann::ordered_json;

// The output formats a command can write: a table for people; JSON and YAML with every field;
// CSV, TSV and Markdown as one flat table of the command's main list.
enum class Format { table, json, yaml, csv, tsv, markdown };

// The formats' names, for --format's help and checks.
inline const std::vector<std::string> kFormatNames = {"table", "json", "yaml", "csv", "tsv", "markdown"};

// Parses a format name (already checked by the option parser).
Format parse_format(std::string_view name);

// How a command should write for a person: colour, and the width to wrap text to.
struct Style {
    bool color = false;
    int width = 100;

    // Text in bold, dim, or the colour of a status word ("met", "below", "raised", ...); unchanged
    // without colour.
    [[nodiscard]] std::string bold(std::string_view text) const;
    [[nodiscard]] std::string dim(std::string_view text) const;
    [[nodiscard]] std::string status(std::string_view word, std::string_view text) const;
};

// Everything a command needs to write its result.
struct Output {
    std::ostream& out;
    Format format = Format::table;
    Style style;
};

// The number of terminal columns text takes: one per character, two for wide East Asian ones,
// none for escape sequences and combining marks.
std::size_t display_width(std::string_view text);

// ASCII upper case, for column headings.
std::string to_upper_ascii(std::string_view text);

// "1 family", "3 families": a count and the noun in the right number.
std::string count_of(std::size_t n, std::string_view one, std::string_view many);

// Text padded with spaces to a display width.
std::string pad(std::string_view text, std::size_t width);

// Text broken into lines of at most `width` columns at spaces (a longer word stands alone).
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// Writes text wrapped to the style's width, every line starting with `indent`.
void write_wrapped(std::ostream& out, std::string_view text, const Style& style, std::string_view indent);

// A compact marker for a level: filled and empty dots, "●●○○" for working.
std::string level_marker(SkillLevel level);

// A table with a header row, columns aligned by display width. One column (the last unless
// told otherwise) is wrapped to fit the style's width when the table would run over.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers, std::size_t wrapped_column = SIZE_MAX)
        : headers_(std::move(headers)), wrapped_(wrapped_column == SIZE_MAX ? headers_.size() - 1 : wrapped_column) {}

    // Adds a row; `colors` optionally gives a status word per cell to colour it by.
    void add_row(std::vector<std::string> cells, std::vector<std::string> colors = {});

    // Writes the table with every line starting with `indent`.
    void write(std::ostream& out, const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::string> headers_;
    std::size_t wrapped_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::vector<std::string>> colors_;
};

// Writes JSON, indented, with a final newline; invalid UTF-8 is replaced, never fatal.
void write_json(std::ostream& out, const Json& value);

// Writes JSON exactly as write_json does (two spaces a level, keys in the order written), straight
// to a stream without building a document: for lists of thousands. Open and close objects and
// arrays, give each member of an object its key, then its value.
class JsonWriter {
public:
    // `depth`: how many levels deep in an enclosing document the first value starts.
    explicit JsonWriter(std::ostream& out, int depth = 0) : out_(out), base_depth_(depth) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& text(std::string_view value);
    JsonWriter& text_or_null(std::string_view value);  // null for empty text
    JsonWriter& number(long long value);
    JsonWriter& value(const Json& value);  // any value, a document of its own

private:
    void before_value();
    void open(char bracket);
    void close(char bracket);
    void indent(std::size_t levels);
    void quoted(std::string_view value);

    std::ostream& out_;
    int base_depth_;
    std::vector<std::size_t> counts_;  // members written so far, for each open object or array
    bool after_key_ = false;
};

// Writes the same data as YAML, every string double-quoted so that no reader takes "yes" or
// "1.0" for anything but text.
void write_yaml(std::ostream& out, const Json& value);

// A command's main list as a flat table, for CSV, TSV and Markdown.
struct Records {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// Writes records as CSV (RFC 4180: quotes where needed, CRLF line ends), TSV (tabs, with tabs,
// line breaks and backslashes in cells escaped as \t, \n and \\), or a Markdown table.
void write_records(std::ostream& out, Format format, const Records& records);

// A list of JSON objects as flat records: one column per field, nested objects as "key.field",
// lists of texts joined with "; ". With `explode`, each object's list of that name gives one
// row per item, beside its parent's fields ("levels.id", ...). An empty list gives just the
// header row `empty_headers`, so that a script still finds its columns.
Records flatten(const Json& items, std::string_view explode = {}, std::vector<std::string> empty_headers = {});

// Writes data in the chosen machine format: as JSON or YAML, or as the records to_records makes
// of it for CSV, TSV and Markdown.
template <typename ToRecords>
void write_data(const Output& output, const Json& data, ToRecords&& to_records) {
    switch (output.format) {
        case Format::json: write_json(output.out, data); break;
        case Format::yaml: write_yaml(output.out, data); break;
        default: write_records(output.out, output.format, to_records(data)); break;
    }
}

// For a machine format, writes the data (JSON, YAML) or, for CSV, TSV and Markdown, the records
// that to_records makes of it, and returns true; for the table format, writes nothing and
// returns false. make_json is only called when a machine format is chosen.
template <typename MakeJson, typename ToRecords>
bool write_machine(const Output& output, MakeJson&& make_json, ToRecords&& to_records) {
    if (output.format == Format::table) {
        return false;
    }
    write_data(output, make_json(), to_records);
    return true;
}

// {"id": ..., "name": ...} of anything with an id and a name.
template <typename T>
Json id_and_name(const T& item) {
    return {{"id", item.id}, {"name", item.name}};
}

// A level word for JSON: null for none.
Json level_json(SkillLevel level);

// Located messages (warnings or notes) as a JSON array of {file, line, column, message}.
Json diagnostics_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace ddat::cli
