// How a command writes for a person on a terminal: colour, width, and text from files made safe to show.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ddat/diff.hpp"
#include "ddat/gap.hpp"
#include "ddat/self_assessment.hpp"

namespace ddat::cli {

// What a coloured word says, whatever the word: good, beyond what is asked, short of it, absent.
enum class Tone : std::uint8_t { plain, good, beyond, short_of, absent };

// The tone of a gap status, a criterion status and a change between levels.
Tone tone_of(GapStatus status);
Tone tone_of(CriterionStatus status);
Tone tone_of(LevelChange change);

// The colour of a heat map cell: met, one, two, or three or more levels short, or missing.
enum class Heat : std::uint8_t { none, met, short_one, short_two, short_more, missing };

// The heat of a person's gap in one skill.
Heat heat_of(const SkillGap& gap);

// How a command should write for a person: colour, and the width to wrap text to.
struct Style {
    bool color = false;
    int width = 100;

    // Text in bold, dim, or the colour of a tone (the text made visible first); without colour,
    // only made visible.
    [[nodiscard]] std::string bold(std::string_view text) const;
    [[nodiscard]] std::string dim(std::string_view text) const;
    [[nodiscard]] std::string tone(Tone tone, std::string_view text) const;
    [[nodiscard]] std::string heat(Heat heat, std::string_view text) const;
};

// The style for a stream that writes to file descriptor fd, a terminal or not: its colour under --color WHEN (auto: on
// a terminal, NO_COLOR unset or empty, TERM not "dumb"), and its width (COLUMNS, else the
// terminal's, else `fallback`; never below `minimum`).
Style terminal_style(int fd, bool terminal, std::string_view color_mode, int fallback, int minimum);

// Text from a file as it may reach a terminal: control characters (C0 but the line break, DEL,
// C1), bidirectional overrides and isolates and invalid UTF-8 shown as visible escapes (\x1b,
// \u202e). Text already made visible comes back unchanged.
std::string visible(std::string_view text);

// The number of terminal columns text takes: one per character, two for wide East Asian ones,
// none for combining marks and control characters.
std::size_t display_width(std::string_view text);

// "42%": a fraction as a whole percent, halves rounded away from zero.
std::string percent(double fraction);

// "1 family", "3 families": a count and the noun in the right number.
std::string count_of(std::size_t n, std::string_view one, std::string_view many);

// ASCII upper case, for column headings.
std::string to_upper_ascii(std::string_view text);

}  // namespace ddat::cli
