// Skill levels: parsing the words and digits people write, and their names and numbers.
#include <catch2/catch.hpp>

#include <optional>
#include <string_view>

#include "ddat/model.hpp"
#include "helpers.hpp"

using ddat::parse_skill_level;
using ddat::SkillLevel;

TEST_CASE("parse_skill_level reads the level words", "[model]") {
    CHECK(parse_skill_level("none") == SkillLevel::none);
    CHECK(parse_skill_level("awareness") == SkillLevel::awareness);
    CHECK(parse_skill_level("working") == SkillLevel::working);
    CHECK(parse_skill_level("practitioner") == SkillLevel::practitioner);
    CHECK(parse_skill_level("expert") == SkillLevel::expert);
}

TEST_CASE("parse_skill_level ignores letter case and surrounding space", "[model]") {
    CHECK(parse_skill_level("Expert") == SkillLevel::expert);
    CHECK(parse_skill_level("PRACTITIONER") == SkillLevel::practitioner);
    CHECK(parse_skill_level("  Working\t") == SkillLevel::working);
    CHECK(parse_skill_level("aWaReNeSs") == SkillLevel::awareness);
}

TEST_CASE("parse_skill_level reads the digits 0 to 4", "[model]") {
    CHECK(parse_skill_level("0") == SkillLevel::none);
    CHECK(parse_skill_level("1") == SkillLevel::awareness);
    CHECK(parse_skill_level("2") == SkillLevel::working);
    CHECK(parse_skill_level("3") == SkillLevel::practitioner);
    CHECK(parse_skill_level("4") == SkillLevel::expert);
    CHECK(parse_skill_level(" 3 ") == SkillLevel::practitioner);
}

TEST_CASE("parse_skill_level reads a number with leading zeros as the number", "[model]") {
    CHECK(parse_skill_level("01") == SkillLevel::awareness);
    CHECK(parse_skill_level("004") == SkillLevel::expert);
    CHECK(parse_skill_level("00") == SkillLevel::none);
    CHECK_FALSE(parse_skill_level("05").has_value());
    CHECK_FALSE(parse_skill_level("010").has_value());
}

TEST_CASE("parse_skill_level rejects anything else", "[model]") {
    CHECK_FALSE(parse_skill_level("5").has_value());
    CHECK_FALSE(parse_skill_level("-1").has_value());
    CHECK_FALSE(parse_skill_level("10").has_value());
    CHECK_FALSE(parse_skill_level("master").has_value());
    CHECK_FALSE(parse_skill_level("").has_value());
    CHECK_FALSE(parse_skill_level("   ").has_value());
    CHECK_FALSE(parse_skill_level("expert level").has_value());
    CHECK_FALSE(parse_skill_level("practioner").has_value());
}

TEST_CASE("to_string names each level", "[model]") {
    CHECK(ddat::to_string(SkillLevel::none) == "none");
    CHECK(ddat::to_string(SkillLevel::awareness) == "awareness");
    CHECK(ddat::to_string(SkillLevel::working) == "working");
    CHECK(ddat::to_string(SkillLevel::practitioner) == "practitioner");
    CHECK(ddat::to_string(SkillLevel::expert) == "expert");
}

TEST_CASE("to_number numbers the levels from 0 to 4 in ascending order", "[model]") {
    CHECK(ddat::to_number(SkillLevel::none) == 0);
    CHECK(ddat::to_number(SkillLevel::awareness) == 1);
    CHECK(ddat::to_number(SkillLevel::working) == 2);
    CHECK(ddat::to_number(SkillLevel::practitioner) == 3);
    CHECK(ddat::to_number(SkillLevel::expert) == 4);
}

TEST_CASE("to_string and parse_skill_level round-trip every level", "[model]") {
    for (const SkillLevel level :
         {SkillLevel::none, SkillLevel::awareness, SkillLevel::working, SkillLevel::practitioner, SkillLevel::expert}) {
        CAPTURE(ddat::to_number(level));
        CHECK(parse_skill_level(ddat::to_string(level)) == level);
    }
}

TEST_CASE("kFrameworkLevels lists the four levels without none, ascending", "[model]") {
    REQUIRE(std::size(ddat::kFrameworkLevels) == 4);
    CHECK(ddat::kFrameworkLevels[0] == SkillLevel::awareness);
    CHECK(ddat::kFrameworkLevels[3] == SkillLevel::expert);
}

TEST_CASE("level_meaning gives the framework's meaning of each level", "[model]") {
    CHECK(ddat::level_meaning(SkillLevel::awareness) == "knows about the skill and appreciates how it is applied");
    CHECK(ddat::level_meaning(SkillLevel::expert).find("recognised specialist") != std::string_view::npos);
}
