// A team's self-assessments against their target levels: each person's gaps, and per skill how
// many people fall short. Read-only: nothing of the assessments is written anywhere.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ddat/analysis/gap.hpp"
#include "ddat/assessment.hpp"
#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat {

// One skill as a person of the team holds it, by the rating in use.
struct HeldSkill {
    Ref<const Skill> skill;
    SkillLevel level = SkillLevel::none;
    bool discuss = false;  // own and agreed levels 2 or more apart
};

// One person of the team and their gap against their target.
struct TeamMember {
    // The person of this file and name, with their gap, and no skills listed yet.
    TeamMember(std::string from_file, std::string person, GapReport report)
        : file(std::move(from_file)), name(std::move(person)), gap(std::move(report)) {}

    std::string file;
    std::string name;  // the name in the assessment, else the file name without its extension
    GapReport gap;     // gap.target is the person's target; gap.current their current level, if given
    // The target was not given: it is the level after their current level in its role (or the
    // current level itself, when that is its role's most senior).
    bool target_inferred = false;
    std::vector<HeldSkill> held;  // every skill the person holds, in the order of their file
    int discuss = 0;              // of which own and agreed levels are 2 or more apart

    // The level the person holds a skill at, or none.
    [[nodiscard]] SkillLevel level_of(const Skill& skill) const;
};

// One skill some target of the team requires, how the people it is required of hold it, and how
// the whole team covers it.
struct TeamSkill {
    Ref<const Skill> skill;
    int asked_of = 0;  // people whose target requires it
    int met = 0;       // of whom met or exceeded it
    int below = 0;     // held it below the required level
    int missing = 0;   // did not hold it at all
    // Coverage: the highest level any target of the team requires, and how many people of the
    // whole team (asked or not) hold the skill at that level or above, below it, or not at all.
    SkillLevel level = SkillLevel::none;
    int holders = 0;
    int holders_below = 0;
    int holders_none = 0;
    int discuss = 0;  // people whose own and agreed levels of it are 2 or more apart

    // Only one person holds it at the level required, or nobody does.
    [[nodiscard]] bool single_point_of_failure() const { return holders <= 1; }
};

// One shortfall of one person, and the people of the team who hold the skill at the level their
// target requires or above: who could mentor them.
struct TeamShortfall {
    std::size_t person = 0;  // index in TeamReport::people
    const SkillGap* gap = nullptr;
    std::size_t mentor_count = 0;      // everyone who could
    std::vector<std::size_t> mentors;  // the first few of them, most skilled first, by index in people
};

// How many mentors a shortfall names: a team of thousands has hundreds for each.
inline constexpr std::size_t kMentorsNamed = 5;

// What the team is compared with, and how.
struct TeamOptions {
    std::string target;  // one target for everyone; empty for each file's own
    Rating rating = Rating::agreed;
};

// The whole team.
struct TeamReport {
    std::vector<TeamMember> people;  // in file order
    // Every skill any person's target requires, in the framework's catalogue order.
    std::vector<TeamSkill> skills;
    // Every shortfall of every person, by person then by their target's order of skills.
    std::vector<TeamShortfall> shortfalls;
    // What to tell the user that is not wrong: the targets read from 'current:', in file order.
    std::vector<Diagnostic> notes;
    // One problem per assessment left out, in file order: it could not be read (the first
    // problem, with its place), or it names no target and no --target was given.
    std::vector<Diagnostic> skipped;
    // Everything to tell the user, in file order: the warnings of the assessments that were read
    // (an unknown skill, say) and the problems of those left out.
    std::vector<Diagnostic> warnings;
    std::size_t files = 0;           // assessments found
    std::size_t unreadable = 0;      // of which could not be read
    std::size_t without_target = 0;  // of which were read but had no target
    double readiness = 0;            // the mean of the people's readiness; 0 for nobody

    // For each skill of the catalogue, by its index there, its row of `skills`, or -1 when no
    // target of the team requires it.
    std::vector<int> skill_rows;

    // The row of `skills` for a skill of the framework, or -1 when no target requires it.
    [[nodiscard]] int row_of(const Framework& framework, const Skill& skill) const;
};

// Reads one self-assessment for analyse_team, adding its warnings; throws InputError when the
// file cannot be used. Called from several threads at once.
using AssessmentReader = std::function<SelfAssessment(const std::string& file, const Framework& framework,
                                                      std::vector<Diagnostic>& warnings)>;

// Reads every assessment with `read` (the framework is the one already loaded: it is not read
// again) and compares each person with options.target when given, else with the target their
// assessment names, else with the level after their current one (with a note). Assessments that
// cannot be read, or give neither target nor current level, are reported in `skipped` and left
// out. The files are read on several threads; an exception other than InputError from any of
// them is thrown here, once every thread has ended. Throws NotFoundError when options.target
// names no role level. (ddat/load/team_files.hpp reads each file as a self-assessment file.)
TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, const TeamOptions& options,
                        const AssessmentReader& read);
// Deleted for a temporary framework: the result would point into it after it is gone.
TeamReport analyse_team(const Framework&& framework, const std::vector<std::string>& files, const TeamOptions& options,
                        const AssessmentReader& read) = delete;

// As above with this target and the agreed rating.
TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, std::string_view target,
                        const AssessmentReader& read);
// Deleted for a temporary framework: the result would point into it after it is gone.
TeamReport analyse_team(const Framework&& framework, const std::vector<std::string>& files, std::string_view target,
                        const AssessmentReader& read) = delete;

}  // namespace ddat
