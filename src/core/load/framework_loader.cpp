#include "ddat/load/framework_loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "ddat/files.hpp"
#include "ddat/text.hpp"
#include "parse/decoder.hpp"
#include "parse/yaml_tree.hpp"

namespace ddat {

namespace {

namespace fs = std::filesystem;

// What one file contributes before the files are merged.
struct FileContents {
    bool has_metadata = false;
    SourceLocation metadata_location;
    FrameworkMetadata metadata;
    std::vector<Family> families;
    std::vector<Skill> skills;
    std::vector<Role> roles;
    // Where each reference to another definition was written, to report a broken one there.
    std::vector<std::pair<SourceLocation, std::string>> family_refs;  // (place, family id)
};

std::string place(const SourceLocation& location) {
    return location.file + ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
}

class FileDecoder {
public:
    FileDecoder(const std::string& file, std::vector<Diagnostic>& problems) : d_(file, problems) {}

    FileContents decode(const yaml::Node& root) {
        FileContents contents;
        if (root.is_null()) {
            d_.problem(root,
                       "the file is empty: a framework file needs at least one of framework, families, "
                       "skills, roles");
            return contents;
        }
        if (!d_.expect_mapping(root, "a framework file")) {
            return contents;
        }
        d_.check_keys(root, "a framework file", {"framework", "families", "skills", "roles"}, {});
        if (const auto* node = root.find("framework")) {
            contents.has_metadata = true;
            contents.metadata_location = d_.location(*node);
            contents.metadata = metadata(*node);
        }
        if (const auto* node = root.find("families"); node != nullptr && d_.expect_sequence(*node, "'families'")) {
            for (const auto& item : node->items) {
                family(item, contents);
            }
        }
        if (const auto* node = root.find("skills"); node != nullptr && d_.expect_sequence(*node, "'skills'")) {
            for (const auto& item : node->items) {
                skill(item, contents);
            }
        }
        if (const auto* node = root.find("roles"); node != nullptr && d_.expect_sequence(*node, "'roles'")) {
            for (const auto& item : node->items) {
                role(item, contents);
            }
        }
        return contents;
    }

private:
    FrameworkMetadata metadata(const yaml::Node& node) {
        FrameworkMetadata m;
        if (!d_.expect_mapping(node, "'framework'")) {
            return m;
        }
        d_.check_keys(node, "'framework'",
                      {"title", "publisher", "published", "version", "source", "licence", "licence_url", "attribution",
                       "corrections"},
                      {"title"});
        m.title = d_.optional_text(node, "title", "the title");
        m.publisher = d_.optional_text(node, "publisher", "the publisher");
        m.published = d_.optional_text(node, "published", "the publication date");
        m.version = d_.optional_text(node, "version", "the version");
        m.source = d_.optional_text(node, "source", "the source");
        m.licence = d_.optional_text(node, "licence", "the licence");
        m.licence_url = d_.optional_text(node, "licence_url", "the licence URL");
        m.attribution = d_.optional_text(node, "attribution", "the attribution");
        if (const auto* corrections = node.find("corrections");
            corrections != nullptr && !corrections->is_null() && d_.expect_sequence(*corrections, "'corrections'")) {
            for (const auto& item : corrections->items) {
                if (!d_.expect_mapping(item, "a correction")) {
                    continue;
                }
                d_.check_keys(item, "a correction", {"phrase", "replacement", "reason", "count"},
                              {"phrase", "replacement", "reason"});
                TextCorrection correction;
                correction.phrase = d_.optional_text(item, "phrase", "the phrase");
                correction.replacement = d_.optional_text(item, "replacement", "the replacement");
                correction.reason = d_.optional_text(item, "reason", "the reason");
                if (const auto* count = item.find("count"); count != nullptr && !count->is_null()) {
                    const std::string text = d_.text(*count, "the count").value_or("");
                    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), correction.count);
                    if (error != std::errc() || end != text.data() + text.size() || correction.count < 0) {
                        d_.problem(*count, "the count of a correction is a whole number, such as 46");
                    }
                }
                m.corrections.push_back(std::move(correction));
            }
        }
        return m;
    }

    void family(const yaml::Node& node, FileContents& contents) {
        if (!d_.expect_mapping(node, "a family")) {
            return;
        }
        d_.check_keys(node, "a family", {"id", "name", "description"}, {"id", "name"});
        Family f;
        f.location = d_.location(node);
        const auto* id_node = node.find("id");
        const auto id = id_node != nullptr ? d_.id(*id_node, "the family id") : std::nullopt;
        f.name = d_.optional_text(node, "name", "the family name");
        f.description = d_.optional_text(node, "description", "the family description");
        if (id) {
            f.id = *id;
            contents.families.push_back(std::move(f));
        }
    }

    void skill(const yaml::Node& node, FileContents& contents) {
        if (!d_.expect_mapping(node, "a skill")) {
            return;
        }
        d_.check_keys(node, "a skill", {"id", "name", "aliases", "description", "levels"}, {"id", "name"});
        Skill s;
        s.location = d_.location(node);
        const auto* id_node = node.find("id");
        const auto id = id_node != nullptr ? d_.id(*id_node, "the skill id") : std::nullopt;
        s.name = d_.optional_text(node, "name", "the skill name");
        s.description = d_.optional_text(node, "description", "the skill description");
        if (const auto* aliases = node.find("aliases"); aliases != nullptr && !aliases->is_null()) {
            if (d_.expect_sequence(*aliases, "'aliases'")) {
                for (const auto& alias : aliases->items) {
                    if (auto value = d_.id(alias, "an alias")) {
                        s.aliases.push_back(*value);
                    }
                }
            }
        }
        if (const auto* levels = node.find("levels");
            levels != nullptr && !levels->is_null() && d_.expect_mapping(*levels, "a skill's 'levels'")) {
            d_.check_keys(*levels, "a skill's 'levels'", {"awareness", "working", "practitioner", "expert"}, {});
            for (const SkillLevel level : kFrameworkLevels) {
                if (const auto* text = levels->find(to_string(level)); text != nullptr && !text->is_null()) {
                    s.levels.push_back({level, d_.text(*text, "a skill level description").value_or("")});
                }
            }
        }
        if (id) {
            s.id = *id;
            contents.skills.push_back(std::move(s));
        }
    }

    void role(const yaml::Node& node, FileContents& contents) {
        if (!d_.expect_mapping(node, "a role")) {
            return;
        }
        d_.check_keys(node, "a role", {"id", "name", "family", "description", "skills", "levels"},
                      {"id", "name", "family", "levels"});
        Role r;
        r.location = d_.location(node);
        const auto* id_node = node.find("id");
        const auto id = id_node != nullptr ? d_.id(*id_node, "the role id") : std::nullopt;
        r.name = d_.optional_text(node, "name", "the role name");
        r.description = d_.optional_text(node, "description", "the role description");
        if (const auto* family_node = node.find("family")) {
            if (auto family_id = d_.text(*family_node, "the role's family")) {
                r.family_id = *family_id;
                contents.family_refs.emplace_back(d_.location(*family_node), *family_id);
            }
        }
        if (const auto* skills = node.find("skills");
            skills != nullptr && !skills->is_null() && d_.expect_mapping(*skills, "a role's 'skills'")) {
            d_.check_unique_keys(*skills, "a role's 'skills'");
            for (std::size_t i = 0; i < skills->entry_count(); ++i) {
                const auto skill_id = d_.id(skills->key(i), "the skill id");
                const auto text = d_.text(skills->value_at(i), "a role's skill description");
                if (skill_id && text) {
                    r.skills.push_back({*skill_id, *text});
                    skill_refs_.emplace_back(d_.location(skills->key(i)), *skill_id);
                }
            }
        }
        if (const auto* levels = node.find("levels"); levels != nullptr && d_.expect_sequence(*levels, "'levels'")) {
            if (levels->items.empty()) {
                d_.problem(*levels, "a role needs at least one level");
            }
            for (const auto& item : levels->items) {
                level(item, r);
            }
        }
        if (id) {
            r.id = *id;
            for (auto& l : r.levels) {
                l.role_id = r.id;
            }
            contents.roles.push_back(std::move(r));
        }
    }

    void level(const yaml::Node& node, Role& role) {
        if (!d_.expect_mapping(node, "a role level")) {
            return;
        }
        d_.check_keys(node, "a role level",
                      {"id", "name", "aliases", "pay_band", "senior_civil_service", "whole_role", "track",
                       "description", "responsibilities", "requirements", "criteria"},
                      {"id", "name"});
        RoleLevel l;
        l.location = d_.location(node);
        const auto* id_node = node.find("id");
        const auto id = id_node != nullptr ? d_.id(*id_node, "the role level id") : std::nullopt;
        l.name = d_.optional_text(node, "name", "the role level name");
        l.description = d_.optional_text(node, "description", "the role level description");
        l.pay_band = d_.optional_text(node, "pay_band", "the pay band");
        l.track = d_.optional_text(node, "track", "the track");
        if (const auto* scs = node.find("senior_civil_service"); scs != nullptr && !scs->is_null()) {
            l.senior_civil_service = d_.boolean(*scs, "'senior_civil_service'").value_or(false);
        }
        if (const auto* whole = node.find("whole_role"); whole != nullptr && !whole->is_null()) {
            l.whole_role = d_.boolean(*whole, "'whole_role'").value_or(false);
        }
        if (const auto* aliases = node.find("aliases"); aliases != nullptr && !aliases->is_null()) {
            if (d_.expect_sequence(*aliases, "'aliases'")) {
                for (const auto& alias : aliases->items) {
                    if (auto value = d_.id(alias, "an alias")) {
                        l.aliases.push_back(*value);
                        l.alias_locations.push_back(d_.location(alias));
                    }
                }
            }
        }
        if (const auto* responsibilities = node.find("responsibilities")) {
            l.responsibilities = responsibility_sections(*responsibilities);
        }
        if (const auto* requirements = node.find("requirements");
            requirements != nullptr && !requirements->is_null() && d_.expect_mapping(*requirements, "'requirements'")) {
            d_.check_unique_keys(*requirements, "'requirements'");
            for (std::size_t i = 0; i < requirements->entry_count(); ++i) {
                requirement(requirements->key(i), requirements->value_at(i), l);
            }
        }
        if (const auto* criteria = node.find("criteria");
            criteria != nullptr && !criteria->is_null() && d_.expect_sequence(*criteria, "'criteria'")) {
            std::unordered_map<std::string, SourceLocation> criterion_ids;
            for (const auto& item : criteria->items) {
                criterion(item, l, criterion_ids);
            }
        }
        if (id) {
            l.id = *id;
            role.levels.push_back(std::move(l));
        }
    }

    std::vector<ResponsibilitySection> responsibility_sections(const yaml::Node& node) {
        std::vector<ResponsibilitySection> sections;
        if (node.is_null() || !d_.expect_sequence(node, "'responsibilities'")) {
            return sections;
        }
        ResponsibilitySection plain;
        for (const auto& item : node.items) {
            if (item.is_mapping()) {
                d_.check_keys(item, "a responsibilities section", {"heading", "items"}, {"heading", "items"});
                ResponsibilitySection section;
                section.heading = d_.optional_text(item, "heading", "a section heading");
                if (const auto* items = item.find("items")) {
                    section.items = d_.text_list(*items, "a section's 'items'");
                }
                sections.push_back(std::move(section));
            } else if (auto text = d_.text(item, "a responsibility")) {
                plain.items.push_back(std::move(*text));
            }
        }
        if (!plain.items.empty()) {
            sections.insert(sections.begin(), std::move(plain));
        }
        return sections;
    }

    void requirement(const yaml::Node& key, const yaml::Node& value, RoleLevel& level) {
        const auto skill_id = d_.id(key, "the skill id");
        if (!d_.expect_mapping(value, "a requirement")) {
            return;
        }
        d_.check_keys(value, "a requirement", {"level", "description"}, {"level"});
        Requirement r;
        r.location = d_.location(key);
        r.description = d_.optional_text(value, "description", "a requirement's description");
        bool level_read = false;  // a level, or "unspecified"
        if (const auto* level_node = value.find("level")) {
            const auto word = d_.text(*level_node, "a required level");
            const auto parsed = word ? parse_skill_level(*word) : std::nullopt;
            if (word && *word == "unspecified") {
                r.level = std::nullopt;
                level_read = true;
            } else if (word && (!parsed || *parsed == SkillLevel::none)) {
                const std::string near = parsed ? std::string() : nearest_level_word(*word);
                d_.problem(*level_node,
                           "'" + *word + "' is not a skill level: " +
                               (near.empty() || near == "none" ? std::string() : "did you mean '" + near + "'? ") +
                               "use awareness, working, practitioner or expert");
            } else if (parsed) {
                r.level = *parsed;
                level_read = true;
            }
        }
        if (skill_id && level_read) {
            r.skill_id = *skill_id;
            skill_refs_.emplace_back(r.location, *skill_id);
            level.requirements.push_back(std::move(r));
        }
    }

    void criterion(const yaml::Node& node, RoleLevel& level,
                   std::unordered_map<std::string, SourceLocation>& criterion_ids) {
        if (!d_.expect_mapping(node, "a criterion")) {
            return;
        }
        d_.check_keys(node, "a criterion", {"id", "name", "kind", "essential", "desirable"}, {"id", "name", "kind"});
        Criterion c;
        c.location = d_.location(node);
        const auto* id_node = node.find("id");
        const auto id = id_node != nullptr ? d_.id(*id_node, "the criterion id") : std::nullopt;
        c.name = d_.optional_text(node, "name", "the criterion name");
        const std::string kind_word = d_.optional_text(node, "kind", "the criterion kind");
        if (const auto kind = parse_criterion_kind(kind_word)) {
            c.kind = *kind;
        } else if (const auto* kind_node = node.find("kind"); kind_node != nullptr && !kind_word.empty()) {
            d_.problem(*kind_node, "'" + kind_word + "' is not a criterion kind: use competence or specialist-skills");
        }
        if (const auto* essential = node.find("essential")) {
            c.essential = d_.text_list(*essential, "'essential'");
        }
        if (const auto* desirable = node.find("desirable")) {
            c.desirable = d_.text_list(*desirable, "'desirable'");
        }
        if (id) {
            if (const auto [other, inserted] = criterion_ids.emplace(*id, c.location); !inserted) {
                d_.problem(*id_node, "criterion id '" + *id + "' is used twice in this role level (first at " +
                                         place(other->second) + ")");
            }
            c.id = *id;
            level.criteria.push_back(std::move(c));
        }
    }

public:
    // Every skill id this file refers to, with where, checked after all files are merged.
    [[nodiscard]] const std::vector<std::pair<SourceLocation, std::string>>& skill_refs() const { return skill_refs_; }

private:
    std::vector<std::pair<SourceLocation, std::string>> skill_refs_;
    Decoder d_;
};

// Records a problem for each id defined more than once, naming both places.
template <typename T>
void check_unique(const std::vector<T>& items, std::string_view kind, std::vector<Diagnostic>& problems) {
    std::map<std::string, const T*> seen;
    for (const auto& item : items) {
        auto [where, inserted] = seen.emplace(item.id, &item);
        if (!inserted) {
            problems.push_back({item.location, std::string(kind) + " id '" + item.id + "' is already defined at " +
                                                   place(where->second->location)});
        }
    }
}

}  // namespace

Framework load_framework_sources(const std::vector<SourceFile>& files) {
    std::vector<Diagnostic> problems;
    FrameworkData framework;
    std::vector<std::pair<SourceLocation, std::string>> skill_refs;
    std::vector<std::pair<SourceLocation, std::string>> family_refs;
    SourceLocation metadata_location;
    bool has_metadata = false;
    bool unreadable_file = false;
    for (const auto& file : files) {
        framework.files.push_back(file.name);
        yaml::Node root;
        try {
            root = yaml::parse(file.text, file.name, yaml::Limits{kMaxFrameworkFileBytes, 100});
        } catch (const InputError& error) {
            problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
            unreadable_file = true;
            continue;
        }
        if (!root.is_mapping()) {
            unreadable_file = true;  // whatever it meant to hold, metadata included, is unknown
        }
        FileDecoder decoder(file.name, problems);
        FileContents contents = decoder.decode(root);
        if (contents.has_metadata) {
            if (has_metadata) {
                problems.push_back({contents.metadata_location, "the framework metadata is already given at " +
                                                                    place(metadata_location) +
                                                                    ": keep 'framework:' in one file"});
            } else {
                has_metadata = true;
                metadata_location = contents.metadata_location;
                framework.metadata = std::move(contents.metadata);
            }
        }
        std::move(contents.families.begin(), contents.families.end(), std::back_inserter(framework.families));
        std::move(contents.skills.begin(), contents.skills.end(), std::back_inserter(framework.skills));
        std::move(contents.roles.begin(), contents.roles.end(), std::back_inserter(framework.roles));
        skill_refs.insert(skill_refs.end(), decoder.skill_refs().begin(), decoder.skill_refs().end());
        family_refs.insert(family_refs.end(), contents.family_refs.begin(), contents.family_refs.end());
    }
    if (!has_metadata && !files.empty() && !unreadable_file) {
        problems.push_back({SourceLocation{files.front().name, 0, 0},
                            "no file of the framework has 'framework:' metadata (at least a title): add it"});
    }

    check_unique(framework.families, "family", problems);
    check_unique(framework.skills, "skill", problems);
    check_unique(framework.roles, "role", problems);
    {
        std::map<std::string, SourceLocation> level_ids;
        for (const auto& role : framework.roles) {
            for (const auto& level : role.levels) {
                auto [where, inserted] = level_ids.emplace(level.id, level.location);
                if (!inserted) {
                    problems.push_back({level.location, "role level id '" + level.id + "' is already defined at " +
                                                            place(where->second)});
                }
            }
        }
        std::map<std::string, SourceLocation> skill_ids;
        for (const auto& skill : framework.skills) {
            skill_ids.emplace(skill.id, skill.location);
        }
        for (const auto& skill : framework.skills) {
            for (const auto& alias : skill.aliases) {
                if (auto other = skill_ids.find(alias); other != skill_ids.end()) {
                    problems.push_back(
                        {skill.location,
                         "the skill alias '" + alias + "' is the id of a skill defined at " + place(other->second)});
                }
            }
        }
        std::map<std::string, SourceLocation> aliases;
        for (const auto& role : framework.roles) {
            for (const auto& level : role.levels) {
                for (std::size_t i = 0; i < level.aliases.size(); ++i) {
                    const std::string& alias = level.aliases[i];
                    const SourceLocation& at = level.alias_locations[i];
                    if (auto other = level_ids.find(alias); other != level_ids.end() && alias != level.id) {
                        problems.push_back({at, "alias '" + alias + "' is the id of another role level, defined at " +
                                                    place(other->second)});
                    }
                    auto [where, inserted] = aliases.emplace(alias, at);
                    if (!inserted) {
                        problems.push_back({at, "alias '" + alias + "' is already used at " + place(where->second)});
                    }
                }
            }
        }
    }
    // References are checked against sets of the ids, and suggestions are bounded: a hostile
    // file may hold a hundred thousand of each.
    std::vector<std::string> family_ids;
    for (const auto& family : framework.families) {
        family_ids.push_back(family.id);
    }
    std::vector<std::string> skill_ids;
    for (const auto& skill : framework.skills) {
        skill_ids.push_back(skill.id);
    }
    const std::unordered_set<std::string> known_families(family_ids.begin(), family_ids.end());
    const std::unordered_set<std::string> known_skills(skill_ids.begin(), skill_ids.end());
    SuggestionBudget suggestions;
    for (const auto& [at, id] : family_refs) {
        if (!known_families.contains(id)) {
            const auto near = suggestions.nearest(id, family_ids, 1);
            problems.push_back(
                {at, "unknown family '" + id + "'" +
                         (near.empty() ? ": add it under 'families'" : ": did you mean '" + near.front() + "'?")});
        }
    }
    for (const auto& [at, id] : skill_refs) {
        if (!known_skills.contains(id)) {
            const auto near = suggestions.nearest(id, skill_ids, 1);
            problems.push_back({at, "unknown skill '" + id + "'" +
                                        (near.empty() ? ": add it to the skills catalogue"
                                                      : ": did you mean '" + near.front() + "'?")});
        }
    }
    if (!problems.empty()) {
        std::unordered_map<std::string, std::size_t> rank;
        for (std::size_t i = framework.files.size(); i-- > 0;) {
            rank[framework.files[i]] = i;  // the first place of a name that appears twice
        }
        std::stable_sort(problems.begin(), problems.end(), [&](const Diagnostic& a, const Diagnostic& b) {
            const auto file_rank = [&](const std::string& name) {
                const auto found = rank.find(name);
                return found == rank.end() ? framework.files.size() : found->second;
            };
            const auto ra = file_rank(a.location.file);
            const auto rb = file_rank(b.location.file);
            if (ra != rb) {
                return ra < rb;
            }
            return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
        });
        throw InputError(std::move(problems));
    }
    return finish_framework(std::move(framework), LoadScope::whole());
}

std::vector<std::string> framework_files(const std::string& path) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
        throw InputError(SourceLocation{path, 0, 0}, "no such file or folder");
    }
    if (!fs::is_directory(status)) {
        std::string extension = fs::path(path).extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (extension == ".csv") {
            throw InputError(SourceLocation{path, 0, 0},
                             "is a CSV file, and ddat reads a framework as YAML: turn the official CSV download "
                             "into a framework folder with 'ddat import ROLE_CONTENT.csv SKILL_DESCRIPTIONS.csv -o "
                             "FOLDER', then use that folder");
        }
        return {path};
    }
    std::vector<std::string> files = yaml_files_in(path, true, error);
    if (error) {
        throw InputError(SourceLocation{path, 0, 0}, "cannot read the folder: " + error.message());
    }
    if (files.empty()) {
        throw InputError(SourceLocation{path, 0, 0}, "the folder holds no .yaml or .yml file");
    }
    return files;
}

Framework load_framework(const std::string& path) {
    std::vector<SourceFile> sources;
    std::vector<Diagnostic> problems;
    for (const auto& file : framework_files(path)) {
        try {
            // a pipe or device is read only when named itself, never when found in a folder
            sources.push_back({file, yaml::read_file(file, kMaxFrameworkFileBytes, file == path)});
        } catch (const InputError& error) {
            problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
        }
    }
    if (!problems.empty()) {
        throw InputError(std::move(problems));
    }
    return load_framework_sources(sources);
}

std::vector<Diagnostic> validate_framework(const std::string& path) {
    try {
        load_framework(path);
    } catch (const InputError& error) {
        return error.diagnostics();
    }
    return {};
}

}  // namespace ddat
