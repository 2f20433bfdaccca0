#include "cli/render/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "cli/render/style.hpp"

namespace ddat::cli {

std::string html_escape(std::string_view text) {
    std::string escaped;
    const std::string shown = visible(text);
    escaped.reserve(shown.size());
    for (const char c : shown) {
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            case '\'': escaped += "&#39;"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

namespace {

// GOV.UK Design System colours, type scale, tables, summary lists and tags, without its fonts
// (licensed for gov.uk only): Arial, as GOV.UK itself falls back to. Every tag pairs a dark
// text colour with a light fill, at least 7:1; the text says the status without the colour.
constexpr std::string_view kStyle = R"(
*{box-sizing:border-box}
body{margin:0;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;color:#0b0c0c;background:#fff;
font-size:19px;line-height:1.32;-webkit-font-smoothing:antialiased}
.app-header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:10px 30px;font-weight:700;font-size:24px}
main{max-width:1020px;margin:0 auto;padding:30px}
h1{font-size:36px;line-height:1.11;margin:0 0 30px}
h2{font-size:27px;line-height:1.11;margin:45px 0 20px}
.app-caption{display:block;color:#505a5f;font-size:19px;font-weight:400;margin-bottom:5px}
.app-table{overflow-x:auto;margin-bottom:30px}
table{border-collapse:collapse;border-spacing:0;width:100%;font-size:16px;line-height:1.25}
tr.app-has-text th,tr.app-has-text td{border-bottom:0;padding-bottom:2px}
tr.app-text-row td{padding-top:0}
tr.app-text-row .app-caption{display:inline;font-size:14px;font-weight:700;margin-right:8px}
td ul,dd ul{margin:4px 0 0;padding-left:20px}
th,td{text-align:left;vertical-align:top;padding:10px 12px 10px 0;border-bottom:1px solid #b1b4b6;overflow-wrap:break-word}
.app-visually-hidden{position:absolute;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;white-space:nowrap}
th{font-weight:700}
td.app-number{text-align:right;font-variant-numeric:tabular-nums}
dl{margin:0 0 30px;font-size:19px}
dl div{display:flex;border-bottom:1px solid #b1b4b6}
dt{font-weight:700;width:30%;padding:10px 20px 10px 0;margin:0}
dd{margin:0;padding:10px 0;overflow-wrap:anywhere;flex:1}
.tag{display:inline-block;padding:2px 8px 3px;font-size:16px;font-weight:400;white-space:nowrap;
color:#282d30;background:#e5e6e7}
.tag-good{color:#005a30;background:#cce2d8}
.tag-beyond{color:#0c2d4a;background:#bbd4ea}
.tag-short_of{color:#594d00;background:#fff7bf}
.tag-absent{color:#942514;background:#f4cdc6}
figure{margin:0 0 30px}
figure svg{max-width:100%;height:auto}
footer{border-top:1px solid #b1b4b6;color:#505a5f;font-size:16px;padding:20px 30px}
@page{size:A4;margin:15mm}
@media print{
body{font-size:11pt}
.app-header{background:none;color:#0b0c0c;border-bottom:2pt solid #0b0c0c;padding:0 0 6pt}
main{max-width:none;padding:0}
h1{font-size:20pt;margin:12pt 0}
h2{font-size:15pt;margin:18pt 0 8pt;break-after:avoid}
table,dl{font-size:9pt}
th,td,dt,dd{padding:4pt 8pt 4pt 0}
tr,figure,dl div{break-inside:avoid}
.app-table{overflow:visible}
thead{display:table-header-group}
.tag{border:1px solid currentColor;-webkit-print-color-adjust:exact;print-color-adjust:exact}
footer{padding:8pt 0}
}
)";

// "levels_required" as "Levels required".
std::string heading_of(std::string_view key) {
    std::string words(key);
    std::replace(words.begin(), words.end(), '_', ' ');
    if (!words.empty() && words.front() >= 'a' && words.front() <= 'z') {
        words.front() = static_cast<char>(words.front() - 'a' + 'A');
    }
    return words;
}

// Whether a field's values are status words, shown as tags.
bool is_status(std::string_view key) { return key == "status" || key == "change" || key == "direction"; }

// The tone of a status word that ddat wrote, found through the status types themselves.
Tone tone_of_word(std::string_view word) {
    for (const GapStatus s : {GapStatus::met, GapStatus::exceeds, GapStatus::below, GapStatus::missing}) {
        if (to_string(s) == word) {
            return tone_of(s);
        }
    }
    for (const LevelChange c : kLevelChanges) {
        if (to_string(c) == word) {
            return tone_of(c);
        }
    }
    for (const CriterionStatus s :
         {CriterionStatus::met, CriterionStatus::partly, CriterionStatus::not_met, CriterionStatus::not_assessed}) {
        if (to_string(s) == word) {
            return tone_of(s);
        }
    }
    return Tone::plain;
}

std::string_view tone_class(Tone tone) {
    switch (tone) {
        case Tone::good: return "tag tag-good";
        case Tone::beyond: return "tag tag-beyond";
        case Tone::short_of: return "tag tag-short_of";
        case Tone::absent: return "tag tag-absent";
        case Tone::plain: break;
    }
    return "tag";
}

// An object's keys, joined with "; ".
std::string keys_of(const Json& object) {
    std::string keys;
    for (const auto& item : object.items()) {
        keys += (keys.empty() ? "" : "; ") + item.key();
    }
    return keys;
}

// A value as the text of one cell: a scalar as it reads, a fraction of readiness as a percent,
// a record by its name, a list joined with "; ".
std::string cell_text(std::string_view key, const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "";
        case Json::value_t::string: return value.get<std::string>();
        case Json::value_t::boolean: return value.get<bool>() ? "yes" : "no";
        case Json::value_t::number_float:
            return key == "readiness" ? percent(value.get<double>()) : fmt::format("{}", value.get<double>());
        case Json::value_t::object:
            if (value.contains("name") && value["name"].is_string()) {
                return value["name"].get<std::string>();
            }
            if (value.contains("id") && value["id"].is_string()) {
                return value["id"].get<std::string>();
            }
            return keys_of(value);  // a mapping by key (a person's other skills by id)
        case Json::value_t::array: {
            std::string joined;
            for (const auto& item : value) {
                joined += (joined.empty() ? "" : "; ") + cell_text(key, item);
            }
            return joined;
        }
        default: return value.dump();
    }
}

// Text of several lines as it reads: lines that start "- " as a list, other lines broken where
// they were.
void write_text(std::string& html, std::string_view text) {
    bool in_list = false;
    bool first = true;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const bool item = line.starts_with("- ");
        if (item && !in_list) {
            html += "<ul>";
        } else if (!item && in_list) {
            html += "</ul>";
        } else if (!item && !first) {
            html += "<br>";
        }
        in_list = item;
        html += item ? "<li>" + html_escape(line.substr(2)) + "</li>" : html_escape(line);
        first = false;
    }
    if (in_list) {
        html += "</ul>";
    }
}

void write_cell_value(std::string& html, std::string_view key, const Json& value) {
    const std::string text = cell_text(key, value);
    if (is_status(key) && value.is_string()) {
        fmt::format_to(std::back_inserter(html), R"(<strong class="{}">{}</strong>)", tone_class(tone_of_word(text)),
                       html_escape(text));
    } else if (text.find('\n') != std::string::npos) {
        write_text(html, text);
    } else {
        html += html_escape(text);
    }
}

// Whether a field says nothing here: the count of criteria met for a level that has none.
bool says_nothing(const Json& object, std::string_view key, const Json& value) {
    return key.starts_with("criteria") && value.is_number() && object.contains("criteria") &&
           object["criteria"].is_number() && object["criteria"].get<double>() == 0;
}

// Cells of text at least this long get a column wide enough to read them.
constexpr std::size_t kLongText = 60;

// Whether a value reads as one line of a summary list rather than a section of its own.
bool is_plain(const Json& value) {
    if (value.is_object()) {
        return value.contains("name");
    }
    if (value.is_array()) {
        return std::none_of(value.begin(), value.end(), [](const Json& item) { return item.is_structured(); });
    }
    return true;
}

void write_summary_list(std::string& html, const Json& object) {
    html += "<dl>\n";
    for (const auto& [key, value] : object.items()) {
        if (!is_plain(value) || value.is_null() || (value.is_array() && value.empty()) ||
            says_nothing(object, key, value)) {
            continue;  // nothing to say
        }
        fmt::format_to(std::back_inserter(html), "<div><dt>{}</dt><dd>", html_escape(heading_of(key)));
        write_cell_value(html, key, value);
        if (value.is_object() && value.contains("id") && value["id"].is_string() && value["id"] != value["name"]) {
            fmt::format_to(std::back_inserter(html), R"( <span class="app-caption">{}</span>)",
                           html_escape(value["id"].get<std::string>()));
        }
        html += "</dd></div>\n";
    }
    html += "</dl>\n";
}

// A list of records as a table: a column for each field of any record, in the order first seen.
void write_table(std::string& html, std::string_view caption, const Json& records) {
    std::vector<std::string> columns;
    for (const auto& record : records) {
        for (const auto& [key, value] : record.items()) {
            // a list of records without names (a person's gap in each skill) is too much for a cell
            const bool unnamed =
                value.is_array() && !value.empty() && value.front().is_object() && !value.front().contains("name");
            if (!unnamed && std::find(columns.begin(), columns.end(), key) == columns.end()) {
                columns.push_back(key);
            }
        }
    }
    // a record reads by its name: the name heads the row
    if (const auto name = std::find(columns.begin(), columns.end(), "name"); name != columns.end()) {
        std::rotate(columns.begin(), name, name + 1);
    }
    // a column of long texts (what a level asks of a skill) is read under its record's row, across
    // the table, not squeezed into a column a word wide
    std::vector<std::string> texts;
    for (auto column = columns.begin() + (columns.empty() ? 0 : 1); column != columns.end();) {
        const bool long_texts = std::any_of(records.begin(), records.end(), [&](const Json& record) {
            return record.contains(*column) && record[*column].is_string() &&
                   record[*column].get_ref<const std::string&>().size() >= kLongText;
        });
        if (long_texts) {
            texts.push_back(*column);
            column = columns.erase(column);
        } else {
            ++column;
        }
    }
    fmt::format_to(std::back_inserter(html),
                   "<div class=\"app-table\"><table>\n<caption class=\"app-visually-hidden\">{}</caption>\n<thead><tr>",
                   html_escape(caption));
    for (const auto& column : columns) {
        fmt::format_to(std::back_inserter(html), R"(<th scope="col">{}</th>)", html_escape(heading_of(column)));
    }
    html += "</tr></thead>\n<tbody>\n";
    for (const auto& record : records) {
        std::vector<std::string> shown_texts;
        for (const auto& column : texts) {
            if (record.contains(column) && !cell_text(column, record[column]).empty()) {
                shown_texts.push_back(column);
            }
        }
        html += shown_texts.empty() ? "<tr>" : R"(<tr class="app-has-text">)";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const Json* value = record.contains(columns[c]) ? &record.at(columns[c]) : nullptr;
            const bool number = value != nullptr && value->is_number() && columns[c] != "readiness";
            if (c == 0) {
                html += R"(<th scope="row">)";
            } else {
                html += number ? R"(<td class="app-number">)" : "<td>";
            }
            if (value != nullptr) {
                write_cell_value(html, columns[c], *value);
            }
            html += c == 0 ? "</th>" : "</td>";
        }
        html += "</tr>\n";
        for (const auto& column : shown_texts) {
            // the record's last row draws the line under it
            fmt::format_to(std::back_inserter(html),
                           R"(<tr class="app-text-row{}"><td colspan="{}"><span class="app-caption">{}</span>)",
                           &column == &shown_texts.back() ? "" : " app-has-text", columns.size(),
                           html_escape(heading_of(column)));
            write_cell_value(html, column, record[column]);
            html += "</td></tr>\n";
        }
    }
    html += "</tbody>\n</table></div>\n";
}

// The sections of an object: its plain fields as a summary list, then each list of records as
// a table and each other object as a section of its own.
void write_sections(std::string& html, const Json& object, int depth) {
    if (std::any_of(object.items().begin(), object.items().end(),
                    [](const auto& item) { return is_plain(item.value()); })) {
        write_summary_list(html, object);
    }
    for (const auto& [key, value] : object.items()) {
        if (is_plain(value)) {
            continue;
        }
        const std::string heading = html_escape(heading_of(key));
        if (value.is_array()) {
            if (value.empty()) {
                continue;
            }
            fmt::format_to(std::back_inserter(html), "<h{0}>{1}</h{0}>\n", std::min(depth, 6), heading);
            const bool records =
                std::all_of(value.begin(), value.end(), [](const Json& item) { return item.is_object(); });
            if (records) {
                write_table(html, heading_of(key), value);
            } else {
                html += "<ul>\n";
                for (const auto& item : value) {
                    html += "<li>" + html_escape(cell_text(key, item)) + "</li>\n";
                }
                html += "</ul>\n";
            }
        } else {
            fmt::format_to(std::back_inserter(html), "<h{0}>{1}</h{0}>\n", std::min(depth, 6), heading);
            write_sections(html, value, depth + 1);
        }
    }
}

}  // namespace

void write_html_report(std::ostream& out, std::string_view title, const Json& data, const std::string& chart) {
    std::string html;
    html.reserve(64 * 1024);
    fmt::format_to(std::back_inserter(html),
                   "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n"
                   "<header class=\"app-header\">ddat</header>\n<main>\n<h1>{0}</h1>\n",
                   html_escape(title), kStyle);
    const bool has_chart = !chart.empty();
    if (data.is_object()) {
        // the plain fields first, then the chart, then the tables
        if (std::any_of(data.items().begin(), data.items().end(),
                        [](const auto& item) { return is_plain(item.value()); })) {
            write_summary_list(html, data);
        }
        if (has_chart) {
            html += "<figure>\n" + chart + "</figure>\n";
        }
        Json rest = Json::object();
        for (const auto& [key, value] : data.items()) {
            if (!is_plain(value)) {
                rest[key] = value;
            }
        }
        write_sections(html, rest, 2);
    } else if (data.is_array()) {
        if (has_chart) {
            html += "<figure>\n" + chart + "</figure>\n";
        }
        write_table(html, title, data);
    }
    html += "</main>\n<footer>Made by ddat from the DDaT capability framework.</footer>\n</body>\n</html>\n";
    out << html;
}

}  // namespace ddat::cli
