// The flat formats, CSV, TSV and Markdown: a command's main list as one table.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render/tree.hpp"

namespace ddat::cli {

// A command's main list as a flat table, for CSV, TSV and Markdown.
struct Records {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// Writes records as CSV (RFC 4180: quotes where needed, CRLF line ends), TSV (tabs, with tabs,
// line breaks and backslashes in cells escaped as \t, \n and \\), or a Markdown table.
void write_csv(std::ostream& out, const Records& records);
void write_tsv(std::ostream& out, const Records& records);
void write_markdown(std::ostream& out, const Records& records);

// A list of JSON objects as flat records: one column per field, nested objects as "key.field",
// lists of texts joined with "; ". With `explode`, each object's list of that name gives one
// row per item, beside its parent's fields ("levels.id", ...). An empty list gives just the
// header row `empty_headers`, so that a script still finds its columns.
Records flatten(const Json& items, std::string_view explode = {}, std::vector<std::string> empty_headers = {});

}  // namespace ddat::cli
