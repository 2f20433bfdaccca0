#include "cli/output.hpp"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "ddat/csv.hpp"

namespace ddat::cli {

Format parse_format(std::string_view name) {
    for (const auto& [word, format] :
         {std::pair{"json", Format::json}, std::pair{"yaml", Format::yaml}, std::pair{"csv", Format::csv},
          std::pair{"tsv", Format::tsv}, std::pair{"markdown", Format::markdown}}) {
        if (name == word) {
            return format;
        }
    }
    return Format::table;
}

namespace {
std::string paint(bool on, std::string_view code, std::string_view text) {
    if (!on) {
        return std::string(text);
    }
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}
}  // namespace

std::string Style::bold(std::string_view text) const { return paint(color, "1", text); }
std::string Style::dim(std::string_view text) const { return paint(color, "2", text); }

std::string Style::status(std::string_view word, std::string_view text) const {
    if (word == "met" || word == "same") {
        return paint(color, "32", text);
    }
    if (word == "exceeds" || word == "added" || word == "raised") {
        return paint(color, "36", text);
    }
    if (word == "below" || word == "partly" || word == "lowered") {
        return paint(color, "33", text);
    }
    if (word == "missing" || word == "not-met" || word == "removed") {
        return paint(color, "31", text);
    }
    return std::string(text);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b) {  // skip an escape sequence: ESC [ ... letter
            ++i;
            if (i < text.size() && text[i] == '[') {
                ++i;
                while (i < text.size() && !((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) {
                    ++i;
                }
                ++i;
            }
            continue;
        }
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        length = std::min(length, text.size() - i);
        std::uint32_t code = length == 1 ? c : (c & (0xFF >> (length + 1)));
        for (std::size_t k = 1; k < length; ++k) {
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        i += length;
        const bool combining = (code >= 0x300 && code <= 0x36F) || (code >= 0x200B && code <= 0x200F);
        const bool wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                          (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                          (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
                          (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1FAFF) ||
                          (code >= 0x20000 && code <= 0x3FFFD);
        width += combining ? 0 : wide ? 2 : 1;
    }
    return width;
}

std::string to_upper_ascii(std::string_view text) {
    std::string upper(text);
    for (char& c : upper) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return upper;
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string pad(std::string_view text, std::size_t width) {
    std::string padded(text);
    const std::size_t have = display_width(text);
    if (have < width) {
        padded.append(width - have, ' ');
    }
    return padded;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    width = std::max<std::size_t>(width, 20);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t newline = text.find('\n', start);
        const std::string_view paragraph =
            text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
        if (display_width(paragraph) <= width) {  // fits: keep its spacing as written
            lines.emplace_back(paragraph);
            if (newline == std::string_view::npos) {
                break;
            }
            start = newline + 1;
            continue;
        }
        // a bullet ("- item") hangs its continuation lines under its text
        const bool bullet = paragraph.substr(0, 2) == "- " || paragraph.substr(0, 2) == "* ";
        const std::string hanging = bullet ? "  " : "";
        std::string line;
        std::size_t line_width = 0;
        std::size_t i = 0;
        bool any = false;
        bool line_empty = true;  // nothing but the hanging indent yet
        while (i < paragraph.size()) {
            const std::size_t word_end = std::min(paragraph.find(' ', i), paragraph.size());
            const std::string_view word = paragraph.substr(i, word_end - i);
            i = word_end + 1;
            if (word.empty()) {
                continue;
            }
            const std::size_t word_width = display_width(word);
            if (!line_empty && line_width + 1 + word_width > width) {
                lines.push_back(line);
                line = hanging;
                line_width = hanging.size();
                line_empty = true;
            }
            if (!line_empty) {
                line += ' ';
                ++line_width;
            }
            line_empty = false;
            line += word;
            line_width += word_width;
            any = true;
        }
        if (any || paragraph.empty()) {
            lines.push_back(line);
        }
        if (newline == std::string_view::npos) {
            break;
        }
        start = newline + 1;
    }
    while (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    return lines;
}

void write_wrapped(std::ostream& out, std::string_view text, const Style& style, std::string_view indent) {
    const std::size_t indent_width = display_width(indent);
    const std::size_t width = static_cast<std::size_t>(std::max(style.width, 40)) - indent_width;
    for (const auto& line : wrap(text, width)) {
        if (line.empty()) {
            out << '\n';
        } else {
            out << indent << line << '\n';
        }
    }
}

std::string level_marker(SkillLevel level) {
    std::string marker;
    for (int i = 1; i <= 4; ++i) {
        marker += i <= to_number(level) ? "●" : "○";
    }
    return marker;
}

void TextTable::add_row(std::vector<std::string> cells, std::vector<std::string> colors) {
    cells.resize(headers_.size());
    colors.resize(headers_.size());
    rows_.push_back(std::move(cells));
    colors_.push_back(std::move(colors));
}

void TextTable::write(std::ostream& out, const Style& style, std::string_view indent) const {
    const std::size_t columns = headers_.size();
    std::vector<std::size_t> widths(columns, 0);
    for (std::size_t c = 0; c < columns; ++c) {
        widths[c] = display_width(headers_[c]);
        for (const auto& row : rows_) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    }
    // Narrow the wrapped column so that the whole table fits, but never below 16 columns.
    std::size_t others = display_width(indent) + 2 * (columns - 1);
    for (std::size_t c = 0; c < columns; ++c) {
        others += c == wrapped_ ? 0 : widths[c];
    }
    const auto available = static_cast<std::size_t>(std::max(style.width, 40));
    if (others + widths[wrapped_] > available) {
        widths[wrapped_] = std::max<std::size_t>(available > others ? available - others : 0, 16);
    }
    const auto write_row = [&](const std::vector<std::string>& cells, const std::vector<std::string>* colors,
                               bool header) {
        std::vector<std::vector<std::string>> lines(columns);
        std::size_t height = 1;
        for (std::size_t c = 0; c < columns; ++c) {
            lines[c] = c == wrapped_ ? wrap(cells[c], widths[c]) : std::vector<std::string>{cells[c]};
            if (lines[c].empty()) {
                lines[c].emplace_back();
            }
            height = std::max(height, lines[c].size());
        }
        for (std::size_t line = 0; line < height; ++line) {
            std::string text(indent);
            for (std::size_t c = 0; c < columns; ++c) {
                const std::string cell = line < lines[c].size() ? lines[c][line] : std::string();
                std::string shown = c + 1 < columns ? pad(cell, widths[c]) : cell;
                if (header) {
                    shown = style.bold(shown);
                } else if (colors != nullptr && !(*colors)[c].empty()) {
                    shown = style.status((*colors)[c], shown);
                }
                text += shown;
                if (c + 1 < columns) {
                    text += "  ";
                }
            }
            while (!text.empty() && text.back() == ' ') {
                text.pop_back();
            }
            out << text << '\n';
        }
    };
    write_row(headers_, nullptr, true);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        write_row(rows_[r], &colors_[r], false);
    }
}

void write_json(std::ostream& out, const Json& value) {
    out << value.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

namespace {

// A value as write_json writes it, for a place `depth` levels deep in a document: every line
// after the first indented by two spaces a level (JSON text holds no raw line break).
void write_nested_json(std::ostream& out, const Json& value, int depth) {
    const std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
    const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        out.write(text.data() + start, static_cast<std::streamsize>(end + 1 - start));
        out << indent;
        start = end + 1;
    }
    out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

}  // namespace

void JsonWriter::indent(std::size_t levels) {
    static const std::string spaces(64, ' ');
    for (std::size_t n = 2 * levels; n > 0;) {
        const std::size_t now = std::min(n, spaces.size());
        out_.write(spaces.data(), static_cast<std::streamsize>(now));
        n -= now;
    }
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!counts_.empty()) {
        out_ << (counts_.back()++ == 0 ? "\n" : ",\n");
        indent(static_cast<std::size_t>(base_depth_) + counts_.size());
    }
}

void JsonWriter::close(char bracket) {
    if (counts_.back() > 0) {
        out_ << '\n';
        indent(static_cast<std::size_t>(base_depth_) + counts_.size() - 1);
    }
    out_ << bracket;
    counts_.pop_back();
}

void JsonWriter::open(char bracket) {
    before_value();
    out_ << bracket;
    counts_.push_back(0);
}

JsonWriter& JsonWriter::begin_object() {
    open('{');
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    open('[');
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    quoted(name);
    out_ << ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::quoted(std::string_view value) {
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\';
    });
    if (plain) {
        out_ << '"';
        out_.write(value.data(), static_cast<std::streamsize>(value.size()));
        out_ << '"';
    } else {
        out_ << Json(value).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
}

JsonWriter& JsonWriter::text(std::string_view value) {
    before_value();
    quoted(value);
    return *this;
}

JsonWriter& JsonWriter::text_or_null(std::string_view value) {
    if (value.empty()) {
        before_value();
        out_ << "null";
        return *this;
    }
    return text(value);
}

JsonWriter& JsonWriter::number(long long value) {
    before_value();
    out_ << value;
    return *this;
}

JsonWriter& JsonWriter::value(const Json& value) {
    before_value();
    write_nested_json(out_, value, base_depth_ + static_cast<int>(counts_.size()));
    return *this;
}

namespace {

void emit_yaml(YAML::Emitter& out, const Json& value) {
    switch (value.type()) {
        case Json::value_t::object:
            out << YAML::BeginMap;
            for (const auto& [key, item] : value.items()) {
                out << YAML::Key << key << YAML::Value;
                emit_yaml(out, item);
            }
            out << YAML::EndMap;
            break;
        case Json::value_t::array:
            out << YAML::BeginSeq;
            for (const auto& item : value) {
                emit_yaml(out, item);
            }
            out << YAML::EndSeq;
            break;
        case Json::value_t::string: out << YAML::DoubleQuoted << value.get<std::string>(); break;
        case Json::value_t::boolean: out << (value.get<bool>() ? "true" : "false"); break;
        case Json::value_t::number_integer: out << value.get<std::int64_t>(); break;
        case Json::value_t::number_unsigned: out << value.get<std::uint64_t>(); break;
        case Json::value_t::number_float: out << value.dump(); break;  // shortest form: 0.769
        default: out << YAML::Null; break;
    }
}

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

std::string markdown_cell(std::string_view text) {
    std::string cell;
    for (const char c : text) {
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

void write_yaml(std::ostream& out, const Json& value) {
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    emit_yaml(emitter, value);
    if (!emitter.good()) {
        throw std::runtime_error("cannot write YAML: " + emitter.GetLastError());
    }
    out << emitter.c_str() << '\n';
}

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

void write_records(std::ostream& out, Format format, const Records& records) {
    if (format == Format::csv) {
        out << csv_line(records.headers);
        for (const auto& row : records.rows) {
            out << csv_line(spreadsheet_row(row));
        }
        return;
    }
    if (format == Format::tsv) {
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
        return;
    }
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

Json level_json(SkillLevel level) {
    if (level == SkillLevel::none) {
        return nullptr;
    }
    return std::string(to_string(level));
}

Json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
    Json list = Json::array();
    for (const auto& d : diagnostics) {
        list.push_back({{"file", d.location.file},
                        {"line", d.location.line},
                        {"column", d.location.column},
                        {"message", d.message}});
    }
    return list;
}

}  // namespace ddat::cli
