// The table format: aligned columns for a person at a terminal, and wrapped text beside them.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render/style.hpp"
#include "ddat/model.hpp"

namespace ddat::cli {

// Text padded with spaces to a display width.
std::string pad(std::string_view text, std::size_t width);

// Text broken into lines of at most `width` columns at spaces (a longer word stands alone). A
// line break in the text starts a new line; a bullet ("- item") hangs its next lines under its text.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// Writes text made visible and wrapped to the style's width (at least 40), every line starting
// with `indent`.
void write_wrapped(std::ostream& out, std::string_view text, const Style& style, std::string_view indent);

// A compact marker for a level: filled and empty dots, "●●○○" for working.
std::string level_marker(SkillLevel level);

// A table with a header row, columns aligned by display width. When it is wider than the style's
// width, columns are narrowed and their cells wrapped at spaces, the widest first (of two as
// wide, `narrow_first`, the last unless told otherwise); no column is narrowed below its longest
// word, so a line is wider than the terminal only when its words are. Every line of a wrapped
// row keeps the columns in line.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers, std::size_t narrow_first = SIZE_MAX);

    // Adds a row, made visible; `tones` optionally gives a colour for each cell's text, and
    // `heats` a heat map colour, which fills the whole cell, its text centred.
    void add_row(std::vector<std::string> cells, std::vector<Tone> tones = {}, std::vector<Heat> heats = {});

    // Writes the table with every line starting with `indent`.
    void write(std::ostream& out, const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::string> headers_;
    std::size_t narrow_first_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::vector<Tone>> tones_;
    std::vector<std::vector<Heat>> heats_;
};

}  // namespace ddat::cli
