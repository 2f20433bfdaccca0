// ddat import ROLE_CSV SKILL_CSV -o DIR
#include <memory>

#include "cli/app.hpp"
#include "cli/self_assessment_input.hpp"
#include "ddat/files.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/importer.hpp"
#include "ddat/safe_write.hpp"
#include "ddat/write/framework_writer.hpp"

namespace ddat::cli {

namespace {

struct ImportCommandOptions {
    std::string role_csv;
    std::string skill_csv;
    std::string output;
    std::string order_file;
    std::string corrections_file;
    std::string published;
    std::string version;
    bool force = false;
    bool verbose = false;
};

constexpr std::size_t kMaxCsvBytes = 64U * 1024U * 1024U;

Json report_json(const ImportReport& report, const Framework& framework, const std::string& output) {
    Json notes = Json::array();
    for (const auto& n : report.notes) {
        notes.push_back(
            {{"file", n.location.file}, {"line", n.location.line}, {"kind", n.kind}, {"message", n.message}});
    }
    Json orders = Json::array();
    for (const auto& o : report.orders) {
        orders.push_back({{"role", o.role}, {"levels", o.levels}, {"overridden", o.overridden}, {"source", o.source}});
    }
    Json corrections = Json::array();
    for (const auto& c : report.corrections) {
        corrections.push_back({{"phrase", c.rule.phrase},
                               {"replacement", c.rule.replacement},
                               {"reason", c.rule.reason},
                               {"in_role_content", c.in_role_content},
                               {"in_skill_descriptions", c.in_skill_descriptions}});
    }
    return {{"output", output},
            {"counts",
             {{"families", framework.families().size()},
              {"roles", framework.roles().size()},
              {"role_levels", framework.all_levels().size()},
              {"skills", framework.skills().size()}}},
            {"fixed",
             {{"duplicate_rows", report.duplicate_rows},
              {"repeated_skills", report.repeated_skills},
              {"trimmed_cells", report.trimmed_cells},
              {"missing_texts", report.missing_texts},
              {"whole_roles", report.whole_roles},
              {"undefined_levels", report.undefined_levels}}},
            {"level_orders", orders},
            {"corrections", corrections},
            {"notes", notes}};
}

int run_import(Session& session, const ImportCommandOptions& options) {
    ImportOptions import_options;
    import_options.published = options.published;
    import_options.version = options.version;
    if (!options.order_file.empty()) {
        import_options.order_overrides =
            load_order_overrides(read_input(options.order_file, 4U * 1024U * 1024U), options.order_file);
    }
    if (!options.corrections_file.empty()) {
        import_options.corrections =
            load_corrections(read_input(options.corrections_file, 4U * 1024U * 1024U), options.corrections_file);
    }
    const ImportResult result =
        import_framework_csv(read_input(options.role_csv, kMaxCsvBytes), options.role_csv,
                             read_input(options.skill_csv, kMaxCsvBytes), options.skill_csv, import_options);
    // What was built must read back as a valid framework before anything is written.
    const std::vector<SourceFile> files = framework_to_yaml(result.framework);
    std::vector<SourceFile> named = files;
    for (auto& file : named) {
        file.name = options.output + "/" + file.name;
    }
    load_framework_sources(named);
    write_folder_atomically(options.output, files, options.force);

    const Framework& framework = result.framework;
    const ImportReport& report = result.report;
    Output output = session.output();
    if (write_machine(
            output, [&] { return report_json(report, framework, options.output); },
            [](const Json& data) { return flatten(data["notes"]); })) {
        return kExitOk;
    }
    std::ostream& out = output.out;
    const Style& style = output.style;
    out << "Imported " << framework.families().size() << " families, " << framework.roles().size() << " roles, "
        << framework.all_levels().size() << " role levels and " << framework.skills().size() << " skills into "
        << options.output << "/ (" << files.size() << " files)\n\n";
    out << style.bold("Fixed or dropped") << '\n';
    TextTable fixes({"COUNT", "WHAT"});
    fixes.add_row({std::to_string(report.duplicate_rows), "duplicate rows removed"});
    fixes.add_row({std::to_string(report.repeated_skills), "skills listed twice within a level: first kept"});
    fixes.add_row({std::to_string(report.trimmed_cells), "names with white space around them: trimmed"});
    fixes.add_row({std::to_string(report.missing_texts), "\"MISSING\" texts: taken from the skill descriptions"});
    fixes.add_row({std::to_string(report.whole_roles), "roles without levels (\"NOT IN USE\"): one level each"});
    fixes.add_row({std::to_string(report.undefined_levels), "skill levels with no description: left out"});
    fixes.write(out, style, "  ");
    if (!report.corrections.empty()) {
        out << '\n' << style.bold("Corrections to the publisher's text") << '\n';
        TextTable corrections({"COUNT", "PHRASE", "BECOMES"});
        for (const auto& c : report.corrections) {
            corrections.add_row({std::to_string(c.in_role_content + c.in_skill_descriptions), "'" + c.rule.phrase + "'",
                                 "'" + c.rule.replacement + "'"});
        }
        corrections.write(out, style, "  ");
    }
    if (options.verbose) {
        out << '\n' << style.bold("Each case") << '\n';
        for (const auto& n : report.notes) {
            out << "  " << n.location.file << ":" << n.location.line << ": " << n.kind << ": " << n.message << '\n';
        }
    } else {
        out << style.dim("  (--verbose lists each case with its line)") << '\n';
    }
    out << '\n' << style.bold("Level order chosen, junior first") << '\n';
    for (const auto& o : report.orders) {
        std::string levels;
        for (const auto& level : o.levels) {
            levels += (levels.empty() ? "" : " < ") + level;
        }
        write_wrapped(out, o.role + (o.overridden ? " (from the order file): " : ": ") + levels, style, "  ");
    }
    out << '\n'
        << style.dim("Use it with: ddat --framework " + options.output +
                     " roles list. Correct an order with --order FILE (see ddat import --help).")
        << '\n';
    return kExitOk;
}

}  // namespace

void add_import_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<ImportCommandOptions>();
    CLI::App* command = app.add_subcommand("import", "Turn the framework's CSV download into a framework folder");
    if (!registry.builds(*command)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(command->add_option("ROLE_CSV", options->role_csv, "The role content CSV file")->required(),
              Completion::files);
    completes(command->add_option("SKILL_CSV", options->skill_csv, "The skill descriptions CSV file")->required(),
              Completion::files);
    completes(command->add_option("-o,--output", options->output, "The framework folder to write")
                  ->required()
                  ->type_name("DIR"),
              Completion::dirs);
    command->add_flag("--force", options->force, "Replace the folder if it is not empty");
    completes(
        command->add_option("--order", options->order_file, "YAML file of level orders that override the derived ones")
            ->type_name("FILE"),
        Completion::files);
    completes(
        command->add_option("--published", options->published, "The date of the download, recorded in the metadata")
            ->type_name("YYYY-MM-DD"),
        Completion::none);
    completes(command
                  ->add_option("--corrections", options->corrections_file,
                               "YAML file of corrections to the publisher's text, each with its expected count")
                  ->type_name("FILE"),
              Completion::files);
    completes(command->add_option("--release-name", options->version, "A release name, recorded in the metadata")
                  ->type_name("NAME"),
              Completion::none);
    command->add_flag("-v,--verbose", options->verbose, "List every fix with its file and line");
    command->footer(
        "The two files are those of the framework's \"Download framework content\" page. The\n"
        "CSV does not say which level of a role is senior to which: ddat derives the order from\n"
        "the titles (apprentice, trainee, junior, associate, senior, lead, principal, head of,\n"
        "chief), with the required skill levels breaking ties, and prints it. To correct it,\n"
        "name the levels of a role from junior to senior in a YAML file given with --order:\n"
        "\n"
        "  IT service manager: [IT service analyst, IT service manager, Senior IT service manager,\n"
        "                       Head of IT service management]\n"
        "\n"
        "The folder is written under a temporary name and renamed into place, so it is never\n"
        "left half-written. Importing the same files again gives the same files.\n"
        "\n"
        "Corrections to the publisher's text are given with --corrections: a YAML file that\n"
        "lists each phrase, its replacement, the reason and how many times each file holds it.\n"
        "The import prints each correction with its count, and refuses a download whose count\n"
        "differs: the publisher may have fixed the text (see framework/2025-10/corrections.yaml\n"
        "in ddat's source).\n"
        "\n"
        "Example:\n"
        "  ddat import role-content.csv skill-descriptions.csv -o framework-2025");
    registry.add(command, [options](Session& session) { return run_import(session, *options); });
}

}  // namespace ddat::cli
