// ddat level show LEVEL
#include "cli/app.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

Json responsibilities_json(const RoleLevel& level) {
    Json sections = Json::array();
    for (const auto& section : level.responsibilities) {
        sections.push_back(
            {{"heading", section.heading.empty() ? Json(nullptr) : Json(section.heading)}, {"items", section.items}});
    }
    return sections;
}

Json criteria_json(const RoleLevel& level) {
    Json criteria = Json::array();
    for (const auto& c : level.criteria) {
        criteria.push_back({{"id", c.id},
                            {"name", c.name},
                            {"kind", to_string(c.kind)},
                            {"essential", c.essential},
                            {"desirable", c.desirable}});
    }
    return criteria;
}

void write_level_table(const Framework& framework, const RoleLevel& level, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const Role& role = framework.role_of(level);
    std::string facts = "Id: " + level.id;
    if (!level.aliases.empty()) {
        facts += level.aliases.size() == 1 ? " · Alias: " : " · Aliases: ";
        for (std::size_t i = 0; i < level.aliases.size(); ++i) {
            facts += (i == 0 ? "" : ", ") + level.aliases[i];
        }
    }
    facts += "\nRole: " + role.name + " · Family: " + framework.family_of(role).name;
    if (!level.pay_band.empty()) {
        facts += " · Pay band: " + level.pay_band;
    }
    if (level.senior_civil_service) {
        facts += " (Senior Civil Service)";
    }
    out << style.bold(level.name) << '\n';
    write_wrapped(out, facts, style, "");
    if (!level.description.empty()) {
        out << '\n';
        write_wrapped(out, level.description, style, "");
    }
    if (!level.responsibilities.empty()) {
        out << '\n' << style.bold("Responsibilities") << '\n';
        for (const auto& section : level.responsibilities) {
            if (!section.heading.empty()) {
                out << "  " << section.heading << '\n';
            }
            const std::string bullet = section.heading.empty() ? "  • " : "    • ";
            const std::string hanging(display_width(bullet), ' ');
            for (const auto& item : section.items) {
                const auto lines = wrap(item, static_cast<std::size_t>(std::max(style.width, 40)) - hanging.size());
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    out << (i == 0 ? bullet : hanging) << lines[i] << '\n';
                }
            }
        }
    }
    if (!level.requirements.empty()) {
        out << '\n' << style.bold("Skills (" + std::to_string(level.requirements.size()) + ")") << '\n';
        std::size_t name_width = 0;
        for (const auto& r : level.requirements) {
            name_width = std::max(name_width, display_width(framework.find_skill(r.skill_id)->name));
        }
        for (const auto& r : level.requirements) {
            const std::string word(required_level_word(r));
            out << "  " << style.bold(pad(framework.find_skill(r.skill_id)->name, name_width)) << "  " << pad(word, 12)
                << "  " << (r.level ? level_marker(*r.level) : std::string()) << '\n';
            if (const std::string& text = framework.requirement_text(r); !text.empty()) {
                write_wrapped(out, text, style, "      ");
            }
        }
    }
    if (!level.criteria.empty()) {
        out << '\n'
            << style.bold("Competences and specialist skills (" + std::to_string(level.criteria.size()) + ")") << '\n';
        for (const auto& c : level.criteria) {
            out << "  " << style.bold(c.name) << style.dim("  " + c.id) << '\n';
            const auto list = [&](std::string_view heading, const std::vector<std::string>& items) {
                if (items.empty()) {
                    return;
                }
                out << "    " << heading << '\n';
                for (const auto& item : items) {
                    const auto lines = wrap(item, static_cast<std::size_t>(std::max(style.width, 40)) - 8);
                    for (std::size_t i = 0; i < lines.size(); ++i) {
                        out << (i == 0 ? "      • " : "        ") << lines[i] << '\n';
                    }
                }
            };
            list("Essential", c.essential);
            list("Desirable", c.desirable);
        }
    }
}

int show_level(Session& session, const std::string& name, bool ids) {
    // only the role of the level named is read with its texts
    const Framework& framework = session.framework(LoadScope::role_of(name));
    const RoleLevel& level = resolve_level(framework, name);
    Output output = session.output();
    if (ids) {
        std::vector<std::string> skill_ids;
        skill_ids.reserve(level.requirements.size());
        for (const auto& r : level.requirements) {
            skill_ids.push_back(r.skill_id);
        }
        write_ids(output, skill_ids);
        return kExitOk;
    }
    if (output.format != Format::table) {
        const Role& role = framework.role_of(level);
        Json skills = Json::array();
        for (const auto& r : level.requirements) {
            skills.push_back({{"id", r.skill_id},
                              {"name", framework.find_skill(r.skill_id)->name},
                              {"level", std::string(required_level_word(r))},
                              {"level_number", r.level ? Json(to_number(*r.level)) : Json(nullptr)},
                              {"description", framework.requirement_text(r)}});
        }
        const Picture picture{"What " + level.name + " requires", {}};
        write_data(
            output,
            {{"id", level.id},
             {"name", level.name},
             {"aliases", level.aliases},
             {"role", id_and_name(role)},
             {"family", id_and_name(framework.family_of(role))},
             {"pay_band", level.pay_band.empty() ? Json(nullptr) : Json(level.pay_band)},
             {"senior_civil_service", level.senior_civil_service},
             {"description", level.description},
             {"responsibilities", responsibilities_json(level)},
             {"skills", skills},
             {"criteria", criteria_json(level)}},
            [](const Json& data) { return flatten(data["skills"].empty() ? data["criteria"] : data["skills"]); },
            &picture);
        return kExitOk;
    }
    write_level_table(framework, level, output);
    return kExitOk;
}

}  // namespace

void add_level_commands(CLI::App& app, CommandRegistry& registry) {
    CLI::App* level = app.add_subcommand("level", "Show what a role level requires");
    if (!registry.builds(*level)) {
        return;  // another command was asked for: the name and description are enough
    }
    level->require_subcommand(0, 1);
    add_output_options(*level, registry.options());
    level->footer("Example:\n  ddat level show senior-brm");
    auto name = std::make_shared<std::string>();
    CLI::App* show = level->add_subcommand("show", "What a role level requires, skill by skill");
    completes(show->add_option("LEVEL", *name, "Role level id, alias (such as senior-brm) or name")->required(),
              Completion::levels);
    show->footer(
        "Examples:\n  ddat level show senior-brm\n  ddat level show \"Head of IT service management\" --format json");
    auto ids = std::make_shared<bool>(false);
    show->add_flag("--ids", *ids, "Only the ids of the skills it requires, one a line (JSON: a list)");
    add_output_file_option(*show, registry.options());
    registry.add(show, [name, ids](Session& session) { return show_level(session, *name, *ids); });
}

}  // namespace ddat::cli
