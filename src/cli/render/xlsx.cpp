#include "cli/render/xlsx.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <set>
#include <unordered_map>

#include "cli/render/style.hpp"
#include "cli/render/zip.hpp"
#include "ddat/model.hpp"

namespace ddat::cli {

namespace {

constexpr std::string_view kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kPackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

// Excel keeps at most this many characters in a cell.
constexpr std::size_t kCellCharacters = 32767;
// The widest a column is sized, in characters.
constexpr std::size_t kWidest = 60;

// The styles of cellXfs in styles.xml.
enum StyleIndex : int { kPlainStyle = 0, kHeaderStyle = 1, kPercentStyle = 2 };

// How a column's cells are written.
enum class Kind { text, number, percent, boolean, level_word, level_number };

struct Column {
    std::string header;
    Kind kind = Kind::text;
    std::size_t source = 0;  // the records' column it comes from
};

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// A number exactly as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, so that
// "007" or "1." stay text.
bool is_number(std::string_view text) {
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            ++i;
        }
        return i - start;
    };
    if (i < text.size() && text[i] == '-') {
        ++i;
    }
    const std::size_t start = i;
    const std::size_t whole = digits();
    if (whole == 0 || (whole > 1 && text[start] == '0')) {
        return false;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (digits() == 0) {
            return false;
        }
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            ++i;
        }
        if (digits() == 0) {
            return false;
        }
    }
    return i == text.size();
}

// The level a word names ("practitioner" 3), or -1 for any other text.
int level_of_word(std::string_view word) {
    for (const SkillLevel level :
         {SkillLevel::none, SkillLevel::awareness, SkillLevel::working, SkillLevel::practitioner, SkillLevel::expert}) {
        if (word == to_string(level)) {
            return to_number(level);
        }
    }
    return -1;
}

// "skills.required" ends in "required".
std::string_view last_part(std::string_view header) {
    const std::size_t dot = header.rfind('.');
    return dot == std::string_view::npos ? header : header.substr(dot + 1);
}

bool names_a_level(std::string_view header) {
    static const std::set<std::string_view> kLevelFields = {"level", "required", "actual", "self", "agreed",
                                                            "from",  "to",       "needs",  "has"};
    return kLevelFields.count(last_part(header)) > 0;
}

// The columns of a sheet: each of the records' columns typed by what all its cells hold, and
// beside each column of level words, the levels' numbers (unless the records already give them,
// as "level_number").
std::vector<Column> columns_of(const Records& records) {
    std::vector<Column> columns;
    const std::size_t count = records.headers.size();
    for (std::size_t c = 0; c < count; ++c) {
        bool any = false;
        bool numbers = true;
        bool booleans = true;
        bool levels = true;
        bool any_level = false;
        for (const auto& row : records.rows) {
            if (c >= row.size() || row[c].empty()) {
                continue;
            }
            const std::string& cell = row[c];
            any = true;
            numbers = numbers && is_number(cell);
            booleans = booleans && (cell == "true" || cell == "false");
            const bool level = level_of_word(cell) >= 0;
            any_level = any_level || level;
            levels = levels && (level || cell == "unspecified");
        }
        const std::string& header = records.headers[c];
        Kind kind = Kind::text;
        if (any && numbers) {
            kind = last_part(header).ends_with("readiness") ? Kind::percent : Kind::number;
        } else if (any && booleans) {
            kind = Kind::boolean;
        } else if (any_level && levels && names_a_level(header)) {
            kind = Kind::level_word;
        }
        columns.push_back({header, kind, c});
        if (kind == Kind::level_word && (c + 1 == count || records.headers[c + 1] != header + "_number")) {
            columns.push_back({header + "_number", Kind::level_number, c});
        }
    }
    return columns;
}

// "A", "Z", "AA": the letters of a 0-based column.
std::string column_letters(std::size_t column) {
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters;
}

std::string cell_ref(std::size_t column, std::size_t row) { return column_letters(column) + std::to_string(row + 1); }

// Text cut to the characters a cell holds.
std::string_view within_cell(std::string_view text) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U && ++characters > kCellCharacters) {
            return text.substr(0, i);
        }
    }
    return text;
}

// The workbook's texts, each written once (xl/sharedStrings.xml) and referred to by its number
// from the cells, as Excel itself writes them: a team's names, ids and level words repeat on
// every row.
class SharedStrings {
public:
    std::size_t index_of(std::string_view text) {
        const auto [at, added] = index_.try_emplace(std::string(within_cell(text)), texts_.size());
        if (added) {
            texts_.push_back(&at->first);
        }
        ++uses_;
        return at->second;
    }

    [[nodiscard]] std::string xml() const {
        std::string xml(kXmlHead);
        fmt::format_to(std::back_inserter(xml), R"(<sst xmlns="{}" count="{}" uniqueCount="{}">)", kMain, uses_,
                       texts_.size());
        for (const std::string* text : texts_) {
            fmt::format_to(std::back_inserter(xml), R"(<si><t xml:space="preserve">{}</t></si>)", xlsx_text(*text));
        }
        xml += "</sst>";
        return xml;
    }

private:
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<const std::string*> texts_;  // in the order first used: the numbers cells refer to
    std::size_t uses_ = 0;
};

void shared_string(std::string& xml, SharedStrings& strings, const std::string& ref, int style, std::string_view text) {
    fmt::format_to(std::back_inserter(xml), R"(<c r="{}"{} t="s"><v>{}</v></c>)", ref,
                   style == kPlainStyle ? std::string() : fmt::format(R"( s="{}")", style), strings.index_of(text));
}

// A sheet name Excel accepts: no []:*?/\, not empty, at most 31 characters, not the name of one
// before it.
std::string sheet_name(std::string_view wanted, const std::vector<std::string>& taken) {
    std::string name;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const char c = wanted[i];
        const bool starts = (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
        if (starts && ++characters > 28) {
            break;
        }
        name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    }
    if (name.empty()) {
        name = "Sheet";
    }
    std::string unique = name;
    for (int n = 2; std::find(taken.begin(), taken.end(), unique) != taken.end(); ++n) {
        unique = name + " " + std::to_string(n);
    }
    return unique;
}

std::string worksheet_xml(const Sheet& sheet, bool selected, SharedStrings& strings) {
    const Records& records = sheet.records;
    const std::vector<Column> columns = columns_of(records);
    std::string xml;
    xml.reserve(256 + records.rows.size() * columns.size() * 48);
    xml += kXmlHead;
    fmt::format_to(std::back_inserter(xml), R"(<worksheet xmlns="{}" xmlns:r="{}">)", kMain, kRelationships);
    const std::size_t last_column = columns.empty() ? 0 : columns.size() - 1;
    fmt::format_to(std::back_inserter(xml), R"(<dimension ref="A1:{}"/>)", cell_ref(last_column, records.rows.size()));
    // The header row (and the first columns asked for) stay in view.
    std::size_t frozen = std::min(sheet.frozen_columns, columns.size());
    // a frozen column counts the level numbers added before it
    for (std::size_t c = 0; c < frozen && c < columns.size(); ++c) {
        if (columns[c].kind == Kind::level_number) {
            frozen = std::min(frozen + 1, columns.size());
        }
    }
    fmt::format_to(std::back_inserter(xml), R"(<sheetViews><sheetView{} workbookViewId="0">)",
                   selected ? R"( tabSelected="1")" : "");
    if (frozen > 0) {
        fmt::format_to(std::back_inserter(xml),
                       R"(<pane xSplit="{}" ySplit="1" topLeftCell="{}" activePane="bottomRight" state="frozen"/>)"
                       R"(<selection pane="bottomRight"/>)",
                       frozen, cell_ref(frozen, 1));
    } else {
        xml +=
            R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>)";
    }
    xml += R"(</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>)";
    // Columns sized to their widest cell, in characters, with room for the header's bold.
    if (!columns.empty()) {
        xml += "<cols>";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            std::size_t widest = display_width(visible(columns[c].header)) + 1;
            if (columns[c].kind == Kind::percent) {
                widest = std::max<std::size_t>(widest, 5);
            } else if (columns[c].kind == Kind::level_number) {
                widest = std::max<std::size_t>(widest, 2);
            } else {
                for (const auto& row : records.rows) {
                    if (columns[c].source < row.size()) {
                        widest = std::max(widest, display_width(visible(row[columns[c].source], true)));
                    }
                }
            }
            fmt::format_to(std::back_inserter(xml), R"(<col min="{0}" max="{0}" width="{1}" customWidth="1"/>)", c + 1,
                           std::min(widest, kWidest) + 2);
        }
        xml += "</cols>";
    }
    xml += "<sheetData>";
    xml += R"(<row r="1">)";
    for (std::size_t c = 0; c < columns.size(); ++c) {
        shared_string(xml, strings, cell_ref(c, 0), kHeaderStyle, columns[c].header);
    }
    xml += "</row>";
    for (std::size_t r = 0; r < records.rows.size(); ++r) {
        const auto& row = records.rows[r];
        fmt::format_to(std::back_inserter(xml), R"(<row r="{}">)", r + 2);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const Column& column = columns[c];
            if (column.source >= row.size() || row[column.source].empty()) {
                continue;
            }
            const std::string& cell = row[column.source];
            const std::string ref = cell_ref(c, r + 1);
            switch (column.kind) {
                case Kind::number:
                    fmt::format_to(std::back_inserter(xml), R"(<c r="{}"><v>{}</v></c>)", ref, cell);
                    break;
                case Kind::percent:
                    fmt::format_to(std::back_inserter(xml), R"(<c r="{}" s="{}"><v>{}</v></c>)", ref,
                                   static_cast<int>(kPercentStyle), cell);
                    break;
                case Kind::boolean:
                    fmt::format_to(std::back_inserter(xml), R"(<c r="{}" t="b"><v>{}</v></c>)", ref,
                                   cell == "true" ? 1 : 0);
                    break;
                case Kind::level_number:
                    if (const int level = level_of_word(cell); level >= 0) {
                        fmt::format_to(std::back_inserter(xml), R"(<c r="{}"><v>{}</v></c>)", ref, level);
                    }
                    break;
                case Kind::text:
                case Kind::level_word: shared_string(xml, strings, ref, kPlainStyle, cell); break;
            }
        }
        xml += "</row>";
    }
    xml += "</sheetData>";
    // The heat map: the cells of levels short, coloured by conditional formats (dxf 0, 1, 2 in
    // styles.xml), blank cells left alone.
    if (sheet.heat_from != std::string::npos && !records.rows.empty()) {
        std::size_t first = columns.size();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].source >= sheet.heat_from) {
                first = c;
                break;
            }
        }
        if (first < columns.size()) {
            const std::string top_left = cell_ref(first, 1);
            fmt::format_to(std::back_inserter(xml), R"(<conditionalFormatting sqref="{}:{}">)", top_left,
                           cell_ref(columns.size() - 1, records.rows.size()));
            const std::array<std::string_view, 3> tests = {"=0", "=1", ">=2"};
            for (std::size_t i = 0; i < tests.size(); ++i) {
                fmt::format_to(std::back_inserter(xml),
                               R"(<cfRule type="expression" dxfId="{0}" priority="{1}" stopIfTrue="1">)"
                               R"(<formula>AND(ISNUMBER({2}),{2}{3})</formula></cfRule>)",
                               i, i + 1, top_left, xlsx_text(tests[i]));
            }
            xml += "</conditionalFormatting>";
        }
    }
    xml += R"(<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>)";
    xml += R"(<pageSetup paperSize="9" orientation="landscape"/>)";
    xml += "</worksheet>";
    return xml;
}

// Fonts: plain and bold (the header). Fills: the two Excel requires. Cell styles: plain, header,
// percentage (built-in number format 9, "0%"). Conditional formats: the heat map's met, short
// and far short, in the colours of the HTML report's tags.
std::string styles_xml() {
    std::string xml(kXmlHead);
    fmt::format_to(std::back_inserter(xml), R"(<styleSheet xmlns="{}">)", kMain);
    xml += R"(<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>)"
           R"(<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>)"
           R"(<fills count="2"><fill><patternFill patternType="none"/></fill>)"
           R"(<fill><patternFill patternType="gray125"/></fill></fills>)"
           R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
           R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
           R"(<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
           R"(<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>)"
           R"(<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>)"
           R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>)";
    xml += R"(<dxfs count="3">)";
    for (const auto& [text, fill] :
         {std::pair{"FF005A30", "FFCCE2D8"}, std::pair{"FF594D00", "FFFFF7BF"}, std::pair{"FF942514", "FFF4CDC6"}}) {
        fmt::format_to(std::back_inserter(xml),
                       R"(<dxf><font><color rgb="{}"/></font><fill><patternFill patternType="solid">)"
                       R"(<fgColor rgb="{}"/><bgColor rgb="{}"/></patternFill></fill></dxf>)",
                       text, fill, fill);
    }
    xml += R"(</dxfs><tableStyles count="0"/></styleSheet>)";
    return xml;
}

}  // namespace

std::string xlsx_text(std::string_view text) {
    const std::string shown = visible(text, true);
    std::string escaped;
    escaped.reserve(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const char c = shown[i];
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            case '_':
                // "_x001B_" would be read back as the character it names
                if (i + 6 < shown.size() && shown[i + 1] == 'x' && is_hex(shown[i + 2]) && is_hex(shown[i + 3]) &&
                    is_hex(shown[i + 4]) && is_hex(shown[i + 5]) && shown[i + 6] == '_') {
                    escaped += "_x005F_";
                } else {
                    escaped += c;
                }
                break;
            case '\xEF':
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters XML allows
                if (i + 2 < shown.size() && shown[i + 1] == '\xBF' &&
                    (shown[i + 2] == '\xBE' || shown[i + 2] == '\xBF')) {
                    escaped += shown[i + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
                    i += 2;
                } else {
                    escaped += c;
                }
                break;
            default: escaped += c;
        }
    }
    return escaped;
}

std::string xlsx_workbook(const std::vector<Sheet>& sheets) {
    std::vector<std::string> names;
    for (const Sheet& sheet : sheets) {
        names.push_back(sheet_name(sheet.name, names));
    }
    ZipWriter zip;
    std::string types(kXmlHead);
    types += R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
             R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
             R"(<Default Extension="xml" ContentType="application/xml"/>)"
             R"(<Override PartName="/xl/workbook.xml" )"
             R"(ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)";
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        fmt::format_to(std::back_inserter(types),
                       R"(<Override PartName="/xl/worksheets/sheet{}.xml" )"
                       R"(ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)",
                       i + 1);
    }
    types += R"(<Override PartName="/xl/sharedStrings.xml" )"
             R"(ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>)"
             R"(<Override PartName="/xl/styles.xml" )"
             R"(ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)"
             R"(<Override PartName="/docProps/core.xml" )"
             R"(ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
             R"(<Override PartName="/docProps/app.xml" )"
             R"(ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>)"
             "</Types>";
    zip.add("[Content_Types].xml", types);

    std::string root(kXmlHead);
    fmt::format_to(std::back_inserter(root),
                   R"(<Relationships xmlns="{}">)"
                   R"(<Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/>)"
                   R"(<Relationship Id="rId2" )"
                   R"(Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" )"
                   R"(Target="docProps/core.xml"/>)"
                   R"(<Relationship Id="rId3" Type="{}/extended-properties" Target="docProps/app.xml"/>)"
                   "</Relationships>",
                   kPackageRelationships, kRelationships, kRelationships);
    zip.add("_rels/.rels", root);

    // No dates: the same sheets give the same file.
    std::string core(kXmlHead);
    core += R"(<cp:coreProperties )"
            R"(xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
            R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" )"
            R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)"
            "<dc:creator>ddat</dc:creator></cp:coreProperties>";
    zip.add("docProps/core.xml", core);
    std::string app(kXmlHead);
    app += R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">)"
           "<Application>ddat</Application></Properties>";
    zip.add("docProps/app.xml", app);

    std::string workbook(kXmlHead);
    fmt::format_to(std::back_inserter(workbook),
                   R"(<workbook xmlns="{}" xmlns:r="{}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>)",
                   kMain, kRelationships);
    std::string relationships(kXmlHead);
    fmt::format_to(std::back_inserter(relationships), R"(<Relationships xmlns="{}">)", kPackageRelationships);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        fmt::format_to(std::back_inserter(workbook), R"(<sheet name="{}" sheetId="{}" r:id="rId{}"/>)",
                       xlsx_text(names[i]), i + 1, i + 1);
        fmt::format_to(std::back_inserter(relationships),
                       R"(<Relationship Id="rId{0}" Type="{1}/worksheet" Target="worksheets/sheet{0}.xml"/>)", i + 1,
                       kRelationships);
    }
    workbook += "</sheets></workbook>";
    fmt::format_to(std::back_inserter(relationships),
                   R"(<Relationship Id="rId{0}" Type="{1}/styles" Target="styles.xml"/>)"
                   R"(<Relationship Id="rId{2}" Type="{1}/sharedStrings" Target="sharedStrings.xml"/></Relationships>)",
                   sheets.size() + 1, kRelationships, sheets.size() + 2);
    zip.add("xl/workbook.xml", workbook);
    zip.add("xl/_rels/workbook.xml.rels", relationships);
    zip.add("xl/styles.xml", styles_xml());
    SharedStrings strings;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        zip.add(fmt::format("xl/worksheets/sheet{}.xml", i + 1), worksheet_xml(sheets[i], i == 0, strings));
    }
    zip.add("xl/sharedStrings.xml", strings.xml());
    return zip.finish();
}

}  // namespace ddat::cli
