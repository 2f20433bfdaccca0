// ddat advert LEVEL: a job advert skeleton in Markdown.
#include <memory>

#include "cli/app.hpp"
#include "ddat/analysis/advert.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

std::string level_text(const Requirement& requirement) {
    return requirement.level ? std::string(to_string(*requirement.level)) : std::string("level not stated");
}

Json criteria_json(const std::vector<Ref<const Criterion>>& criteria) {
    Json list = Json::array();
    for (const auto& c : criteria) {
        list.push_back({{"id", c->id},
                        {"name", c->name},
                        {"kind", to_string(c->kind)},
                        {"essential", c->essential},
                        {"desirable", c->desirable}});
    }
    return list;
}

Json placeholders_json(const std::vector<AdvertPlaceholder>& placeholders) {
    Json list = Json::array();
    for (const auto& p : placeholders) {
        list.push_back({{"key", p.key}, {"label", p.label}, {"text", p.placeholder}});
    }
    return list;
}

Json advert_json(const Framework& framework, const Advert& advert) {
    Json responsibilities = Json::array();
    for (const auto& section : advert.responsibilities) {
        responsibilities.push_back(
            {{"heading", section.heading.empty() ? Json(nullptr) : Json(section.heading)}, {"items", section.items}});
    }
    Json skills = Json::array();
    for (const auto& s : advert.skills) {
        skills.push_back({{"id", s.skill->id},
                          {"name", s.skill->name},
                          {"level", std::string(required_level_word(*s.requirement))},
                          {"description", s.text}});
    }
    Json levels = Json::array();
    for (const SkillLevel level : advert.levels_used) {
        levels.push_back({{"level", std::string(to_string(level))}, {"meaning", std::string(level_meaning(level))}});
    }
    return {{"id", advert.level->id},
            {"name", advert.level->name},
            {"role", id_and_name(*advert.role)},
            {"family", id_and_name(*advert.family)},
            {"title", advert.title},
            {"senior_civil_service", advert.level->senior_civil_service},
            {"details", placeholders_json(advert.details)},
            {"summary", advert.summary},
            {"responsibilities", responsibilities},
            {"skills", skills},
            {"skill_levels", levels},
            {"competences", criteria_json(advert.competences)},
            {"specialist_skills", criteria_json(advert.specialist_skills)},
            {"application", placeholders_json(advert.application)},
            {"source", framework.metadata().title}};
}

void write_bullets(std::ostream& out, const std::vector<std::string>& items) {
    for (const auto& item : items) {
        out << "- " << item << '\n';
    }
}

// Each criterion under its own heading; one alone goes under the section's heading.
void write_criteria(std::ostream& out, const std::vector<Ref<const Criterion>>& criteria) {
    for (const auto& c : criteria) {
        if (criteria.size() > 1) {
            out << "\n### " << c->name << "\n";
        }
        if (!c->essential.empty()) {
            out << "\nEssential:\n\n";
            write_bullets(out, c->essential);
        }
        if (!c->desirable.empty()) {
            out << "\nDesirable:\n\n";
            write_bullets(out, c->desirable);
        }
    }
}

void write_advert_markdown(const Framework& framework, const Advert& advert, std::ostream& out) {
    const RoleLevel& level = *advert.level;
    out << "# " << advert.title << "\n\n";
    out << "- **Role:** " << advert.role->name << " (" << advert.family->name << ")"
        << (level.senior_civil_service ? ", Senior Civil Service" : "") << '\n';
    for (const auto& detail : advert.details) {
        out << "- **" << detail.label << ":** " << detail.placeholder << '\n';
    }
    out << "\nApplications are welcome from part-time workers and job sharers.\n";
    if (!advert.summary.empty()) {
        out << "\n## About the role\n\n" << advert.summary << '\n';
    }
    if (!advert.responsibilities.empty()) {
        out << "\n## What you will do\n";
        for (const auto& section : advert.responsibilities) {
            out << '\n';
            if (!section.heading.empty()) {
                out << "### " << section.heading << "\n\n";
            }
            write_bullets(out, section.items);
        }
    }
    if (!advert.skills.empty()) {
        out << "\n## Essential skills\n\nThe skills this role needs, at the level it needs each, as the "
            << (framework.metadata().title.empty() ? std::string("capability framework") : framework.metadata().title)
            << " describes them.\n";
        for (const auto& s : advert.skills) {
            out << "\n### " << s.skill->name << " (" << level_text(*s.requirement) << ")\n";
            if (!s.text.empty()) {
                out << '\n' << s.text << '\n';
            }
        }
        if (!advert.levels_used.empty()) {
            out << "\nWhat the skill levels mean:\n\n";
            for (const SkillLevel used : advert.levels_used) {
                out << "- **" << to_string(used) << "**: " << level_meaning(used) << '\n';
            }
        }
    }
    if (!advert.competences.empty()) {
        out << "\n## Competences\n";
        write_criteria(out, advert.competences);
    }
    if (!advert.specialist_skills.empty()) {
        out << "\n## Specialist skills and expertise\n";
        write_criteria(out, advert.specialist_skills);
    }
    for (const auto& part : advert.application) {
        out << "\n## " << part.label << "\n\n" << part.placeholder << '\n';
    }
    out << "\n---\n\nBased on the "
        << (framework.metadata().title.empty() ? "capability framework" : framework.metadata().title);
    if (!framework.metadata().published.empty()) {
        out << " (" << framework.metadata().published << ")";
    }
    out << '.';
    if (!framework.metadata().attribution.empty()) {
        out << ' ' << framework.metadata().attribution;
    }
    out << '\n';
}

int run_advert(Session& session, const std::string& name) {
    const Framework& framework = session.framework();
    const RoleLevel& level = resolve_level(framework, name);
    const Advert advert = make_advert(framework, level);
    Output output = session.output();
    if (output.format == Format::table || output.format == Format::markdown) {
        write_advert_markdown(framework, advert, output.out);
        return kExitOk;
    }
    write_data(output, advert_json(framework, advert), [](const Json& data) { return flatten(data["skills"]); });
    return kExitOk;
}

}  // namespace

void add_advert_command(CLI::App& app, CommandRegistry& registry) {
    auto level = std::make_shared<std::string>();
    CLI::App* advert = app.add_subcommand("advert", "A job advert skeleton for a role level, in Markdown");
    if (!registry.builds(*advert)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(advert->add_option("LEVEL", *level, "The role level (id, alias or name)")->required(),
              Completion::levels);
    advert->footer(
        "The advert follows the GOV.UK service manager job description: title, the practical details\n"
        "to fill in, shown in [brackets], what the role is, what you will do, the essential skills\n"
        "at their levels with what each means for this role, the competences and specialist skills\n"
        "where the level has them, and how to apply. Markdown is printed for the table format too;\n"
        "JSON and YAML give the same content as data.\n"
        "\n"
        "Examples:\n"
        "  ddat advert senior-brm > advert.md\n"
        "  ddat advert service-manager --format markdown\n"
        "  ddat advert lead-brm --format json");
    add_output_file_option(*advert, registry.options());
    registry.add(advert, [level](Session& session) { return run_advert(session, *level); });
}

}  // namespace ddat::cli
