// ddat framework info, list and copy
#include <memory>
#include <sstream>

#include "cli/app.hpp"
#include "ddat/load/builtin_framework.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/safe_write.hpp"
#include "ddat/write/framework_writer.hpp"

namespace ddat::cli {

namespace {

// "4 corrections to the publisher's text", or "" when there are none.
std::string corrections_line(const FrameworkMetadata& m) {
    if (m.corrections.empty()) {
        return {};
    }
    return count_of(m.corrections.size(), "correction", "corrections") + " to the publisher's text";
}

int show_info(Session& session, bool verbose) {
    const FrameworkSource source = framework_source(session.options());
    const Framework& framework = session.framework();
    const FrameworkMetadata& m = framework.metadata();
    Output output = session.output();
    const auto data = [&]() -> Json {
        Json corrections = Json::array();
        for (const auto& c : m.corrections) {
            corrections.push_back(
                {{"phrase", c.phrase}, {"replacement", c.replacement}, {"reason", c.reason}, {"count", c.count}});
        }
        return {{"path", source.path.empty() ? Json(nullptr) : Json(source.path)},
                {"origin", source.origin},
                {"release", framework.release().empty() ? Json(nullptr) : Json(framework.release())},
                {"title", m.title},
                {"publisher", m.publisher},
                {"published", m.published},
                {"version", m.version},
                {"source", m.source},
                {"licence", m.licence},
                {"licence_url", m.licence_url},
                {"attribution", m.attribution},
                {"counts",
                 {{"families", framework.families().size()},
                  {"roles", framework.roles().size()},
                  {"role_levels", framework.all_levels().size()},
                  {"skills", framework.skills().size()}}},
                {"corrections", corrections},
                {"files", framework.files()}};
    };
    if (write_machine(output, data, [](const Json& json) { return flatten(json); })) {
        return kExitOk;
    }
    const Style& style = output.style;
    std::ostream& out = output.out;
    TextTable table({"", ""});
    table.add_row({"In use", source.path.empty() ? "release " + framework.release() + ", built into ddat"
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
    table.add_row({"Contents", count_of(framework.families().size(), "family", "families") + ", " +
                                   count_of(framework.roles().size(), "role", "roles") + ", " +
                                   count_of(framework.all_levels().size(), "role level", "role levels") + ", " +
                                   count_of(framework.skills().size(), "skill", "skills") + " in " +
                                   count_of(framework.files().size(), "file", "files")});
    optional_row("Corrections",
                 corrections_line(m) + (verbose || m.corrections.empty() ? "" : " (--verbose lists them)"));
    std::ostringstream body;
    table.write(body, style);
    // the header row of a two-column fact table says nothing: leave it out
    const std::string text = body.str();
    out << text.substr(text.find('\n') + 1);
    if (!m.attribution.empty()) {
        out << '\n';
        write_wrapped(out, m.attribution, style, "");
    }
    if (verbose && !m.corrections.empty()) {
        out << '\n' << style.bold("Corrections to the publisher's text") << '\n';
        for (const auto& c : m.corrections) {
            write_wrapped(out,
                          "'" + c.phrase + "' becomes '" + c.replacement + "' (" + std::to_string(c.count) +
                              (c.count == 1 ? " place): " : " places): ") + c.reason,
                          style, "  ");
        }
    }
    return kExitOk;
}

// The built-in releases, newest first, with the one in use marked.
int list_releases(Session& session) {
    const bool builtin = framework_path(session.options()).empty();
    const std::string in_use = builtin ? release_in_use(session.options()) : std::string();
    if (builtin) {
        session.framework();  // an unknown --release is an error here too
    }
    struct Row {
        std::string name;
        Framework framework;
    };
    std::vector<Row> rows;
    for (const auto& release : builtin_releases()) {
        rows.push_back({std::string(release.name), load_builtin_framework(release.name)});
    }
    Output output = session.output();
    const auto data = [&]() -> Json {
        Json list = Json::array();
        for (const auto& row : rows) {
            const FrameworkMetadata& m = row.framework.metadata();
            list.push_back({{"name", row.name},
                            {"in_use", row.name == in_use},
                            {"title", m.title},
                            {"published", m.published},
                            {"source", m.source},
                            {"families", row.framework.families().size()},
                            {"roles", row.framework.roles().size()},
                            {"role_levels", row.framework.all_levels().size()},
                            {"skills", row.framework.skills().size()},
                            {"corrections", m.corrections.size()}});
        }
        return list;
    };
    if (write_machine(output, data, [](const Json& json) { return flatten(json); })) {
        return kExitOk;
    }
    TextTable table({"RELEASE", "PUBLISHED", "ROLES", "LEVELS", "SKILLS", "SOURCE"});
    for (const auto& row : rows) {
        table.add_row({row.name + (row.name == in_use ? " *" : ""), row.framework.metadata().published,
                       std::to_string(row.framework.roles().size()), std::to_string(row.framework.all_levels().size()),
                       std::to_string(row.framework.skills().size()), row.framework.metadata().source});
    }
    table.write(output.out, output.style);
    output.out << '\n';
    write_wrapped(output.out,
                  builtin ? "* in use. Pick a release with --release NAME or DDAT_RELEASE; the newest is the default."
                          : "In use: " + framework_path(session.options()) +
                                ", not a built-in release (--framework or DDAT_FRAMEWORK overrides --release).",
                  output.style, "");
    return kExitOk;
}

int copy_framework(Session& session, const std::string& dir, bool force) {
    const Framework& framework = session.framework();
    const std::vector<SourceFile> files = framework_to_yaml(framework);
    write_folder_atomically(dir, files, force);
    Output output = session.output();
    output.out << "Wrote " << framework.roles().size() << " roles, " << framework.all_levels().size()
               << " role levels and " << framework.skills().size() << " skills to " << dir << "/ (" << files.size()
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
    if (!registry.builds(*group)) {
        return;  // another command was asked for: the name and description are enough
    }
    group->require_subcommand(0, 1);
    add_output_options(*group, registry.options());
    group->footer("Example:\n  ddat framework info");
    CLI::App* info = group->add_subcommand("info", "Which framework copy is in use, its source, date and size");
    info->footer(
        "ddat reads the first of: --framework PATH; the DDAT_FRAMEWORK variable;\n"
        "$XDG_CONFIG_HOME/ddat/framework (or ~/.config/ddat/framework), a file or a folder;\n"
        "else the release built into ddat that --release or DDAT_RELEASE names, or the newest.\n"
        "\n"
        "Example:\n  ddat framework info --format json");
    auto verbose = std::make_shared<bool>(false);
    info->add_flag("-v,--verbose", *verbose, "Also list each correction to the publisher's text");
    registry.add(info, [verbose](Session& session) { return show_info(session, *verbose); });

    CLI::App* list = group->add_subcommand("list", "The built-in releases, with the one in use marked");
    list->footer(
        "ddat has each release of the framework built in: the newest is used unless --release\n"
        "NAME or DDAT_RELEASE picks another; --framework PATH overrides both.\n"
        "\n"
        "Examples:\n  ddat framework list\n  ddat --release 2020-01 level show senior-brm");
    registry.add(list, [](Session& session) { return list_releases(session); });

    struct CopyOptions {
        std::string dir;
        bool force = false;
    };
    auto options = std::make_shared<CopyOptions>();
    CLI::App* copy = group->add_subcommand("copy", "Write the framework in use as a YAML folder to extend");
    completes(copy->add_option("DIR", options->dir, "The folder to write")->required(), Completion::dirs);
    copy->add_flag("--force", options->force, "Replace the folder if it is not empty");
    copy->footer(
        "Starts an organisation's own copy: write the framework out, add a file of your own\n"
        "roles beside the others, check it with 'ddat validate DIR', and use it.\n"
        "\n"
        "Example:\n  ddat framework copy my-framework");
    registry.add(copy, [options](Session& session) { return copy_framework(session, options->dir, options->force); });
}

}  // namespace ddat::cli
