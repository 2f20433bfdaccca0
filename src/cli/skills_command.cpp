// ddat skills list, ddat skills show SKILL
#include <memory>

#include "cli/app.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

// Every role level that requires the skill, with the requirement.
std::vector<std::pair<const RoleLevel*, const Requirement*>> levels_requiring(const Framework& framework,
                                                                              std::string_view skill_id) {
    std::vector<std::pair<const RoleLevel*, const Requirement*>> found;
    for (const RoleLevel* level : framework.all_levels()) {
        for (const auto& r : level->requirements) {
            if (r.skill_id == skill_id) {
                found.emplace_back(level, &r);
            }
        }
    }
    return found;
}

int list_skills(Session& session, bool ids) {
    const Framework& framework = session.framework();
    Output output = session.output();
    if (ids) {
        std::vector<std::string> skill_ids;
        skill_ids.reserve(framework.skills().size());
        for (const auto& skill : framework.skills()) {
            skill_ids.push_back(skill.id);
        }
        write_ids(output, skill_ids);
        return kExitOk;
    }
    if (output.format != Format::table) {
        Json skills = Json::array();
        for (const auto& skill : framework.skills()) {
            skills.push_back({{"id", skill.id},
                              {"name", skill.name},
                              {"description", skill.description},
                              {"required_by", levels_requiring(framework, skill.id).size()}});
        }
        write_data(output, skills, [](const Json& data) { return flatten(data); });
        return kExitOk;
    }
    TextTable table({"ID", "NAME", "LEVELS"}, 1);
    for (const auto& skill : framework.skills()) {
        table.add_row({skill.id, skill.name, std::to_string(levels_requiring(framework, skill.id).size())});
    }
    table.write(output.out, output.style);
    output.out << '\n'
               << output.style.dim(std::to_string(framework.skills().size()) +
                                   " skills. LEVELS: how many role levels require the skill.")
               << '\n';
    return kExitOk;
}

int show_skill(Session& session, const std::string& name) {
    const Framework& framework = session.framework();
    const Skill& skill = resolve_skill(framework, name);
    const auto requiring = levels_requiring(framework, skill.id);
    Output output = session.output();
    if (output.format != Format::table) {
        Json levels = Json::object();
        for (const auto& l : skill.levels) {
            levels[std::string(to_string(l.level))] = l.description;
        }
        Json roles = Json::array();
        for (const auto& role : framework.roles()) {
            for (const auto& s : role.skills) {
                if (s.skill_id == skill.id) {
                    roles.push_back({{"id", role.id}, {"name", role.name}, {"description", s.description}});
                }
            }
        }
        Json required_by = Json::array();
        for (const auto& [level, requirement] : requiring) {
            const Role& role = framework.role_of(*level);
            required_by.push_back({{"id", level->id},
                                   {"name", level->name},
                                   {"role", id_and_name(role)},
                                   {"level", std::string(required_level_word(*requirement))},
                                   {"description", framework.requirement_text(*requirement)}});
        }
        write_data(output,
                   {{"id", skill.id},
                    {"name", skill.name},
                    {"description", skill.description},
                    {"levels", levels},
                    {"roles", roles},
                    {"required_by", required_by}},
                   [](const Json& data) { return flatten(data["required_by"]); });
        return kExitOk;
    }
    const Style& style = output.style;
    std::ostream& out = output.out;
    out << style.bold(skill.name) << style.dim("  " + skill.id) << '\n';
    if (!skill.description.empty()) {
        out << '\n';
        write_wrapped(out, skill.description, style, "");
    }
    if (!skill.levels.empty()) {
        out << '\n' << style.bold("Skill levels") << '\n';
        for (const auto& l : skill.levels) {
            out << "  " << style.bold(std::string(to_string(l.level))) << '\n';
            write_wrapped(out, l.description, style, "      ");
        }
    }
    for (const auto& role : framework.roles()) {
        for (const auto& s : role.skills) {
            if (s.skill_id == skill.id && s.description != skill.description) {
                out << '\n' << style.bold("In the role " + role.name) << '\n';
                write_wrapped(out, s.description, style, "  ");
            }
        }
    }
    out << '\n' << style.bold("Required by " + std::to_string(requiring.size()) + " role levels") << '\n';
    if (!requiring.empty()) {
        TextTable table({"LEVEL", "ROLE LEVEL", "REQUIRED"});
        for (const auto& [level, requirement] : requiring) {
            table.add_row({short_name(*level), level->name,
                           pad(required_level_word(*requirement), 12) + "  " +
                               (requirement->level ? level_marker(*requirement->level) : std::string())});
        }
        table.write(out, style, "  ");
    }
    return kExitOk;
}

}  // namespace

void add_skills_commands(CLI::App& app, CommandRegistry& registry) {
    CLI::App* skills = app.add_subcommand("skills", "List the skills catalogue, or show one skill");
    if (!registry.builds(*skills)) {
        return;  // another command was asked for: the name and description are enough
    }
    skills->require_subcommand(0, 1);
    add_output_options(*skills, registry.options());
    skills->footer("Examples:\n  ddat skills list\n  ddat skills show user-focus");
    CLI::App* list = skills->add_subcommand("list", "List every skill of the framework");
    list->footer("Example:\n  ddat skills list --format json");
    auto ids = std::make_shared<bool>(false);
    list->add_flag("--ids", *ids, "Only the skill ids, one a line (JSON: a list)");
    add_output_file_option(*list, registry.options());
    registry.add(list, [ids](Session& session) { return list_skills(session, *ids); });

    auto name = std::make_shared<std::string>();
    CLI::App* show = skills->add_subcommand("show", "One skill, and every role level that requires it");
    completes(show->add_option("SKILL", *name, "Skill id or name")->required(), Completion::skills);
    show->footer("Examples:\n  ddat skills show user-focus\n  ddat skills show \"Strategic thinking\"");
    add_output_file_option(*show, registry.options());
    registry.add(show, [name](Session& session) { return show_skill(session, *name); });
}

}  // namespace ddat::cli
