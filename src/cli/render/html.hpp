// The html format: one self-contained report page (inline CSS and SVG, no script, nothing
// fetched), in the plain look of the GOV.UK Design System, that prints on A4.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "cli/render/tree.hpp"

namespace ddat::cli {

// The commands that write --format html, for the message to any other.
inline constexpr std::string_view kHtmlCommands =
    "--format html is for level show, diff, path, gap, match, team and progress";

// Text as HTML text or an attribute value: made visible (no control character or bidirectional
// override), then & < > " ' escaped, so that nothing from a file becomes markup.
std::string html_escape(std::string_view text);

// Writes a report page: the title, then the data as it reads for a person (plain fields as a
// summary list, each list of records as a table with its header row, status words as tags with
// their word), and the chart (an SVG document, or nothing when empty) after the summary.
void write_html_report(std::ostream& out, std::string_view title, const Json& data, const std::string& chart);

}  // namespace ddat::cli
