// Ranking every role level by how ready a person is for it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "ddat/analysis/match.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/resolve.hpp"
#include "helpers.hpp"
#include "imported.hpp"
#include "small_framework.hpp"

using ddat::SkillLevel;
using ddat_test::builtin;

namespace {

// A person who holds every skill of a level at exactly the level it requires, and nothing else.
ddat::SelfAssessment exactly(const ddat::RoleLevel& level) {
    ddat::SelfAssessment person;
    person.name = "Exact Example";
    for (const auto& requirement : level.requirements) {
        ddat::AssessedSkill skill;
        skill.skill_id = requirement.skill_id;
        skill.level = ddat::level_to_meet(requirement);
        person.skills.push_back(skill);
    }
    return person;
}

std::vector<std::string> ranked_ids(const ddat::MatchReport& report) {
    std::vector<std::string> ids;
    for (const auto& m : report.levels) {
        ids.push_back(m.level->id);
    }
    return ids;
}

ddat::LevelMatch with(double readiness, int shortfall, int missing, double held) {
    const ddat::Role& role = ddat_test::small_framework().roles().front();
    ddat::LevelMatch m{role.levels.front(), role, {}};
    m.summary.readiness = readiness;
    m.summary.shortfall = shortfall;
    m.summary.missing = missing;
    m.summary.held = held;
    return m;
}

}  // namespace

TEST_CASE("match ranks senior-brm first for someone with exactly its levels", "[match]") {
    const auto& f = builtin();
    const ddat::RoleLevel& senior = ddat::resolve_level(f, "senior-brm");
    const ddat::MatchReport report = ddat::match_levels(f, exactly(senior));
    REQUIRE(!report.levels.empty());
    CHECK(report.levels.front().level == &senior);
    CHECK(report.levels.front().summary.readiness == 1.0);
    // brm is as ready (everything it asks is held) but asks less of what the person holds
    CHECK(report.levels[1].level->id == "business-relationship-manager");
    CHECK(report.levels[1].summary.readiness == 1.0);
    SECTION("the next step is lead-brm, and its gap names each shortfall") {
        CHECK(report.current == nullptr);
        CHECK(report.step_from == &senior);
        CHECK_FALSE(report.step_from_current);
        REQUIRE(report.next_step != nullptr);
        CHECK(report.next_step->id == "lead-business-relationship-manager");
        const ddat::GapReport next = ddat::analyse_gap(f, exactly(senior), *report.next_step);
        std::vector<std::string> short_of;
        for (const auto& g : next.skills) {
            if (g.status == ddat::GapStatus::below || g.status == ddat::GapStatus::missing) {
                short_of.push_back(g.skill->id);
            }
        }
        CHECK(short_of == std::vector<std::string>{"business-analysis-it-operations", "continual-service-improvement",
                                                   "relationship-management", "service-focus", "service-reporting",
                                                   "strategic-thinking", "user-focus"});
        CHECK(next.summary.shortfall == 7);
    }
    SECTION("the nearest move to another role is the IT service manager") {
        REQUIRE(!report.lateral.empty());
        CHECK(report.lateral.front().level->id == "it-service-manager");
        for (const auto& m : report.lateral) {
            CHECK(m.role->id != "business-relationship-manager");
            CHECK(m.summary.readiness > 0);
        }
    }
}

TEST_CASE("match steps from the current level when the assessment names one", "[match]") {
    const auto& f = builtin();
    ddat::SelfAssessment person = exactly(ddat::resolve_level(f, "senior-brm"));
    person.current_level_id = "business-relationship-manager";
    const ddat::MatchReport report = ddat::match_levels(f, person);
    REQUIRE(report.current != nullptr);
    CHECK(report.step_from == report.current);
    CHECK(report.step_from_current);
    REQUIRE(report.next_step != nullptr);
    CHECK(report.next_step->id == "senior-business-relationship-manager");

    person.current_level_id = "lead-business-relationship-manager";
    const ddat::MatchReport top = ddat::match_levels(f, person);
    CHECK(top.next_step == nullptr);  // the most senior level of its role
    CHECK(ddat::next_level(f, ddat::resolve_level(f, "lead-brm")) == nullptr);
    CHECK(ddat::next_level(f, ddat::resolve_level(f, "itsm"))->id == "senior-it-service-manager");
}

TEST_CASE("match orders by readiness, then shortfall, then missing, then levels held", "[match]") {
    CHECK(ddat::ranks_before(with(0.9, 5, 2, 10), with(0.8, 0, 0, 10)));
    CHECK(ddat::ranks_before(with(0.8, 1, 2, 10), with(0.8, 2, 0, 10)));
    CHECK(ddat::ranks_before(with(0.8, 2, 0, 10), with(0.8, 2, 1, 10)));
    CHECK(ddat::ranks_before(with(1.0, 0, 0, 26), with(1.0, 0, 0, 20)));
    CHECK_FALSE(ddat::ranks_before(with(0.8, 2, 1, 10), with(0.8, 2, 1, 10)));

    const auto& f = builtin();
    const ddat::MatchReport report = ddat::match_levels(f, exactly(ddat::resolve_level(f, "itsm")));
    CHECK(report.levels.size() == 7);  // every level of the built-in framework
    for (std::size_t i = 1; i < report.levels.size(); ++i) {
        CHECK_FALSE(ddat::ranks_before(report.levels[i], report.levels[i - 1]));
    }
}

TEST_CASE("match of an empty assessment ranks every level at 0% and suggests no moves", "[match]") {
    const auto& f = builtin();
    const ddat::MatchReport report = ddat::match_levels(f, ddat::SelfAssessment{});
    for (const auto& m : report.levels) {
        CHECK(m.summary.readiness == 0.0);
    }
    CHECK(report.lateral.empty());
}

TEST_CASE("match --family ranks only that family's levels", "[match]") {
    const auto& f = builtin();
    ddat::MatchOptions options;
    options.family_id = "it-operations";
    const ddat::MatchReport report = ddat::match_levels(f, exactly(ddat::resolve_level(f, "brm")), options);
    CHECK(report.levels.size() == 6);
    const auto ids = ranked_ids(report);
    CHECK(std::find(ids.begin(), ids.end(), "service-manager") == ids.end());
    options.family_id = "it-operatons";
    CHECK_THROWS_AS(ddat::match_levels(f, ddat::SelfAssessment{}, options), ddat::NotFoundError);
}

TEST_CASE("match leaves out a level that requires nothing", "[match]") {
    const ddat::Framework f = ddat::load_framework_sources({{"f.yaml", R"(framework:
  title: Test
families:
  - id: fam
    name: Family
skills:
  - id: one
    name: One
roles:
  - id: role
    name: Role
    family: fam
    levels:
      - id: empty
        name: Empty
      - id: full
        name: Full
        requirements:
          one:
            level: working
)"}});
    const ddat::MatchReport report = ddat::match_levels(f, ddat::SelfAssessment{});
    REQUIRE(report.levels.size() == 1);
    CHECK(report.levels.front().level->id == "full");
}

TEST_CASE("match on the imported framework: each level ranks first for someone with exactly its levels",
          "[match][csv-data]") {
    DDAT_REQUIRE_IMPORTED();
    const ddat::Framework& f = *ddat_test::imported();
    const auto levels = f.all_levels();
    CHECK(levels.size() == 205);
    for (const ddat::RoleLevel* level : levels) {
        INFO(level->id);
        const ddat::MatchReport report = ddat::match_levels(f, exactly(*level));
        REQUIRE(report.levels.size() == 205);
        const ddat::LevelMatch& top = report.levels.front();
        CHECK(top.summary.readiness == 1.0);
        // the first is this level, or one that asks exactly the same
        const ddat::LevelMatch* own = report.find(*level);
        REQUIRE(own != nullptr);
        CHECK(own->summary.readiness == 1.0);
        CHECK(top.summary.held == own->summary.held);
        CHECK(top.summary.wanted == own->summary.wanted);
        if (report.next_step != nullptr) {
            CHECK(report.next_step->role_id == top.level->role_id);
        }
        for (const auto& m : report.lateral) {
            CHECK(m.role->id != top.level->role_id);
        }
    }
}

TEST_CASE("match looks forward from the current level and ranks lower levels apart", "[match][forward]") {
    const ddat::Framework& f = ddat_test::small_framework();
    ddat::SelfAssessment person = exactly(ddat::resolve_level(f, "analyst"));
    person.current_level_id = "analyst";
    const ddat::MatchReport report = ddat::match_levels(f, person);
    const auto ids = ranked_ids(report);
    CHECK(ids == std::vector<std::string>{"analyst", "senior-analyst", "engineer", "lead-engineer"});
    std::vector<std::string> lower;
    for (const auto& m : report.lower) {
        lower.push_back(m.level->id);
    }
    // junior-analyst is earlier in the role; junior-engineer asks less (mean level 1 against 2)
    CHECK(lower == std::vector<std::string>{"junior-analyst", "junior-engineer"});
    CHECK(report.lower.front().summary.readiness == 1.0);  // as ready, and still not first

    ddat::MatchOptions all;
    all.all = true;
    const ddat::MatchReport everything = ddat::match_levels(f, person, all);
    CHECK(everything.levels.size() == 6);
    CHECK(everything.lower.empty());

    // Without a current level, every level is ranked
    person.current_level_id.clear();
    CHECK(ddat::match_levels(f, person).levels.size() == 6);
}

TEST_CASE("match on the imported framework: someone at a level never gets a lower level of their role first",
          "[match][forward][csv-data]") {
    DDAT_REQUIRE_IMPORTED();
    const ddat::Framework& f = *ddat_test::imported();
    const ddat::RoleLevel& scientist = ddat::resolve_level(f, "data-scientist");
    ddat::SelfAssessment person = exactly(scientist);
    person.current_level_id = scientist.id;
    const ddat::MatchReport report = ddat::match_levels(f, person);
    REQUIRE(!report.levels.empty());
    CHECK(report.levels.front().level == &scientist);
    const ddat::Role& role = f.role_of(scientist);
    for (const auto& m : report.levels) {
        if (m.role == &role) {
            INFO(m.level->id);
            CHECK(ddat::seniority(*m.level) >= 0);
            const auto position = [&](const ddat::RoleLevel& l) { return &l - role.levels.data(); };
            CHECK(position(*m.level) >= position(scientist));
        }
    }
    for (const auto& m : report.lower) {
        CHECK(m.level != &scientist);
    }
}

TEST_CASE("each skill's part of a score adds up to the score, shown or exact", "[match][explain]") {
    const ddat::Framework& f = ddat_test::small_framework();
    ddat::SelfAssessment person;
    ddat::AssessedSkill analysis;
    analysis.skill_id = "analysis";
    analysis.level = SkillLevel::working;
    ddat::AssessedSkill data;
    data.skill_id = "data";
    data.level = SkillLevel::awareness;
    person.skills = {analysis, data};
    const ddat::GapReport gap = ddat::analyse_gap(f, person, ddat::resolve_level(f, "senior-analyst"));
    const auto parts = ddat::contributions(gap);
    REQUIRE(parts.size() == 3);
    double adds = 0;
    double all = 0;
    std::vector<double> shares;
    for (const auto& p : parts) {
        adds += p.adds;
        all += p.adds + p.takes;
        shares.push_back(p.adds);
    }
    CHECK(adds == Approx(gap.summary.readiness));  // 3 of 8 levels
    CHECK(all == Approx(1.0));
    CHECK(parts[0].adds == Approx(2.0 / 8));
    CHECK(parts[0].takes == Approx(1.0 / 8));
    CHECK(parts[2].adds == 0);  // people, not held
    // 37.5% shown as 38: the whole percentage points given to the skills add up to 38
    const auto units = ddat::apportion(shares, 38);
    CHECK(units[0] + units[1] + units[2] == 38);
    CHECK(units == std::vector<long>{25, 13, 0});
}

TEST_CASE("apportion gives whole units that add up to the total, by largest remainder", "[match][explain]") {
    CHECK(ddat::apportion({1, 1, 1}, 100) == std::vector<long>{34, 33, 33});
    CHECK(ddat::apportion({0.5, 0.25, 0.25}, 3) == std::vector<long>{1, 1, 1});  // 1.5, 0.75, 0.75
    CHECK(ddat::apportion({0.6, 0.3, 0.1}, 10) == std::vector<long>{6, 3, 1});
    CHECK(ddat::apportion({}, 5).empty());
    CHECK(ddat::apportion({0, 0}, 5) == std::vector<long>{0, 0});
}
