// One person's self-assessments over time: each skill's level at each date, what changed, and
// readiness against one target at each date. Read-only, like every use of an assessment.
#pragma once

#include <string>
#include <vector>

#include "ddat/analysis/gap.hpp"
#include "ddat/assessment.hpp"
#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat {

// How a skill's level moved from one assessment to a later one.
enum class ProgressChange : std::uint8_t { same, raised, lowered, added, dropped };

// "same", "raised", "lowered", "new" or "dropped".
std::string_view to_string(ProgressChange change);

// The change from level `before` to level `after` (none meaning not held).
ProgressChange progress_change(SkillLevel before, SkillLevel after);

// One assessment of the series, against the target.
struct ProgressPoint {
    std::string file;
    std::string date;  // empty when the file gives none
    GapReport gap;
};

// One skill across the series: the target's skills, then every other skill held at some point.
struct SkillProgress {
    // The skill, with what the target asks of it (nullptr for nothing), and no levels yet.
    SkillProgress(const Skill& of, const Requirement* asked) : skill(of), requirement(asked) {}

    Ref<const Skill> skill;
    const Requirement* requirement = nullptr;      // what the target asks; nullptr when it does not ask it
    std::vector<SkillLevel> levels;                // one per point, none when not held then
    std::vector<ProgressChange> steps;             // from each point to the next (one fewer than levels)
    ProgressChange change = ProgressChange::same;  // from the first point to the last
};

// The whole series.
struct ProgressReport {
    // A report against this target with no points yet.
    explicit ProgressReport(const RoleLevel& against) : target(against) {}

    std::string person;  // the name in the latest assessment that gives one
    Ref<const RoleLevel> target;
    bool target_inferred = false;       // read from the latest 'current:', not given
    std::vector<ProgressPoint> points;  // oldest first
    std::vector<SkillProgress> skills;
    std::vector<Diagnostic> notes;  // how the order and the target were chosen, where that is worth saying
};

// Orders the assessments by 'date:' (when every one gives a date; else as given, with a note) and
// compares each with the target: `target` when given, else the latest assessment's 'target:',
// else the level after its 'current:' (with a note). Throws InputError when there is no target, and
// std::invalid_argument when `assessments` is empty.
ProgressReport analyse_progress(const Framework& framework, std::vector<SelfAssessment> assessments,
                                const RoleLevel* target, Rating rating = Rating::agreed);
// Deleted for a temporary framework: the result would point into it after it is gone.
ProgressReport analyse_progress(const Framework&& framework, std::vector<SelfAssessment> assessments,
                                const RoleLevel* target, Rating rating = Rating::agreed) = delete;

}  // namespace ddat
