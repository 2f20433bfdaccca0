#include "ddat/parse/csv.hpp"

#include <cstring>

#include "ddat/errors.hpp"
#include "ddat/text.hpp"

namespace ddat {

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) {
        text.remove_prefix(bom.size());
    }
    // Invalid UTF-8 and NUL bytes (which no text file holds, and which would end up in the names
    // of the framework written from it) are refused at their place, as in a YAML file.
    std::size_t bad = find_invalid_utf8(text);
    const bool not_utf8 = bad != std::string_view::npos;
    if (!not_utf8) {
        bad = text.find('\0');
    }
    if (bad != std::string_view::npos) {
        int line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < bad; ++i) {
            if (text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        throw InputError(SourceLocation{file, line, static_cast<int>(bad - line_start) + 1},
                         not_utf8 ? "the file is not valid UTF-8 text: save it as UTF-8 and try again"
                                  : "the file holds a NUL byte: it is not a text file");
    }
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string cell;
    int line = 1;
    std::size_t line_start = 0;
    record.line = 1;
    std::size_t i = 0;
    bool cell_started = false;  // anything read for the current record
    // Text is copied a run at a time, and the cells are counted: each costs about 40 bytes
    // however short, so a 64 MiB file of commas would need 2.5 GB.
    const char* const data = text.data();
    const std::size_t n = text.size();
    std::size_t cells = 0;
    const auto end_cell = [&] {
        if (++cells > kMaxCsvCells) {
            throw InputError(SourceLocation{file, line, static_cast<int>(i - line_start) + 1},
                             "the file has more than " + std::to_string(kMaxCsvCells) +
                                 " cells, far more than the framework's CSV download (about 20,000): is this the right "
                                 "file?");
        }
        record.cells.push_back(std::move(cell));
        cell.clear();
    };
    const auto end_record = [&] {
        end_cell();
        records.push_back(std::move(record));
        record = CsvRecord{};
        cell_started = false;
    };
    // Counts the line breaks in data[from, to).
    const auto count_lines = [&](std::size_t from, std::size_t to) {
        while (from < to) {
            const void* found = std::memchr(data + from, '\n', to - from);
            if (found == nullptr) {
                break;
            }
            from = static_cast<std::size_t>(static_cast<const char*>(found) - data) + 1;
            ++line;
            line_start = from;
        }
    };
    while (i < n) {
        const char c = data[i];
        if (c == '"' && cell.empty()) {
            const int quote_line = line;
            const int quote_column = static_cast<int>(i - line_start) + 1;
            ++i;
            bool closed = false;
            while (i < n) {
                const void* found = std::memchr(data + i, '"', n - i);
                const std::size_t quote =
                    found == nullptr ? n : static_cast<std::size_t>(static_cast<const char*>(found) - data);
                count_lines(i, quote);
                cell.append(data + i, quote - i);
                i = quote;
                if (i == n) {
                    break;
                }
                if (i + 1 < n && data[i + 1] == '"') {
                    cell += '"';
                    i += 2;
                    continue;
                }
                ++i;
                closed = true;
                break;
            }
            if (!closed) {
                throw InputError(SourceLocation{file, quote_line, quote_column},
                                 "the quoted cell that starts here is never closed: add the closing \"");
            }
            if (i < n && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
                throw InputError(SourceLocation{file, line, static_cast<int>(i - line_start) + 1},
                                 "text after the closing quote of a cell: quote the whole cell, doubling inner quotes");
            }
            cell_started = true;
            continue;
        }
        if (c == ',') {
            end_cell();
            cell_started = true;
            ++i;
            continue;
        }
        if (c == '\r' && i + 1 < n && data[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (c == '\n') {
            end_record();
            ++i;
            ++line;
            line_start = i;
            record.line = line;
            continue;
        }
        // text up to the next comma or line end (a quote inside a cell is text)
        std::size_t end = i + 1;
        while (end < n && data[end] != ',' && data[end] != '\n' && data[end] != '\r') {
            ++end;
        }
        cell.append(data + i, end - i);
        cell_started = true;
        i = end;
    }
    if (cell_started || !cell.empty()) {
        end_record();
    }
    return records;
}

std::string csv_cell(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        line += (i == 0 ? "" : ",") + csv_cell(cells[i]);
    }
    return line + "\r\n";
}

}  // namespace ddat
