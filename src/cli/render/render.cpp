#include "cli/render/render.hpp"

#include <algorithm>
#include <array>

#include "cli/render/html.hpp"
#include "cli/render/svg.hpp"

namespace ddat::cli {

Format parse_format(std::string_view name) {
    for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
        if (name == kFormatNames[i]) {
            return static_cast<Format>(i);
        }
    }
    return Format::table;
}

std::string_view format_name(Format format) { return kFormatNames.at(static_cast<std::size_t>(format)); }

void write_data(const Output& output, const Json& data, const std::function<Records(const Json&)>& to_records,
                const Picture* picture) {
    switch (output.format) {
        case Format::table: break;
        case Format::json: write_json(output.out, data); break;
        case Format::yaml: write_yaml(output.out, data); break;
        case Format::csv: write_csv(output.out, to_records(data)); break;
        case Format::tsv: write_tsv(output.out, to_records(data)); break;
        case Format::markdown: write_markdown(output.out, to_records(data)); break;
        case Format::html:
            if (picture == nullptr) {
                throw FormatError("'" + output.command + "' does not write HTML; " + std::string(kHtmlCommands));
            }
            write_html_report(output.out, picture->title, data, picture->chart ? picture->chart(data) : "");
            break;
        case Format::svg:
            if (picture == nullptr || !picture->chart) {
                throw FormatError("'" + output.command + "' draws no chart; " + std::string(kSvgCommands));
            }
            output.out << picture->chart(data);
            break;
        case Format::xlsx: {
            // The commands whose main list is worth a spreadsheet; team writes its own sheets.
            static constexpr std::array<std::string_view, 4> kSheets = {"roles list", "level show", "gap", "match"};
            if (std::find(kSheets.begin(), kSheets.end(), output.command) == kSheets.end() || !to_records) {
                throw FormatError("'" + output.command + "' does not write xlsx; " + std::string(kXlsxCommands));
            }
            std::vector<Sheet> sheets = {Sheet{output.command, to_records(data)}};
            // a report's summary (a gap's readiness) as a sheet of its own, after the list
            if (data.is_object() && data.contains("summary") && data["summary"].is_object()) {
                sheets.push_back(Sheet{"summary", flatten(Json::array({data["summary"]}))});
            }
            write_workbook(output, sheets);
            break;
        }
    }
}

void write_workbook(const Output& output, const std::vector<Sheet>& sheets) {
    if (output.terminal) {
        throw FormatError(
            "--format xlsx writes a binary file, not for a terminal: give -o FILE, or redirect "
            "standard output (> " +
            std::string(output.command.substr(0, output.command.find(' '))) + ".xlsx)");
    }
    output.out << xlsx_workbook(sheets);
}

Json level_json(SkillLevel level) {
    if (level == SkillLevel::none) {
        return nullptr;
    }
    return std::string(to_string(level));
}

void write_ids(const Output& output, const std::vector<std::string>& ids) {
    if (output.format == Format::table) {
        for (const auto& id : ids) {
            output.out << id << '\n';
        }
        return;
    }
    write_data(output, Json(ids), [&ids](const Json&) {
        Records records{{"id"}, {}};
        for (const auto& id : ids) {
            records.rows.push_back({id});
        }
        return records;
    });
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
