// ddat roles list, ddat roles show ROLE
#include <memory>
#include <optional>

#include "cli/app.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

Json role_json(const Framework& framework, const Role& role) {
    Json levels = Json::array();
    for (const auto& level : role.levels) {
        levels.push_back({{"id", level.id}, {"name", level.name}, {"aliases", level.aliases}});
    }
    return {
        {"id", role.id}, {"name", role.name}, {"family", id_and_name(framework.family_of(role))}, {"levels", levels}};
}

// --ids: the ids of the role levels (by default), the roles or the families listed, in order.
std::vector<std::string> listed_ids(const Framework& framework, const Family* only, const std::string& which) {
    std::vector<std::string> ids;
    if (which == "families") {
        for (const auto& family : framework.families()) {
            if (only == nullptr || family.id == only->id) {
                ids.push_back(family.id);
            }
        }
        return ids;
    }
    for (const auto& role : framework.roles()) {
        if (only != nullptr && role.family_id != only->id) {
            continue;
        }
        if (which == "roles") {
            ids.push_back(role.id);
            continue;
        }
        for (const auto& level : role.levels) {
            ids.push_back(level.id);
        }
    }
    return ids;
}

int list_roles(Session& session, const std::string& family_name, const std::optional<std::string>& ids) {
    // names, ids, aliases and pay bands only: no role's texts or requirements
    const Framework& framework = session.framework(LoadScope::outline());
    const Family* only = family_name.empty() ? nullptr : &resolve_family(framework, family_name);
    Output output = session.output();
    if (ids) {
        write_ids(output, listed_ids(framework, only, *ids));
        return kExitOk;
    }
    if (output.format != Format::table) {
        Json roles = Json::array();
        for (const auto& role : framework.roles()) {
            if (only == nullptr || role.family_id == only->id) {
                roles.push_back(role_json(framework, role));
            }
        }
        write_data(output, roles, [](const Json& data) { return flatten(data, "levels"); });
        return kExitOk;
    }
    bool first = true;
    for (const auto& family : framework.families()) {
        if (only != nullptr && family.id != only->id) {
            continue;
        }
        std::vector<const Role*> roles;
        for (const auto& role : framework.roles()) {
            if (role.family_id == family.id) {
                roles.push_back(&role);
            }
        }
        if (roles.empty()) {
            continue;
        }
        output.out << (first ? "" : "\n") << output.style.bold(family.name)
                   << output.style.dim(" (" + std::to_string(roles.size()) + (roles.size() == 1 ? " role)" : " roles)"))
                   << '\n';
        first = false;
        for (const Role* role : roles) {
            output.out << "  " << role->name << output.style.dim("  " + role->id) << '\n';
            std::size_t width = 0;
            for (const auto& level : role->levels) {
                width = std::max(width, display_width(short_name(level)));
            }
            for (const auto& level : role->levels) {
                output.out << "    " << pad(short_name(level), width) << "  " << level.name
                           << (level.pay_band.empty() ? std::string() : output.style.dim(" (" + level.pay_band + ")"))
                           << '\n';
            }
        }
    }
    return kExitOk;
}

int show_role(Session& session, const std::string& name) {
    const Framework& framework = session.framework();
    const Role& role = resolve_role(framework, name);
    Output output = session.output();
    if (output.format != Format::table) {
        Json json = role_json(framework, role);
        json["description"] = role.description;
        Json skills = Json::array();
        for (const auto& skill : role.skills) {
            skills.push_back({{"id", skill.skill_id},
                              {"name", framework.find_skill(skill.skill_id)->name},
                              {"description", skill.description}});
        }
        json["skills"] = skills;
        for (std::size_t i = 0; i < role.levels.size(); ++i) {
            const RoleLevel& level = role.levels[i];
            json["levels"][i]["description"] = level.description;
            json["levels"][i]["pay_band"] = level.pay_band.empty() ? Json(nullptr) : Json(level.pay_band);
            json["levels"][i]["track"] = level.track.empty() ? Json(nullptr) : Json(level.track);
            Json requirements = Json::array();
            for (const auto& r : level.requirements) {
                requirements.push_back({{"id", r.skill_id}, {"level", std::string(required_level_word(r))}});
            }
            json["levels"][i]["skills"] = requirements;
        }
        write_data(output, json, [](const Json& data) { return flatten(data["levels"], "skills"); });
        return kExitOk;
    }
    const Style& style = output.style;
    std::ostream& out = output.out;
    out << style.bold(role.name) << style.dim("  " + role.id) << '\n';
    out << "Family: " << framework.family_of(role).name << '\n';
    if (!role.description.empty()) {
        out << '\n';
        write_wrapped(out, role.description, style, "");
    }
    out << '\n' << style.bold("Levels") << '\n';
    // Levels of a parallel track (management) follow the step they sit beside, unnumbered.
    int step = 0;
    for (const RoleLevel& level : role.levels) {
        const std::string number = level.track.empty() ? std::to_string(++step) + ". " : "   ";
        out << "  " << number << style.bold(level.name) << style.dim("  " + short_name(level))
            << (level.pay_band.empty() ? "" : "  (" + level.pay_band + ")")
            << (level.track.empty() ? "" : "  (" + level.track + " track, beside level " + std::to_string(step) + ")")
            << '\n';
        if (!level.description.empty()) {
            write_wrapped(out, level.description, style, "     ");
        }
    }
    // Skills by level: one row a skill, one column a level.
    std::vector<std::string> skill_ids;
    for (const auto& level : role.levels) {
        for (const auto& r : level.requirements) {
            if (std::find(skill_ids.begin(), skill_ids.end(), r.skill_id) == skill_ids.end()) {
                skill_ids.push_back(r.skill_id);
            }
        }
    }
    if (!skill_ids.empty()) {
        std::vector<std::string> headers{"SKILL"};
        for (const auto& level : role.levels) {
            headers.push_back(to_upper_ascii(short_name(level)));
        }
        TextTable table(headers, 0);
        for (const auto& skill_id : skill_ids) {
            std::vector<std::string> row{framework.find_skill(skill_id)->name};
            for (const auto& level : role.levels) {
                const auto found = std::find_if(level.requirements.begin(), level.requirements.end(),
                                                [&](const Requirement& r) { return r.skill_id == skill_id; });
                row.push_back(found == level.requirements.end() ? "-" : std::string(required_level_word(*found)));
            }
            table.add_row(row);
        }
        out << '\n' << style.bold("Skills by level") << '\n';
        table.write(out, style, "  ");
    }
    out << '\n'
        << style.dim("'ddat level show " + short_name(role.levels.front()) +
                     "' shows what a level asks for each skill.")
        << '\n';
    return kExitOk;
}

}  // namespace

void add_roles_commands(CLI::App& app, CommandRegistry& registry) {
    CLI::App* roles = app.add_subcommand("roles", "List roles and their levels, or show one role");
    if (!registry.builds(*roles)) {
        return;  // another command was asked for: the name and description are enough
    }
    roles->require_subcommand(0, 1);
    add_output_options(*roles, registry.options());
    roles->footer("Examples:\n  ddat roles list\n  ddat roles show brm");

    auto family = std::make_shared<std::string>();
    auto ids = std::make_shared<std::optional<std::string>>();
    CLI::App* list = roles->add_subcommand("list", "List every role and its levels, by family");
    completes(list->add_option("--family", *family, "Only this role family (id or name)")->type_name("FAMILY"),
              Completion::families);
    completes(list->add_option_function<std::string>(
                      "--ids", [ids](const std::string& which) { *ids = which.empty() ? "levels" : which; },
                      "Only the ids of the role levels (the default), roles or families, one a line (JSON: a list)")
                  ->expected(0, 1)
                  ->type_name("[KIND]")
                  ->transform(CLI::IsMember({"levels", "roles", "families"}, CLI::ignore_case)),
              Completion::none);
    list->footer(
        "Examples:\n  ddat roles list\n  ddat roles list --family it-operations --format json\n"
        "  ddat roles list --ids                 every role level id, one per line\n"
        "  ddat roles list --ids roles           every role id\n"
        "  ddat roles list --ids families --format json");
    add_output_file_option(*list, registry.options());
    registry.add(list, [family, ids](Session& session) { return list_roles(session, *family, *ids); });

    auto name = std::make_shared<std::string>();
    CLI::App* show = roles->add_subcommand("show", "One role: its levels and the skills each requires");
    completes(show->add_option("ROLE", *name, "Role id or name, or any of its levels")->required(), Completion::roles);
    show->footer("Example:\n  ddat roles show business-relationship-manager");
    add_output_file_option(*show, registry.options());
    registry.add(show, [name](Session& session) { return show_role(session, *name); });
}

}  // namespace ddat::cli
