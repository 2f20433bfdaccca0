// ddat framework info
#include <memory>
#include <sstream>

#include "cli/app.hpp"
#include "ddat/framework_writer.hpp"
#include "ddat/safe_write.hpp"

namespace ddat::cli {

namespace {

int show_info(Session& session) {
    const FrameworkSource source = framework_source(session.options());
    const Framework& framework = session.framework();
    const FrameworkMetadata& m = framework.metadata;
    Output output = session.output();
    const auto data = [&]() -> Json {
        return {{"path", source.path.empty() ? Json(nullptr) : Json(source.path)},
                {"origin", source.origin},
                {"title", m.title},
                {"publisher", m.publisher},
                {"published", m.published},
                {"version", m.version},
                {"source", m.source},
                {"licence", m.licence},
                {"licence_url", m.licence_url},
                {"attribution", m.attribution},
                {"counts",
                 {{"families", framework.families.size()},
                  {"roles", framework.roles.size()},
                  {"role_levels", framework.all_levels().size()},
                  {"skills", framework.skills.size()}}},
                {"files", framework.files}};
    };
    if (write_machine(output, data, [](const Json& json) { return flatten(json); })) {
        return kExitOk;
    }
    const Style& style = output.style;
    std::ostream& out = output.out;
    TextTable table({"", ""});
    table.add_row({"In use", source.path.empty() ? std::string("the copy built into ddat")
                                                 : source.path + " (from " + source.origin + ")"});
    table.add_row({"Title", m.title});
    const auto optional_row = [&](const std::string& label, const std::string& value) {
        if (!value.empty()) {
            table.add_row({label, value});
        }
    };
    optional_row("Publisher", m.publisher);
    optional_row("Published", m.published);
    optional_row("Version", m.version);
    optional_row("Source", m.source);
    optional_row("Licence", m.licence);
    table.add_row({"Contents", count_of(framework.families.size(), "family", "families") + ", " +
                                   count_of(framework.roles.size(), "role", "roles") + ", " +
                                   count_of(framework.all_levels().size(), "role level", "role levels") + ", " +
                                   count_of(framework.skills.size(), "skill", "skills") + " in " +
                                   count_of(framework.files.size(), "file", "files")});
    std::ostringstream body;
    table.write(body, style);
    // the header row of a two-column fact table says nothing: leave it out
    const std::string text = body.str();
    out << text.substr(text.find('\n') + 1);
    if (!m.attribution.empty()) {
        out << '\n';
        write_wrapped(out, m.attribution, style, "");
    }
    return kExitOk;
}

int copy_framework(Session& session, const std::string& dir, bool force) {
    const Framework& framework = session.framework();
    const std::vector<SourceFile> files = framework_to_yaml(framework);
    write_folder_atomically(dir, files, force);
    Output output = session.output();
    output.out << "Wrote " << framework.roles.size() << " roles, " << framework.all_levels().size()
               << " role levels and " << framework.skills.size() << " skills to " << dir << "/ (" << files.size()
               << " files)\n";
    write_wrapped(output.out,
                  "Add your own roles in a file of their own in that folder, then use it with --framework " + dir +
                      ", or move it to ~/.config/ddat/framework to use it by default.",
                  output.style, "");
    return kExitOk;
}

}  // namespace

void add_framework_commands(CLI::App& app, CommandRegistry& registry) {
    CLI::App* group = app.add_subcommand("framework", "About the framework copy in use");
    group->require_subcommand(0, 1);
    add_output_options(*group, registry.options());
    group->footer("Example:\n  ddat framework info");
    CLI::App* info = group->add_subcommand("info", "Which framework copy is in use, its source, date and size");
    info->footer(
        "ddat reads the first of: --framework PATH; the DDAT_FRAMEWORK variable;\n"
        "$XDG_CONFIG_HOME/ddat/framework (or ~/.config/ddat/framework), a file or a folder;\n"
        "else the copy built into ddat.\n"
        "\n"
        "Example:\n  ddat framework info --format json");
    registry.add(info, [](Session& session) { return show_info(session); });

    struct CopyOptions {
        std::string dir;
        bool force = false;
    };
    auto options = std::make_shared<CopyOptions>();
    CLI::App* copy = group->add_subcommand("copy", "Write the framework in use as a YAML folder to extend");
    copy->add_option("DIR", options->dir, "The folder to write")->required();
    copy->add_flag("--force", options->force, "Replace the folder if it is not empty");
    copy->footer(
        "Starts an organisation's own copy: write the framework out, add a file of your own\n"
        "roles beside the others, check it with 'ddat validate DIR', and use it.\n"
        "\n"
        "Example:\n  ddat framework copy my-framework");
    registry.add(copy, [options](Session& session) { return copy_framework(session, options->dir, options->force); });
}

}  // namespace ddat::cli
