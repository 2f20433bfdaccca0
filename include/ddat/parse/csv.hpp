// Reading and writing CSV (RFC 4180): quoted cells with commas, quotes and line breaks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ddat {

// One record of a CSV file and the line it starts on (1-based).
struct CsvRecord {
    std::vector<std::string> cells;
    int line = 0;
};

// The most cells parse_csv reads from one file (the framework's download has about 20,000).
inline constexpr std::size_t kMaxCsvCells = 1000000;

// Parses CSV text: a byte-order mark is skipped, CRLF and LF line ends are accepted, an empty
// last line is ignored. Throws InputError (located in `file`) for a quote that is never
// closed, text after a closing quote, invalid UTF-8, a NUL byte or more than kMaxCsvCells cells.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file);

// One cell written for CSV: quoted when it holds a comma, quote, or line break.
std::string csv_cell(std::string_view text);

// A whole record as one CSV line, ending in CRLF as RFC 4180 says.
std::string csv_line(const std::vector<std::string>& cells);

}  // namespace ddat
