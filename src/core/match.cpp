#include "ddat/match.hpp"

#include <algorithm>
#include <unordered_set>

#include "ddat/resolve.hpp"

namespace ddat {

const LevelMatch* MatchReport::find(const RoleLevel& level) const {
    const auto found =
        std::find_if(levels.begin(), levels.end(), [&](const LevelMatch& m) { return m.level == &level; });
    return found == levels.end() ? nullptr : &*found;
}

bool ranks_before(const LevelMatch& a, const LevelMatch& b) {
    const GapSummary& x = a.summary;
    const GapSummary& y = b.summary;
    if (x.readiness != y.readiness) {
        return x.readiness > y.readiness;
    }
    if (x.shortfall != y.shortfall) {
        return x.shortfall < y.shortfall;
    }
    if (x.missing != y.missing) {
        return x.missing < y.missing;
    }
    return x.held > y.held;
}

// The level above in the same role: the next one on the level's own track (the main ladder, or
// the management track), else the next one on the main ladder.
const RoleLevel* next_level(const Framework& framework, const RoleLevel& level) {
    const Role& role = framework.role_of(level);
    std::size_t at = 0;
    while (at < role.levels.size() && &role.levels[at] != &level) {
        ++at;
    }
    const RoleLevel* main_ladder = nullptr;
    for (std::size_t i = at + 1; i < role.levels.size(); ++i) {
        if (role.levels[i].track == level.track) {
            return &role.levels[i];
        }
        if (main_ladder == nullptr && role.levels[i].track.empty()) {
            main_ladder = &role.levels[i];
        }
    }
    return main_ladder;
}

MatchReport match_levels(const Framework& framework, const SelfAssessment& person, const MatchOptions& options) {
    MatchReport report;
    report.person = person.name;
    report.current = person.current_level_id.empty() ? nullptr : framework.find_level(person.current_level_id);
    const Family* family = options.family_id.empty() ? nullptr : &resolve_family(framework, options.family_id);
    for (const auto& role : framework.roles) {
        if (family != nullptr && role.family_id != family->id) {
            continue;
        }
        for (const auto& level : role.levels) {
            if (level.requirements.empty() && level.criteria.empty()) {
                continue;
            }
            const GapReport gap = analyse_gap(framework, person, level);
            report.levels.push_back({&level, &role, gap.summary});
        }
    }
    std::stable_sort(report.levels.begin(), report.levels.end(), ranks_before);

    if (report.current != nullptr) {
        report.step_from = report.current;
        report.step_from_current = true;
    } else if (!report.levels.empty()) {
        report.step_from = report.levels.front().level;
    }
    if (report.step_from != nullptr) {
        report.next_step = next_level(framework, *report.step_from);
    }

    // The nearest level of every other role: the first of its levels in the ranking.
    const std::string own_role = report.step_from != nullptr ? report.step_from->role_id : std::string();
    std::unordered_set<const Role*> seen;
    for (const auto& match : report.levels) {
        if (report.lateral.size() >= options.lateral) {
            break;
        }
        if (match.summary.readiness <= 0 || match.role->id == own_role || !seen.insert(match.role).second) {
            continue;
        }
        report.lateral.push_back(match);
    }
    return report;
}

}  // namespace ddat
