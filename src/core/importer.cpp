#include "ddat/importer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "ddat/csv.hpp"
#include "ddat/text.hpp"
#include "decoder.hpp"
#include "yaml_tree.hpp"

namespace ddat {

const std::vector<std::string> kRoleContentColumns = {
    "Role Family",       "Role",        "Role Description",        "Role Level", "Role Level Description", "Skill Name",
    "Skill Description", "Skill Level", "Skill Level Description", "Role Type"};
const std::vector<std::string> kSkillDescriptionColumns = {
    "Skill Name", "Skill Description", "Awareness", "Working", "Practitioner", "Expert", "Roles that require Skill"};

namespace {

constexpr std::string_view kNotInUse = "NOT IN USE";
constexpr std::string_view kMissing = "MISSING";

// The records of a CSV file after its header, checked to have exactly the expected columns, each
// row as many cells as the header.
struct Table {
    std::vector<CsvRecord> rows;
    std::map<std::string, std::size_t> column;  // name -> index

    [[nodiscard]] const std::string& cell(const CsvRecord& row, const std::string& name) const {
        return row.cells[column.at(name)];
    }
};

Table read_table(const std::string& text, const std::string& file, const std::vector<std::string>& expected,
                 std::string_view what) {
    std::vector<CsvRecord> records = parse_csv(text, file);
    if (records.empty()) {
        throw InputError(SourceLocation{file, 1, 1},
                         "the file is empty: expected the " + std::string(what) + " CSV with a header row");
    }
    Table table;
    const CsvRecord& header = records.front();
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string name(trim(header.cells[i]));
        if (std::find(expected.begin(), expected.end(), name) == expected.end()) {
            // The header of the other file of the download: the two files were given swapped.
            const auto& other = &expected == &kRoleContentColumns ? kSkillDescriptionColumns : kRoleContentColumns;
            if (header.cells.size() == other.size() &&
                std::equal(header.cells.begin(), header.cells.end(), other.begin(),
                           [](const auto& cell, const auto& o) { return trim(cell) == o; })) {
                throw InputError(SourceLocation{file, header.line, 0},
                                 "this is the " +
                                     std::string(what == "role content" ? "skill descriptions" : "role content") +
                                     " CSV, where the " + std::string(what) +
                                     " CSV was expected: give the role content CSV first, then the skill descriptions");
            }
            const auto near = nearest(name, expected, 1);
            throw InputError(SourceLocation{file, header.line, 0},
                             "unexpected column '" + name + "' in the " + std::string(what) + " CSV" +
                                 (near.empty() ? std::string() : ": did you mean '" + near.front() + "'?"));
        }
        if (!table.column.emplace(name, i).second) {
            throw InputError(SourceLocation{file, header.line, 0}, "the column '" + name + "' appears twice");
        }
    }
    for (const auto& name : expected) {
        if (table.column.find(name) == table.column.end()) {
            throw InputError(SourceLocation{file, header.line, 0},
                             "the " + std::string(what) + " CSV has no column '" + name +
                                 "': is this the right file? (the download's \"" + std::string(what) + "\" file)");
        }
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        CsvRecord& row = records[r];
        if (row.cells.size() == 1 && trim(row.cells[0]).empty()) {
            continue;  // a blank line
        }
        if (row.cells.size() != header.cells.size()) {
            throw InputError(SourceLocation{file, row.line, 0}, "this row has " + std::to_string(row.cells.size()) +
                                                                    " cells, the header " +
                                                                    std::to_string(header.cells.size()) +
                                                                    ": a cell with a comma or line break must be "
                                                                    "quoted");
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

// How much one import may hold. The framework's download has 8 role families, 52 roles, at most
// 86 rows for one role and 188 skills; the limits keep every file the import writes within what
// ddat reads back (yaml::Limits: a role's file gets at most 22 values a row).
constexpr std::size_t kMaxFamilies = 1000;
constexpr std::size_t kMaxRoles = 500;
constexpr std::size_t kMaxRowsPerRole = 5000;
constexpr std::size_t kMaxSkills = 5000;

void check_count(std::size_t count, std::size_t limit, const SourceLocation& at, const std::string& what) {
    if (count > limit) {
        throw InputError(at, "more than " + std::to_string(limit) + " " + what +
                                 ", far more than the framework's download has: is this the right file?");
    }
}

// The ids the import makes from names, checked as they are made: a name with no letter or digit
// makes no id, and two names that differ only in letter case or punctuation make the same one.
// Either is refused at its row, where the framework it wrote would otherwise fail to read back.
class IdMaker {
public:
    explicit IdMaker(std::string kind) : kind_(std::move(kind)) {}

    std::string id(const std::string& name, const SourceLocation& at) {
        std::string id = slugify(name);
        if (id.empty()) {
            throw InputError(at, "the " + kind_ + " name '" + name + "' has no letter or digit to make an id from");
        }
        const auto [first, inserted] = seen_.emplace(id, std::make_pair(name, at.line));
        if (!inserted && first->second.first != name) {
            throw InputError(at, "the " + kind_ + " '" + name + "' makes the same id '" + id + "' as the " + kind_ +
                                     " '" + first->second.first + "' at line " + std::to_string(first->second.second) +
                                     ": ids ignore letter case and punctuation, so rename one");
        }
        return id;
    }

private:
    std::string kind_;
    std::map<std::string, std::pair<std::string, int>> seen_;  // id -> first name and its line
};

bool undefined_text(std::string_view text) {
    const std::string_view t = trim(text);
    return t.empty() || t == "This skill level is currently not defined.";
}

// The word of a title that sets its rank, and the rank.
constexpr std::pair<std::string_view, double> kTitleRanks[] = {
    {"apprentice", 0.0}, {"trainee", 0.5},   {"junior", 1.0}, {"associate", 2.0}, {"senior", 4.0},
    {"lead", 5.0},       {"principal", 6.0}, {"head", 7.0},   {"chief", 8.0},     {"director", 8.0}};

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> result;
    std::string word;
    for (const char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (!word.empty()) {
            result.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        result.push_back(std::move(word));
    }
    return result;
}

}  // namespace

double title_rank(const std::string& level_name, const std::string& role_name) {
    const auto level_words = words(to_lower(level_name));
    double rank = 3.0;  // a plain title: the role's name itself
    for (const auto& word : level_words) {
        const auto found = std::find_if(std::begin(kTitleRanks), std::end(kTitleRanks),
                                        [&](const auto& entry) { return entry.first == word; });
        if (found != std::end(kTitleRanks)) {
            rank = found->second;
            break;
        }
    }
    const bool analyst = std::find(level_words.begin(), level_words.end(), "analyst") != level_words.end();
    const auto role_words = words(to_lower(role_name));
    const bool manager_role = !role_words.empty() && role_words.back() == "manager";
    if (analyst && manager_role) {
        rank -= 1.5;  // an analyst works below the manager the role is named after
    }
    if (std::find(level_words.begin(), level_words.end(), "major") != level_words.end()) {
        rank += 0.5;
    }
    if (std::find(level_words.begin(), level_words.end(), "management") != level_words.end() &&
        level_name.find(" - management") != std::string::npos) {
        rank += 0.25;  // "Senior developer - management" follows "Senior developer"
    }
    return rank;
}

std::string derive_alias(const std::string& level_name, const std::string& role_name) {
    const std::string level_slug = slugify(level_name);
    std::string role_slug = slugify(role_name);
    std::size_t at = ("-" + level_slug + "-").find("-" + role_slug + "-");
    // "Head of IT service management" is a level of the role "IT service manager": head-of-itsm.
    if (at == std::string::npos && role_slug.ends_with("-manager")) {
        role_slug.replace(role_slug.size() - 7, 7, "management");
        at = ("-" + level_slug + "-").find("-" + role_slug + "-");
    }
    if (role_slug.empty() || at == std::string::npos) {
        return {};
    }
    std::string initials;
    for (const auto& word : words(role_name)) {
        const bool capitals = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if (word == "and" || word == "of") {
            continue;
        }
        initials += capitals && word.size() > 1 ? to_lower(word) : to_lower(word.substr(0, 1));
    }
    if (initials.size() < 2) {
        return {};
    }
    std::string alias = level_slug;
    alias.replace(at, role_slug.size(), initials);
    return alias;
}

std::vector<OrderOverride> load_order_overrides(const std::string& text, const std::string& file) {
    const yaml::Node root = yaml::parse(text, file, yaml::Limits{4U * 1024U * 1024U, 20});
    std::vector<Diagnostic> problems;
    Decoder d(file, problems);
    std::vector<OrderOverride> orders;
    if (root.is_null()) {
        return orders;
    }
    if (d.expect_mapping(root, "a level order file")) {
        d.check_unique_keys(root, "a level order file");
        for (std::size_t i = 0; i < root.entry_count(); ++i) {
            if (!root.key(i).is_scalar()) {
                continue;
            }
            OrderOverride order;
            order.role = root.key(i).value;
            order.location = d.location(root.key(i));
            order.levels = d.text_list(root.value_at(i), "a role's levels");
            if (root.value_at(i).is_sequence()) {
                for (const auto& item : root.value_at(i).items) {
                    order.level_locations.push_back(d.location(item));
                }
            }
            orders.push_back(std::move(order));
        }
    }
    if (!problems.empty()) {
        throw InputError(std::move(problems));
    }
    return orders;
}

ImportResult import_framework_csv(const std::string& role_csv, const std::string& role_file,
                                  const std::string& skill_csv, const std::string& skill_file,
                                  const ImportOptions& options) {
    ImportResult result;
    ImportReport& report = result.report;
    Framework& framework = result.framework;
    framework.metadata.title = "Government Digital and Data Profession Capability Framework";
    framework.metadata.publisher = "Central Digital and Data Office";
    framework.metadata.published = options.published;
    framework.metadata.version = options.version;
    framework.metadata.source = "https://ddat-capability-framework.service.gov.uk/";
    framework.metadata.licence = "Open Government Licence v3.0";
    framework.metadata.licence_url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    framework.metadata.attribution =
        "Contains public sector information licensed under the Open Government Licence v3.0. Imported by ddat "
        "from the framework's \"Download framework content\" CSV files.";

    const Table skills = read_table(skill_csv, skill_file, kSkillDescriptionColumns, "skill descriptions");
    const Table roles = read_table(role_csv, role_file, kRoleContentColumns, "role content");
    report.skill_rows = static_cast<int>(skills.rows.size());
    report.role_rows = static_cast<int>(roles.rows.size());
    const auto note = [&](const std::string& file, int line, std::string kind, std::string message) {
        report.notes.push_back({SourceLocation{file, line, 0}, std::move(kind), std::move(message)});
    };
    const auto trimmed = [&](const std::string& text, const std::string& file, int line, std::string_view column) {
        const std::string clean(trim(text));
        if (clean != text) {
            ++report.trimmed_cells;
            note(file, line, "trimmed", "white space around the " + std::string(column) + " '" + clean + "' removed");
        }
        return clean;
    };

    // The skills catalogue.
    std::map<std::string, std::size_t> skill_by_name;
    IdMaker skill_ids("skill");
    for (const auto& row : skills.rows) {
        const std::string name = trimmed(skills.cell(row, "Skill Name"), skill_file, row.line, "skill name");
        if (name.empty()) {
            throw InputError(SourceLocation{skill_file, row.line, 0}, "a skill with no name");
        }
        if (skill_by_name.count(name) != 0) {
            ++report.duplicate_rows;
            note(skill_file, row.line, "duplicate row", "the skill '" + name + "' is described again: first kept");
            continue;
        }
        Skill skill;
        skill.location = SourceLocation{skill_file, row.line, 0};
        check_count(framework.skills.size() + 1, kMaxSkills, skill.location, "skills");
        skill.id = skill_ids.id(name, skill.location);
        skill.name = name;
        skill.description = skills.cell(row, "Skill Description");
        for (const SkillLevel level : kFrameworkLevels) {
            std::string column(to_string(level));
            column[0] = static_cast<char>(column[0] - 'a' + 'A');
            const std::string& text = skills.cell(row, column);
            if (undefined_text(text)) {
                ++report.undefined_levels;
                note(skill_file, row.line, "undefined level",
                     "'" + name + "' has no " + std::string(to_string(level)) + " description: left out");
                continue;
            }
            skill.levels.push_back({level, text});
        }
        skill_by_name.emplace(name, framework.skills.size());
        framework.skills.push_back(std::move(skill));
    }

    // Roles and their levels, in the order the rows first name them.
    std::set<std::vector<std::string>> seen_rows;
    std::map<std::string, std::size_t> role_by_name;
    std::map<std::string, std::size_t> family_by_name;
    IdMaker family_ids("role family");
    IdMaker role_ids("role");
    std::map<std::pair<std::size_t, std::string>, std::size_t> level_by_name;            // (role, level name) -> index
    std::map<std::tuple<std::size_t, std::size_t, std::string>, int> requirement_lines;  // (role, level, skill)
    std::vector<std::size_t> rows_of_role;
    for (const auto& row : roles.rows) {
        std::vector<std::string> clean_cells;
        for (const auto& cell : row.cells) {
            clean_cells.emplace_back(trim(cell));
        }
        if (!seen_rows.insert(clean_cells).second) {
            ++report.duplicate_rows;
            note(role_file, row.line, "duplicate row", "the same row as an earlier one: removed");
            continue;
        }
        const int line = row.line;
        const std::string family_name = trimmed(roles.cell(row, "Role Family"), role_file, line, "role family");
        const std::string role_name = trimmed(roles.cell(row, "Role"), role_file, line, "role");
        const std::string level_name = trimmed(roles.cell(row, "Role Level"), role_file, line, "role level");
        const std::string skill_name = trimmed(roles.cell(row, "Skill Name"), role_file, line, "skill name");
        if (family_name.empty() || role_name.empty() || level_name.empty() || skill_name.empty()) {
            throw InputError(SourceLocation{role_file, line, 0},
                             "a row without a role family, role, role level or skill name");
        }
        if (family_by_name.count(family_name) == 0) {
            const SourceLocation at{role_file, line, 0};
            check_count(framework.families.size() + 1, kMaxFamilies, at, "role families");
            family_by_name.emplace(family_name, framework.families.size());
            framework.families.push_back({family_ids.id(family_name, at), family_name, "", at});
        }
        if (role_by_name.count(role_name) == 0) {
            check_count(framework.roles.size() + 1, kMaxRoles, SourceLocation{role_file, line, 0}, "roles");
            rows_of_role.push_back(0);
            Role role;
            role.id = role_ids.id(role_name, SourceLocation{role_file, line, 0});
            role.name = role_name;
            role.family_id = framework.families[family_by_name.at(family_name)].id;
            role.description = roles.cell(row, "Role Description");
            role.location = SourceLocation{role_file, line, 0};
            role_by_name.emplace(role_name, framework.roles.size());
            framework.roles.push_back(std::move(role));
        }
        const std::size_t role_index = role_by_name.at(role_name);
        check_count(++rows_of_role[role_index], kMaxRowsPerRole, SourceLocation{role_file, line, 0},
                    "rows for the role '" + role_name + "'");
        Role& role = framework.roles[role_index];
        const bool whole_role = level_name == kNotInUse;
        const std::string shown_level_name = whole_role ? role_name : level_name;
        auto level_found = level_by_name.find({role_index, shown_level_name});
        if (level_found == level_by_name.end()) {
            RoleLevel level;
            level.id = slugify(shown_level_name);
            if (level.id.empty()) {
                throw InputError(SourceLocation{role_file, line, 0}, "the role level name '" + shown_level_name +
                                                                         "' has no letter or digit to make an id from");
            }
            level.name = shown_level_name;
            level.role_id = role.id;
            level.whole_role = whole_role;
            const std::string& description = roles.cell(row, "Role Level Description");
            level.description = whole_role && trim(description) == kNotInUse ? std::string() : description;
            level.senior_civil_service = trim(roles.cell(row, "Role Type")) == "Senior Civil Service";
            level.location = SourceLocation{role_file, line, 0};
            if (whole_role) {
                ++report.whole_roles;
                note(role_file, line, "whole role",
                     "'" + role_name + "' is published without levels (NOT IN USE): one level stands for the role");
            }
            level_found = level_by_name.emplace(std::make_pair(role_index, shown_level_name), role.levels.size()).first;
            role.levels.push_back(std::move(level));
        }
        const std::size_t level_index = level_found->second;
        RoleLevel& level = role.levels[level_index];

        auto skill_index = skill_by_name.find(skill_name);
        if (skill_index == skill_by_name.end() && trim(roles.cell(row, "Skill Description")) == kMissing) {
            throw InputError(SourceLocation{role_file, line, 0}, "the skill '" + skill_name +
                                                                     "' reads MISSING and is not in " + skill_file +
                                                                     ": no description of it exists");
        }
        if (skill_index == skill_by_name.end()) {
            Skill skill;
            skill.location = SourceLocation{role_file, line, 0};
            check_count(framework.skills.size() + 1, kMaxSkills, skill.location, "skills");
            skill.id = skill_ids.id(skill_name, skill.location);
            skill.name = skill_name;
            skill.description = roles.cell(row, "Skill Description");
            note(role_file, line, "new skill", "'" + skill_name + "' is not in the skill descriptions file: added");
            skill_index = skill_by_name.emplace(skill_name, framework.skills.size()).first;
            framework.skills.push_back(std::move(skill));
        }
        const Skill& skill = framework.skills[skill_index->second];

        Requirement requirement;
        requirement.skill_id = skill.id;
        requirement.location = SourceLocation{role_file, line, 0};
        const std::string level_word(trim(roles.cell(row, "Skill Level")));
        const std::string& skill_text = roles.cell(row, "Skill Description");
        if (trim(skill_text) == kMissing) {
            ++report.missing_texts;
            note(role_file, line, "missing text",
                 "the description of '" + skill_name + "' reads MISSING: the skill descriptions file gives it");
        }
        if (level_word == kNotInUse) {
            requirement.level = SkillLevel::awareness;
            requirement.level_stated = false;
            requirement.description = trim(skill_text) == kMissing ? std::string() : skill_text;
        } else {
            const auto parsed = parse_skill_level(level_word);
            if (!parsed || *parsed == SkillLevel::none) {
                throw InputError(SourceLocation{role_file, line, 0},
                                 "'" + level_word +
                                     "' is not a skill level: expected Awareness, Working, "
                                     "Practitioner, Expert or NOT IN USE");
            }
            requirement.level = *parsed;
            const std::string& text = roles.cell(row, "Skill Level Description");
            const auto own = std::find_if(skill.levels.begin(), skill.levels.end(),
                                          [&](const SkillLevelDescription& d) { return d.level == *parsed; });
            requirement.description = own != skill.levels.end() && own->description == text ? std::string() : text;
        }
        const auto [existing, first_time] =
            requirement_lines.emplace(std::make_tuple(role_index, level_index, skill.id), line);
        if (!first_time) {
            ++report.repeated_skills;
            note(role_file, line, "repeated skill",
                 "'" + skill_name + "' is listed again for '" + level.name + "' (first at line " +
                     std::to_string(existing->second) + "): first kept");
            continue;
        }
        level.requirements.push_back(std::move(requirement));
    }

    // Seniority order within each role.
    for (auto& role : framework.roles) {
        LevelOrder order;
        order.role = role.name;
        const auto override_it = std::find_if(
            options.order_overrides.begin(), options.order_overrides.end(),
            [&](const auto& entry) { return entry.role == role.id || to_lower(entry.role) == to_lower(role.name); });
        const auto weight = [](const RoleLevel& level) {
            int total = 0;
            for (const auto& r : level.requirements) {
                total += r.level_stated ? to_number(r.level) : 0;
            }
            return total;
        };
        // The keys are worked out once per level, not once per comparison: a role may have
        // thousands of levels.
        struct SortKey {
            double rank;
            int weight;
            std::size_t index;
        };
        std::vector<SortKey> keys;
        for (std::size_t i = 0; i < role.levels.size(); ++i) {
            keys.push_back({title_rank(role.levels[i].name, role.name), weight(role.levels[i]), i});
        }
        std::stable_sort(keys.begin(), keys.end(), [&](const SortKey& a, const SortKey& b) {
            if (a.rank != b.rank) {
                return a.rank < b.rank;
            }
            if (a.weight != b.weight) {
                return a.weight < b.weight;
            }
            return role.levels[a.index].name < role.levels[b.index].name;
        });
        std::vector<RoleLevel> sorted;
        sorted.reserve(role.levels.size());
        for (const SortKey& key : keys) {
            sorted.push_back(std::move(role.levels[key.index]));
        }
        role.levels = std::move(sorted);
        if (override_it != options.order_overrides.end()) {
            std::vector<RoleLevel> ordered;
            for (std::size_t n = 0; n < override_it->levels.size(); ++n) {
                const std::string& name = override_it->levels[n];
                const auto found = std::find_if(role.levels.begin(), role.levels.end(), [&](const RoleLevel& l) {
                    return l.id == name || to_lower(l.name) == to_lower(name);
                });
                if (found == role.levels.end()) {
                    std::vector<std::string> names;
                    for (const auto& l : role.levels) {
                        names.push_back(l.name);
                    }
                    const auto near = nearest(name, names, 1);
                    throw InputError(n < override_it->level_locations.size() ? override_it->level_locations[n]
                                                                             : override_it->location,
                                     "the order for '" + role.name + "' names '" + name +
                                         "', which is not one of its levels" +
                                         (near.empty() ? std::string() : ": did you mean '" + near.front() + "'?"));
                }
                ordered.push_back(std::move(*found));
                role.levels.erase(found);
            }
            std::move(role.levels.begin(), role.levels.end(), std::back_inserter(ordered));
            role.levels = std::move(ordered);
            order.overridden = true;
        }
        for (const auto& level : role.levels) {
            order.levels.push_back(level.name);
        }
        report.orders.push_back(std::move(order));
    }

    for (const auto& order : options.order_overrides) {
        const bool known = std::any_of(framework.roles.begin(), framework.roles.end(), [&](const Role& role) {
            return order.role == role.id || to_lower(order.role) == to_lower(role.name);
        });
        if (!known) {
            std::vector<std::string> names;
            for (const auto& role : framework.roles) {
                names.push_back(role.name);
            }
            const auto near = nearest(order.role, names, 1);
            throw InputError(order.location,
                             "the order names the role '" + order.role + "', which the CSV does not have" +
                                 (near.empty() ? std::string() : ": did you mean '" + near.front() + "'?"));
        }
    }

    // Unique level ids, then aliases that clash with nothing.
    std::map<std::string, int> id_count;
    for (const RoleLevel* level : framework.all_levels()) {
        ++id_count[level->id];
    }
    for (auto& role : framework.roles) {
        for (auto& level : role.levels) {
            if (id_count[level.id] > 1) {
                level.id = role.id + "-" + level.id;
            }
        }
    }
    std::map<std::string, int> alias_count;
    std::map<std::string, const RoleLevel*> level_ids;
    for (const auto& role : framework.roles) {
        for (const auto& level : role.levels) {
            if (const auto [other, inserted] = level_ids.emplace(level.id, &level); !inserted) {
                throw InputError(level.location, "the role level '" + level.name + "' makes the same id '" + level.id +
                                                     "' as the role level '" + other->second->name + "' at line " +
                                                     std::to_string(other->second->location.line) +
                                                     ": ids ignore letter case and punctuation, so rename one");
            }
            if (const std::string alias = derive_alias(level.name, role.name); !alias.empty()) {
                ++alias_count[alias];
            }
        }
    }
    for (auto& role : framework.roles) {
        for (auto& level : role.levels) {
            const std::string alias = derive_alias(level.name, role.name);
            if (!alias.empty() && alias_count[alias] == 1 && level_ids.count(alias) == 0) {
                level.aliases.push_back(alias);
            }
        }
    }
    return result;
}

}  // namespace ddat
