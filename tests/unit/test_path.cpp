// The route between two role levels: up or down a role, or across to another.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ddat/analysis/path.hpp"
#include "ddat/resolve.hpp"
#include "helpers.hpp"
#include "imported.hpp"

using ddat::LevelChange;
using ddat::PathDirection;
using ddat_test::builtin;

namespace {

const ddat::RoleLevel& level(const ddat::Framework& f, std::string_view name) { return ddat::resolve_level(f, name); }

int total(const std::vector<ddat::SkillChange>& changes) {
    int sum = 0;
    for (const auto& c : changes) {
        sum += ddat::levels_changed(c);
    }
    return sum;
}

std::vector<std::string> ids(const std::vector<ddat::SkillChange>& changes) {
    std::vector<std::string> result;
    for (const auto& c : changes) {
        result.push_back(c.skill->id);
    }
    return result;
}

}  // namespace

TEST_CASE("path up a role: one step per level, and what each adds or raises", "[path]") {
    const auto& f = builtin();
    const ddat::LevelPath path = ddat::find_path(f, level(f, "brm"), level(f, "lead-brm"));
    CHECK(path.direction == PathDirection::up);
    REQUIRE(path.role != nullptr);
    CHECK(path.role->id == "business-relationship-manager");
    REQUIRE(path.steps.size() == 2);
    CHECK(path.steps[0].from->id == "business-relationship-manager");
    CHECK(path.steps[0].to->id == "senior-business-relationship-manager");
    CHECK(path.steps[1].from->id == "senior-business-relationship-manager");
    CHECK(path.steps[1].to->id == "lead-business-relationship-manager");
    CHECK(path.steps[0].count(LevelChange::raised) == 5);
    CHECK(path.steps[1].count(LevelChange::raised) == 7);
    const auto build = path.to_build();
    CHECK(build.size() == 10);
    CHECK(total(build) == 12);
    CHECK(path.no_longer_required().empty());
}

TEST_CASE("path down a role says what is no longer required", "[path]") {
    const auto& f = builtin();
    const ddat::LevelPath path = ddat::find_path(f, level(f, "head-of-itsm"), level(f, "itsm"));
    CHECK(path.direction == PathDirection::down);
    REQUIRE(path.steps.size() == 2);
    CHECK(path.steps[0].from->id == "head-of-it-service-management");
    CHECK(path.steps[0].to->id == "senior-it-service-manager");
    CHECK(path.steps[1].to->id == "it-service-manager");
    const auto dropped = path.no_longer_required();
    CHECK(dropped.size() == 10);
    CHECK(total(dropped) == -15);
    // the head of IT service management does not ask for service focus; the IT service manager does
    CHECK(ids(path.to_build()) == std::vector<std::string>{"service-focus"});
}

TEST_CASE("path across roles: what to build, what carries over", "[path]") {
    const auto& f = builtin();
    const ddat::LevelPath path = ddat::find_path(f, level(f, "senior-brm"), level(f, "senior-itsm"));
    CHECK(path.direction == PathDirection::across);
    CHECK(path.role == nullptr);
    REQUIRE(path.steps.size() == 1);
    const auto build = path.to_build();
    CHECK(ids(build) == std::vector<std::string>{"asset-and-configuration-management", "continual-service-improvement",
                                                 "service-focus", "service-management-framework-knowledge",
                                                 "service-reporting", "strategic-thinking"});
    CHECK(total(build) == 7);
    CHECK(build.front().from == ddat::SkillLevel::awareness);
    CHECK(build.front().to == ddat::SkillLevel::practitioner);
    CHECK(path.carried_over().size() == 5);

    const ddat::LevelPath to_service_manager = ddat::find_path(f, level(f, "brm"), level(f, "service-manager"));
    CHECK(to_service_manager.direction == PathDirection::across);
    CHECK(to_service_manager.to_build().empty());  // it asks competences, not framework skills
}

TEST_CASE("path to the same level is empty", "[path]") {
    const auto& f = builtin();
    const ddat::LevelPath path = ddat::find_path(f, level(f, "brm"), level(f, "brm"));
    CHECK(path.direction == PathDirection::same);
    CHECK(path.steps.empty());
    CHECK(path.to_build().empty());
    CHECK(ddat::to_string(PathDirection::across) == "across");
}

TEST_CASE("path on the imported framework: every role from its first level to its last", "[path][csv-data]") {
    DDAT_REQUIRE_IMPORTED();
    const ddat::Framework& f = *ddat_test::imported();
    int multi_level = 0;
    for (const auto& role : f.roles()) {
        INFO(role.id);
        const ddat::LevelPath path = ddat::find_path(f, role.levels.front(), role.levels.back());
        if (role.levels.size() == 1) {
            CHECK(path.direction == PathDirection::same);
            continue;
        }
        ++multi_level;
        CHECK(path.direction == PathDirection::up);
        // every level on the way but those of the management track, which the path steps around
        std::vector<const ddat::RoleLevel*> walked{&role.levels.front()};
        for (std::size_t i = 1; i < role.levels.size(); ++i) {
            if (i + 1 == role.levels.size() || role.levels[i].track.empty()) {
                walked.push_back(&role.levels[i]);
            }
        }
        REQUIRE(path.steps.size() == walked.size() - 1);
        for (std::size_t i = 0; i < path.steps.size(); ++i) {
            CHECK(path.steps[i].from == walked[i]);
            CHECK(path.steps[i].to == walked[i + 1]);
        }
        const ddat::LevelPath back = ddat::find_path(f, role.levels.back(), role.levels.front());
        CHECK(back.direction == PathDirection::down);
        CHECK(ids(back.no_longer_required()).size() + ids(back.to_build()).size() ==
              ids(path.to_build()).size() + ids(path.no_longer_required()).size());
    }
    CHECK(multi_level > 40);
    const ddat::LevelPath across = ddat::find_path(f, level(f, "senior-brm"), level(f, "senior-itsm"));
    CHECK(across.direction == PathDirection::across);
    CHECK(!across.to_build().empty());
}
