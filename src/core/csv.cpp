#include "ddat/csv.hpp"

#include "ddat/errors.hpp"
#include "ddat/text.hpp"

namespace ddat {

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) {
        text.remove_prefix(bom.size());
    }
    if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        int line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < bad; ++i) {
            if (text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        throw InputError(SourceLocation{file, line, static_cast<int>(bad - line_start) + 1},
                         "the file is not valid UTF-8 text: save it as UTF-8 and try again");
    }
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string cell;
    int line = 1;
    std::size_t line_start = 0;
    record.line = 1;
    std::size_t i = 0;
    bool cell_started = false;  // anything read for the current record
    const auto end_cell = [&] {
        record.cells.push_back(std::move(cell));
        cell.clear();
    };
    const auto end_record = [&] {
        end_cell();
        records.push_back(std::move(record));
        record = CsvRecord{};
        cell_started = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && cell.empty()) {
            const int quote_line = line;
            const int quote_column = static_cast<int>(i - line_start) + 1;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (text[i] == '\n') {
                    ++line;
                    line_start = i + 1;
                }
                cell += text[i];
                ++i;
            }
            if (!closed) {
                throw InputError(SourceLocation{file, quote_line, quote_column},
                                 "the quoted cell that starts here is never closed: add the closing \"");
            }
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
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
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
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
        cell += c;
        cell_started = true;
        ++i;
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
