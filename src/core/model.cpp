#include "ddat/model.hpp"

#include <algorithm>
#include <cstring>
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

// A quick hash of an id, eight bytes at a time: for the tables of a framework in memory only.
std::uint64_t id_hash(std::string_view id) {
    std::uint64_t hash = id.size() * 0x9E3779B97F4A7C15ULL;
    std::size_t at = 0;
    for (; at + 8 <= id.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, id.data() + at, 8);
        hash = (hash ^ word) * 0xff51afd7ed558ccdULL;
        hash ^= hash >> 29;
    }
    std::uint64_t rest = 0;
    if (at < id.size()) {
        std::memcpy(&rest, id.data() + at, id.size() - at);
    }
    hash = (hash ^ rest) * 0xc4ceb9fe1a85ec53ULL;
    return hash ^ (hash >> 32);
}

// A table of the positions 0 to count - 1 by their key, open addressed, at most half full. Of
// positions with equal keys the first is kept, so that the first in framework order is found.
template <typename KeyOf>
std::vector<std::uint32_t> position_table(std::size_t count, KeyOf key_of) {
    std::size_t size = 4;
    while (size < count * 2) {
        size *= 2;
    }
    std::vector<std::uint32_t> slots(size, 0);
    for (std::size_t position = 0; position < count; ++position) {
        const std::string_view key = key_of(position);
        for (std::size_t at = id_hash(key) & (size - 1);; at = (at + 1) & (size - 1)) {
            if (slots[at] == 0) {
                slots[at] = static_cast<std::uint32_t>(position + 1);
                break;
            }
            if (key_of(slots[at] - 1) == key) {
                break;
            }
        }
    }
    return slots;
}

// The position with this key in a table from position_table, or -1.
template <typename KeyOf>
std::ptrdiff_t find_position(const std::vector<std::uint32_t>& slots, std::string_view key, KeyOf key_of) {
    if (slots.empty()) {
        return -1;
    }
    const std::size_t mask = slots.size() - 1;
    for (std::size_t at = id_hash(key) & mask; slots[at] != 0; at = (at + 1) & mask) {
        if (key_of(slots[at] - 1) == key) {
            return slots[at] - 1;
        }
    }
    return -1;
}

}  // namespace

const Family* Framework::find_family(std::string_view id) const& {
    const auto at =
        find_position(families_by_id_, id, [&](std::size_t p) -> std::string_view { return data_.families[p].id; });
    return at < 0 ? nullptr : &data_.families[static_cast<std::size_t>(at)];
}

const Role* Framework::find_role(std::string_view id) const& {
    const auto at =
        find_position(roles_by_id_, id, [&](std::size_t p) -> std::string_view { return data_.roles[p].id; });
    return at < 0 ? nullptr : &data_.roles[static_cast<std::size_t>(at)];
}

const Skill* Framework::find_skill(std::string_view id) const& {
    const auto at =
        find_position(skills_by_id_, id, [&](std::size_t p) -> std::string_view { return data_.skills[p].id; });
    return at < 0 ? nullptr : &data_.skills[static_cast<std::size_t>(at)];
}

const RoleLevel* Framework::find_level(std::string_view id) const& {
    const LevelList levels = all_levels();
    const auto at = find_position(levels_by_id_, id, [&](std::size_t p) -> std::string_view { return levels[p]->id; });
    return at < 0 ? nullptr : levels[static_cast<std::size_t>(at)];
}

const RoleLevel* Framework::find_level_by_alias(std::string_view alias) const& {
    const LevelList levels = all_levels();
    const auto at = find_position(levels_by_alias_, alias, [&](std::size_t p) -> std::string_view {
        return levels[level_aliases_[p].item]->aliases[level_aliases_[p].alias];
    });
    return at < 0 ? nullptr : levels[level_aliases_[static_cast<std::size_t>(at)].item];
}

const Skill* Framework::find_skill_by_alias(std::string_view alias) const& {
    const auto at = find_position(skills_by_alias_, alias, [&](std::size_t p) -> std::string_view {
        return data_.skills[skill_aliases_[p].item].aliases[skill_aliases_[p].alias];
    });
    return at < 0 ? nullptr : &data_.skills[skill_aliases_[static_cast<std::size_t>(at)].item];
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
    std::size_t level_count = 0;
    for (const auto& role : parts.roles) {
        level_count += role.levels.size();
    }
    framework.levels_.reserve(level_count);
    framework.level_aliases_.reserve(level_count);
    for (std::size_t r = 0; r < parts.roles.size(); ++r) {
        for (std::size_t l = 0; l < parts.roles[r].levels.size(); ++l) {
            framework.levels_.push_back({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(l)});
        }
    }
    const LevelList levels = framework.all_levels();
    for (std::size_t i = 0; i < levels.size(); ++i) {
        for (std::size_t a = 0; a < levels[i]->aliases.size(); ++a) {
            framework.level_aliases_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(a)});
        }
    }
    for (std::size_t s = 0; s < parts.skills.size(); ++s) {
        for (std::size_t a = 0; a < parts.skills[s].aliases.size(); ++a) {
            framework.skill_aliases_.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(a)});
        }
    }
    framework.families_by_id_ =
        position_table(parts.families.size(), [&](std::size_t p) -> std::string_view { return parts.families[p].id; });
    framework.skills_by_id_ =
        position_table(parts.skills.size(), [&](std::size_t p) -> std::string_view { return parts.skills[p].id; });
    framework.roles_by_id_ =
        position_table(parts.roles.size(), [&](std::size_t p) -> std::string_view { return parts.roles[p].id; });
    framework.levels_by_id_ =
        position_table(levels.size(), [&](std::size_t p) -> std::string_view { return levels[p]->id; });
    const auto& level_aliases = framework.level_aliases_;
    framework.levels_by_alias_ = position_table(level_aliases.size(), [&](std::size_t p) -> std::string_view {
        return levels[level_aliases[p].item]->aliases[level_aliases[p].alias];
    });
    const auto& skill_aliases = framework.skill_aliases_;
    framework.skills_by_alias_ = position_table(skill_aliases.size(), [&](std::size_t p) -> std::string_view {
        return parts.skills[skill_aliases[p].item].aliases[skill_aliases[p].alias];
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
