// A result points into the framework it came from, so nothing that returns one takes a temporary
// framework: `resolve_level(load_builtin_framework(), "brm")` would dangle, and does not compile.
#include <catch2/catch.hpp>

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
