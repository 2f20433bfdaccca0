// ddat export [--skills] [-o FILE]
#include <memory>

#include "cli/app.hpp"
#include "ddat/safe_write.hpp"
#include "ddat/write/exporter.hpp"

namespace ddat::cli {

namespace {

struct ExportOptions {
    std::string output;
    bool skills = false;
    bool force = false;
};

int run_export(Session& session, const ExportOptions& options) {
    const Framework& framework = session.framework();
    const std::string csv =
        options.skills ? export_skill_descriptions_csv(framework) : export_role_content_csv(framework);
    if (!options.skills) {
        for (const RoleLevel* level : levels_left_out_of_csv(framework)) {
            session.warn("the role level '" + level->id +
                         "' is left out: it requires no framework skills, and the CSV has a row only for "
                         "each skill of a level" +
                         (level->criteria.empty() ? std::string() : " (its criteria have no column there)"));
        }
    }
    if (options.output.empty() || options.output == "-") {
        session.output().out << csv;
    } else {
        write_named_file(options.output, csv, options.force);
    }
    return kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* command = app.add_subcommand("export", "Write the framework in use as the official CSV");
    if (!registry.builds(*command)) {
        return;  // another command was asked for: the name and description are enough
    }
    command->add_flag("--skills", options->skills, "The skill descriptions CSV instead of the role content CSV");
    completes(
        command->add_option("-o,--output", options->output, "Write to this file instead of stdout")->type_name("FILE"),
        Completion::files);
    command->add_flag("--force", options->force, "Replace the file if it exists");
    command->footer(
        "Writes the columns of the \"Download framework content\" CSV files, one row per role\n"
        "level and skill (or per skill with --skills), so a framework kept in ddat's format can\n"
        "go back into a spreadsheet. A role level that requires no framework skills (such as one\n"
        "with only competences) has no row, and is left out with a warning.\n"
        "\n"
        "Examples:\n"
        "  ddat export --framework framework-2025 > role-content.csv\n"
        "  ddat export --skills -o skill-descriptions.csv");
    registry.add(
        command, [options](Session& session) { return run_export(session, *options); },
        SingleFormat{"csv", "writes CSV only"});
}

}  // namespace ddat::cli
