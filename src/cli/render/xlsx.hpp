// The xlsx format: a workbook for spreadsheets, one sheet per table, written by ddat itself (XML
// parts in a stored zip; see ARCHITECTURE.md for why not libxlsxwriter). Cells are typed: numbers
// are numbers, readiness a percentage, true and false booleans, and a level word has its number
// (1 awareness ... 4 expert) in the column beside it. Each sheet keeps its header row in view and
// sizes its columns to fit. The same sheets give the same bytes: no dates, no random names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render/flat.hpp"

namespace ddat::cli {

// The commands that write --format xlsx, for the message to any other.
inline constexpr std::string_view kXlsxCommands = "--format xlsx is for roles list, level show, gap, match and team";

// One sheet: a table with a header row, its cells typed from their text.
struct Sheet {
    std::string name;  // at most 31 characters of it are kept, without []:*?/\ (Excel's rule)
    Records records;
    std::size_t frozen_columns = 0;  // columns kept in view beside the header row
    // From this column on (0-based, counted in records.headers), the numbers are levels short of
    // a target, coloured as a heat map by conditional formats: 0 met, 1 short, 2 or more far short.
    // npos: no heat map.
    std::size_t heat_from = std::string::npos;
};

// Text for a cell or an attribute of an xlsx part: made visible (no control character or
// bidirectional override), then & < > " escaped; characters XML 1.0 forbids (U+FFFE, U+FFFF)
// shown as \ufffe; and text that reads as Excel's own escape (_x001B_) escaped in turn, so it
// comes back as written.
std::string xlsx_text(std::string_view text);

// The workbook's bytes: a zip archive of its parts. The first sheet is the one shown on opening.
std::string xlsx_workbook(const std::vector<Sheet>& sheets);

}  // namespace ddat::cli
