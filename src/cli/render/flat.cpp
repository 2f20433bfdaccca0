#include "cli/render/flat.hpp"

#include <algorithm>

#include "cli/render/style.hpp"
#include "ddat/parse/csv.hpp"

namespace ddat::cli {

namespace {

std::string tsv_cell(std::string_view text) {
    std::string cell;
    for (const char c : text) {
        switch (c) {
            case '\t': cell += "\\t"; break;
            case '\n': cell += "\\n"; break;
            case '\r': cell += "\\r"; break;
            case '\\': cell += "\\\\"; break;
            default: cell += c;
        }
    }
    return cell;
}

// A Markdown cell: its text made visible (it is read on a terminal as often as rendered), with
// bars escaped and line breaks as <br>.
std::string markdown_cell(std::string_view text) {
    std::string cell;
    for (const char c : visible(text)) {
        if (c == '|') {
            cell += "\\|";
        } else if (c == '\n') {
            cell += "<br>";
        } else if (c != '\r') {
            cell += c;
        }
    }
    return cell;
}

}  // namespace

namespace {

std::string scalar_text(const Json& value) {
    switch (value.type()) {
        case Json::value_t::string: return value.get<std::string>();
        case Json::value_t::null: return "";
        case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        default: return value.dump();
    }
}

// Adds an object's fields to a row under a prefix; lists of objects are left to `explode`.
void add_fields(const Json& object, const std::string& prefix, std::vector<std::pair<std::string, std::string>>& row) {
    for (const auto& [key, value] : object.items()) {
        const std::string name = prefix + key;
        if (value.is_object()) {
            add_fields(value, name + ".", row);
        } else if (value.is_array()) {
            if (std::all_of(value.begin(), value.end(), [](const Json& item) { return !item.is_structured(); })) {
                std::string joined;
                for (const auto& item : value) {
                    joined += (joined.empty() ? "" : "; ") + scalar_text(item);
                }
                row.emplace_back(name, joined);
            }
        } else {
            row.emplace_back(name, scalar_text(value));
        }
    }
}

}  // namespace

Records flatten(const Json& items, std::string_view explode, std::vector<std::string> empty_headers) {
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    const auto add_row = [&](const Json& item, const Json* child) {
        std::vector<std::pair<std::string, std::string>> row;
        Json parent = item;
        if (child != nullptr && parent.is_object()) {
            parent.erase(std::string(explode));
        }
        if (parent.is_object()) {
            add_fields(parent, "", row);
        } else {
            row.emplace_back("value", scalar_text(parent));
        }
        if (child != nullptr) {
            add_fields(*child, std::string(explode) + ".", row);
        }
        rows.push_back(std::move(row));
    };
    for (const auto& item : items.is_array() ? items : Json::array({items})) {
        const Json* list = !explode.empty() && item.is_object() && item.contains(std::string(explode))
                               ? &item.at(std::string(explode))
                               : nullptr;
        if (list != nullptr && list->is_array()) {
            for (const auto& child : *list) {
                add_row(item, &child);
            }
        } else {
            add_row(item, nullptr);
        }
    }
    Records records;
    if (rows.empty()) {
        records.headers = std::move(empty_headers);
        return records;
    }
    for (const auto& row : rows) {
        for (const auto& [name, value] : row) {
            if (std::find(records.headers.begin(), records.headers.end(), name) == records.headers.end()) {
                records.headers.push_back(name);
            }
        }
    }
    for (const auto& row : rows) {
        std::vector<std::string> cells(records.headers.size());
        for (const auto& [name, value] : row) {
            cells[static_cast<std::size_t>(std::find(records.headers.begin(), records.headers.end(), name) -
                                           records.headers.begin())] = value;
        }
        records.rows.push_back(std::move(cells));
    }
    return records;
}

namespace {

// A cell as a spreadsheet should show it: text that starts with = + - @ or a tab or carriage
// return, which Excel and LibreOffice would run as a formula, gets a leading apostrophe (names
// and evidence come from people's own files). Numbers such as -1 stay as they are.
std::string spreadsheet_cell(const std::string& cell) {
    if (cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) {
        return cell;
    }
    const bool number =
        cell.size() > 1 && (cell.front() == '-' || cell.front() == '+') &&
        std::all_of(cell.begin() + 1, cell.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    return number ? cell : "'" + cell;
}

std::vector<std::string> spreadsheet_row(const std::vector<std::string>& row) {
    std::vector<std::string> safe;
    safe.reserve(row.size());
    for (const auto& cell : row) {
        safe.push_back(spreadsheet_cell(cell));
    }
    return safe;
}

}  // namespace

void write_csv(std::ostream& out, const Records& records) {
    out << csv_line(records.headers);
    for (const auto& row : records.rows) {
        out << csv_line(spreadsheet_row(row));
    }
}

void write_tsv(std::ostream& out, const Records& records) {
    const auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out << (i == 0 ? "" : "\t") << tsv_cell(cells[i]);
        }
        out << '\n';
    };
    line(records.headers);
    for (const auto& row : records.rows) {
        line(spreadsheet_row(row));
    }
}

void write_markdown(std::ostream& out, const Records& records) {
    const auto line = [&](const std::vector<std::string>& cells) {
        out << '|';
        for (const auto& cell : cells) {
            out << ' ' << markdown_cell(cell) << " |";
        }
        out << '\n';
    };
    line(records.headers);
    out << '|';
    for (std::size_t i = 0; i < records.headers.size(); ++i) {
        out << " --- |";
    }
    out << '\n';
    for (const auto& row : records.rows) {
        line(row);
    }
}

}  // namespace ddat::cli
