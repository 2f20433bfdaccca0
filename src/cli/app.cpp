#include "cli/app.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <unordered_map>

#include "ddat/errors.hpp"
#include "ddat/load/builtin_framework.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/resolve.hpp"
#include "ddat/safe_write.hpp"
#include "ddat/text.hpp"

namespace ddat::cli {

namespace {

constexpr const char* kFrameworkVariable = "DDAT_FRAMEWORK";
constexpr const char* kReleaseVariable = "DDAT_RELEASE";

// An argument as a message quotes it: whole up to 80 characters, else its first 80 and "…".
std::string shown(std::string_view word) {
    constexpr std::size_t kLongest = 80;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if ((static_cast<unsigned char>(word[i]) & 0xC0U) != 0x80U && ++characters > kLongest) {
            return std::string(word.substr(0, i)) + "…";
        }
    }
    return std::string(word);
}

// Messages quote names and keys from files: made visible, so that they cannot steer the terminal.
void print_error(std::ostream& err, const std::string& message) { err << "ddat: error: " << visible(message) << '\n'; }

// The first problem, and where to see the rest: 'ddat validate' for a framework, 'ddat
// validate --me' for a self-assessment. Other files' problems are few: all are listed.
// Which input an InputError is about, for where to see the rest of its problems.
enum class InputKind { framework, self_assessment, other };

void print_input_error(std::ostream& err, const InputError& error, InputKind kind) {
    const auto& problems = error.diagnostics();
    if (problems.empty()) {
        print_error(err, error.what());
        return;
    }
    if (kind == InputKind::other) {
        for (const auto& problem : problems) {
            print_error(err, format_diagnostic(problem));
        }
        return;
    }
    print_error(err, format_diagnostic(problems.front()));
    if (problems.size() > 1) {
        err << "ddat: " << problems.size() - 1 << (problems.size() == 2 ? " more problem" : " more problems")
            << (kind == InputKind::framework
                    ? " in the framework; 'ddat validate' lists them all"
                    : " in the same file; 'ddat validate --me " + problems.front().location.file + "' lists them all")
            << '\n';
    }
}

// Words as a sentence lists choices, each in `quote`: "'a', 'b' or 'c'".
std::string one_of(const std::vector<std::string>& words, std::string_view quote) {
    std::string list;
    for (std::size_t i = 0; i < words.size(); ++i) {
        list += (i == 0                  ? ""
                 : i + 1 == words.size() ? " or "
                                         : ", ") +
                std::string(quote) + words[i] + std::string(quote);
    }
    return list;
}

void print_not_found(std::ostream& err, const NotFoundError& error, const GlobalOptions& options) {
    const NameKind kind = error.kind();
    const bool builtin = framework_path(options).empty();
    const bool release_sensitive = builtin && (kind == NameKind::role_level || kind == NameKind::role);
    const std::string in_use = release_in_use(options);
    std::string message = "unknown " + std::string(to_string(kind)) + " '" + shown(error.name()) + "'" +
                          (release_sensitive ? " in release " + in_use : std::string());
    const auto& near = error.suggestions();
    if (!near.empty()) {
        message += ": did you mean " + one_of(near, "'") + "?";
    }
    print_error(err, message);
    if (release_sensitive) {
        if (const auto others = builtin_releases_naming(kind, error.name(), in_use); !others.empty()) {
            err << "ddat: '" << shown(error.name()) << "' is in release " << others.front() << ": add --release "
                << others.front() << '\n';
            return;
        }
    }
    const char* hint = "'ddat roles list' shows every role and role level";
    switch (kind) {
        case NameKind::skill: hint = "'ddat skills list' shows every skill"; break;
        case NameKind::family: hint = "'ddat roles list --ids families' shows every family id"; break;
        case NameKind::release: hint = "'ddat framework list' shows the built-in releases"; break;
        case NameKind::role_level:
        case NameKind::role: break;
    }
    err << "ddat: " << hint << '\n';
}

// Every command name, for "did you mean" on a mistyped command; never a hidden one such as
// __complete, which only the completion scripts call.
std::vector<std::string> command_names(CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (!sub->get_group().empty() && sub->get_name().rfind("__", 0) != 0) {
            names.push_back(sub->get_name());
        }
    }
    return names;
}

// The command name nearest to a mistyped one, or "" when none is near. A word that is a slip
// in the beginning of a longer name ("complete" for "completions") counts as near too, from four
// letters on: shorter beginnings fit too many names.
std::string nearest_command(const std::string& word, CLI::App& command) {
    const std::vector<std::string> names = command_names(command);
    if (const auto near = nearest(word, names, 1); !near.empty()) {
        return near.front();
    }
    if (word.size() < 4) {
        return {};
    }
    std::vector<std::string> beginnings;
    beginnings.reserve(names.size());
    for (const auto& name : names) {
        beginnings.push_back(name.substr(0, word.size()));
    }
    const auto near = nearest(word, beginnings, 1);
    if (near.empty()) {
        return {};
    }
    return names[static_cast<std::size_t>(std::find(beginnings.begin(), beginnings.end(), near.front()) -
                                          beginnings.begin())];
}

// The long options a command takes, with the global ones, as "--name", for "did you mean" on a
// mistyped option.
std::vector<std::string> option_names(const CLI::App& command, const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* from : {&command, &app}) {
        for (const CLI::Option* option : from->get_options()) {
            for (const auto& name : option->get_lnames()) {
                if (std::find(names.begin(), names.end(), "--" + name) == names.end()) {
                    names.push_back("--" + name);
                }
            }
        }
    }
    return names;
}

// "unknown option '--formt'; did you mean '--format'?": a value given with '=' is not compared,
// and a long name written with one dash ("-format") is compared as if it had two.
std::string unknown_option_message(const std::string& word, const CLI::App& command, const CLI::App& app) {
    std::string name = word.substr(0, word.find('='));
    if (name.rfind("--", 0) != 0) {
        name = name.size() > 2 ? "-" + name : std::string();  // "-x" is too short to guess from
    }
    const auto near = name.empty() ? std::vector<std::string>{} : nearest(name, option_names(command, app), 1);
    return "unknown option '" + shown(word) + "'" + (near.empty() ? "" : "; did you mean '" + near.front() + "'?");
}

// The full command path of a (sub)command: "ddat level show".
std::string command_path(const CLI::App* command) {
    std::string path = command->get_name();
    for (const CLI::App* parent = command->get_parent(); parent != nullptr; parent = parent->get_parent()) {
        path = parent->get_name() + " " + path;
    }
    return path;
}

// CLI11's help, with the whole command path in the usage line ("Usage: ddat level show ...").
class HelpFormatter : public CLI::Formatter {
public:
    std::string make_usage(const CLI::App* app, std::string /*name*/) const override {
        return CLI::Formatter::make_usage(app, command_path(app));
    }
    std::string make_footer(const CLI::App* app) const override {
        const std::string footer = CLI::Formatter::make_footer(app);
        return footer.empty() || footer.back() == '\n' ? footer : footer + "\n";
    }
};

// The deepest command that was given on the command line.
CLI::App* deepest_command(CLI::App& app) {
    CLI::App* deepest = &app;
    for (bool descended = true; descended;) {
        descended = false;
        for (CLI::App* child : deepest->get_subcommands()) {
            deepest = child;
            descended = true;
            break;
        }
    }
    return deepest;
}

// True when --format was given, before the command or after it.
bool format_given(CLI::App& app) {
    for (CLI::App* command = &app; command != nullptr;) {
        if (const CLI::Option* format = command->get_option_no_throw("--format");
            format != nullptr && format->count() > 0) {
            return true;
        }
        const auto parsed = command->get_subcommands();
        command = parsed.empty() ? nullptr : parsed.front();
    }
    return false;
}

// The first word of a command that takes --me and was not given it, when that word named no option
// or command ("ddat gap me.yaml"): the file meant for --me; "" otherwise.
std::string file_without_me(CLI::App& app) {
    CLI::App* deepest = deepest_command(app);
    const CLI::Option* me = deepest->get_option_no_throw("--me");
    if (me == nullptr || me->count() > 0) {
        return {};
    }
    for (const auto& word : app.remaining(true)) {
        if (!word.empty() && word[0] != '-') {
            return word;
        }
    }
    return {};
}

// Words after "--" are operands, never options or commands. CLI11 2.1 forgets this when the command
// has no operand left to fill and hands the rest back to the parent command, which then reads
// "--format json" as an option. So each operand is marked before parsing (a mark no option or
// command name starts with), and every positional argument takes the mark off again.
constexpr std::string_view kOperandMark = "\x1f\x1e";

std::string unmark(std::string word) {
    if (word.rfind(kOperandMark, 0) == 0) {
        word.erase(0, kOperandMark.size());
    }
    return word;
}

void unmark_operands_of(CLI::App& command) {
    for (CLI::Option* option : command.get_options([](const CLI::Option* o) { return !o->nonpositional(); })) {
        option->transform(unmark, "", "operand");
    }
    for (CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
        unmark_operands_of(*sub);
    }
}

}  // namespace

// Where compiled framework snapshots are kept: $XDG_CACHE_HOME/ddat or ~/.cache/ddat; none when
// DDAT_NO_CACHE is set.
std::string cache_folder() {
    if (const char* off = std::getenv("DDAT_NO_CACHE"); off != nullptr && *off != '\0') {
        return {};
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
        return std::string(xdg) + "/ddat";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return std::string(home) + "/.cache/ddat";
    }
    return {};
}

FrameworkSource framework_source(const GlobalOptions& options) {
    if (!options.framework_path.empty()) {
        return {options.framework_path, "--framework", FrameworkSource::Kind::option};
    }
    if (const char* from_environment = std::getenv(kFrameworkVariable);
        from_environment != nullptr && *from_environment != '\0') {
        return {from_environment, kFrameworkVariable, FrameworkSource::Kind::environment};
    }
    std::string config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg == '/') {
        config = std::string(xdg) + "/ddat/framework";
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        config = std::string(home) + "/.config/ddat/framework";
    }
    std::error_code error;
    if (!config.empty() && std::filesystem::exists(config, error)) {
        return {config, "the configuration folder", FrameworkSource::Kind::configuration};
    }
    return {"", "built in", FrameworkSource::Kind::builtin};
}

std::string framework_path(const GlobalOptions& options) { return framework_source(options).path; }

std::string requested_release(const GlobalOptions& options) {
    if (!options.release.empty()) {
        return options.release;
    }
    if (const char* from_environment = std::getenv(kReleaseVariable);
        from_environment != nullptr && *from_environment != '\0') {
        return from_environment;
    }
    return {};
}

std::string release_in_use(const GlobalOptions& options) {
    const std::string requested = requested_release(options);
    if (!requested.empty() || builtin_releases().empty()) {
        return requested;
    }
    return std::string(builtin_releases().front().name);
}

const Framework& Session::framework(const LoadScope& scope) {
    // A level named in the scope is resolved in what was read before, not read again to find it.
    const LoadScope asked = framework_ ? resolve_role_of_level(*framework_, scope) : scope;
    if (!framework_ || !framework_->scope().covers(asked)) {
        const LoadScope wanted = framework_ ? framework_->scope().with(asked) : asked;
        if (framework_) {
            outgrown_.push_back(std::move(framework_));
        }
        const FrameworkSource source = framework_source(options_);
        const std::string& path = source.path;
        try {
            framework_ =
                std::make_unique<Framework>(path.empty() ? load_builtin_framework(requested_release(options_), wanted)
                                                         : load_framework_cached(path, cache_folder(), wanted));
        } catch (const InputError& error) {
            if (source.kind != FrameworkSource::Kind::option && !path.empty() && error.diagnostics().size() == 1 &&
                error.diagnostics().front().location.file == path) {
                Diagnostic problem = error.diagnostics().front();
                problem.message += " (the framework named by " + source.origin + ")";
                throw FrameworkError(InputError({problem}));
            }
            throw FrameworkError(error);
        }
    }
    return *framework_;
}

Session::~Session() {
    // Freeing the 205 role levels' texts one by one takes longer than most commands do, and the
    // process ends right after. The frameworks stay reachable from here, so leak checkers do not
    // count them.
    static auto* kept = new std::vector<std::unique_ptr<Framework>>();
    kept->push_back(std::move(framework_));
    kept->push_back(std::move(earlier_));
    for (auto& outgrown : outgrown_) {
        kept->push_back(std::move(outgrown));
    }
}

const Framework* Session::earlier_release() {
    if (!earlier_ && framework_path(options_).empty()) {
        const std::string in_use = framework(LoadScope::outline()).release();
        const auto releases = builtin_releases();
        for (std::size_t i = 0; i + 1 < releases.size(); ++i) {
            if (releases[i].name == in_use) {
                earlier_ = std::make_unique<Framework>(load_builtin_framework(releases[i + 1].name));
            }
        }
    }
    return earlier_.get();
}

Output Session::output() {
    const bool to_file = !options_.output_file.empty() && options_.output_file != "-";
    if (to_file && !file_) {
        file_ = std::make_unique<std::ostringstream>();
    }
    std::ostream& out = to_file ? static_cast<std::ostream&>(*file_) : out_;
    const bool terminal = out_is_terminal_ && !to_file;
    Output output{out, parse_format(options_.format), Style{}, command_, terminal};
    output.style = terminal_style(STDOUT_FILENO, terminal, options_.color, 100, 20);
    output.style.color = output.style.color && output.format == Format::table;
    if (output.format != Format::table && output.format != Format::markdown) {
        return output;
    }
    if (!visible_) {
        visible_ = std::make_unique<VisibleStream>(out, output.style.color);
    }
    return Output{*visible_, output.format, output.style, command_, terminal};
}

void Session::finish_output() {
    if (visible_) {
        visible_->finish();
    }
    if (file_) {
        write_named_file(options_.output_file, file_->str(), true, 0600);
    }
}

void Session::warn(const std::string& message) { err_ << "ddat: warning: " << visible(message) << '\n'; }

namespace {

// The completion kind of every option given one, by the option (options live as long as ddat).
std::unordered_map<const CLI::Option*, Completion>& completion_kinds() {
    static auto* kinds = new std::unordered_map<const CLI::Option*, Completion>();
    return *kinds;
}

}  // namespace

CLI::Option* completes(CLI::Option* option, Completion kind) {
    completion_kinds()[option] = kind;
    return option;
}

std::optional<Completion> completion_of(const CLI::Option* option) {
    const auto& kinds = completion_kinds();
    const auto found = kinds.find(option);
    return found == kinds.end() ? std::nullopt : std::optional<Completion>(found->second);
}

void add_output_options(CLI::App& command, GlobalOptions& options) {
    completes(command.add_option("--format", options.format, "Output format (any letter case)")
                  ->transform(CLI::IsMember(kFormatNames, CLI::ignore_case))
                  ->type_name("FORMAT")
                  ->default_str("table"),
              Completion::formats);
    completes(command.add_option("--color", options.color, "auto (on a terminal, no NO_COLOR), always, never")
                  ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case))
                  ->type_name("WHEN"),
              Completion::colors);
    command.add_flag_callback(
        "--no-color", [&options] { options.color = "never"; }, "The same as --color never");
    completes(
        command.add_option("--framework", options.framework_path, "Framework file or folder; default $DDAT_FRAMEWORK")
            ->type_name("PATH"),
        Completion::files);
    completes(command
                  .add_option("--release", options.release,
                              "Built-in release, such as 2020-01; default $DDAT_RELEASE, else the newest")
                  ->type_name("NAME"),
              Completion::releases);
}

void add_output_file_option(CLI::App& command, GlobalOptions& options) {
    completes(command
                  .add_option("-o,--output", options.output_file,
                              "Write to FILE (mode 0600, replaced whole) instead of standard output; without --format, "
                              "its extension (.html, .svg, .json, .yaml, .csv, .tsv, .md, .xlsx) names the format")
                  ->type_name("FILE"),
              Completion::files);
}

void CommandRegistry::add(CLI::App* command, Action action, std::optional<SingleFormat> single_format) {
    add_output_options(*command, options_);
    actions_.push_back({command, std::move(action), std::move(single_format)});
}

void CommandRegistry::add_hidden(CLI::App* command, Action action) {
    actions_.push_back({command, std::move(action), std::nullopt});
}

// ddat's commands, with their options, on a new app: every command in full, or, when the
// registry names one, that one alone.
std::unique_ptr<CLI::App> build_app(CommandRegistry& registry) {
    auto built = std::make_unique<CLI::App>(
        "ddat: career paths through the UK government's Digital, Data and Technology\n"
        "(DDaT) capability framework: roles, what each role level requires, what\n"
        "changes between levels, and where a self-assessment falls short of a target.\n",
        "ddat");
    CLI::App& app = *built;
    app.name("ddat");
    app.set_version_flag("--version", std::string("ddat ") + DDAT_VERSION);
    app.require_subcommand(0, 1);
    app.allow_extras();
    app.formatter(std::make_shared<HelpFormatter>());
    add_output_options(app, registry.options());
    app.footer(
        "Examples:\n"
        "  ddat roles list                            every role and level, by family\n"
        "  ddat level show senior-brm                 what a senior BRM needs\n"
        "  ddat diff brm senior-brm                   what changes to the next level\n"
        "  ddat gap --me me.yaml --target senior-brm  where you fall short\n"
        "\n"
        "Run 'ddat COMMAND --help' for a command's options. Exit codes: 0 success,\n"
        "1 differences or gaps found (with --exit-code), 2 usage error, 3 input error,\n"
        "70 internal error (out of memory, or a bug in ddat).");

    // Only the command the command line names is added, when it names one (see CommandRegistry).
    using AddCommands = void (*)(CLI::App&, CommandRegistry&);
    constexpr std::pair<std::string_view, AddCommands> kCommands[] = {
        {"roles", add_roles_commands},
        {"level", add_level_commands},
        {"diff", add_diff_command},
        {"gap", add_gap_command},
        {"skills", add_skills_commands},
        {"validate", add_validate_command},
        {"import", add_import_command},
        {"export", add_export_command},
        {"changes", add_changes_command},
        {"match", add_match_command},
        {"path", add_path_command},
        {"team", add_team_command},
        {"progress", add_progress_command},
        {"init", add_init_command},
        {"assess", add_assess_command},
        {"advert", add_advert_command},
        {"framework", add_framework_commands},
        {"completions", add_completion_commands},
        {"__manual", add_manual_command},
    };
    for (const auto& [name, add] : kCommands) {
        if (registry.wants(name)) {
            add(app, registry);
        }
    }

    // ddat help [COMMAND [SUBCOMMAND]]: the same as COMMAND --help.
    auto help_words = std::make_shared<std::vector<std::string>>();
    if (!registry.wants("help")) {
        return built;
    }
    CLI::App* help = app.add_subcommand("help", "Show help for ddat or one of its commands");
    if (registry.builds(*help)) {
        completes(help->add_option("COMMAND", *help_words, "A command, such as gap or roles list"),
                  Completion::commands);
        registry.add(
            help,
            [&app, help_words](Session& session) {
                CLI::App* command = &app;
                for (const auto& word : *help_words) {
                    CLI::App* next = nullptr;
                    for (CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
                        if (sub->get_name() == word) {
                            next = sub;
                        }
                    }
                    if (next == nullptr) {
                        const std::string near = nearest_command(word, *command);
                        print_error(session.err(), "'" + shown(word) + "' is not a " + command_path(command) +
                                                       " command" +
                                                       (near.empty() ? "" : "; did you mean '" + near + "'?"));
                        return static_cast<int>(kExitUsage);
                    }
                    command = next;
                }
                // not command->help(): for ddat itself, CLI11 would show the help of the command
                // chosen on this command line, which is help
                session.output().out << command->get_formatter()->make_help(command, command->get_name(),
                                                                            CLI::AppFormatMode::Normal);
                return static_cast<int>(kExitOk);
            },
            SingleFormat{"", "prints help text"});
    }

    return built;
}

// The top-level command the command line names, when only that one need be built in full: the
// first word that is not an option or the value of a global option. Empty, so that every
// command is built, for help, completion and the manual (they walk every command), for "--"
// before any command, and when no command is named.
std::string command_to_build(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--") {
            return {};
        }
        if (!word.empty() && word[0] == '-') {
            // the global options that take a value, written apart from it
            if (word == "--format" || word == "--color" || word == "--framework" || word == "--release") {
                ++i;
            }
            continue;
        }
        if (word == "help" || word == "completions" || word == "__complete" || word == "__manual" ||
            word == "__completion-kinds") {
            return {};
        }
        return std::string(word);
    }
    return {};
}

namespace {

// CLI11's message for a command line it cannot parse, in ddat's words where CLI11's read oddly:
// "--me: 1 required FILE missing" becomes "--me needs a value: --me FILE".
std::string plain_parse_error(const std::string& message) {
    static const std::regex kMissingValue(R"(^(\S+): 1 required (\S+) missing$)");
    static const std::regex kTooFew(R"(^(\S+): At least (\d+) required but received (\d+)$)");
    static const std::regex kNotIn(R"(^(\S+): (.*) not in \{(.*)\}$)");
    std::smatch match;
    if (std::regex_match(message, match, kMissingValue)) {
        return match.str(1) + " needs a value: " + match.str(1) + " " + match.str(2);
    }
    if (std::regex_match(message, match, kTooFew)) {
        return match.str(1) + ": at least " + match.str(2) + " needed, " + match.str(3) + " given";
    }
    if (std::regex_match(message, match, kNotIn)) {
        std::string choices = match.str(3);
        std::replace(choices.begin(), choices.end(), ',', ' ');
        return match.str(1) + ": '" + match.str(2) + "' is not one of: " + choices;
    }
    return message;
}

// The format an output file's extension names (report.html, gap.xlsx), or "" for any other.
std::string format_of_file_name(const std::string& file) {
    const std::string name = to_lower(std::filesystem::path(file).filename().string());
    const std::string suffix = to_lower(std::filesystem::path(file).extension().string());
    static const std::pair<const char*, const char*> kExtensions[] = {
        {".json", "json"}, {".yaml", "yaml"},   {".yml", "yaml"},          {".csv", "csv"},
        {".tsv", "tsv"},   {".md", "markdown"}, {".markdown", "markdown"}, {".html", "html"},
        {".htm", "html"},  {".svg", "svg"},     {".xlsx", "xlsx"}};
    for (const auto& [extension, format] : kExtensions) {
        if (name.size() > std::string_view(extension).size() && name.ends_with(extension)) {
            return format;
        }
    }
    // a plain-text name, or none at all, is the table; any other would get a table it does not hold
    if (!suffix.empty() && suffix != ".txt" && suffix != ".text" && suffix != ".out" && suffix != ".log") {
        throw UsageError("ddat writes no '" + suffix + "' file: name -o FILE with .txt, .md, .html, .svg, .json, " +
                         ".yaml, .csv, .tsv or .xlsx, or give --format");
    }
    return {};
}

}  // namespace

namespace {

// Refuses an output file (-o) that this command reads: a file named on its command line (or as
// its framework), or a YAML or JSON file inside a folder it reads, which the next run would read
// as one of its own files. Writing there would replace, or be mistaken for, what the report is
// made from: a self-assessment, most of all.
void refuse_output_over_input(const CLI::App& command, const GlobalOptions& options) {
    if (options.output_file.empty() || options.output_file == "-") {
        return;
    }
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path output(options.output_file);
    const fs::file_status output_status = fs::status(output, error);
    const fs::path output_place = fs::weakly_canonical(output, error);
    std::string lower_name = to_lower(output.filename().string());
    const bool read_in_folders =
        lower_name.ends_with(".yaml") || lower_name.ends_with(".yml") || lower_name.ends_with(".json");
    const auto check = [&](const std::string& input, const std::string& named_by) {
        if (input.empty() || input == "-") {
            return;
        }
        std::error_code input_error;
        const fs::file_status input_status = fs::status(input, input_error);
        if (input_error || !fs::exists(input_status)) {
            return;
        }
        if (fs::exists(output_status) && fs::equivalent(output, input, input_error) && !input_error) {
            throw UsageError("'-o " + options.output_file + "' is " + named_by +
                             ", which this command reads: the output would replace it; name another file");
        }
        if (fs::is_directory(input_status) && read_in_folders) {
            const fs::path folder = fs::canonical(input, input_error);
            if (input_error) {
                return;
            }
            const auto [folder_end, place_end] =
                std::mismatch(folder.begin(), folder.end(), output_place.begin(), output_place.end());
            if (folder_end == folder.end() && place_end != output_place.end()) {
                throw UsageError("'-o " + options.output_file + "' is inside " + named_by +
                                 ", a folder this command reads: the next run would read the output as one of "
                                 "its files; write it elsewhere");
            }
        }
    };
    for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
        for (const CLI::Option* option : app->get_options()) {
            if (option->get_name() == "--output" || option->get_name() == "-o") {
                continue;
            }
            for (const std::string& value : option->results()) {
                const std::string shown_as =
                    option->get_positional() ? "'" + value + "'" : option->get_name() + " " + value;
                check(value, shown_as);
            }
        }
    }
    check(framework_path(options), "the framework " + framework_path(options));
}

}  // namespace

int run(int argc, const char* const* argv, StdoutBuffer& buffer, std::ostream& err, bool out_is_terminal) {
    // Commands write into the buffer directly; a write that fails there (memory running out, say)
    // is thrown, not left as a stream state nobody reads.
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit | std::ios::failbit);
    // A command that fails leaves nothing on standard output.
    const auto failed = [&buffer](ExitCode code) {
        buffer.discard();
        return static_cast<int>(code);
    };
    GlobalOptions options;
    bool format_from_output = false;  // the format was taken from -o FILE's extension
    // Only the command named is built in full; a word that names no command builds them all.
    std::string only = command_to_build(argc, argv);
    auto registry = std::make_unique<CommandRegistry>(options, only);
    std::unique_ptr<CLI::App> built = build_app(*registry);
    if (!only.empty() && !registry->built_one()) {
        registry = std::make_unique<CommandRegistry>(options);
        built = build_app(*registry);
    }
    CLI::App& app = *built;
    // Destroying every command's definitions takes longer than some commands do, and the process
    // ends right after: they are left for the exit to reclaim, reachable from here.
    static auto* kept = new std::vector<std::pair<std::unique_ptr<CLI::App>, std::unique_ptr<CommandRegistry>>>();
    kept->emplace_back(std::move(built), nullptr);
    kept->back().second = std::move(registry);
    CommandRegistry& commands = *kept->back().second;

    unmark_operands_of(app);
    // The arguments, in CLI11's order (last first), with the words after the first "--" marked as
    // operands; __complete reads its own "--" and is left alone.
    std::vector<std::string> arguments;
    const bool completing = argc > 1 && std::string_view(argv[1]) == "__complete";
    bool after_separator = false;
    for (int i = 1; i < argc; ++i) {
        arguments.emplace_back(after_separator ? std::string(kOperandMark) + argv[i] : std::string(argv[i]));
        after_separator = after_separator || (!completing && arguments.back() == "--");
    }
    std::reverse(arguments.begin(), arguments.end());

    try {
        try {
            app.parse(arguments);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e, out, err);
        } catch (const CLI::CallForAllHelp& e) {
            return app.exit(e, out, err);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e, out, err);
        } catch (const CLI::ParseError& e) {
            if (const std::string word = file_without_me(app); !word.empty()) {
                // "ddat gap me.yaml": the file goes after --me
                print_error(err, "unexpected argument '" + shown(word) +
                                     "': a self-assessment goes after --me, as in '" +
                                     command_path(deepest_command(app)) + " --me " + shown(word) + "'");
                err << "ddat: run '" << command_path(deepest_command(app)) << " --help' for usage\n";
                return kExitUsage;
            }
            print_error(err, plain_parse_error(e.what()));
            err << "ddat: run '" << command_path(deepest_command(app)) << " --help' for usage\n";
            return kExitUsage;
        }
        // Extras: the first word that named no command or option.
        auto extras = app.remaining(true);
        // "--" ends the options; CLI11 keeps it among the extras after using it
        extras.erase(std::remove(extras.begin(), extras.end(), "--"), extras.end());
        if (!extras.empty()) {
            if (extras.front().rfind(kOperandMark, 0) == 0) {
                CLI::App* deepest = deepest_command(app);
                print_error(err, "unexpected argument '" + shown(unmark(extras.front())) + "'");
                err << "ddat: run '" << command_path(deepest) << " --help' for usage\n";
                return kExitUsage;
            }
            const std::string& word = extras.front();
            CLI::App* deepest = deepest_command(app);
            std::string message;
            if (!word.empty() && word[0] == '-') {
                message = unknown_option_message(word, *deepest, app);
            } else if (deepest == &app || !deepest->get_subcommands([](const CLI::App*) { return true; }).empty()) {
                const std::string near = nearest_command(word, *deepest);
                message = "'" + shown(word) + "' is not a ddat " + (deepest == &app ? "" : deepest->get_name() + " ") +
                          "command";
                if (!near.empty()) {
                    message += "; did you mean '" + near + "'?";
                } else if (deepest != &app &&
                           !deepest->get_subcommands([](const CLI::App* sub) { return sub->get_name() == "show"; })
                                .empty()) {
                    // "ddat level ds": the group's show command was meant
                    message += "; did you mean '" + command_path(deepest) + " show " + shown(word) + "'?";
                }
            } else if (const CLI::Option* me = deepest->get_option_no_throw("--me");
                       me != nullptr && me->count() == 0) {
                // "ddat gap me.yaml": the file goes after --me
                message = "unexpected argument '" + shown(word) + "': a self-assessment goes after --me, as in '" +
                          command_path(deepest) + " --me " + shown(word) + "'";
            } else {
                message = "unexpected argument '" + shown(word) + "'";
            }
            print_error(err, message);
            err << "ddat: run '" << command_path(deepest) << " --help' for usage\n";
            return kExitUsage;
        }
        Session session(options, out, err, out_is_terminal);
        for (const auto& [command, action, single_format] : commands.actions()) {
            if (command->parsed()) {
                session.set_command(command_path(command).substr(5));  // without "ddat "
                if (single_format && format_given(app) && options.format != single_format->format) {
                    print_error(err, "'" + command_path(command) + "' " + single_format->writes + ": --format " +
                                         options.format + " does not apply; leave --format out");
                    return kExitUsage;
                }
                refuse_output_over_input(*command, options);
                if (!options.output_file.empty() && options.output_file != "-" && !format_given(app)) {
                    if (std::string format = format_of_file_name(options.output_file); !format.empty()) {
                        options.format = std::move(format);
                        format_from_output = true;
                    }
                }
                const int code = action(session);
                session.finish_output();
                out.flush();
                return code;
            }
        }
        // No command given: a group alone ("ddat roles") is a missing argument; ddat alone shows
        // its help.
        if (CLI::App* group = deepest_command(app); group != &app) {
            std::vector<std::string> names;
            for (const CLI::App* command :
                 group->get_subcommands([](const CLI::App* c) { return !c->get_name().empty(); })) {
                names.push_back(command->get_name());
            }
            print_error(err, "'" + command_path(group) + "' needs a command: " + one_of(names, "") + "; see '" +
                                 command_path(group) + " --help'");
            return kExitUsage;
        }
        out << app.help();
        return kExitOk;
    } catch (const NotFoundError& error) {
        print_not_found(err, error, options);
        return failed(kExitUsage);
    } catch (const FormatError& error) {
        print_error(
            err, std::string(error.what()) + (format_from_output ? " (the format comes from the extension of -o " +
                                                                       options.output_file + "; --format names another)"
                                                                 : ""));
        return failed(kExitUsage);
    } catch (const UsageError& error) {
        print_error(err, error.what());
        return failed(kExitUsage);
    } catch (const TargetExistsError& error) {
        print_error(err, error.what());
        return failed(kExitUsage);
    } catch (const WriteError& error) {
        print_error(err, error.what());
        return failed(kExitInput);
    } catch (const FrameworkError& error) {
        print_input_error(err, error, InputKind::framework);
        return failed(kExitInput);
    } catch (const AssessmentError& error) {
        print_input_error(err, error, InputKind::self_assessment);
        return failed(kExitInput);
    } catch (const InputError& error) {
        print_input_error(err, error, InputKind::other);
        return failed(kExitInput);
    } catch (...) {
        buffer.discard();
        throw;
    }
}

}  // namespace ddat::cli
