// Text utilities: ids, slugs, typo suggestions, UTF-8 validation and trimming.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "ddat/text.hpp"

using ddat::edit_distance;
using ddat::find_invalid_utf8;
using ddat::is_valid_id;
using ddat::nearest;
using ddat::slugify;
using ddat::trim;

namespace {
constexpr auto npos = std::string_view::npos;
}

TEST_CASE("slugify lower-cases a name and joins its words with hyphens", "[text]") {
    CHECK(slugify("Business analysis (IT operations)") == "business-analysis-it-operations");
    CHECK(slugify("Senior business relationship manager") == "senior-business-relationship-manager");
    CHECK(slugify("Service Management Framework knowledge") == "service-management-framework-knowledge");
}

TEST_CASE("slugify collapses runs of other characters and drops them at the ends", "[text]") {
    CHECK(slugify("  --Hello__World!!  ") == "hello-world");
    CHECK(slugify("Level 3 qualification") == "level-3-qualification");
    CHECK(slugify("a  /  b") == "a-b");
}

TEST_CASE("slugify of nothing but punctuation is empty", "[text]") {
    CHECK(slugify("").empty());
    CHECK(slugify(" - _ / ").empty());
}

TEST_CASE("slugify output is always a valid id when not empty", "[text]") {
    for (const std::string_view name : {"Business analysis (IT operations)", "  x  ", "A--B", "9 to 5"}) {
        CAPTURE(name);
        CHECK(is_valid_id(slugify(name)));
    }
}

TEST_CASE("is_valid_id accepts kebab-case ids", "[text]") {
    CHECK(is_valid_id("senior-brm"));
    CHECK(is_valid_id("a"));
    CHECK(is_valid_id("level-3"));
    CHECK(is_valid_id("business-analysis-it-operations"));
}

TEST_CASE("is_valid_id rejects empty, upper case, edge or double hyphens and other characters", "[text]") {
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("Senior-brm"));
    CHECK_FALSE(is_valid_id("-brm"));
    CHECK_FALSE(is_valid_id("brm-"));
    CHECK_FALSE(is_valid_id("senior--brm"));
    CHECK_FALSE(is_valid_id("senior_brm"));
    CHECK_FALSE(is_valid_id("senior brm"));
    CHECK_FALSE(is_valid_id("caf\xC3\xA9"));
}

TEST_CASE("edit_distance counts insertions, deletions, substitutions and swaps of neighbours", "[text]") {
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("flaw", "lawn") == 2);
    CHECK(edit_distance("senior-bm", "senior-brm") == 1);
    CHECK(edit_distance("senior-bmr", "senior-brm") == 1);
    CHECK(edit_distance("ab", "ba") == 1);
    CHECK(edit_distance("abc", "ca") == 3);  // a swap is of neighbours, and nothing is edited twice
    CHECK(edit_distance("senior-bmr", "senior-ba") == 2);
    CHECK(ddat::nearest("senior-bmr", {"senior-ba", "senior-dm", "senior-pm", "senior-brm"}).front() == "senior-brm");
}

TEST_CASE("edit_distance of equal or empty strings", "[text]") {
    CHECK(edit_distance("abc", "abc") == 0);
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abcd", "") == 4);
}

TEST_CASE("nearest suggests the id one typo away", "[text]") {
    const std::vector<std::string> ids = {"brm", "senior-brm", "lead-brm", "itsm", "senior-itsm"};
    const auto found = nearest("senior-bm", ids);
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == "senior-brm");
}

TEST_CASE("nearest ignores letter case", "[text]") {
    const auto found = nearest("SENIOR-BRM", {"senior-brm", "lead-brm"});
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == "senior-brm");
}

TEST_CASE("nearest leaves out candidates too far away to be typos", "[text]") {
    CHECK(nearest("zzzzzz", {"senior-brm", "lead-brm", "itsm"}).empty());
    CHECK(nearest("brm", {"itsm"}).empty());
}

TEST_CASE("nearest suggests nothing for nothing typed, or for what keeps none of its letters", "[text]") {
    const std::vector<std::string> short_ids = {"as", "ae", "cd", "ds"};
    CHECK(nearest("", short_ids).empty());
    CHECK(nearest(slugify("ＤＳ"), short_ids).empty());  // full-width letters leave an empty slug
    CHECK(nearest("x", short_ids).empty());
    CHECK(nearest("dx", short_ids) == std::vector<std::string>{"ds"});
}

TEST_CASE("nearest suggests candidates that contain the name, shorter first", "[text]") {
    const auto found = nearest("brm", {"senior-brm", "lead-brm", "itsm"});
    CHECK(found == std::vector<std::string>{"lead-brm", "senior-brm"});
}

TEST_CASE("nearest returns at most limit candidates, best first, without repeats", "[text]") {
    const std::vector<std::string> ids = {"abcd", "abce", "abcf", "abcd", "abxx"};
    const auto found = nearest("abcd", ids, 2);
    REQUIRE(found.size() == 2);
    CHECK(found[0] == "abcd");
    CHECK(found[1] == "abce");
}

TEST_CASE("find_invalid_utf8 accepts ASCII and valid multibyte sequences", "[text][utf8]") {
    CHECK(find_invalid_utf8("") == npos);
    CHECK(find_invalid_utf8("plain ASCII") == npos);
    CHECK(find_invalid_utf8("caf\xC3\xA9") == npos);               // U+00E9, 2 bytes
    CHECK(find_invalid_utf8("directorate\xE2\x80\x99s") == npos);  // U+2019, 3 bytes
    CHECK(find_invalid_utf8("\xF0\x9D\x84\x9E clef") == npos);     // U+1D11E, 4 bytes
    CHECK(find_invalid_utf8("\xEF\xBF\xBF") == npos);              // U+FFFF
    CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == npos);          // U+10FFFF, the last code point
}

TEST_CASE("find_invalid_utf8 finds a truncated sequence", "[text][utf8]") {
    CHECK(find_invalid_utf8("ab\xE2\x82") == 2);   // ends inside a 3-byte sequence
    CHECK(find_invalid_utf8("ab\xE2\x82z") == 2);  // interrupted by an ASCII byte
    CHECK(find_invalid_utf8("\xC3") == 0);
}

TEST_CASE("find_invalid_utf8 finds a stray continuation or impossible byte", "[text][utf8]") {
    CHECK(find_invalid_utf8("x\x80y") == 1);
    CHECK(find_invalid_utf8("ok \xFF") == 3);
    CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0);
}

TEST_CASE("find_invalid_utf8 rejects overlong encodings", "[text][utf8]") {
    CHECK(find_invalid_utf8("\xC0\xAF") == 0);  // '/' in 2 bytes
    CHECK(find_invalid_utf8("a\xC1\xBF") == 1);
    CHECK(find_invalid_utf8("ab\xE0\x80\xAF") == 2);    // '/' in 3 bytes
    CHECK(find_invalid_utf8("\xF0\x82\x82\xAC") == 0);  // U+20AC in 4 bytes
}

TEST_CASE("find_invalid_utf8 rejects surrogates and code points above U+10FFFF", "[text][utf8]") {
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);      // U+D800
    CHECK(find_invalid_utf8("abc\xED\xBF\xBF") == 3);   // U+DFFF
    CHECK(find_invalid_utf8("\xED\x9F\xBF") == npos);   // U+D7FF, just below: valid
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // U+110000
}

TEST_CASE("trim removes leading and trailing white space only", "[text]") {
    CHECK(trim("  a b \t\r\n") == "a b");
    CHECK(trim("a") == "a");
    CHECK(trim("\tx y") == "x y");
}

TEST_CASE("trim of blank text is empty", "[text]") {
    CHECK(trim("").empty());
    CHECK(trim(" \t\r\n\f\v").empty());
}

TEST_CASE("to_lower changes ASCII letters only", "[text]") {
    CHECK(ddat::to_lower("Senior BRM") == "senior brm");
    CHECK(ddat::to_lower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");
}

TEST_CASE("parse_count reads a whole decimal number within range, and nothing else", "[text]") {
    CHECK(ddat::parse_count("80", 1000) == 80);
    CHECK(ddat::parse_count("0", 1000) == 0);
    CHECK(ddat::parse_count("1000", 1000) == 1000);
    CHECK_FALSE(ddat::parse_count("1001", 1000));
    CHECK_FALSE(ddat::parse_count("99999999999999999999", 1000));  // beyond int: no overflow
    CHECK_FALSE(ddat::parse_count("-80", 1000));
    CHECK_FALSE(ddat::parse_count("80x", 1000));
    CHECK_FALSE(ddat::parse_count(" 80", 1000));
    CHECK_FALSE(ddat::parse_count("", 1000));
}
