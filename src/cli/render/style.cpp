#include "cli/render/style.hpp"

#include <fmt/color.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace ddat::cli {

Tone tone_of(GapStatus status) {
    switch (status) {
        case GapStatus::met: return Tone::good;
        case GapStatus::exceeds: return Tone::beyond;
        case GapStatus::below: return Tone::short_of;
        case GapStatus::missing: return Tone::absent;
    }
    return Tone::plain;
}

Tone tone_of(CriterionStatus status) {
    switch (status) {
        case CriterionStatus::met: return Tone::good;
        case CriterionStatus::partly: return Tone::short_of;
        case CriterionStatus::not_met: return Tone::absent;
        case CriterionStatus::not_assessed: return Tone::plain;
    }
    return Tone::plain;
}

Tone tone_of(LevelChange change) {
    switch (change) {
        case LevelChange::same: return Tone::good;
        case LevelChange::raised:
        case LevelChange::added: return Tone::beyond;
        case LevelChange::lowered: return Tone::short_of;
        case LevelChange::removed: return Tone::absent;
    }
    return Tone::plain;
}

std::string change_counts(const LevelDiff& diff, bool gains_only) {
    std::string counts;
    for (const LevelChange change : kLevelChanges) {
        if (!gains_only || change == LevelChange::raised || change == LevelChange::added) {
            counts += (counts.empty() ? "" : ", ") + std::to_string(diff.count(change)) + " " +
                      std::string(to_string(change));
        }
    }
    return counts;
}

std::string Style::bold(std::string_view text) const {
    return color ? fmt::format(fmt::emphasis::bold, "{}", visible(text)) : visible(text);
}

std::string Style::dim(std::string_view text) const {
    return color ? fmt::format(fmt::emphasis::faint, "{}", visible(text)) : visible(text);
}

std::string Style::tone(Tone tone, std::string_view text) const {
    // the 16 standard colours, which every terminal theme maps to something readable
    fmt::terminal_color colour = fmt::terminal_color::green;
    switch (tone) {
        case Tone::plain: return visible(text);
        case Tone::good: colour = fmt::terminal_color::green; break;
        case Tone::beyond: colour = fmt::terminal_color::cyan; break;
        case Tone::short_of: colour = fmt::terminal_color::yellow; break;
        case Tone::absent: colour = fmt::terminal_color::red; break;
    }
    return color ? fmt::format(fmt::fg(colour), "{}", visible(text)) : visible(text);
}

Heat heat_of(const SkillGap& gap) {
    switch (gap.status) {
        case GapStatus::met:
        case GapStatus::exceeds: return Heat::met;
        case GapStatus::missing: return Heat::missing;
        case GapStatus::below:
            return gap.shortfall <= 1 ? Heat::short_one : gap.shortfall == 2 ? Heat::short_two : Heat::short_more;
    }
    return Heat::none;
}

std::string Style::heat(Heat heat, std::string_view text) const {
    using fmt::terminal_color;
    fmt::text_style colours;
    switch (heat) {
        case Heat::none: return visible(text);
        case Heat::met: colours = fmt::fg(terminal_color::black) | fmt::bg(terminal_color::green); break;
        case Heat::short_one: colours = fmt::fg(terminal_color::black) | fmt::bg(terminal_color::yellow); break;
        case Heat::short_two: colours = fmt::fg(terminal_color::black) | fmt::bg(terminal_color::bright_red); break;
        case Heat::short_more: colours = fmt::fg(terminal_color::bright_white) | fmt::bg(terminal_color::red); break;
        case Heat::missing:
            colours = fmt::emphasis::bold | fmt::fg(terminal_color::bright_white) | fmt::bg(terminal_color::red);
            break;
    }
    return color ? fmt::format(colours, "{}", visible(text)) : visible(text);
}

namespace {

// COLUMNS as a number, or 0 when unset or not a plain number.
int columns_variable() {
    const char* columns = std::getenv("COLUMNS");
    if (columns == nullptr) {
        return 0;
    }
    int value = 0;
    const char* end = columns + std::strlen(columns);
    const auto [rest, error] = std::from_chars(columns, end, value);
    return error == std::errc() && rest == end ? value : 0;
}

}  // namespace

Style terminal_style(int fd, bool terminal, std::string_view color_mode, int fallback, int minimum) {
    Style style;
    if (color_mode == "always") {
        style.color = true;
    } else if (color_mode == "never") {
        style.color = false;
    } else {
        const char* no_color = std::getenv("NO_COLOR");
        const char* term = std::getenv("TERM");
        style.color = terminal && (no_color == nullptr || *no_color == '\0') &&
                      !(term != nullptr && std::string_view(term) == "dumb");
    }
    style.width = fallback;
    winsize size{};
    if (const int columns = columns_variable(); columns >= minimum && columns <= 1000) {
        style.width = columns;
    } else if (terminal && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col >= minimum) {
        style.width = size.ws_col;
    }
    return style;
}

namespace {

// The code point at text[i] and its length in bytes; length 0 for a byte that starts no valid
// UTF-8 sequence (stray continuation, overlong form, surrogate, beyond U+10FFFF, cut short).
std::pair<std::uint32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        return {c, 1};
    }
    const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
        return {0, 0};
    }
    std::uint32_t code = c & (0xFFU >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) {
            return {0, 0};
        }
        code = (code << 6) | (next & 0x3FU);
    }
    const std::uint32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return {0, 0};
    }
    return {code, length};
}

bool hidden(std::uint32_t code) {
    return (code < 0x20 && code != '\n') || (code >= 0x7F && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
           (code >= 0x2066 && code <= 0x2069);
}

// A byte that is a whole printable character on its own: ASCII from space to '~', a line end,
// and a tab where tabs are kept.
bool plain_ascii(char c, bool keep_tabs) { return (c >= ' ' && c <= '~') || c == '\n' || (keep_tabs && c == '\t'); }

}  // namespace

std::string visible(std::string_view text, bool keep_tabs) {
    std::string shown;
    shown.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        // a run of printable ASCII (and line ends, and tabs where kept) passes as it is
        std::size_t plain = i;
        while (plain < text.size() && plain_ascii(text[plain], keep_tabs)) {
            ++plain;
        }
        if (plain > i) {
            shown.append(text.substr(i, plain - i));
            i = plain;
            continue;
        }
        const auto [code, length] = decode(text, i);
        if (length == 0) {
            fmt::format_to(std::back_inserter(shown), "\\x{:02x}", static_cast<unsigned char>(text[i]));
            ++i;
        } else if (code == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            shown += "\r\n";  // a CRLF line end (CSV) moves nothing back over a line
            i += 2;
        } else if (hidden(code) && !(keep_tabs && code == '\t')) {
            if (code < 0x80) {
                fmt::format_to(std::back_inserter(shown), "\\x{:02x}", code);
            } else {
                fmt::format_to(std::back_inserter(shown), "\\u{:04x}", code);
            }
            i += length;
        } else {
            shown.append(text.substr(i, length));
            i += length;
        }
    }
    return shown;
}

VisibleStream::VisibleStream(std::ostream& to, bool keep_colours) : std::ostream(nullptr), buffer_(to, keep_colours) {
    rdbuf(&buffer_);
}

VisibleStream::~VisibleStream() { buffer_.pass(true); }

void VisibleStream::finish() { buffer_.pass(true); }

VisibleStream::Buffer::Buffer(std::ostream& to, bool keep_colours) : to_(to), keep_colours_(keep_colours) {
    setp(area_.data(), area_.data() + area_.size());
}

void VisibleStream::Buffer::take_area() {
    pending_.append(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(area_.data(), area_.data() + area_.size());
}

VisibleStream::Buffer::int_type VisibleStream::Buffer::overflow(int_type c) {
    take_area();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        pending_ += traits_type::to_char_type(c);
    }
    pass(false);
    return traits_type::not_eof(c);
}

int VisibleStream::Buffer::sync() {
    pass(false);
    to_.flush();
    return to_ ? 0 : -1;
}

void VisibleStream::Buffer::pass(bool all) {
    take_area();
    // How many bytes at the end may still grow into a character or a colour: at most a UTF-8
    // sequence's first three bytes, or "ESC [" and the digits after it.
    std::size_t end = pending_.size();
    if (!all) {
        for (std::size_t back = 1; back <= 3 && back <= pending_.size(); ++back) {
            const auto c = static_cast<unsigned char>(pending_[pending_.size() - back]);
            if (c >= 0xC0) {
                const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
                if (length > back) {
                    end = pending_.size() - back;
                }
                break;
            }
            if (c < 0x80) {
                break;
            }
        }
        if (end > 0 && end == pending_.size() && pending_.back() == '\r') {
            --end;  // the first half of a CRLF line end, perhaps
        }
        if (keep_colours_) {
            const std::size_t escape = pending_.rfind('\x1b');
            if (escape != std::string::npos && pending_.size() - escape <= 16 &&
                pending_.find_first_not_of("[0123456789;", escape + 1) == std::string::npos) {
                end = std::min(end, escape);
            }
        }
    }
    std::string shown;
    std::size_t from = 0;
    for (std::size_t i = 0; keep_colours_ && i < end; ++i) {
        if (pending_[i] != '\x1b' || i + 1 >= end || pending_[i + 1] != '[') {
            continue;
        }
        const std::size_t letter = pending_.find_first_not_of("0123456789;", i + 2);
        if (letter < end && pending_[letter] == 'm') {
            shown += visible(std::string_view(pending_).substr(from, i - from), true);
            shown.append(pending_, i, letter + 1 - i);
            from = letter + 1;
            i = letter;
        }
    }
    shown += visible(std::string_view(pending_).substr(from, end - from), true);
    to_ << shown;
    pending_.erase(0, end);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] >= ' ' && text[i] <= '~') {  // printable ASCII: one column each
            ++width;
            ++i;
            continue;
        }
        const auto [code, length] = decode(text, i);
        i += length == 0 ? 1 : length;
        if (length == 0 || hidden(code) || code == '\n') {
            continue;
        }
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

std::string percent(double fraction) { return fmt::format("{}%", std::lround(fraction * 100)); }

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
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

}  // namespace ddat::cli
