// A result points into the framework it came from, so nothing that returns one takes a temporary
// framework: `resolve_level(load_builtin_framework(), "brm")` would dangle, and does not compile.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ddat/analysis/advert.hpp"
#include "ddat/analysis/changes.hpp"
#include "ddat/analysis/diff.hpp"
#include "ddat/analysis/gap.hpp"
#include "ddat/analysis/match.hpp"
#include "ddat/analysis/path.hpp"
#include "ddat/analysis/progress.hpp"
#include "ddat/analysis/team.hpp"
#include "ddat/model.hpp"
#include "ddat/resolve.hpp"
#include "ddat/write/exporter.hpp"
#include "helpers.hpp"
#include "small_framework.hpp"

namespace {

using ddat::Framework;

// Each concept holds when the call compiles with a framework of type F (an lvalue for
// `const Framework&`, a temporary for `Framework`).
template <typename F>
concept resolves = requires(F&& f) {
    ddat::resolve_level(std::forward<F>(f), "brm");
};
template <typename F>
concept resolves_role = requires(F&& f) {
    ddat::resolve_role(std::forward<F>(f), "brm");
};
template <typename F>
concept resolves_skill = requires(F&& f) {
    ddat::resolve_skill(std::forward<F>(f), "x");
};
template <typename F>
concept resolves_family = requires(F&& f) {
    ddat::resolve_family(std::forward<F>(f), "x");
};
template <typename F>
concept finds_skill_by_name = requires(F&& f) {
    ddat::find_skill_by_name(std::forward<F>(f), "x");
};
template <typename F>
concept indexes_skills = requires(F&& f) {
    ddat::SkillNameIndex(std::forward<F>(f));
};
template <typename F>
concept finds_level = requires(F&& f) {
    std::forward<F>(f).find_level("brm");
};
template <typename F>
concept finds_skill = requires(F&& f) {
    std::forward<F>(f).find_skill("x");
};
template <typename F>
concept lists_levels = requires(F&& f) {
    std::forward<F>(f).all_levels();
};
template <typename F>
concept diffs = requires(F&& f, const ddat::RoleLevel& l) {
    ddat::diff_levels(std::forward<F>(f), l, l);
};
template <typename F>
concept analyses_gap = requires(F&& f, const ddat::SelfAssessment& p, const ddat::RoleLevel& l) {
    ddat::analyse_gap(std::forward<F>(f), p, l);
};
template <typename F>
concept matches = requires(F&& f, const ddat::SelfAssessment& p) {
    ddat::match_levels(std::forward<F>(f), p);
};
template <typename F>
concept finds_path = requires(F&& f, const ddat::RoleLevel& l) {
    ddat::find_path(std::forward<F>(f), l, l);
};
template <typename F>
concept makes_advert = requires(F&& f, const ddat::RoleLevel& l) {
    ddat::make_advert(std::forward<F>(f), l);
};
template <typename F>
concept analyses_team = requires(F&& f, const std::vector<std::string>& files, const ddat::AssessmentReader& read) {
    ddat::analyse_team(std::forward<F>(f), files, "brm", read);
    ddat::analyse_team(std::forward<F>(f), files, ddat::TeamOptions{}, read);
};
template <typename F>
concept analyses_progress = requires(F&& f) {
    ddat::analyse_progress(std::forward<F>(f), {}, nullptr);
};
template <typename F>
concept compares = requires(F&& f, const Framework& other, const ddat::Renames& r) {
    ddat::compare_frameworks(std::forward<F>(f), other, r);
    ddat::compare_frameworks(other, std::forward<F>(f), r);
};

static_assert(resolves<const Framework&> && !resolves<Framework>);
static_assert(resolves_role<const Framework&> && !resolves_role<Framework>);
static_assert(resolves_skill<const Framework&> && !resolves_skill<Framework>);
static_assert(resolves_family<const Framework&> && !resolves_family<Framework>);
static_assert(finds_skill_by_name<const Framework&> && !finds_skill_by_name<Framework>);
static_assert(indexes_skills<const Framework&> && !indexes_skills<Framework>);
static_assert(finds_level<const Framework&> && !finds_level<Framework>);
static_assert(finds_skill<const Framework&> && !finds_skill<Framework>);
static_assert(lists_levels<const Framework&> && !lists_levels<Framework>);
static_assert(diffs<const Framework&> && !diffs<Framework>);
static_assert(analyses_gap<const Framework&> && !analyses_gap<Framework>);
static_assert(matches<const Framework&> && !matches<Framework>);
static_assert(finds_path<const Framework&> && !finds_path<Framework>);
static_assert(makes_advert<const Framework&> && !makes_advert<Framework>);
static_assert(analyses_team<const Framework&> && !analyses_team<Framework>);
static_assert(analyses_progress<const Framework&> && !analyses_progress<Framework>);
static_assert(compares<const Framework&> && !compares<Framework>);

// A gap's skill is there by type: no gap without one, and no null or temporary skill.
static_assert(!std::is_default_constructible_v<ddat::SkillGap>);
static_assert(!std::is_constructible_v<ddat::Ref<const ddat::Skill>, std::nullptr_t>);
static_assert(!std::is_constructible_v<ddat::Ref<const ddat::Skill>, ddat::Skill&&>);
static_assert(std::is_constructible_v<ddat::Ref<const ddat::Skill>, const ddat::Skill&>);
static_assert(std::is_copy_assignable_v<ddat::SkillGap>);

}  // namespace

TEST_CASE("a result is taken from a framework that outlives it: the lvalue calls work", "[lifetime]") {
    // The static_asserts above are the test; this checks the lvalue overloads still resolve at run time.
    const Framework& framework = ddat_test::builtin();
    CHECK(&ddat::resolve_level(framework, "brm") == framework.find_level("business-relationship-manager"));
}

namespace {

// A framework's parts can be read, never assigned or changed, through its interface.
template <typename F>
concept parts_assignable = requires(F& f) {
    f.skills() = std::vector<ddat::Skill>{};
};
template <typename F>
concept parts_changeable = requires(F& f) {
    f.roles().push_back(ddat::Role{});
};
template <typename F>
concept metadata_assignable = requires(F& f) {
    f.metadata().title = "x";
};
static_assert(!parts_assignable<Framework>);
// The data a loader fills in can be changed: the checks above fail for want of an interface, not of a type.
static_assert(std::is_assignable_v<decltype((std::declval<ddat::FrameworkData&>().skills)), std::vector<ddat::Skill>>);
static_assert(!parts_changeable<Framework>);
static_assert(!metadata_assignable<Framework>);
static_assert(!std::is_assignable_v<decltype((std::declval<const Framework&>().skills())), std::vector<ddat::Skill>>);
static_assert(std::is_copy_constructible_v<Framework> && std::is_nothrow_move_constructible_v<Framework>);

// Reading a part of a temporary framework does not compile either.
template <typename F>
concept lists_skills = requires(F&& f) {
    std::forward<F>(f).skills();
};
static_assert(lists_skills<const Framework&> && !lists_skills<Framework>);

// Every part a result always has is a Ref: never null, by type.
static_assert(std::is_same_v<decltype(ddat::SkillChange::skill), ddat::Ref<const ddat::Skill>>);
static_assert(std::is_same_v<decltype(ddat::LevelDiff::from), ddat::Ref<const ddat::RoleLevel>>);
static_assert(std::is_same_v<decltype(ddat::CriterionChange::criterion), ddat::Ref<const ddat::Criterion>>);
static_assert(std::is_same_v<decltype(ddat::GapReport::target), ddat::Ref<const ddat::RoleLevel>>);
static_assert(std::is_same_v<decltype(ddat::CriterionGap::criterion), ddat::Ref<const ddat::Criterion>>);
static_assert(std::is_same_v<decltype(ddat::LevelPath::from), ddat::Ref<const ddat::RoleLevel>>);
static_assert(std::is_same_v<decltype(ddat::LevelMatch::level), ddat::Ref<const ddat::RoleLevel>>);
static_assert(std::is_same_v<decltype(ddat::SkillProgress::skill), ddat::Ref<const ddat::Skill>>);
static_assert(std::is_same_v<decltype(ddat::ProgressReport::target), ddat::Ref<const ddat::RoleLevel>>);
static_assert(std::is_same_v<decltype(ddat::HeldSkill::skill), ddat::Ref<const ddat::Skill>>);
static_assert(std::is_same_v<decltype(ddat::TeamSkill::skill), ddat::Ref<const ddat::Skill>>);
static_assert(std::is_same_v<decltype(ddat::AdvertSkill::skill), ddat::Ref<const ddat::Skill>>);
static_assert(std::is_same_v<decltype(ddat::Advert::family), ddat::Ref<const ddat::Family>>);
static_assert(std::is_same_v<decltype(ddat::LevelChanges::after), ddat::Ref<const ddat::RoleLevel>>);
static_assert(
    std::is_same_v<decltype(ddat::FrameworkChanges::skills_added), std::vector<ddat::Ref<const ddat::Skill>>>);

// A Ref compared with nullptr does not compile: it cannot be null.
template <typename R>
concept compares_with_null = requires(R r) {
    r == nullptr;
};
static_assert(!compares_with_null<ddat::Ref<const ddat::Skill>> && compares_with_null<const ddat::Skill*>);

}  // namespace

TEST_CASE("a copied or moved framework looks up its own parts, never the original's", "[lifetime][model]") {
    const Framework& original = ddat_test::builtin();
    const ddat::LevelList levels = original.all_levels();
    std::size_t brm_at = levels.size();
    for (std::size_t i = 0; i < levels.size(); ++i) {
        if (levels[i]->id == "business-relationship-manager") {
            brm_at = i;
        }
    }
    REQUIRE(brm_at < levels.size());
    const ddat::Skill& first_skill = original.skills().front();

    // Each lookup of a framework answers with its own element: the one at the same place.
    const auto owns = [&](const Framework& f) {
        const ddat::RoleLevel* brm = f.all_levels()[brm_at];
        CHECK(f.find_level("business-relationship-manager") == brm);
        CHECK(f.find_level_by_alias("brm") == brm);
        CHECK(&ddat::resolve_level(f, "Business relationship manager") == brm);
        CHECK(f.find_role(brm->role_id) == &f.role_of(*brm));
        CHECK(f.find_skill(first_skill.id) == &f.skills().front());
        CHECK(&f.skill_of(brm->requirements.front()) == f.find_skill(brm->requirements.front().skill_id));
        CHECK(f.find_family(f.families().front().id) == &f.families().front());
    };
    const Framework copy = original;
    CHECK(copy.all_levels()[brm_at] != levels[brm_at]);
    CHECK(copy.find_level("business-relationship-manager") != original.find_level("business-relationship-manager"));
    CHECK(copy.find_skill(first_skill.id) != &first_skill);
    owns(copy);
    owns(original);

    Framework second = copy;
    const Framework moved = std::move(second);
    owns(moved);
    CHECK(moved.find_level_by_alias("brm") != copy.find_level_by_alias("brm"));

    Framework assigned;
    CHECK(assigned.find_level("business-relationship-manager") == nullptr);
    assigned = copy;
    owns(assigned);
    CHECK(assigned.find_skill(first_skill.id) != copy.find_skill(first_skill.id));
}

TEST_CASE("lookups by id and alias find the first in framework order, as a linear search does", "[model]") {
    for (const Framework* f : {&ddat_test::builtin(), &ddat_test::small_framework()}) {
        for (const ddat::RoleLevel* level : f->all_levels()) {
            CHECK(f->find_level(level->id) == level);
            for (const auto& alias : level->aliases) {
                const ddat::RoleLevel* first = nullptr;
                for (const ddat::RoleLevel* other : f->all_levels()) {
                    if (first == nullptr &&
                        std::find(other->aliases.begin(), other->aliases.end(), alias) != other->aliases.end()) {
                        first = other;
                    }
                }
                CHECK(f->find_level_by_alias(alias) == first);
            }
        }
        for (const auto& skill : f->skills()) {
            CHECK(f->find_skill(skill.id) == &skill);
        }
        for (const auto& role : f->roles()) {
            CHECK(f->find_role(role.id) == &role);
        }
        CHECK(f->find_level("no-such-level") == nullptr);
        CHECK(f->find_skill("") == nullptr);
        CHECK(f->find_level_by_alias("business-relationship-manager") == nullptr);
    }
    // Two skills of one id, and an alias two levels share: the first is found.
    ddat::FrameworkData parts;
    parts.skills = {{"twin", "First", "", {}, {"shared"}, {}}, {"twin", "Second", "", {}, {"shared"}, {}}};
    ddat::Role role;
    role.id = "r";
    role.levels.resize(2);
    role.levels[0].id = "one";
    role.levels[0].aliases = {"same"};
    role.levels[1].id = "two";
    role.levels[1].aliases = {"same"};
    parts.roles = {role};
    const Framework twins = ddat::finish_framework(std::move(parts));
    CHECK(twins.find_skill("twin") == &twins.skills()[0]);
    CHECK(twins.find_skill_by_alias("shared") == &twins.skills()[0]);
    CHECK(twins.find_level_by_alias("same") == &twins.roles()[0].levels[0]);
    CHECK(twins.find_level("two") == &twins.roles()[0].levels[1]);
}

TEST_CASE("many ids are found in a framework of thousands of skills", "[model]") {
    ddat::FrameworkData parts;
    for (int i = 0; i < 5000; ++i) {
        parts.skills.push_back({"skill-with-a-long-common-prefix-" + std::to_string(i), "S", "", {}, {}, {}});
    }
    const Framework many = ddat::finish_framework(std::move(parts));
    for (std::size_t i = 0; i < many.skills().size(); ++i) {
        REQUIRE(many.find_skill(many.skills()[i].id) == &many.skills()[i]);
    }
    CHECK(many.find_skill("skill-with-a-long-common-prefix-5000") == nullptr);
}
