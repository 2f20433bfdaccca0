// Rendering a command's result: the formats, where to write, and the choice of renderer. Each
// format lives in a file of its own beside this one: table, tree (JSON, YAML), flat (CSV, TSV,
// Markdown), html, svg and xlsx.
#pragma once

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render/flat.hpp"
#include "cli/render/html.hpp"
#include "cli/render/style.hpp"
#include "cli/render/svg.hpp"
#include "cli/render/table.hpp"
#include "cli/render/tree.hpp"
#include "cli/render/xlsx.hpp"
#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat::cli {

// The output formats a command can write: a table for people; JSON and YAML with every field;
// CSV, TSV and Markdown as one flat table of the command's main list; an HTML report and an SVG
// chart for the commands that draw one; an xlsx workbook for those whose lists go in a spreadsheet.
enum class Format { table, json, yaml, csv, tsv, markdown, html, svg, xlsx };

// The formats' names, for --format's help and checks.
inline const std::vector<std::string> kFormatNames = {"table",    "json", "yaml", "csv", "tsv",
                                                      "markdown", "html", "svg",  "xlsx"};

// Parses a format name (already checked by the option parser).
Format parse_format(std::string_view name);

// The name of a format.
std::string_view format_name(Format format);

// A format that the command does not write: a usage error.
class FormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Everything a command needs to write its result.
struct Output {
    std::ostream& out;
    Format format = Format::table;
    Style style;
    std::string command;    // "gap", "level show": for messages about formats it does not write
    bool terminal = false;  // whether out is a terminal, which gets no binary format
};

// What a command draws for --format html and svg, from the same data it writes as JSON: the
// report's title, and a chart (an SVG document, or empty when the command draws none).
struct Picture {
    std::string title;
    std::function<std::string(const Json&)> chart;
};

// Writes data in the chosen format other than the table: as JSON or YAML, as the records
// to_records makes of it for CSV, TSV and Markdown, or, when the command gives a picture, as an
// HTML report or its SVG chart, or, for the commands kXlsxCommands names, as a workbook of one
// sheet of those records. A format the command cannot write is a usage error.
void write_data(const Output& output, const Json& data, const std::function<Records(const Json&)>& to_records,
                const Picture* picture = nullptr);

// For a format other than the table, writes the data as write_data does and returns true; for
// the table format, writes nothing and returns false. make_json is only called when needed.
template <typename MakeJson, typename ToRecords>
bool write_machine(const Output& output, MakeJson&& make_json, ToRecords&& to_records,
                   const Picture* picture = nullptr) {
    if (output.format == Format::table) {
        return false;
    }
    write_data(output, make_json(), to_records, picture);
    return true;
}

// Writes a workbook (--format xlsx). A binary file is refused on a terminal: a usage error that
// says to give -o FILE or to redirect standard output.
void write_workbook(const Output& output, const std::vector<Sheet>& sheets);

// Writes ids for scripts (--ids): one a line for the table format, a list of texts in JSON and
// YAML, a one-column table headed "id" in CSV, TSV and Markdown.
void write_ids(const Output& output, const std::vector<std::string>& ids);

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
