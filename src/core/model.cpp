#include "ddat/model.hpp"

#include <algorithm>
#include <stdexcept>

#include "ddat/text.hpp"

namespace ddat {

std::string_view to_string(SkillLevel level) {
    switch (level) {
        case SkillLevel::none: return "none";
        case SkillLevel::awareness: return "awareness";
        case SkillLevel::working: return "working";
        case SkillLevel::practitioner: return "practitioner";
        case SkillLevel::expert: return "expert";
    }
    return "none";
}

int to_number(SkillLevel level) { return static_cast<int>(level); }

std::optional<SkillLevel> parse_skill_level(std::string_view text) {
    const std::string word = to_lower(trim(text));
    // A number 0 to 4, with any leading zeros ("01" is 1, as a spreadsheet may write it).
    if (!word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::size_t first = std::min(word.find_first_not_of('0'), word.size() - 1);
        if (word.size() - first == 1 && word[first] <= '4') {
            return static_cast<SkillLevel>(word[first] - '0');
        }
        return std::nullopt;
    }
    for (const SkillLevel level :
         {SkillLevel::none, SkillLevel::awareness, SkillLevel::working, SkillLevel::practitioner, SkillLevel::expert}) {
        if (word == to_string(level)) {
            return level;
        }
    }
    return std::nullopt;
}

std::string nearest_level_word(std::string_view text) {
    const auto near = nearest(trim(text), {"none", "awareness", "working", "practitioner", "expert"}, 1);
    return near.empty() ? std::string() : near.front();
}

const std::string& short_name(const RoleLevel& level) {
    return level.aliases.empty() ? level.id : level.aliases.front();
}

std::string_view level_meaning(SkillLevel level) {
    switch (level) {
        case SkillLevel::none: return "does not have the skill";
        case SkillLevel::awareness: return "knows about the skill and appreciates how it is applied";
        case SkillLevel::working:
            return "can apply their knowledge and experience of the skill, including tools and techniques";
        case SkillLevel::practitioner:
            return "can share their knowledge and experience of the skill with others and define the tools "
                   "and techniques most appropriate";
        case SkillLevel::expert:
            return "a recognised specialist and adviser who can lead or guide others in best-practice use";
    }
    return "";
}

namespace {

// The positions of `items`, sorted by id; equal ids keep their order, so that the first wins.
template <typename T>
std::vector<std::uint32_t> positions_by_id(const std::vector<T>& items) {
    std::vector<std::uint32_t> positions(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        positions[i] = static_cast<std::uint32_t>(i);
    }
    std::stable_sort(positions.begin(), positions.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return items[a].id < items[b].id; });
    return positions;
}

// The first position in `sorted` (ordered by key_of) whose key is `key`, or nullptr.
template <typename Position, typename KeyOf>
const Position* find_sorted(const std::vector<Position>& sorted, std::string_view key, KeyOf key_of) {
    const auto found = std::lower_bound(sorted.begin(), sorted.end(), key,
                                        [&](const Position& p, std::string_view k) { return key_of(p) < k; });
    return found != sorted.end() && key_of(*found) == key ? &*found : nullptr;
}

}  // namespace

const Family* Framework::find_family(std::string_view id) const& {
    const auto* at =
        find_sorted(families_by_id_, id, [&](std::uint32_t p) -> const std::string& { return data_.families[p].id; });
    return at == nullptr ? nullptr : &data_.families[*at];
}

const Role* Framework::find_role(std::string_view id) const& {
    const auto* at =
        find_sorted(roles_by_id_, id, [&](std::uint32_t p) -> const std::string& { return data_.roles[p].id; });
    return at == nullptr ? nullptr : &data_.roles[*at];
}

const Skill* Framework::find_skill(std::string_view id) const& {
    const auto* at =
        find_sorted(skills_by_id_, id, [&](std::uint32_t p) -> const std::string& { return data_.skills[p].id; });
    return at == nullptr ? nullptr : &data_.skills[*at];
}

const RoleLevel* Framework::find_level(std::string_view id) const& {
    const LevelList levels = all_levels();
    const auto* at =
        find_sorted(levels_by_id_, id, [&](std::uint32_t p) -> const std::string& { return levels[p]->id; });
    return at == nullptr ? nullptr : levels[*at];
}

const RoleLevel* Framework::find_level_by_alias(std::string_view alias) const& {
    const LevelList levels = all_levels();
    const auto* at = find_sorted(level_aliases_, alias, [&](const AliasPosition& p) -> const std::string& {
        return levels[p.item]->aliases[p.alias];
    });
    return at == nullptr ? nullptr : levels[at->item];
}

const Skill* Framework::find_skill_by_alias(std::string_view alias) const& {
    const auto* at = find_sorted(skill_aliases_, alias, [&](const AliasPosition& p) -> const std::string& {
        return data_.skills[p.item].aliases[p.alias];
    });
    return at == nullptr ? nullptr : &data_.skills[at->item];
}

const Role& Framework::role_of(const RoleLevel& level) const& {
    const Role* role = find_role(level.role_id);
    if (role == nullptr) {
        throw std::logic_error("role level '" + level.id + "' has no role");
    }
    return *role;
}

const Skill& Framework::skill_of(const Requirement& requirement) const& {
    const Skill* skill = find_skill(requirement.skill_id);
    if (skill == nullptr) {
        throw std::logic_error("a requirement names the skill '" + requirement.skill_id + "', not in the catalogue");
    }
    return *skill;
}

const Family& Framework::family_of(const Role& role) const& {
    const Family* family = find_family(role.family_id);
    if (family == nullptr) {
        throw std::logic_error("role '" + role.id + "' has no family");
    }
    return *family;
}

const std::string& Framework::requirement_text(const Requirement& requirement) const {
    if (!requirement.description.empty()) {
        return requirement.description;
    }
    if (const Skill* skill = find_skill(requirement.skill_id)) {
        if (!requirement.level) {
            return skill->description;
        }
        for (const auto& level : skill->levels) {
            if (level.level == *requirement.level) {
                return level.description;
            }
        }
    }
    return requirement.description;
}

bool LoadScope::has_role_texts(std::string_view role_id) const {
    return every_role_text || std::find(role_texts.begin(), role_texts.end(), role_id) != role_texts.end();
}

bool LoadScope::covers(const LoadScope& other) const {
    if (!other.role_of_level.empty() && !every_role_text) {
        return false;  // which role it names is known only once read
    }
    if (every_role_text) {
        return every_skill_text || !other.every_skill_text;
    }
    return (requirements || !other.requirements) && !other.every_role_text &&
           (every_skill_text || !other.every_skill_text) &&
           std::all_of(other.role_texts.begin(), other.role_texts.end(),
                       [this](const std::string& id) { return has_role_texts(id); });
}

LoadScope LoadScope::with(const LoadScope& other) const {
    LoadScope both;
    both.requirements = requirements || other.requirements;
    both.every_role_text = every_role_text || other.every_role_text;
    both.every_skill_text = every_skill_text || other.every_skill_text;
    both.role_of_level = other.role_of_level.empty() ? role_of_level : other.role_of_level;
    if (!both.every_role_text) {
        both.role_texts = role_texts;
        for (const auto& id : other.role_texts) {
            if (!has_role_texts(id)) {
                both.role_texts.push_back(id);
            }
        }
    }
    return both;
}

Framework finish_framework(FrameworkData data, LoadScope scope) {
    Framework framework;
    framework.data_ = std::move(data);
    framework.scope_ = std::move(scope);
    const FrameworkData& parts = framework.data_;
    framework.families_by_id_ = positions_by_id(parts.families);
    framework.skills_by_id_ = positions_by_id(parts.skills);
    framework.roles_by_id_ = positions_by_id(parts.roles);

    for (std::size_t r = 0; r < parts.roles.size(); ++r) {
        for (std::size_t l = 0; l < parts.roles[r].levels.size(); ++l) {
            framework.levels_.push_back({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(l)});
        }
    }
    const LevelList levels = framework.all_levels();
    framework.levels_by_id_.resize(levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i) {
        framework.levels_by_id_[i] = static_cast<std::uint32_t>(i);
        for (std::size_t a = 0; a < levels[i]->aliases.size(); ++a) {
            framework.level_aliases_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(a)});
        }
    }
    std::stable_sort(framework.levels_by_id_.begin(), framework.levels_by_id_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return levels[a]->id < levels[b]->id; });
    std::stable_sort(framework.level_aliases_.begin(), framework.level_aliases_.end(),
                     [&](const Framework::AliasPosition& a, const Framework::AliasPosition& b) {
                         return levels[a.item]->aliases[a.alias] < levels[b.item]->aliases[b.alias];
                     });

    for (std::size_t s = 0; s < parts.skills.size(); ++s) {
        for (std::size_t a = 0; a < parts.skills[s].aliases.size(); ++a) {
            framework.skill_aliases_.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(a)});
        }
    }
    std::stable_sort(framework.skill_aliases_.begin(), framework.skill_aliases_.end(),
                     [&](const Framework::AliasPosition& a, const Framework::AliasPosition& b) {
                         return parts.skills[a.item].aliases[a.alias] < parts.skills[b.item].aliases[b.alias];
                     });
    return framework;
}

Framework name_release(Framework framework, std::string release) {
    framework.data_.release = std::move(release);
    return framework;
}

std::string_view to_string(CriterionKind kind) {
    return kind == CriterionKind::competence ? "competence" : "specialist-skills";
}

std::optional<CriterionKind> parse_criterion_kind(std::string_view text) {
    if (text == "competence") {
        return CriterionKind::competence;
    }
    if (text == "specialist-skills") {
        return CriterionKind::specialist_skills;
    }
    return std::nullopt;
}

SkillLevel level_to_meet(const Requirement& requirement) { return requirement.level.value_or(SkillLevel::awareness); }

std::string_view required_level_word(const Requirement& requirement) {
    return requirement.level ? to_string(*requirement.level) : std::string_view("unspecified");
}

}  // namespace ddat
