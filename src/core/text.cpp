#include "ddat/text.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace ddat {

std::string slugify(std::string_view name) {
    std::string slug;
    bool pending_hyphen = false;
    for (const char raw : name) {
        const auto c = static_cast<unsigned char>(raw);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (pending_hyphen && !slug.empty()) {
                slug += '-';
            }
            pending_hyphen = false;
            slug += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            if (pending_hyphen && !slug.empty()) {
                slug += '-';
            }
            pending_hyphen = false;
            slug += static_cast<char>(c - 'A' + 'a');
        } else {
            pending_hyphen = true;
        }
    }
    return slug;
}

bool is_valid_id(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.back() == '-') {
        return false;
    }
    char previous = 0;
    for (const char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && !(c == '-' && previous != '-')) {
            return false;
        }
        previous = c;
    }
    return true;
}

std::string to_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return lower;
}

namespace {
// strerror_r returns the text (GNU) or 0 and fills the buffer (POSIX), depending on the library.
[[maybe_unused]] const char* strerror_result(int result, const char* buffer) {
    return result == 0 ? buffer : "unknown error";
}
[[maybe_unused]] const char* strerror_result(const char* result, const char* /*buffer*/) { return result; }
}  // namespace

std::string system_error_text(int error) {
    char buffer[256] = {};
    return strerror_result(::strerror_r(error, buffer, sizeof buffer), buffer);
}

std::optional<int> parse_count(std::string_view text, int max) {
    int value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || value < 0 || value > max) {
        return std::nullopt;
    }
    return value;
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // three rows: the one before the previous counts a swap of two neighbours
    std::vector<std::size_t> before(b.size() + 1);
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::swap(before, previous);
        std::swap(previous, row);
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
    }
    return row[b.size()];
}

std::vector<std::string> nearest(std::string_view name, const std::vector<std::string>& candidates, std::size_t limit) {
    // Names longer than this are not compared: the edit distance costs the product of the two
    // lengths, and a hostile file may hold megabyte-long keys.
    constexpr std::size_t kLongest = 256;
    if (name.size() > kLongest) {
        return {};
    }
    const std::string wanted = to_lower(name);
    if (wanted.empty()) {
        return {};  // nothing typed (or nothing left of it, as of a full-width 'ＤＳ' made a slug) is near nothing
    }
    struct Scored {
        std::size_t score;
        std::string candidate;
    };
    std::vector<Scored> scored;
    for (const auto& candidate : candidates) {
        if (candidate.size() > kLongest) {
            continue;
        }
        const std::string lower = to_lower(candidate);
        const bool contains = !wanted.empty() && lower.find(wanted) != std::string::npos;
        const std::size_t allowed = std::max<std::size_t>(2, std::min(wanted.size(), lower.size()) / 3);
        const std::size_t length_difference =
            wanted.size() > lower.size() ? wanted.size() - lower.size() : lower.size() - wanted.size();
        if (!contains && length_difference > allowed) {
            continue;  // the edit distance is at least the difference in length
        }
        std::size_t score = edit_distance(wanted, lower);
        if (contains) {
            score = std::min<std::size_t>(score, 1);
        } else if (score > allowed || score >= wanted.size()) {
            continue;  // too far, or nothing of what was typed kept
        }
        scored.push_back({score, candidate});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
        return x.score < y.score || (x.score == y.score && x.candidate.size() < y.candidate.size());
    });
    std::vector<std::string> best;
    for (const auto& entry : scored) {
        if (best.size() == limit) {
            break;
        }
        if (std::find(best.begin(), best.end(), entry.candidate) == best.end()) {
            best.push_back(entry.candidate);
        }
    }
    return best;
}

std::vector<std::string> SuggestionBudget::nearest(std::string_view name, const std::vector<std::string>& candidates,
                                                   std::size_t limit) {
    if (candidates.size() > left_) {
        left_ = 0;
        return {};
    }
    left_ -= candidates.size();
    return ddat::nearest(name, candidates, limit);
}

std::size_t find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        // ASCII eight bytes at a time: files of tens of megabytes are checked before parsing
        std::uint64_t word = 0;
        while (i + sizeof word <= text.size()) {
            std::memcpy(&word, text.data() + i, sizeof word);
            if ((word & 0x8080808080808080ULL) != 0) {
                break;
            }
            i += sizeof word;
        }
        if (i >= text.size()) {
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            code = c & 0x07;
        } else {
            return i;
        }
        if (i + length > text.size()) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return i;
            }
            code = (code << 6) | (next & 0x3F);
        }
        const bool overlong =
            (length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
        if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace ddat
