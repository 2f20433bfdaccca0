#include "cli/render/table.hpp"

#include <algorithm>
#include <string>

namespace ddat::cli {

std::string pad(std::string_view text, std::size_t width) {
    // counted here: fmt's own width counts no combining marks
    const std::size_t have = display_width(text);
    std::string padded(text);
    padded.append(have < width ? width - have : 0, ' ');
    return padded;
}

namespace {

// A word wider than this (a long id) may break after its hyphens to keep a table in its width;
// shorter ones, and addresses, are kept whole, so that they can be copied.
constexpr std::size_t kBreakable = 40;

// Whether `word`, `word_width` columns wide, may break after its hyphens.
bool breaks_at_hyphens(std::string_view word, std::size_t word_width) {
    return word_width > kBreakable && word.find("://") == std::string_view::npos;
}

// The parts of a word that end at each of its hyphens, the hyphens kept: "a-b-c" is "a-", "b-", "c".
std::vector<std::string_view> hyphen_pieces(std::string_view word) {
    std::vector<std::string_view> pieces;
    for (std::size_t from = 0; from < word.size();) {
        const std::size_t hyphen = word.find('-', from);
        const std::size_t to = hyphen == std::string_view::npos ? word.size() : hyphen + 1;
        pieces.push_back(word.substr(from, to - from));
        from = to;
    }
    return pieces;
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    width = std::max<std::size_t>(width, 1);
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
        const bool bullet = width > 8 && (paragraph.substr(0, 2) == "- " || paragraph.substr(0, 2) == "* ");
        const std::string hanging = bullet ? "  " : "";
        std::string line;
        std::size_t line_width = 0;
        std::size_t i = 0;
        bool any = false;
        bool line_empty = true;  // nothing but the hanging indent yet
        const auto add = [&](std::string_view piece, std::size_t piece_width, bool joined) {
            const std::size_t space = joined ? 0 : 1;
            if (!line_empty && line_width + space + piece_width > width) {
                lines.push_back(line);
                line = hanging;
                line_width = hanging.size();
                line_empty = true;
            }
            if (!line_empty && !joined) {
                line += ' ';
                ++line_width;
            }
            line_empty = false;
            line += piece;
            line_width += piece_width;
        };
        while (i < paragraph.size()) {
            const std::size_t word_end = std::min(paragraph.find(' ', i), paragraph.size());
            const std::string_view word = paragraph.substr(i, word_end - i);
            i = word_end + 1;
            if (word.empty()) {
                continue;
            }
            any = true;
            if (const std::size_t word_width = display_width(word);
                word_width <= width || !breaks_at_hyphens(word, word_width)) {
                add(word, word_width, false);
                continue;
            }
            // a long word (an id) wider than the line breaks after its hyphens
            bool first_piece = true;
            for (const std::string_view piece : hyphen_pieces(word)) {
                add(piece, display_width(piece), !first_piece);
                first_piece = false;
            }
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
    for (const auto& line : wrap(visible(text), width)) {
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

TextTable::TextTable(std::vector<std::string> headers, std::size_t narrow_first)
    : headers_(std::move(headers)), narrow_first_(narrow_first == SIZE_MAX ? headers_.size() - 1 : narrow_first) {
    for (auto& header : headers_) {
        header = visible(header);
    }
}

void TextTable::add_row(std::vector<std::string> cells, std::vector<Tone> tones, std::vector<Heat> heats) {
    cells.resize(headers_.size());
    tones.resize(headers_.size(), Tone::plain);
    heats.resize(headers_.size(), Heat::none);
    heats_.push_back(std::move(heats));
    for (auto& cell : cells) {
        cell = visible(cell);
    }
    rows_.push_back(std::move(cells));
    tones_.push_back(std::move(tones));
}

namespace {

// Cells at most this wide are never broken.
constexpr std::size_t kUnbroken = 10;

// How narrow a word can be made: its width, or for a long word its widest part after a hyphen.
std::size_t narrowest_break(std::string_view word) {
    const std::size_t whole = display_width(word);
    if (!breaks_at_hyphens(word, whole)) {
        return whole;
    }
    std::size_t widest = 0;
    for (const std::string_view piece : hyphen_pieces(word)) {
        widest = std::max(widest, display_width(piece));
    }
    return widest;
}

// The widest line of a cell, and its widest word.
std::pair<std::size_t, std::size_t> cell_widths(std::string_view cell) {
    std::size_t widest_line = 0;
    std::size_t widest_word = 0;
    for (std::size_t start = 0; start <= cell.size();) {
        const std::size_t end = std::min(cell.find('\n', start), cell.size());
        const std::string_view line = cell.substr(start, end - start);
        widest_line = std::max(widest_line, display_width(line));
        for (std::size_t from = 0; from <= line.size();) {
            const std::size_t to = std::min(line.find(' ', from), line.size());
            widest_word = std::max(widest_word, narrowest_break(line.substr(from, to - from)));
            from = to + 1;
        }
        start = end + 1;
    }
    return {widest_line, widest_word};
}

}  // namespace

void TextTable::write(std::ostream& out, const Style& style, std::string_view indent) const {
    const std::size_t columns = headers_.size();
    std::vector<std::size_t> widths(columns, 0);
    std::vector<std::size_t> least(columns, 1);
    for (std::size_t c = 0; c < columns; ++c) {
        const auto measure = [&](const std::string& cell) {
            const auto [line, word] = cell_widths(cell);
            widths[c] = std::max(widths[c], line);
            // a short cell ("2025-10 *") is not broken: a line of it alone would say little
            least[c] = std::max({least[c], word, std::min<std::size_t>(line, kUnbroken)});
        };
        measure(headers_[c]);
        for (const auto& row : rows_) {
            measure(row[c]);
        }
    }
    // Narrow columns until the table fits, the widest that can still give way first, one column at
    // a time; none below its longest word. A table that cannot fit even so (a word is wider than
    // the terminal) is narrowed as far as its words allow.
    const std::size_t gaps = display_width(indent) + 2 * (columns - 1);
    const auto available = static_cast<std::size_t>(std::max(style.width, 20));
    std::size_t total = gaps;
    std::size_t least_total = gaps;
    for (std::size_t c = 0; c < columns; ++c) {
        total += widths[c];
        least_total += least[c];
    }
    while (total > std::max(available, least_total)) {
        std::size_t widest = columns;
        for (std::size_t c = 0; c < columns; ++c) {
            // the column chosen to wrap first gives way before others of its width
            const bool wider =
                widest == columns || widths[c] > widths[widest] || (widths[c] == widths[widest] && c == narrow_first_);
            if (widths[c] > least[c] && wider) {
                widest = c;
            }
        }
        --widths[widest];
        --total;
    }
    const auto write_row = [&](const std::vector<std::string>& cells, const std::vector<Tone>* tones,
                               const std::vector<Heat>* heats, bool header) {
        std::vector<std::vector<std::string>> lines(columns);
        std::size_t height = 1;
        for (std::size_t c = 0; c < columns; ++c) {
            lines[c] = wrap(cells[c], widths[c]);
            height = std::max(height, lines[c].size());
        }
        for (std::size_t line = 0; line < height; ++line) {
            std::string text(indent);
            std::size_t spaces = 0;  // padding held back until something follows it
            for (std::size_t c = 0; c < columns; ++c) {
                const std::string cell = line < lines[c].size() ? lines[c][line] : std::string();
                if (heats != nullptr && (*heats)[c] != Heat::none && style.color) {
                    // a heat map cell is coloured across its column, its text centred
                    text.append(spaces, ' ');
                    const std::size_t have = display_width(cell);
                    const std::size_t left = (widths[c] - std::min(widths[c], have)) / 2;
                    const std::size_t right = widths[c] - std::min(widths[c], have) - left;
                    text += style.heat((*heats)[c], std::string(left, ' ') + cell + std::string(right, ' '));
                    spaces = 2;
                    continue;
                }
                if (!cell.empty()) {
                    text.append(spaces, ' ');
                    spaces = 0;
                    text += header ? style.bold(cell) : tones != nullptr ? style.tone((*tones)[c], cell) : cell;
                }
                spaces += widths[c] - std::min(widths[c], display_width(cell)) + 2;
            }
            out << text << '\n';
        }
    };
    write_row(headers_, nullptr, nullptr, true);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        write_row(rows_[r], &tones_[r], &heats_[r], false);
    }
}

}  // namespace ddat::cli
