#include "ddat/analysis/path.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>

namespace ddat {

std::string_view to_string(PathDirection direction) {
    switch (direction) {
        case PathDirection::same: return "same";
        case PathDirection::up: return "up";
        case PathDirection::down: return "down";
        case PathDirection::across: return "across";
    }
    return "same";
}

int levels_changed(const SkillChange& change) { return to_number(change.to) - to_number(change.from); }

namespace {

std::vector<SkillChange> select(const LevelDiff& diff, std::initializer_list<LevelChange> kinds) {
    std::vector<SkillChange> chosen;
    std::copy_if(diff.skills.begin(), diff.skills.end(), std::back_inserter(chosen),
                 [&](const SkillChange& s) { return std::find(kinds.begin(), kinds.end(), s.change) != kinds.end(); });
    return chosen;
}

std::size_t index_in(const Role& role, const RoleLevel& level) {
    for (std::size_t i = 0; i < role.levels.size(); ++i) {
        if (&role.levels[i] == &level) {
            return i;
        }
    }
    return role.levels.size();
}

}  // namespace

std::vector<SkillChange> LevelPath::to_build() const {
    return select(overall, {LevelChange::added, LevelChange::raised});
}

std::vector<SkillChange> LevelPath::no_longer_required() const {
    return select(overall, {LevelChange::removed, LevelChange::lowered});
}

std::vector<SkillChange> LevelPath::carried_over() const {
    return select(overall, {LevelChange::same, LevelChange::lowered});
}

LevelPath find_path(const Framework& framework, const RoleLevel& from, const RoleLevel& to) {
    LevelPath path(from, to, diff_levels(framework, from, to));
    if (&from == &to) {
        path.role = &framework.role_of(from);
        path.direction = PathDirection::same;
        return path;
    }
    if (from.role_id != to.role_id) {
        path.direction = PathDirection::across;
        path.steps.push_back(path.overall);
        return path;
    }
    const Role& role = framework.role_of(from);
    path.role = &role;
    const std::size_t a = index_in(role, from);
    const std::size_t b = index_in(role, to);
    path.direction = a < b ? PathDirection::up : PathDirection::down;
    // The levels walked through: every level between the two ends but those of a parallel track
    // (the management levels), which are not a step on the way.
    std::vector<const RoleLevel*> walked{&from};
    for (std::size_t i = a; i != b;) {
        i = a < b ? i + 1 : i - 1;
        if (i == b || role.levels[i].track.empty()) {
            walked.push_back(&role.levels[i]);
        }
    }
    for (std::size_t i = 0; i + 1 < walked.size(); ++i) {
        path.steps.push_back(diff_levels(framework, *walked[i], *walked[i + 1]));
    }
    return path;
}

}  // namespace ddat
