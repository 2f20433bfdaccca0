// ddat changes OLD NEW [--renames FILE]
#include <filesystem>
#include <memory>

#include "cli/app.hpp"
#include "cli/self_assessment_input.hpp"
#include "ddat/analysis/changes.hpp"
#include "ddat/files.hpp"
#include "ddat/load/builtin_framework.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/renames.hpp"
#include "ddat/text.hpp"

namespace ddat::cli {

namespace {

struct ChangesOptions {
    std::string before;
    std::string after;
    std::string renames_file;
    bool text = false;
    bool all = false;
    bool exit_code = false;
    bool no_detect = false;
};

constexpr std::string_view kBuiltIn = "built-in";

// A built-in release by name ("built-in" is the one in use), else a framework file or folder.
Framework load(const std::string& path, const GlobalOptions& options) {
    if (path == kBuiltIn) {
        return load_builtin_framework(requested_release(options));
    }
    std::vector<std::string> names{std::string(kBuiltIn)};
    for (const auto& release : builtin_releases()) {
        if (release.name == path) {
            return load_builtin_framework(path);
        }
        names.emplace_back(release.name);
    }
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        if (const auto near = nearest(path, names, 1); !near.empty()) {
            throw InputError(SourceLocation{path, 0, 0},
                             "no such file or folder: did you mean '" + near.front() + "', " +
                                 (near.front() == kBuiltIn ? std::string("the framework built into ddat?")
                                                           : "the built-in release?"));
        }
    }
    return load_framework(path);
}

std::string word(const Requirement* requirement) {
    return requirement == nullptr ? "-" : std::string(required_level_word(*requirement));
}

// "raised", "renamed, text changed", ...
std::string describe(const RequirementChange& c) {
    std::string text = c.change == LevelChange::same ? "" : std::string(to_string(c.change));
    if (c.change == LevelChange::same && c.before != nullptr && c.after != nullptr &&
        c.before->level.has_value() != c.after->level.has_value()) {
        text = c.after->level ? "level now stated" : "level no longer stated";
    }
    if (c.renamed) {
        text +=
            (text.empty() ? "" : ", ") +
            (c.detected > 0 ? "renamed (detected, " + std::to_string(c.detected) + "% alike)" : std::string("renamed"));
    }
    if (c.text_changed) {
        text += (text.empty() ? "" : ", ") + std::string("text changed");
    }
    return text;
}

Json changes_json(const FrameworkChanges& changes, const Framework& before, const Framework& after) {
    const auto level_list = [](const std::vector<Ref<const RoleLevel>>& levels) {
        Json list = Json::array();
        for (const auto& level : levels) {
            list.push_back({{"id", level->id}, {"name", level->name}});
        }
        return list;
    };
    const auto skill_list = [](const std::vector<Ref<const Skill>>& skills) {
        Json list = Json::array();
        for (const auto& skill : skills) {
            list.push_back({{"id", skill->id}, {"name", skill->name}});
        }
        return list;
    };
    Json changed = Json::array();
    for (const auto& level : changes.levels_changed) {
        Json skills = Json::array();
        for (const auto& c : level.skills) {
            skills.push_back(
                {{"old_id", c.old_skill_id.empty() ? Json(nullptr) : Json(c.old_skill_id)},
                 {"new_id", c.new_skill_id.empty() ? Json(nullptr) : Json(c.new_skill_id)},
                 {"name", c.name},
                 {"from", c.before == nullptr ? Json(nullptr) : Json(std::string(required_level_word(*c.before)))},
                 {"to", c.after == nullptr ? Json(nullptr) : Json(std::string(required_level_word(*c.after)))},
                 {"change", std::string(to_string(c.change))},
                 {"renamed", c.renamed},
                 {"detected", c.detected > 0 ? Json(c.detected) : Json(nullptr)},
                 {"text_changed", c.text_changed},
                 {"from_description", c.before == nullptr ? Json(nullptr) : Json(before.requirement_text(*c.before))},
                 {"to_description", c.after == nullptr ? Json(nullptr) : Json(after.requirement_text(*c.after))}});
        }
        changed.push_back({{"id", level.after->id},
                           {"name", level.after->name},
                           {"description_changed", level.description_changed},
                           {"skills", skills}});
    }
    return {{"summary",
             {{"levels_added", changes.levels_added.size()},
              {"levels_removed", changes.levels_removed.size()},
              {"levels_changed", changes.levels_changed.size()},
              {"levels_unchanged", changes.levels_unchanged},
              {"skills_added", changes.skills_added.size()},
              {"skills_removed", changes.skills_removed.size()}}},
            {"levels_changed", changed},
            {"levels_added", level_list(changes.levels_added)},
            {"levels_removed", level_list(changes.levels_removed)},
            {"skills_added", skill_list(changes.skills_added)},
            {"skills_removed", skill_list(changes.skills_removed)}};
}

void write_names(std::ostream& out, const Style& style, const std::string& heading,
                 const std::vector<std::string>& names, bool all) {
    if (names.empty()) {
        return;
    }
    constexpr std::size_t kShown = 12;
    std::string list;
    for (std::size_t i = 0; i < names.size() && (all || i < kShown); ++i) {
        list += (list.empty() ? "" : ", ") + names[i];
    }
    if (!all && names.size() > kShown) {
        list += ", and " + std::to_string(names.size() - kShown) + " more (--all lists them)";
    }
    out << '\n' << style.bold(heading + " (" + std::to_string(names.size()) + ")") << '\n';
    write_wrapped(out, list, style, "  ");
}

int run_changes(Session& session, const ChangesOptions& options) {
    const Framework before = load(options.before, session.options());
    const Framework after = load(options.after, session.options());
    Renames renames = renames_known_to(before, after);
    if (!options.renames_file.empty()) {
        const Renames given = load_renames(read_input(options.renames_file, 4U * 1024U * 1024U), options.renames_file);
        for (const auto& problem : check_renames(given, before, after)) {
            session.warn(format_diagnostic(problem));
        }
        for (const auto& [from, to] : given.skills) {
            renames.skills[from] = to;
        }
        renames.levels = given.levels;
    }
    const std::vector<DetectedRename> detected =
        options.no_detect ? std::vector<DetectedRename>{} : detect_skill_renames(before, after, renames);
    const FrameworkChanges changes = compare_frameworks(before, after, renames, detected);
    const bool any = !changes.levels_added.empty() || !changes.levels_removed.empty() ||
                     !changes.levels_changed.empty() || !changes.skills_added.empty() ||
                     !changes.skills_removed.empty();
    Output output = session.output();
    if (write_machine(
            output, [&] { return changes_json(changes, before, after); },
            [](const Json& data) {
                return flatten(data["levels_changed"], "skills",
                               {"id", "name", "description_changed", "skills.old_id", "skills.new_id", "skills.name",
                                "skills.from", "skills.to", "skills.change", "skills.renamed", "skills.text_changed"});
            })) {
        return options.exit_code && any ? kExitDifferences : kExitOk;
    }
    std::ostream& out = output.out;
    const Style& style = output.style;
    out << "From " << options.before << " to " << options.after << ": " << changes.levels_changed.size()
        << " role levels changed, " << changes.levels_unchanged << " unchanged, " << changes.levels_added.size()
        << " added, " << changes.levels_removed.size() << " removed\n";
    for (const auto& level : changes.levels_changed) {
        out << '\n' << style.bold(level.after->name) << style.dim("  " + level.after->id) << '\n';
        if (level.description_changed) {
            out << "  The description changed.\n";
        }
        if (level.skills.empty()) {
            continue;
        }
        TextTable table({"SKILL", "BEFORE", "AFTER", "CHANGE"}, 0);
        for (const auto& c : level.skills) {
            std::string name = c.name;
            if (c.renamed) {
                const Skill* old_skill = before.find_skill(c.old_skill_id);
                name = (old_skill != nullptr ? old_skill->name : c.old_skill_id) + " → " + c.name;
            }
            table.add_row({name, word(c.before), word(c.after), describe(c)},
                          {Tone::plain, Tone::plain, Tone::plain, tone_of(c.change)});
        }
        table.write(out, style, "  ");
        if (options.text) {
            for (const auto& c : level.skills) {
                if (!c.text_changed && c.change != LevelChange::added && c.change != LevelChange::removed) {
                    continue;
                }
                out << "  " << style.bold(c.name) << '\n';
                if (c.before != nullptr && !before.requirement_text(*c.before).empty()) {
                    write_wrapped(out, "Before: " + before.requirement_text(*c.before), style, "      ");
                }
                if (c.after != nullptr && !after.requirement_text(*c.after).empty()) {
                    write_wrapped(out, "After: " + after.requirement_text(*c.after), style, "      ");
                }
            }
        }
    }
    std::vector<std::string> names;
    for (const auto& level : changes.levels_added) {
        names.push_back(level->id);
    }
    write_names(out, style, "Role levels added", names, options.all);
    names.clear();
    for (const auto& level : changes.levels_removed) {
        names.push_back(level->id);
    }
    write_names(out, style, "Role levels removed", names, options.all);
    names.clear();
    for (const auto& skill : changes.skills_added) {
        names.push_back(skill->id);
    }
    write_names(out, style, "Skills added to the catalogue", names, options.all);
    names.clear();
    for (const auto& skill : changes.skills_removed) {
        names.push_back(skill->id);
    }
    write_names(out, style, "Skills no longer in the catalogue", names, options.all);
    return options.exit_code && any ? kExitDifferences : kExitOk;
}

}  // namespace

void add_changes_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<ChangesOptions>();
    CLI::App* command = app.add_subcommand("changes", "What changed between two copies of the framework");
    if (!registry.builds(*command)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(
        command->add_option("OLD", options->before, "The older copy: a file or folder, a built-in release, or built-in")
            ->required(),
        Completion::frameworks);
    completes(
        command->add_option("NEW", options->after, "The newer copy: a file or folder, a built-in release, or built-in")
            ->required(),
        Completion::frameworks);
    completes(
        command->add_option("--renames", options->renames_file, "YAML file of skills and levels renamed between them")
            ->type_name("FILE"),
        Completion::files);
    command->add_flag("--text", options->text, "Also show the texts that changed");
    command->add_flag("--all", options->all, "List every added or removed level and skill");
    command->add_flag("--exit-code", options->exit_code, "Exit 1 when anything changed");
    command->add_flag("--no-detect", options->no_detect, "Do not look for renamed skills, only use --renames");
    command->footer(
        "OLD and NEW name built-in releases (2020-01, 2025-10; 'built-in' is the one in use)\n"
        "or framework files and folders; a release name wins over a folder of that name\n"
        "(write ./2025-10 for the folder). Role levels are matched by id, skills within a level\n"
        "by id. A built-in release knows the skills renamed since the release before it. Other\n"
        "renames are detected, as git detects renamed files: a skill only OLD has is paired with\n"
        "one only NEW has when their names, the role levels that require them and their texts\n"
        "are at least 50% alike, shown as 'renamed (detected, N% alike)'. A rename file states\n"
        "renames instead (--no-detect turns detection off):\n"
        "\n"
        "  skills:\n"
        "    relationship-management: stakeholder-relationship-management-it-operations\n"
        "  levels:\n"
        "    old-level-id: new-level-id\n"
        "\n"
        "Examples:\n"
        "  ddat changes 2020-01 2025-10\n"
        "  ddat changes 2025-10 my-framework/ --renames my-renames.yaml");
    add_output_file_option(*command, registry.options());
    registry.add(command, [options](Session& session) { return run_changes(session, *options); });
}

}  // namespace ddat::cli
