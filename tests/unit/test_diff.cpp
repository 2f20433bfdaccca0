// Comparing two role levels skill by skill.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "ddat/analysis/diff.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/resolve.hpp"
#include "helpers.hpp"

using ddat::LevelChange;
using ddat::SkillLevel;
using ddat_test::builtin;

namespace {

ddat::LevelDiff diff(std::string_view from, std::string_view to) {
    return ddat::diff_levels(builtin(), ddat::resolve_level(builtin(), from), ddat::resolve_level(builtin(), to));
}

// Each compared skill's change, by skill id.
std::map<std::string, LevelChange> changes(const ddat::LevelDiff& d) {
    std::map<std::string, LevelChange> result;
    for (const auto& s : d.skills) {
        result.emplace(s.skill->id, s.change);
    }
    return result;
}

// The ids of the skills with this change, in the diff's order.
std::vector<std::string> with(const ddat::LevelDiff& d, LevelChange change) {
    std::vector<std::string> ids;
    for (const auto& s : d.skills) {
        if (s.change == change) {
            ids.push_back(s.skill->id);
        }
    }
    return ids;
}

const ddat::SkillChange& skill(const ddat::LevelDiff& d, std::string_view id) {
    const auto found =
        std::find_if(d.skills.begin(), d.skills.end(), [&](const ddat::SkillChange& s) { return s.skill->id == id; });
    INFO("skill " << id);
    REQUIRE(found != d.skills.end());
    return *found;
}

}  // namespace

TEST_CASE("senior IT service manager to head: service focus removed", "[diff]") {
    const auto d = diff("senior-itsm", "head-of-itsm");
    CHECK(d.from->id == "senior-it-service-manager");
    CHECK(d.to->id == "head-of-it-service-management");
    CHECK(with(d, LevelChange::removed) == std::vector<std::string>{"service-focus"});
    const auto& focus = skill(d, "service-focus");
    CHECK(focus.from == SkillLevel::practitioner);
    CHECK(focus.to == SkillLevel::none);
    CHECK(focus.from_requirement != nullptr);
    CHECK(focus.to_requirement == nullptr);
}

TEST_CASE("senior IT service manager to head: the raised skills exactly", "[diff]") {
    const auto d = diff("senior-itsm", "head-of-itsm");
    CHECK(with(d, LevelChange::raised) ==
          std::vector<std::string>{"asset-and-configuration-management", "relationship-management",
                                   "service-management-framework-knowledge", "strategic-thinking",
                                   "technical-understanding", "user-focus"});
    const auto& technical = skill(d, "technical-understanding");
    CHECK(technical.from == SkillLevel::working);
    CHECK(technical.to == SkillLevel::practitioner);
    const auto& asset = skill(d, "asset-and-configuration-management");
    CHECK(asset.from == SkillLevel::practitioner);
    CHECK(asset.to == SkillLevel::expert);
}

TEST_CASE("senior IT service manager to head: the rest is the same, nothing added or lowered", "[diff]") {
    const auto d = diff("senior-itsm", "head-of-itsm");
    CHECK(d.skills.size() == 11);
    CHECK(with(d, LevelChange::same) == std::vector<std::string>{"business-analysis-it-operations",
                                                                 "continual-service-improvement",
                                                                 "ownership-and-initiative", "service-reporting"});
    CHECK(d.count(LevelChange::raised) == 6);
    CHECK(d.count(LevelChange::removed) == 1);
    CHECK(d.count(LevelChange::same) == 4);
    CHECK(d.count(LevelChange::added) == 0);
    CHECK(d.count(LevelChange::lowered) == 0);
    CHECK(d.criteria.empty());
    CHECK(d.has_differences());
}

TEST_CASE("the skills are in the from level's order", "[diff]") {
    const auto d = diff("senior-itsm", "head-of-itsm");
    const auto& from = ddat::resolve_level(builtin(), "senior-itsm");
    REQUIRE(d.skills.size() == from.requirements.size());
    for (std::size_t i = 0; i < d.skills.size(); ++i) {
        CHECK(d.skills[i].skill->id == from.requirements[i].skill_id);
    }
}

TEST_CASE("head of IT service management to senior: service focus added, the six lowered", "[diff]") {
    const auto d = diff("head-of-itsm", "senior-itsm");
    CHECK(with(d, LevelChange::added) == std::vector<std::string>{"service-focus"});
    CHECK(with(d, LevelChange::lowered) ==
          std::vector<std::string>{"asset-and-configuration-management", "relationship-management",
                                   "service-management-framework-knowledge", "strategic-thinking",
                                   "technical-understanding", "user-focus"});
    CHECK(d.count(LevelChange::raised) == 0);
    CHECK(d.count(LevelChange::removed) == 0);
    CHECK(d.count(LevelChange::same) == 4);
    // Added skills come after those of the from level.
    CHECK(d.skills.back().skill->id == "service-focus");
    CHECK(d.skills.back().from == SkillLevel::none);
    CHECK(d.skills.back().to == SkillLevel::practitioner);
    CHECK(d.skills.back().from_requirement == nullptr);
}

TEST_CASE("a level against itself has no differences", "[diff]") {
    for (const ddat::RoleLevel* level : builtin().all_levels()) {
        CAPTURE(level->id);
        const auto d = ddat::diff_levels(builtin(), *level, *level);
        CHECK_FALSE(d.has_differences());
        CHECK(d.count(LevelChange::same) == static_cast<int>(level->requirements.size()));
        for (const auto& s : d.skills) {
            CHECK_FALSE(s.text_changed());
        }
    }
}

TEST_CASE("a diff across roles: business relationship manager to IT service manager", "[diff]") {
    const auto d = diff("brm", "itsm");
    CHECK(d.from->role_id == "business-relationship-manager");
    CHECK(d.to->role_id == "it-service-manager");
    CHECK(changes(d) == std::map<std::string, LevelChange>{
                            {"asset-and-configuration-management", LevelChange::raised},
                            {"business-analysis-it-operations", LevelChange::same},
                            {"continual-service-improvement", LevelChange::same},
                            {"ownership-and-initiative", LevelChange::same},
                            {"relationship-management", LevelChange::lowered},
                            {"service-focus", LevelChange::raised},
                            {"service-management-framework-knowledge", LevelChange::raised},
                            {"service-reporting", LevelChange::same},
                            {"strategic-thinking", LevelChange::same},
                            {"technical-understanding", LevelChange::same},
                            {"user-focus", LevelChange::same},
                        });
    CHECK(d.has_differences());
}

TEST_CASE("a diff to the service manager removes every skill and adds its criteria", "[diff]") {
    const auto d = diff("lead-brm", "service-manager");
    CHECK(d.count(LevelChange::removed) == 11);
    REQUIRE(d.criteria.size() == 11);
    for (const auto& c : d.criteria) {
        CHECK(c.change == LevelChange::added);
    }
    CHECK(d.criteria.front().criterion->id == "seeing-the-big-picture");
    CHECK(d.has_differences());
}

TEST_CASE("a diff from the service manager removes its criteria", "[diff]") {
    const auto d = diff("service-manager", "brm");
    CHECK(d.count(LevelChange::added) == 11);
    REQUIRE(d.criteria.size() == 11);
    CHECK(d.criteria.back().change == LevelChange::removed);
}

TEST_CASE("a skill at the same level with another text is the same, its text changed", "[diff]") {
    const auto d = diff("senior-brm", "lead-brm");
    const auto& asset = skill(d, "asset-and-configuration-management");
    CHECK(asset.change == LevelChange::same);
    CHECK(asset.text_changed());
}

TEST_CASE("levels that differ in texts alone have no differences", "[diff]") {
    const ddat::Framework f = ddat::load_framework_sources({{"f.yaml", R"yaml(framework:
  title: T
families:
  - id: ops
    name: Ops
skills:
  - id: user-focus
    name: User focus
roles:
  - id: r
    name: R
    family: ops
    levels:
      - id: one
        name: One
        requirements:
          user-focus: {level: working, description: Old words.}
      - id: two
        name: Two
        requirements:
          user-focus: {level: working, description: New words.}
)yaml"}});
    const auto d = ddat::diff_levels(f, *f.find_level("one"), *f.find_level("two"));
    REQUIRE(d.skills.size() == 1);
    CHECK(d.skills[0].change == LevelChange::same);
    CHECK(d.skills[0].text_changed());
    CHECK_FALSE(d.has_differences());
}

TEST_CASE("LevelChange words", "[diff]") {
    CHECK(ddat::to_string(LevelChange::raised) == "raised");
    CHECK(ddat::to_string(LevelChange::lowered) == "lowered");
    CHECK(ddat::to_string(LevelChange::added) == "added");
    CHECK(ddat::to_string(LevelChange::removed) == "removed");
    CHECK(ddat::to_string(LevelChange::same) == "same");
}
