// Small text utilities shared by the loaders and name resolution.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddat {

// The id form of a name: lower case, every run of other characters one hyphen ("Business
// analysis (IT operations)" -> "business-analysis-it-operations").
std::string slugify(std::string_view name);

// True when text is an id: lower-case letters and digits in runs joined by single hyphens.
bool is_valid_id(std::string_view text);

// ASCII lower case; other bytes are kept.
std::string to_lower(std::string_view text);

// Without leading and trailing white space.
std::string_view trim(std::string_view text);

// The system's description of an errno value, such as "Permission denied"; safe to call from
// several threads at once (std::strerror is not).
std::string system_error_text(int error);

// The whole text as a decimal number from 0 to max (a terminal width, say); nullopt for
// anything else: a sign, other characters, nothing, or a number out of range.
std::optional<int> parse_count(std::string_view text, int max);

// Edit distance between two byte strings: insertions, deletions, substitutions and swaps of two
// neighbours ("bmr" for "brm"), each counting one.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to name, best first: at most `limit`, and only those near enough to be
// plausible typos or that contain name as a part. Names and candidates longer than 256 bytes are
// not compared.
std::vector<std::string> nearest(std::string_view name, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

// nearest() for a file that may name thousands of unknown things against thousands of known ones:
// each call spends one comparison per candidate, and once the budget is spent there are no more
// suggestions, so the work stays bounded.
class SuggestionBudget {
public:
    explicit SuggestionBudget(std::size_t comparisons = 20000) : left_(comparisons) {}

    std::vector<std::string> nearest(std::string_view name, const std::vector<std::string>& candidates,
                                     std::size_t limit = 3);

private:
    std::size_t left_;
};

// The byte offset of the first invalid UTF-8 sequence in text, or npos when it is all valid.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace ddat
