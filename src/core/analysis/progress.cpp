#include "ddat/analysis/progress.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "ddat/analysis/match.hpp"

namespace ddat {

std::string_view to_string(ProgressChange change) {
    switch (change) {
        case ProgressChange::same: return "same";
        case ProgressChange::raised: return "raised";
        case ProgressChange::lowered: return "lowered";
        case ProgressChange::added: return "new";
        case ProgressChange::dropped: return "dropped";
    }
    return "same";
}

ProgressChange progress_change(SkillLevel before, SkillLevel after) {
    if (before == after) {
        return ProgressChange::same;
    }
    if (before == SkillLevel::none) {
        return ProgressChange::added;
    }
    if (after == SkillLevel::none) {
        return ProgressChange::dropped;
    }
    return to_number(after) > to_number(before) ? ProgressChange::raised : ProgressChange::lowered;
}

ProgressReport analyse_progress(const Framework& framework, std::vector<SelfAssessment> assessments,
                                const RoleLevel* target, Rating rating) {
    if (assessments.empty()) {
        throw std::invalid_argument("analyse_progress: no self-assessment to compare");
    }
    std::string person;
    bool target_inferred = false;
    std::vector<Diagnostic> notes;
    const bool all_dated =
        std::all_of(assessments.begin(), assessments.end(), [](const SelfAssessment& a) { return !a.date.empty(); });
    if (all_dated) {
        std::stable_sort(assessments.begin(), assessments.end(),
                         [](const SelfAssessment& a, const SelfAssessment& b) { return a.date < b.date; });
    } else {
        // one note, at the first file without a date, however many lack one
        const auto first = std::find_if(assessments.begin(), assessments.end(),
                                        [](const SelfAssessment& a) { return a.date.empty(); });
        const auto others =
            std::count_if(first + 1, assessments.end(), [](const SelfAssessment& a) { return a.date.empty(); });
        notes.push_back({{first->file, 0, 0},
                         others == 0 ? std::string("no 'date:'")
                                     : "no 'date:', nor in " + std::to_string(others) +
                                           (others == 1 ? " other file" : " other files")});
        notes.back().message += ": the files are taken in the order given";
    }
    const SelfAssessment& latest = assessments.back();
    for (auto it = assessments.rbegin(); it != assessments.rend() && person.empty(); ++it) {
        person = it->name;
    }
    if (target == nullptr && !latest.target_level_id.empty()) {
        target = framework.find_level(latest.target_level_id);
    }
    if (target == nullptr && !latest.current_level_id.empty()) {
        if (const RoleLevel* current = framework.find_level(latest.current_level_id)) {
            const RoleLevel* next = next_level(framework, *current);
            target = next != nullptr ? next : current;
            target_inferred = true;
            notes.push_back({{latest.file, 0, 0},
                             "no 'target:': progress is measured against " + target->id +
                                 (next != nullptr ? ", the level after 'current:'" : ", the current level")});
        }
    }
    if (target == nullptr) {
        throw InputError(SourceLocation{latest.file, 0, 0},
                         "no target role level: give --target LEVEL, or 'target:' or 'current:' in the latest "
                         "self-assessment");
    }
    ProgressReport report(*target);
    report.person = std::move(person);
    report.target_inferred = target_inferred;
    report.notes = std::move(notes);
    for (const auto& a : assessments) {
        report.points.push_back({a.file, a.date, analyse_gap(framework, a, *target, rating)});
    }
    // The target's skills in its order, then the others held at some point in catalogue order.
    std::vector<bool> listed(framework.skills().size(), false);
    const auto add = [&](const Skill& skill, const Requirement* requirement) {
        const auto index = static_cast<std::size_t>(&skill - framework.skills().data());
        if (listed[index]) {
            return;
        }
        listed[index] = true;
        SkillProgress row(skill, requirement);
        for (const auto& a : assessments) {
            const AssessedSkill* held = a.find_skill(skill.id);
            row.levels.push_back(held == nullptr ? SkillLevel::none : rated_level(*held, rating));
        }
        for (std::size_t i = 1; i < row.levels.size(); ++i) {
            row.steps.push_back(progress_change(row.levels[i - 1], row.levels[i]));
        }
        row.change = progress_change(row.levels.front(), row.levels.back());
        report.skills.push_back(std::move(row));
    };
    for (const auto& requirement : target->requirements) {
        if (const Skill* skill = framework.find_skill(requirement.skill_id)) {
            add(*skill, &requirement);
        }
    }
    std::vector<bool> held(framework.skills().size(), false);
    for (const auto& a : assessments) {
        for (const auto& s : a.skills) {
            if (const Skill* skill = framework.find_skill(s.skill_id)) {
                held[static_cast<std::size_t>(skill - framework.skills().data())] = true;
            }
        }
    }
    for (std::size_t i = 0; i < framework.skills().size(); ++i) {
        if (held[i]) {
            add(framework.skills()[i], nullptr);
        }
    }
    return report;
}

}  // namespace ddat
