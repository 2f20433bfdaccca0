// Every role level ranked by how ready a person is for it, with the next step in their own role
// and the nearest moves to other roles.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ddat/analysis/gap.hpp"
#include "ddat/assessment.hpp"
#include "ddat/model.hpp"

namespace ddat {

// One role level and how ready the person is for it, counted as `gap` counts it.
struct LevelMatch {  // NOLINT(cppcoreguidelines-pro-type-member-init): a Ref is always set
    Ref<const RoleLevel> level;
    Ref<const Role> role;
    GapSummary summary;
};

// What to rank and how many other roles to suggest.
struct MatchOptions {
    std::string family_id;    // only the levels of this family's roles; empty for every family
    std::size_t lateral = 3;  // how many other roles to suggest moves to
    Rating rating = Rating::agreed;
    // Rank the levels below the person's current level with the others, instead of apart.
    bool all = false;
};

// How much one skill or criterion of a level adds to the readiness score, and how much its
// shortfall takes from it: both as fractions of the whole, so that the adds of a level's skills
// and criteria sum to its readiness, and adds and takes together to 1.
struct Contribution {
    const SkillGap* skill = nullptr;          // a skill, or
    const CriterionGap* criterion = nullptr;  // a criterion
    double adds = 0;
    double takes = 0;
};

// Each skill's and criterion's share of a gap's readiness, in the target's order.
std::vector<Contribution> contributions(const GapReport& gap);

// Whole units (tenths of a percent, say) given to each share so that they add up to exactly
// `total`: each gets its share rounded down, and the units left go to the largest remainders.
// For scores whose shown parts must add up to the total shown.
std::vector<long> apportion(const std::vector<double>& shares, long total);

// How senior a level is across roles: the mean level its skills require (0 when it requires none).
double seniority(const RoleLevel& level);

// Every role level ranked, and the moves that follow from the ranking.
struct MatchReport {
    std::string person;
    const RoleLevel* current = nullptr;  // the level the assessment says the person holds; nullptr when it names none
    // Best first. A level that requires nothing (no skills, no criteria) cannot be matched and is
    // left out. When the person's current level is known, only the levels at or above it: in
    // its role, the levels from it up; in other roles, those whose seniority is at least its own
    // (and those that require no skills, which seniority cannot place).
    std::vector<LevelMatch> levels;
    // The levels below the current level, ranked apart (empty with MatchOptions::all).
    std::vector<LevelMatch> lower;
    // The level the next step follows: the current level when the assessment names one, else the
    // best-ranked level (the best-matching level of the role the person is most ready for); nullptr
    // when the assessment names no level and no level was ranked.
    const RoleLevel* step_from = nullptr;
    bool step_from_current = false;
    // The level after step_from in its role; nullptr when step_from is its role's most senior.
    const RoleLevel* next_step = nullptr;
    // The best-ranked level of each role other than step_from's, best first, at most
    // MatchOptions::lateral of them; roles the person is not ready for at all are left out.
    std::vector<LevelMatch> lateral;

    // The entry for a level, or nullptr when it was not ranked (another family, say).
    [[nodiscard]] const LevelMatch* find(const RoleLevel& level) const;
};

// True when a ranks before b: more ready; then fewer levels short; then fewer skills missing;
// then more levels held, so that of two levels a person is equally ready for, the one that asks
// more of what they hold (the more senior) comes first; else framework order decides.
bool ranks_before(const LevelMatch& a, const LevelMatch& b);

// Ranks every role level (of one family, if options say so) for this person. Throws
// NotFoundError when options name a family the framework does not have.
MatchReport match_levels(const Framework& framework, const SelfAssessment& person, const MatchOptions& options = {});
// Deleted for a temporary framework: the result would point into it after it is gone.
MatchReport match_levels(const Framework&& framework, const SelfAssessment& person,
                         const MatchOptions& options = {}) = delete;

// The level after this one in its role, or nullptr when it is the most senior.
const RoleLevel* next_level(const Framework& framework, const RoleLevel& level);
// Deleted for a temporary framework: the result would point into it after it is gone.
const RoleLevel* next_level(const Framework&& framework, const RoleLevel& level) = delete;

}  // namespace ddat
