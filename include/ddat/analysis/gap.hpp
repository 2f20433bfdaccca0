// Where a person's self-assessment falls short of a target role level.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ddat/assessment.hpp"
#include "ddat/model.hpp"

namespace ddat {

// How a person's level compares with a required level.
enum class GapStatus : std::uint8_t { met, exceeds, below, missing };

// "met", "exceeds", "below" or "missing".
std::string_view to_string(GapStatus status);

// One required skill against the person's level.
struct SkillGap {
    // The gap of a skill not yet compared: met, nothing held.
    SkillGap(const Skill& of, const Requirement& asked) : skill(of), requirement(asked) {}

    Ref<const Skill> skill;  // the catalogue's skill: every requirement of a loaded framework names one
    Ref<const Requirement> requirement;
    SkillLevel actual = SkillLevel::none;  // the level compared: agreed or the person's own, by the rating
    int shortfall = 0;                     // required minus actual, in levels, never below 0
    GapStatus status = GapStatus::met;
    std::string evidence;
    SkillLevel self = SkillLevel::none;  // the person's own level
    std::optional<SkillLevel> agreed;    // the agreed level, when the file gives one
    bool uses_agreed = false;            // actual is the agreed level
    bool discuss = false;                // own and agreed levels are 2 or more apart
};

// One criterion (a competence, say) of the target against the person's own statement.
struct CriterionGap {
    // The gap of a criterion not yet assessed.
    explicit CriterionGap(const Criterion& of) : criterion(of) {}

    Ref<const Criterion> criterion;
    CriterionStatus status = CriterionStatus::not_assessed;
    std::string evidence;
};

// The totals of a gap analysis.
struct GapSummary {
    int required = 0;      // skills the target requires
    int met = 0;           // of which the person meets or exceeds
    int exceeds = 0;       // of which the person exceeds
    int below = 0;         // held, but below the required level
    int missing = 0;       // not held at all
    int shortfall = 0;     // levels short, summed over all skills
    int criteria = 0;      // criteria of the target
    int criteria_met = 0;  // of which the person states they meet
    // Levels held up to the required level, and levels required, summed over the skills; each
    // criterion counts as one level (met 1, partly 0.5).
    double held = 0;
    double wanted = 0;
    // held / wanted, from 0 to 1; 1 when nothing is required.
    double readiness = 1.0;
};

// A whole gap analysis of one person against one role level.
struct GapReport {
    // A report against this target with nothing compared yet.
    explicit GapReport(const RoleLevel& against) : target(against) {}

    Ref<const RoleLevel> target;
    // The level the person holds; nullptr when the assessment names none.
    const RoleLevel* current = nullptr;
    std::string person;
    std::vector<SkillGap> skills;  // in the target's order
    std::vector<CriterionGap> criteria;
    GapSummary summary;
    Rating rating = Rating::agreed;
    int discuss = 0;  // required skills whose own and agreed levels are 2 or more apart

    // True when any skill is below or missing, or any criterion is not fully met.
    [[nodiscard]] bool has_gaps() const;
};

// The skills the person assessed that `target` does not require, but that the role level of the
// same id in `earlier` (an older release) did require, under the skill's id or the id it had
// before a rename in `current`. In the person's order.
std::vector<const AssessedSkill*> skills_no_longer_required(const SelfAssessment& person, const RoleLevel& target,
                                                            const Framework& current, const Framework& earlier);

// Compares a self-assessment with what a role level requires, taking each skill's level by the rating.
GapReport analyse_gap(const Framework& framework, const SelfAssessment& person, const RoleLevel& target,
                      Rating rating = Rating::agreed);
// Deleted for a temporary framework: the result would point into it after it is gone.
GapReport analyse_gap(const Framework&& framework, const SelfAssessment& person, const RoleLevel& target,
                      Rating rating = Rating::agreed) = delete;

}  // namespace ddat
