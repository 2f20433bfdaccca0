// How a command writes for a person on a terminal: colour, width, and text from files made safe to show.
#pragma once

#include <array>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "ddat/analysis/diff.hpp"
#include "ddat/analysis/gap.hpp"
#include "ddat/load/self_assessment.hpp"

namespace ddat::cli {

// What a coloured word says, whatever the word: good, beyond what is asked, short of it, absent.
enum class Tone : std::uint8_t { plain, good, beyond, short_of, absent };

// The tone of a gap status, a criterion status and a change between levels.
Tone tone_of(GapStatus status);
Tone tone_of(CriterionStatus status);
Tone tone_of(LevelChange change);

// A diff's skills counted by change, "7 raised, 0 lowered, 0 added, 0 removed, 2 same"; with
// `gains_only`, the raised and added alone.
std::string change_counts(const LevelDiff& diff, bool gains_only = false);

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

// Text from a file as it may reach a terminal: control characters (C0 but line ends, DEL,
// C1), bidirectional overrides and isolates and invalid UTF-8 shown as visible escapes (\x1b,
// \u202e); tabs too unless `keep_tabs`. Text already made visible comes back unchanged.
std::string visible(std::string_view text, bool keep_tabs = false);

// A stream for text that reaches a terminal, written on to another stream: whatever a command
// writes to it is made visible as visible() does, but for tabs and the colours Style adds (well-formed
// "ESC [ digits m" sequences, kept when `keep_colours`). It holds back only the bytes of a
// character or sequence that is not complete yet; finish() writes them out.
class VisibleStream : public std::ostream {
public:
    VisibleStream(std::ostream& to, bool keep_colours);
    ~VisibleStream() override;
    VisibleStream(const VisibleStream&) = delete;
    VisibleStream& operator=(const VisibleStream&) = delete;

    // Writes out what is held back.
    void finish();

private:
    class Buffer : public std::streambuf {
    public:
        Buffer(std::ostream& to, bool keep_colours);
        // Makes visible and passes on what is written, all of it, or all but an end that may
        // still grow into a character or a colour.
        void pass(bool all);

    protected:
        int_type overflow(int_type c) override;
        int sync() override;

    private:
        // Moves what the put area holds to pending_.
        void take_area();

        std::ostream& to_;
        bool keep_colours_;
        std::string pending_;
        // Writes gather here and are made visible a few kilobytes at a time.
        std::array<char, 8192> area_{};
    };
    Buffer buffer_;
};

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
