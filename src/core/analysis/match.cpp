#include "ddat/analysis/match.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "ddat/resolve.hpp"

namespace ddat {

const LevelMatch* MatchReport::find(const RoleLevel& level) const {
    const auto found =
        std::find_if(levels.begin(), levels.end(), [&](const LevelMatch& m) { return &m.level.get() == &level; });
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

std::vector<Contribution> contributions(const GapReport& gap) {
    std::vector<Contribution> parts;
    const double wanted = gap.summary.wanted;
    if (wanted <= 0) {
        return parts;
    }
    for (const auto& g : gap.skills) {
        const int required = to_number(level_to_meet(*g.requirement));
        const int held = std::min(to_number(g.actual), required);
        parts.push_back({&g, nullptr, held / wanted, (required - held) / wanted});
    }
    for (const auto& c : gap.criteria) {
        const double held = c.status == CriterionStatus::met ? 1.0 : c.status == CriterionStatus::partly ? 0.5 : 0.0;
        parts.push_back({nullptr, &c, held / wanted, (1.0 - held) / wanted});
    }
    return parts;
}

std::vector<long> apportion(const std::vector<double>& shares, long total) {
    std::vector<long> units(shares.size(), 0);
    double sum = 0;
    for (const double share : shares) {
        sum += share;
    }
    if (shares.empty() || sum <= 0) {
        return units;
    }
    long given = 0;
    std::vector<std::pair<double, std::size_t>> remainders;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const double exact = shares[i] / sum * static_cast<double>(total);
        units[i] = static_cast<long>(std::floor(exact));
        given += units[i];
        remainders.emplace_back(exact - static_cast<double>(units[i]), i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; given < total && i < remainders.size(); ++i, ++given) {
        ++units[remainders[i].second];
    }
    return units;
}

double seniority(const RoleLevel& level) {
    if (level.requirements.empty()) {
        return 0;
    }
    double sum = 0;
    for (const auto& r : level.requirements) {
        sum += to_number(level_to_meet(r));
    }
    return sum / static_cast<double>(level.requirements.size());
}

namespace {

// The position of a level in its role.
std::size_t position(const Role& role, const RoleLevel& level) {
    for (std::size_t i = 0; i < role.levels.size(); ++i) {
        if (&role.levels[i] == &level) {
            return i;
        }
    }
    return 0;
}

// True when a level is below the person's current level: earlier in the same role, or in another
// role less senior.
bool below_current(const Framework& framework, const RoleLevel& level, const RoleLevel& current) {
    const Role& own = framework.role_of(current);
    if (level.role_id == current.role_id) {
        return position(own, level) < position(own, current);
    }
    // A level that requires no skills (only criteria, say) cannot be placed, and is not lower.
    constexpr double kSame = 1e-9;
    return !level.requirements.empty() && seniority(level) + kSame < seniority(current);
}

}  // namespace

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
    for (const auto& role : framework.roles()) {
        if (family != nullptr && role.family_id != family->id) {
            continue;
        }
        for (const auto& level : role.levels) {
            if (level.requirements.empty() && level.criteria.empty()) {
                continue;
            }
            const GapReport gap = analyse_gap(framework, person, level, options.rating);
            const bool lower =
                !options.all && report.current != nullptr && below_current(framework, level, *report.current);
            (lower ? report.lower : report.levels).push_back({level, role, gap.summary});
        }
    }
    std::stable_sort(report.levels.begin(), report.levels.end(), ranks_before);
    std::stable_sort(report.lower.begin(), report.lower.end(), ranks_before);

    if (report.current != nullptr) {
        report.step_from = report.current;
        report.step_from_current = true;
    } else if (!report.levels.empty()) {
        report.step_from = &report.levels.front().level.get();
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
        if (match.summary.readiness <= 0 || match.role->id == own_role || !seen.insert(&match.role.get()).second) {
            continue;
        }
        report.lateral.push_back(match);
    }
    return report;
}

}  // namespace ddat
