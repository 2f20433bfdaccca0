#include "ddat/load/importer.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "ddat/parse/csv.hpp"
#include "ddat/text.hpp"
#include "parse/decoder.hpp"
#include "parse/yaml_tree.hpp"

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
        const auto* const found = std::find_if(std::begin(kTitleRanks), std::end(kTitleRanks),
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
    return decode_yaml_file(text, file, [](const yaml::Node& root, Decoder& d) {
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
                const yaml::Node* levels = &root.value_at(i);
                if (levels->is_mapping()) {
                    d.check_keys(*levels, "a role's order", {"levels", "source", "note"}, {"levels"});
                    order.source = d.optional_text(*levels, "source", "the source");
                    order.note = d.optional_text(*levels, "note", "the note");
                    levels = levels->find("levels");
                }
                if (levels == nullptr) {
                    continue;  // reported by check_keys
                }
                order.levels = d.text_list(*levels, "a role's levels");
                if (levels->is_sequence()) {
                    for (const auto& item : levels->items) {
                        order.level_locations.push_back(d.location(item));
                    }
                }
                orders.push_back(std::move(order));
            }
        }
        return orders;
    });
}

std::vector<CorrectionRule> load_corrections(const std::string& text, const std::string& file) {
    return decode_yaml_file(text, file, [](const yaml::Node& root, Decoder& d) {
        std::vector<CorrectionRule> rules;
        if (root.is_null()) {
            return rules;
        }
        const auto count = [&](const yaml::Node& mapping, std::string_view key) {
            int value = 0;
            const yaml::Node* node = mapping.find(key);
            if (node == nullptr || node->is_null()) {
                return value;
            }
            const std::string digits = d.text(*node, "an expected count").value_or("");
            const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
            if (error != std::errc() || end != digits.data() + digits.size() || value < 0) {
                d.problem(*node, "an expected count is a whole number, such as 46");
            }
            return value;
        };
        if (d.expect_mapping(root, "a corrections file")) {
            d.check_keys(root, "a corrections file", {"corrections"}, {"corrections"});
            const yaml::Node* list = root.find("corrections");
            if (list != nullptr && !list->is_null() && d.expect_sequence(*list, "'corrections'")) {
                for (const auto& item : list->items) {
                    if (!d.expect_mapping(item, "a correction")) {
                        continue;
                    }
                    d.check_keys(item, "a correction", {"phrase", "replacement", "reason", "expected"},
                                 {"phrase", "replacement", "reason", "expected"});
                    CorrectionRule rule;
                    rule.location = d.location(item);
                    rule.phrase = d.optional_text(item, "phrase", "the phrase");
                    rule.replacement = d.optional_text(item, "replacement", "the replacement");
                    rule.reason = d.optional_text(item, "reason", "the reason");
                    if (const yaml::Node* expected = item.find("expected");
                        expected != nullptr && d.expect_mapping(*expected, "'expected'")) {
                        d.check_keys(*expected, "'expected'", {"role_content", "skill_descriptions"}, {});
                        rule.expected_in_role_content = count(*expected, "role_content");
                        rule.expected_in_skill_descriptions = count(*expected, "skill_descriptions");
                    }
                    if (item.find("phrase") != nullptr && rule.phrase.empty()) {
                        d.problem(*item.find("phrase"), "the phrase of a correction cannot be empty");
                    }
                    rules.push_back(std::move(rule));
                }
            }
        }
        return rules;
    });
}

namespace {

// Replaces every phrase of the rules in the cells of a table, counting each rule's replacements.
// Returns, for each cell of `name_column` that changed, its corrected text and its text as
// published.
std::map<std::string, std::string> correct_cells(Table& table, const std::vector<CorrectionRule>& rules,
                                                 std::vector<int>& counts, const std::string& name_column) {
    std::map<std::string, std::string> published_names;
    const std::size_t name_index = table.column.at(name_column);
    for (auto& row : table.rows) {
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            std::string& cell = row.cells[c];
            const std::string before = c == name_index ? cell : std::string();
            for (std::size_t r = 0; r < rules.size(); ++r) {
                const CorrectionRule& rule = rules[r];
                for (std::size_t at = cell.find(rule.phrase); at != std::string::npos;
                     at = cell.find(rule.phrase, at + rule.replacement.size())) {
                    cell.replace(at, rule.phrase.size(), rule.replacement);
                    ++counts[r];
                }
            }
            if (c == name_index && before != cell) {
                published_names.emplace(std::string(trim(cell)), std::string(trim(before)));
            }
        }
    }
    return published_names;
}

// One import: the steps that turn the two tables into a framework, each a method, in the order
// import_framework_csv calls them.
class Importer {
public:
    Importer(const std::string& role_file, const std::string& skill_file, const ImportOptions& options)
        : role_file_(role_file), skill_file_(skill_file), options_(options) {}

    // Applies the corrections to both tables and checks each rule's counts.
    void apply_corrections(Table& roles, Table& skills) {
        const auto& rules = options_.corrections;
        std::vector<int> in_roles(rules.size(), 0);
        std::vector<int> in_skills(rules.size(), 0);
        published_skill_names_ = correct_cells(skills, rules, in_skills, "Skill Name");
        const auto role_table_names = correct_cells(roles, rules, in_roles, "Skill Name");
        published_skill_names_.insert(role_table_names.begin(), role_table_names.end());
        std::vector<Diagnostic> problems;
        for (std::size_t r = 0; r < rules.size(); ++r) {
            const CorrectionRule& rule = rules[r];
            for (const auto& [file, found, expected] :
                 {std::make_tuple(role_file_, in_roles[r], rule.expected_in_role_content),
                  std::make_tuple(skill_file_, in_skills[r], rule.expected_in_skill_descriptions)}) {
                if (found != expected) {
                    problems.push_back({rule.location, "the phrase '" + rule.phrase + "' is in " + file + " " +
                                                           std::to_string(found) +
                                                           " times, where the correction "
                                                           "expects " +
                                                           std::to_string(expected) +
                                                           ": if the publisher has changed the text, check the "
                                                           "download and update or remove this correction"});
                }
            }
            report_.corrections.push_back({rule, in_roles[r], in_skills[r]});
            data_.metadata.corrections.push_back(
                {rule.phrase, rule.replacement, rule.reason, in_roles[r] + in_skills[r]});
        }
        if (!problems.empty()) {
            throw InputError(std::move(problems));
        }
    }

    void set_metadata() {
        FrameworkMetadata& m = data_.metadata;
        m.title = "Government Digital and Data Profession Capability Framework";
        m.publisher = "Central Digital and Data Office";
        m.published = options_.published;
        m.version = options_.version;
        m.source = "https://ddat-capability-framework.service.gov.uk/";
        m.licence = "Open Government Licence v3.0";
        m.licence_url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
        m.attribution =
            "Contains public sector information licensed under the Open Government Licence v3.0. Imported by ddat "
            "from the framework's \"Download framework content\" CSV files.";
    }

    // The skills catalogue, from the skill descriptions file.
    void read_skill_catalogue(const Table& skills) {
        FrameworkData& framework = data_;
        for (const auto& row : skills.rows) {
            const std::string name = trimmed(skills.cell(row, "Skill Name"), skill_file_, row.line, "skill name");
            if (name.empty()) {
                throw InputError(SourceLocation{skill_file_, row.line, 0}, "a skill with no name");
            }
            if (skill_by_name_.contains(name)) {
                ++report().duplicate_rows;
                note(skill_file_, row.line, "duplicate row", "the skill '" + name + "' is described again: first kept");
                continue;
            }
            Skill skill;
            skill.location = SourceLocation{skill_file_, row.line, 0};
            check_count(framework.skills.size() + 1, kMaxSkills, skill.location, "skills");
            skill.id = skill_ids_.id(name, skill.location);
            skill.name = name;
            skill.description = skills.cell(row, "Skill Description");
            for (const SkillLevel level : kFrameworkLevels) {
                std::string column(to_string(level));
                column[0] = static_cast<char>(column[0] - 'a' + 'A');
                const std::string& text = skills.cell(row, column);
                if (undefined_text(text)) {
                    ++report().undefined_levels;
                    note(skill_file_, row.line, "undefined level",
                         "'" + name + "' has no " + std::string(to_string(level)) + " description: left out");
                    continue;
                }
                skill.levels.push_back({level, text});
            }
            skill_by_name_.emplace(name, framework.skills.size());
            framework.skills.push_back(std::move(skill));
        }
    }

    // Families, roles, their levels and each level's requirements, in the order the rows first
    // name them.
    void read_roles(const Table& roles) {
        for (const auto& row : roles.rows) {
            std::vector<std::string> clean_cells;
            for (const auto& cell : row.cells) {
                clean_cells.emplace_back(trim(cell));
            }
            if (!seen_rows_.insert(clean_cells).second) {
                ++report().duplicate_rows;
                note(role_file_, row.line, "duplicate row", "the same row as an earlier one: removed");
                continue;
            }
            read_role_row(roles, row);
        }
    }

    // Sorts each role's levels from junior to senior: by title, then by required levels, then as
    // the order file says.
    void order_levels() {
        for (auto& role : data_.roles) {
            LevelOrder order;
            order.role = role.name;
            sort_by_title(role);
            const auto override_it =
                std::find_if(options_.order_overrides.begin(), options_.order_overrides.end(), [&](const auto& entry) {
                    return entry.role == role.id || to_lower(entry.role) == to_lower(role.name);
                });
            if (override_it != options_.order_overrides.end()) {
                apply_override(role, *override_it);
                order.overridden = true;
                order.source = override_it->source;
            }
            for (const auto& level : role.levels) {
                order.levels.push_back(level.name);
            }
            report().orders.push_back(std::move(order));
        }
        check_override_roles();
    }

    // Levels named "... - management" form the role's management track.
    void mark_tracks() {
        for (auto& role : data_.roles) {
            for (auto& level : role.levels) {
                if (level.name.ends_with(" - management")) {
                    level.track = "management";
                }
            }
        }
    }

    // A skill whose name a correction changed answers to its published id too.
    void alias_corrected_skills() {
        for (auto& skill : data_.skills) {
            if (const auto published = published_skill_names_.find(skill.name);
                published != published_skill_names_.end()) {
                const std::string alias = slugify(published->second);
                if (!alias.empty() && alias != skill.id && !has_skill_id(alias)) {
                    skill.aliases.push_back(alias);
                }
            }
        }
    }

    // Unique level ids, then aliases that clash with nothing.
    void assign_level_ids() {
        FrameworkData& framework = data_;
        std::map<std::string, int> id_count;
        for (const auto& role : framework.roles) {
            for (const auto& level : role.levels) {
                ++id_count[level.id];
            }
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
                    throw InputError(level.location, "the role level '" + level.name + "' makes the same id '" +
                                                         level.id + "' as the role level '" + other->second->name +
                                                         "' at line " + std::to_string(other->second->location.line) +
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
                if (!alias.empty() && alias_count[alias] == 1 && !level_ids.contains(alias)) {
                    level.aliases.push_back(alias);
                }
            }
        }
    }

    ImportResult take() { return {finish_framework(std::move(data_)), std::move(report_)}; }

private:
    ImportReport& report() { return report_; }

    // Whether a skill of the catalogue read so far has this id.
    [[nodiscard]] bool has_skill_id(std::string_view id) const {
        return std::any_of(data_.skills.begin(), data_.skills.end(),
                           [&](const Skill& skill) { return skill.id == id; });
    }

    void note(const std::string& file, int line, std::string kind, std::string message) {
        report().notes.push_back({SourceLocation{file, line, 0}, std::move(kind), std::move(message)});
    }

    std::string trimmed(const std::string& text, const std::string& file, int line, std::string_view column) {
        std::string clean(trim(text));
        if (clean != text) {
            ++report().trimmed_cells;
            note(file, line, "trimmed", "white space around the " + std::string(column) + " '" + clean + "' removed");
        }
        return clean;
    }

    void read_role_row(const Table& roles, const CsvRecord& row) {
        FrameworkData& framework = data_;
        const int line = row.line;
        const std::string family_name = trimmed(roles.cell(row, "Role Family"), role_file_, line, "role family");
        const std::string role_name = trimmed(roles.cell(row, "Role"), role_file_, line, "role");
        const std::string level_name = trimmed(roles.cell(row, "Role Level"), role_file_, line, "role level");
        const std::string skill_name = trimmed(roles.cell(row, "Skill Name"), role_file_, line, "skill name");
        if (family_name.empty() || role_name.empty() || level_name.empty() || skill_name.empty()) {
            throw InputError(SourceLocation{role_file_, line, 0},
                             "a row without a role family, role, role level or skill name");
        }
        if (!family_by_name_.contains(family_name)) {
            const SourceLocation at{role_file_, line, 0};
            check_count(framework.families.size() + 1, kMaxFamilies, at, "role families");
            family_by_name_.emplace(family_name, framework.families.size());
            framework.families.push_back({family_ids_.id(family_name, at), family_name, "", at});
        }
        if (!role_by_name_.contains(role_name)) {
            check_count(framework.roles.size() + 1, kMaxRoles, SourceLocation{role_file_, line, 0}, "roles");
            rows_of_role_.push_back(0);
            Role role;
            role.id = role_ids_.id(role_name, SourceLocation{role_file_, line, 0});
            role.name = role_name;
            role.family_id = framework.families[family_by_name_.at(family_name)].id;
            role.description = roles.cell(row, "Role Description");
            role.location = SourceLocation{role_file_, line, 0};
            role_by_name_.emplace(role_name, framework.roles.size());
            framework.roles.push_back(std::move(role));
        }
        const std::size_t role_index = role_by_name_.at(role_name);
        check_count(++rows_of_role_[role_index], kMaxRowsPerRole, SourceLocation{role_file_, line, 0},
                    "rows for the role '" + role_name + "'");
        Role& role = framework.roles[role_index];
        const bool whole_role = level_name == kNotInUse;
        const std::string shown_level_name = whole_role ? role_name : level_name;
        auto level_found = level_by_name_.find({role_index, shown_level_name});
        if (level_found == level_by_name_.end()) {
            RoleLevel level;
            level.id = slugify(shown_level_name);
            if (level.id.empty()) {
                throw InputError(
                    SourceLocation{role_file_, line, 0},
                    "the role level name '" + shown_level_name + "' has no letter or digit to make an id from");
            }
            level.name = shown_level_name;
            level.role_id = role.id;
            level.whole_role = whole_role;
            const std::string& description = roles.cell(row, "Role Level Description");
            level.description = whole_role && trim(description) == kNotInUse ? std::string() : description;
            level.senior_civil_service = trim(roles.cell(row, "Role Type")) == "Senior Civil Service";
            level.location = SourceLocation{role_file_, line, 0};
            if (whole_role) {
                ++report().whole_roles;
                note(role_file_, line, "whole role",
                     "'" + role_name + "' is published without levels (NOT IN USE): one level stands for the role");
            }
            level_found =
                level_by_name_.emplace(std::make_pair(role_index, shown_level_name), role.levels.size()).first;
            role.levels.push_back(std::move(level));
        }
        const std::size_t level_index = level_found->second;
        RoleLevel& level = role.levels[level_index];
        const Skill& skill = skill_of_row(roles, row, skill_name);

        Requirement requirement;
        requirement.skill_id = skill.id;
        requirement.location = SourceLocation{role_file_, line, 0};
        const std::string level_word(trim(roles.cell(row, "Skill Level")));
        const std::string& skill_text = roles.cell(row, "Skill Description");
        if (trim(skill_text) == kMissing) {
            ++report().missing_texts;
            note(role_file_, line, "missing text",
                 "the description of '" + skill_name + "' reads MISSING: the skill descriptions file gives it");
        }
        if (level_word == kNotInUse) {
            requirement.level = std::nullopt;
            requirement.description = trim(skill_text) == kMissing ? std::string() : skill_text;
        } else {
            const auto parsed = parse_skill_level(level_word);
            if (!parsed || *parsed == SkillLevel::none) {
                throw InputError(SourceLocation{role_file_, line, 0},
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
            requirement_lines_.emplace(std::make_tuple(role_index, level_index, skill.id), line);
        if (!first_time) {
            ++report().repeated_skills;
            note(role_file_, line, "repeated skill",
                 "'" + skill_name + "' is listed again for '" + level.name + "' (first at line " +
                     std::to_string(existing->second) + "): first kept");
            return;
        }
        level.requirements.push_back(std::move(requirement));
    }

    // The catalogue's skill a role content row names, added to the catalogue when only the role
    // content file has it.
    const Skill& skill_of_row(const Table& roles, const CsvRecord& row, const std::string& skill_name) {
        FrameworkData& framework = data_;
        auto skill_index = skill_by_name_.find(skill_name);
        if (skill_index == skill_by_name_.end() && trim(roles.cell(row, "Skill Description")) == kMissing) {
            throw InputError(SourceLocation{role_file_, row.line, 0},
                             "the skill '" + skill_name + "' reads MISSING and is not in " + skill_file_ +
                                 ": no description of it exists");
        }
        if (skill_index == skill_by_name_.end()) {
            Skill skill;
            skill.location = SourceLocation{role_file_, row.line, 0};
            check_count(framework.skills.size() + 1, kMaxSkills, skill.location, "skills");
            skill.id = skill_ids_.id(skill_name, skill.location);
            skill.name = skill_name;
            skill.description = roles.cell(row, "Skill Description");
            note(role_file_, row.line, "new skill",
                 "'" + skill_name + "' is not in the skill descriptions file: added");
            skill_index = skill_by_name_.emplace(skill_name, framework.skills.size()).first;
            framework.skills.push_back(std::move(skill));
        }
        return framework.skills[skill_index->second];
    }

    // Junior first by the title's rank, then by the sum of required levels, then by name. The
    // keys are worked out once per level, not once per comparison: a role may have thousands.
    static void sort_by_title(Role& role) {
        const auto weight = [](const RoleLevel& level) {
            int total = 0;
            for (const auto& r : level.requirements) {
                total += r.level ? to_number(*r.level) : 0;
            }
            return total;
        };
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
    }

    // The order file's levels first, in its order; levels it does not name follow as sorted.
    static void apply_override(Role& role, const OrderOverride& order) {
        std::vector<RoleLevel> ordered;
        for (std::size_t n = 0; n < order.levels.size(); ++n) {
            const std::string& name = order.levels[n];
            const auto found = std::find_if(role.levels.begin(), role.levels.end(), [&](const RoleLevel& l) {
                return l.id == name || to_lower(l.name) == to_lower(name);
            });
            if (found == role.levels.end()) {
                std::vector<std::string> names;
                for (const auto& l : role.levels) {
                    names.push_back(l.name);
                }
                const auto near = nearest(name, names, 1);
                throw InputError(n < order.level_locations.size() ? order.level_locations[n] : order.location,
                                 "the order for '" + role.name + "' names '" + name +
                                     "', which is not one of its levels" +
                                     (near.empty() ? std::string() : ": did you mean '" + near.front() + "'?"));
            }
            ordered.push_back(std::move(*found));
            role.levels.erase(found);
        }
        std::move(role.levels.begin(), role.levels.end(), std::back_inserter(ordered));
        role.levels = std::move(ordered);
    }

    void check_override_roles() const {
        const FrameworkData& framework = data_;
        for (const auto& order : options_.order_overrides) {
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
    }

    const std::string& role_file_;
    const std::string& skill_file_;
    const ImportOptions& options_;
    FrameworkData data_;
    ImportReport report_;
    std::map<std::string, std::string> published_skill_names_;  // corrected name -> as published
    std::map<std::string, std::size_t> skill_by_name_;
    IdMaker skill_ids_{"skill"};
    std::set<std::vector<std::string>> seen_rows_;
    std::map<std::string, std::size_t> role_by_name_;
    std::map<std::string, std::size_t> family_by_name_;
    IdMaker family_ids_{"role family"};
    IdMaker role_ids_{"role"};
    std::map<std::pair<std::size_t, std::string>, std::size_t> level_by_name_;            // (role, level name)
    std::map<std::tuple<std::size_t, std::size_t, std::string>, int> requirement_lines_;  // (role, level, skill)
    std::vector<std::size_t> rows_of_role_;
};

}  // namespace

ImportResult import_framework_csv(const std::string& role_csv, const std::string& role_file,
                                  const std::string& skill_csv, const std::string& skill_file,
                                  const ImportOptions& options) {
    Importer importer(role_file, skill_file, options);
    importer.set_metadata();
    Table skills = read_table(skill_csv, skill_file, kSkillDescriptionColumns, "skill descriptions");
    Table roles = read_table(role_csv, role_file, kRoleContentColumns, "role content");
    importer.apply_corrections(roles, skills);
    importer.read_skill_catalogue(skills);
    importer.read_roles(roles);
    importer.order_levels();
    importer.assign_level_ids();
    importer.mark_tracks();
    importer.alias_corrected_skills();
    ImportResult result = importer.take();
    result.report.skill_rows = static_cast<int>(skills.rows.size());
    result.report.role_rows = static_cast<int>(roles.rows.size());
    return result;
}

}  // namespace ddat
