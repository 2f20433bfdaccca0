// The capability framework as typed data: skills, role families, roles and their role levels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ddat/location.hpp"

namespace ddat {

// How well a skill is held or required. `none` is a skill a person does not have; the four
// framework levels follow in ascending order, numbered 1 to 4 for arithmetic.
enum class SkillLevel : std::uint8_t { none = 0, awareness = 1, working = 2, practitioner = 3, expert = 4 };

// The four framework levels in ascending order (without `none`).
inline constexpr SkillLevel kFrameworkLevels[] = {SkillLevel::awareness, SkillLevel::working, SkillLevel::practitioner,
                                                  SkillLevel::expert};

// The level's word: "none", "awareness", "working", "practitioner" or "expert".
std::string_view to_string(SkillLevel level);

// The level as a number from 0 (none) to 4 (expert).
int to_number(SkillLevel level);

// Parses a level word (any letter case, surrounding space ignored) or a digit 0-4.
std::optional<SkillLevel> parse_skill_level(std::string_view text);

// For a mistyped level word ("practioner"), the level word it is nearest ("practitioner"), or "".
std::string nearest_level_word(std::string_view text);

// The framework's own one-line meaning of a level, from "Skill levels for DDaT roles".
std::string_view level_meaning(SkillLevel level);

// A phrase of the publisher's text replaced on import, why, and how many times it was replaced.
struct TextCorrection {
    std::string phrase;
    std::string replacement;
    std::string reason;
    int count = 0;
};

// Who published the framework copy, when, and under which licence.
struct FrameworkMetadata {
    std::string title;
    std::string publisher;
    std::string published;  // YYYY-MM-DD
    std::string version;
    std::string source;
    std::string licence;
    std::string licence_url;
    std::string attribution;
    // Differences from the publisher's text, each stated in a corrections file (see importer.hpp).
    std::vector<TextCorrection> corrections;
};

// A part of a framework that a result refers to and that is always there: a reference that can be
// copied and assigned, so that results stay copyable. It can be neither null nor made from a
// temporary; it is valid as long as the framework it came from (see ARCHITECTURE.md).
template <typename T>
class Ref {
public:
    Ref(T& item) : item_(&item) {}  // NOLINT(google-explicit-constructor): stands in for a T&
    Ref(T&& item) = delete;

    T& operator*() const { return *item_; }
    T* operator->() const { return item_; }
    [[nodiscard]] T& get() const { return *item_; }

    // The same part, not an equal one.
    friend bool operator==(Ref a, Ref b) { return a.item_ == b.item_; }
    // Whether this is the part that `b` points to.
    friend bool operator==(Ref a, const T* b) { return a.item_ == b; }
    // A Ref is never null, so a comparison with nullptr is a mistake, and does not compile.
    friend bool operator==(Ref a, std::nullptr_t b) = delete;

private:
    T* item_;
};

// A role family such as "IT operations".
struct Family {
    std::string id;
    std::string name;
    std::string description;
    SourceLocation location;
};

// What a skill level means for one skill in general, independent of any role.
struct SkillLevelDescription {
    SkillLevel level = SkillLevel::none;
    std::string description;
};

// A skill of the catalogue.
struct Skill {
    std::string id;
    std::string name;
    std::string description;
    std::vector<SkillLevelDescription> levels;  // ascending; may be empty
    // Other ids that name this skill, such as the id its name had before a correction.
    std::vector<std::string> aliases;
    SourceLocation location;
};

// A skill an earlier release knew under another id: `old_id` reads as `new_id` since `since`.
struct SkillRename {
    std::string old_id;
    std::string new_id;
    std::string since;  // the release that renamed it
};

// One skill a role level requires, at a level, with what that means for this role level.
struct Requirement {
    std::string skill_id;
    // The level required; empty where the framework names the skill but no level (the chief
    // roles publish none). See level_to_meet.
    std::optional<SkillLevel> level;
    std::string description;  // empty: the skill's own description of the level applies
    SourceLocation location;
};

// A group of responsibilities; the heading is empty for a plain list of bullets.
struct ResponsibilitySection {
    std::string heading;
    std::vector<std::string> items;
};

// What a criterion is: a civil service competence, or a role's specialist skills.
enum class CriterionKind : std::uint8_t { competence, specialist_skills };

// The kind as the framework files write it: "competence" or "specialist-skills".
std::string_view to_string(CriterionKind kind);

// Parses "competence" or "specialist-skills", written exactly so.
std::optional<CriterionKind> parse_criterion_kind(std::string_view text);

// A criterion other than a framework skill, such as a civil service competence in a job
// description, with its essential and desirable behaviours or statements.
struct Criterion {
    std::string id;
    std::string name;
    CriterionKind kind = CriterionKind::competence;
    std::vector<std::string> essential;
    std::vector<std::string> desirable;
    SourceLocation location;
};

// One level of a role, such as "Senior business relationship manager".
struct RoleLevel {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    std::vector<SourceLocation> alias_locations;  // where each alias was written
    std::string role_id;
    std::string pay_band;
    bool senior_civil_service = false;
    // True for the one level of a role published without levels (the chief roles): it stands
    // for the whole role.
    bool whole_role = false;
    // Empty for the role's main ladder; "management" for a parallel management track ("Senior
    // developer - management"), which is not a step up from the level it follows.
    std::string track;
    std::string description;
    std::vector<ResponsibilitySection> responsibilities;
    std::vector<Requirement> requirements;  // in the order the framework lists them
    std::vector<Criterion> criteria;
    SourceLocation location;
};

// The name a person types for a level: its first alias (senior-brm), else its id.
const std::string& short_name(const RoleLevel& level);

// What one skill means across a role as a whole.
struct RoleSkillDescription {
    std::string skill_id;
    std::string description;
};

// A role, such as "Business relationship manager", with its levels in ascending seniority.
struct Role {
    std::string id;
    std::string name;
    std::string family_id;
    std::string description;
    std::vector<RoleSkillDescription> skills;
    std::vector<RoleLevel> levels;
    SourceLocation location;
};

// What a loader reads of a framework, so that a command pays only for what it touches. The
// outline is always read: the metadata, the families, every skill's id, name and aliases, every
// role's and role level's id, name, aliases, family, pay band, flags and track, the files and the
// renamed skills. The rest is read as asked; what is not read is left empty.
struct LoadScope {
    // Every role level's requirements: the skill and the level each asks for (without texts),
    // and its criteria.
    bool requirements = true;
    // The texts of every role (descriptions, responsibilities, criteria, requirement texts,
    // places in files), or, when false, only of the roles in `role_texts` (with their
    // requirements, whatever `requirements` says).
    bool every_role_text = true;
    std::vector<std::string> role_texts;
    // The descriptions of every skill in the catalogue, or, when false, only of the skills that
    // the roles read with texts require.
    bool every_skill_text = true;
    // A role level's id, alias or name: the role of that level, found in the outline, is read as
    // if named in `role_texts` (nothing more when no level has that name).
    std::string role_of_level;

    // Everything: what a framework read from YAML holds.
    static LoadScope whole() { return {}; }
    // The outline alone: names, ids and aliases, enough to list and resolve them.
    static LoadScope outline() { return {false, false, {}, false, {}}; }
    // The outline and every level's requirements, without texts: enough to rank levels.
    static LoadScope requirements_only() { return {true, false, {}, false, {}}; }
    // The outline, and the texts and requirements of one role and of the skills it requires.
    static LoadScope role(std::string role_id) { return {false, false, {std::move(role_id)}, false, {}}; }
    // The outline, and the texts and requirements of the role of the level named so (an id, alias
    // or name), found as the snapshot is read: one reading where resolving first would take two.
    static LoadScope role_of(std::string level_name) { return {false, false, {}, false, std::move(level_name)}; }

    // Whether this scope reads the texts of the role with this id.
    [[nodiscard]] bool has_role_texts(std::string_view role_id) const;
    // Whether this scope reads everything `other` reads.
    [[nodiscard]] bool covers(const LoadScope& other) const;
    // What this scope and `other` read together.
    [[nodiscard]] LoadScope with(const LoadScope& other) const;
};

// The parts of a framework as a loader, the importer or a test fills them in. finish_framework
// makes a Framework of them, which can then only be read; to change a framework, copy its
// data(), change that and finish it again.
struct FrameworkData {
    FrameworkMetadata metadata;
    std::vector<Family> families;
    std::vector<Skill> skills;
    std::vector<Role> roles;
    std::vector<std::string> files;  // the files it was read from, in reading order
    // The built-in release's name, such as "2025-10"; empty for a framework read from files.
    std::string release;
    // Skills renamed since earlier releases (built-in releases only), oldest first.
    std::vector<SkillRename> renamed_skills;
};

// Where a role level is in a framework: the index of its role, and its index in that role.
struct LevelPosition {
    std::uint32_t role = 0;
    std::uint32_t level = 0;
};

// Every role level of a framework, in framework order, as `const RoleLevel*` (never null). A view:
// valid while the framework it came from lives.
class LevelList {
public:
    // Goes through the levels in order.
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = const RoleLevel*;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = const RoleLevel*;

        iterator() = default;
        iterator(const std::vector<Role>* roles, const LevelPosition* at) : roles_(roles), at_(at) {}
        const RoleLevel* operator*() const { return &(*roles_)[at_->role].levels[at_->level]; }
        iterator& operator++() {
            ++at_;
            return *this;
        }
        iterator operator++(int) {
            iterator before = *this;
            ++at_;
            return before;
        }
        friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

    private:
        const std::vector<Role>* roles_ = nullptr;
        const LevelPosition* at_ = nullptr;
    };

    LevelList(const std::vector<Role>& roles, const std::vector<LevelPosition>& positions)
        : roles_(&roles), positions_(&positions) {}

    [[nodiscard]] std::size_t size() const { return positions_->size(); }
    [[nodiscard]] bool empty() const { return positions_->empty(); }
    // The level at this place in framework order.
    const RoleLevel* operator[](std::size_t index) const {
        const LevelPosition at = (*positions_)[index];
        return &(*roles_)[at.role].levels[at.level];
    }
    [[nodiscard]] iterator begin() const { return {roles_, positions_->data()}; }
    [[nodiscard]] iterator end() const { return {roles_, positions_->data() + positions_->size()}; }
    // The levels as a vector, to sort or keep.
    [[nodiscard]] std::vector<const RoleLevel*> to_vector() const { return {begin(), end()}; }

private:
    const std::vector<Role>* roles_;
    const std::vector<LevelPosition>* positions_;
};

// A finished framework copy, made by finish_framework (every loader returns one): it can only be
// read. Its lookups by id and alias use hash tables built once when it is finished; each holds
// positions in the framework's own lists, never addresses, so a copy or a moved framework looks up
// its own parts. Lookups return nullptr when nothing has that exact id. Nothing returning a part
// of it, or a view into it, takes a temporary framework.
class Framework {
public:
    // An empty framework.
    Framework() = default;

    // NOLINTBEGIN(modernize-use-nodiscard): the deleted overloads for a temporary framework are
    // never called, so [[nodiscard]] on them would say nothing

    // Who published it, and its title and version.
    [[nodiscard]] const FrameworkMetadata& metadata() const& { return data_.metadata; }
    const FrameworkMetadata& metadata() const&& = delete;
    // The role families, in framework order.
    [[nodiscard]] const std::vector<Family>& families() const& { return data_.families; }
    const std::vector<Family>& families() const&& = delete;
    // The catalogue of skills, in framework order.
    [[nodiscard]] const std::vector<Skill>& skills() const& { return data_.skills; }
    const std::vector<Skill>& skills() const&& = delete;
    // The roles with their levels, in framework order.
    [[nodiscard]] const std::vector<Role>& roles() const& { return data_.roles; }
    const std::vector<Role>& roles() const&& = delete;
    // The files it was read from, in reading order.
    [[nodiscard]] const std::vector<std::string>& files() const& { return data_.files; }
    const std::vector<std::string>& files() const&& = delete;
    // The built-in release's name, such as "2025-10"; empty for a framework read from files.
    [[nodiscard]] const std::string& release() const& { return data_.release; }
    const std::string& release() const&& = delete;
    // Skills renamed since earlier releases (built-in releases only), oldest first.
    [[nodiscard]] const std::vector<SkillRename>& renamed_skills() const& { return data_.renamed_skills; }
    const std::vector<SkillRename>& renamed_skills() const&& = delete;
    // What was read (see LoadScope): a framework read from YAML holds everything.
    [[nodiscard]] const LoadScope& scope() const& { return scope_; }
    const LoadScope& scope() const&& = delete;
    // All of its parts, to copy, change and finish again, or to write.
    [[nodiscard]] const FrameworkData& data() const& { return data_; }
    const FrameworkData& data() const&& = delete;
    // Its parts, moved out of a framework that is not used again.
    [[nodiscard]] FrameworkData take_data() && { return std::move(data_); }

    // The family, role, skill or role level with this exact id (the first, if two share it).
    [[nodiscard]] const Family* find_family(std::string_view id) const&;
    [[nodiscard]] const Role* find_role(std::string_view id) const&;
    [[nodiscard]] const Skill* find_skill(std::string_view id) const&;
    [[nodiscard]] const RoleLevel* find_level(std::string_view id) const&;
    const Family* find_family(std::string_view id) const&& = delete;
    const Role* find_role(std::string_view id) const&& = delete;
    const Skill* find_skill(std::string_view id) const&& = delete;
    const RoleLevel* find_level(std::string_view id) const&& = delete;

    // The role level or skill with this exact alias: the first in framework order, or nullptr.
    [[nodiscard]] const RoleLevel* find_level_by_alias(std::string_view alias) const&;
    [[nodiscard]] const Skill* find_skill_by_alias(std::string_view alias) const&;
    const RoleLevel* find_level_by_alias(std::string_view alias) const&& = delete;
    const Skill* find_skill_by_alias(std::string_view alias) const&& = delete;

    // The catalogue skill a requirement names (a loaded framework has it for every requirement).
    [[nodiscard]] const Skill& skill_of(const Requirement& requirement) const&;
    const Skill& skill_of(const Requirement& requirement) const&& = delete;

    // The role a level belongs to, and that role's family (never nullptr for a loaded framework).
    [[nodiscard]] const Role& role_of(const RoleLevel& level) const&;
    [[nodiscard]] const Family& family_of(const Role& role) const&;
    const Role& role_of(const RoleLevel& level) const&& = delete;
    const Family& family_of(const Role& role) const&& = delete;

    // Every role level of every role, in framework order (listed once, when finished).
    [[nodiscard]] LevelList all_levels() const& { return {data_.roles, levels_}; }
    LevelList all_levels() const&& = delete;
    // NOLINTEND(modernize-use-nodiscard)

    // What a requirement asks: its own text, else the skill's description of that level (of the
    // skill as a whole where no level is stated).
    [[nodiscard]] const std::string& requirement_text(const Requirement& requirement) const;

private:
    friend Framework finish_framework(FrameworkData data, LoadScope scope);
    friend Framework name_release(Framework framework, std::string release);

    // An alias of an item: the item's position in its list, and the alias's in its aliases.
    struct AliasPosition {
        std::uint32_t item = 0;
        std::uint32_t alias = 0;
    };

    FrameworkData data_;
    LoadScope scope_;
    std::vector<LevelPosition> levels_;         // every level, in framework order
    std::vector<AliasPosition> level_aliases_;  // item: a position in levels_; in framework order
    std::vector<AliasPosition> skill_aliases_;  // item: a position in the skills; in framework order
    // Hash tables of positions, keyed by the id or alias at that position: a slot holds a
    // position plus one (0 is empty), so that a table holds no address and a copy works alike.
    std::vector<std::uint32_t> families_by_id_;
    std::vector<std::uint32_t> skills_by_id_;
    std::vector<std::uint32_t> roles_by_id_;
    std::vector<std::uint32_t> levels_by_id_;     // positions in levels_
    std::vector<std::uint32_t> levels_by_alias_;  // positions in level_aliases_
    std::vector<std::uint32_t> skills_by_alias_;  // positions in skill_aliases_
};

// The lowest level that meets a requirement: its stated level, or awareness where it states
// none, since holding the skill at any level meets it then.
SkillLevel level_to_meet(const Requirement& requirement);

// Makes a framework of the parts a loader has filled in, building its indexes: every loader
// (YAML, snapshot, the importer) hands its result through here, and nothing changes it afterwards.
Framework finish_framework(FrameworkData data, LoadScope scope = LoadScope::whole());

// The framework, named as the built-in release it is: the built-in loader knows the name only after
// reading the release's snapshot. The name is in no index, so none is built again.
Framework name_release(Framework framework, std::string release);

// The required level as a word: the level's word, or "unspecified" when the framework gives none.
std::string_view required_level_word(const Requirement& requirement);

}  // namespace ddat
