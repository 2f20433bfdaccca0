// The command-line program: option parsing, the framework in use, and error reporting.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/render/render.hpp"
#include "cli/stdout_buffer.hpp"
#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat::cli {

// ddat's exit codes (documented in the README).
enum ExitCode : int {
    kExitOk = 0,
    kExitDifferences = 1,  // diff or gap found something, with --exit-code
    kExitUsage = 2,        // unknown option, command, role level or skill
    kExitInput = 3,        // a file that cannot be read, is not valid YAML or breaks the schema
    kExitInternal = 70,    // not the user's doing: memory ran out, or a bug (EX_SOFTWARE in sysexits.h)
};

// The options every command takes.
struct GlobalOptions {
    std::string framework_path;  // --framework; empty when not given
    std::string release;         // --release; empty when not given
    std::string format = "table";
    std::string color = "auto";
    std::string output_file;  // -o FILE, for the commands that take it; empty or "-": standard output
};

// A usage error found after parsing, such as an argument a command needs and did not get from
// the command line or a file: exit 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An input error in the framework in use, as opposed to in a file the command was given.
class FrameworkError : public InputError {
public:
    explicit FrameworkError(const InputError& error) : InputError(error) {}
};

// An input error in a self-assessment.
class AssessmentError : public InputError {
public:
    explicit AssessmentError(const InputError& error) : InputError(error) {}
};

// Where the framework in use comes from: the first of --framework, DDAT_FRAMEWORK,
// $XDG_CONFIG_HOME/ddat/framework (or ~/.config/ddat/framework) that is given or exists, else
// the built-in copy (an empty path).
struct FrameworkSource {
    enum class Kind { option, environment, configuration, builtin };
    std::string path;
    std::string origin;  // "--framework", "DDAT_FRAMEWORK", "the configuration folder" or "built in"
    Kind kind = Kind::builtin;
};
FrameworkSource framework_source(const GlobalOptions& options);

// The framework path in use, empty for the built-in copy.
std::string framework_path(const GlobalOptions& options);

// The built-in release asked for: --release, else DDAT_RELEASE, else empty (the newest).
std::string requested_release(const GlobalOptions& options);

// The name of the built-in release in use: the one asked for, else the newest.
std::string release_in_use(const GlobalOptions& options);

// What a command runs with: the options, the framework in use, and where to write.
class Session {
public:
    Session(GlobalOptions& options, std::ostream& out, std::ostream& err, bool out_is_terminal)
        : options_(options), out_(out), err_(err), out_is_terminal_(out_is_terminal) {}
    // Leaves the frameworks for the process's exit to reclaim (see app.cpp).
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // The framework in use (--framework, DDAT_FRAMEWORK or the built-in copy), holding at least
    // what the scope asks for: read on first use, and read again, with what it held and what is
    // asked for now, when a later call asks for more. Each framework returned stays valid until
    // the session ends, but a later call may return another one: look names up in the one it
    // returns, not in an earlier one.
    const Framework& framework(const LoadScope& scope = LoadScope::whole());

    // The built-in release just older than the one in use, or nullptr when the framework in use is
    // not built in or is the oldest release.
    const Framework* earlier_release();

    // Where and how to write the result. For a person (the table and Markdown), text from files
    // goes through a VisibleStream, so that nothing in it can steer the terminal.
    Output output();

    // Writes out what the output still holds back; called when the command has run. With -o FILE,
    // writes the file (mode 0600: it may hold what a self-assessment says), replacing it whole.
    void finish_output();

    // Where warnings and errors go.
    std::ostream& err() { return err_; }

    // Prints "ddat: warning: ..." on stderr.
    void warn(const std::string& message);

    [[nodiscard]] const GlobalOptions& options() const { return options_; }

    // The command being run ("level show"), for messages.
    void set_command(std::string command) { command_ = std::move(command); }

private:
    std::string command_;
    GlobalOptions& options_;
    std::ostream& out_;
    std::ostream& err_;
    bool out_is_terminal_;
    std::unique_ptr<Framework> framework_;
    std::vector<std::unique_ptr<Framework>> outgrown_;  // read with less: still referred to
    std::unique_ptr<Framework> earlier_;
    std::unique_ptr<std::ostringstream> file_;  // what -o FILE gets, written once the command has run
    // Writes into file_ or the output, so declared after file_: it is destroyed first.
    std::unique_ptr<VisibleStream> visible_;
};

// What runs when a command was chosen on the command line.
using Action = std::function<int(Session&)>;

// A command that writes one format only: the --format value it accepts ("yaml"; empty when it
// accepts none), and what it writes, for the error that refuses any other ("prints YAML").
struct SingleFormat {
    std::string format;
    std::string writes;
};

// A command, what runs when it is chosen, and the one format it writes, if it writes only one.
struct Registered {
    CLI::App* command;
    Action action;
    std::optional<SingleFormat> single_format;
};

// The commands' actions, keyed by the CLI11 subcommand that selects them.
// Every command it adds also takes the output and framework options.
class CommandRegistry {
public:
    // `only`: the command the command line names, to be built in full while every other command
    // is left out; empty builds every command in full, as help, completion, the manual and a
    // word that names no command ("did you mean") need.
    explicit CommandRegistry(GlobalOptions& options, std::string only = {})
        : options_(options), only_(std::move(only)) {}

    // Whether this top-level command is to be built in full (its options and subcommands), noting
    // that the command named was found. build_app adds only the commands wants() names, so this
    // is false only for a command added while another is named.
    [[nodiscard]] bool builds(const CLI::App& command) {
        if (only_.empty()) {
            return true;
        }
        built_one_ = built_one_ || command.get_name() == only_;
        return command.get_name() == only_;
    }

    // Whether this top-level command is to be added at all: every command when all are built;
    // else only the one named, since parsing a command line needs no other.
    [[nodiscard]] bool wants(std::string_view name) const { return only_.empty() || only_ == name; }

    // Whether the command named was one of ddat's commands (else every command must be built).
    [[nodiscard]] bool built_one() const { return built_one_; }

    // Registers a command and adds --format, --color, --no-color and --framework to it, so they can
    // follow its name as well as come before it. A command that writes one format only says so
    // when --format asks for another.
    void add(CLI::App* command, Action action, std::optional<SingleFormat> single_format = std::nullopt);

    // Registers a hidden command that the completion scripts or the build call, without options.
    void add_hidden(CLI::App* command, Action action);

    [[nodiscard]] GlobalOptions& options() { return options_; }
    [[nodiscard]] const std::vector<Registered>& actions() const { return actions_; }

private:
    GlobalOptions& options_;
    std::string only_;
    bool built_one_ = false;
    std::vector<Registered> actions_;
};

// What TAB completion offers for the value of an option or operand. Every option that takes a
// value says which, `none` included, so that completion never depends on help placeholders.
enum class Completion : std::uint8_t {
    none,        // free text or a number: nothing to offer
    levels,      // role level ids and aliases of the framework in use
    roles,       // role ids
    skills,      // skill ids
    families,    // role family ids
    releases,    // the built-in release names
    files,       // paths of files (or folders holding them)
    dirs,        // paths of folders
    frameworks,  // a framework file or folder, or built-in
    formats,     // the output formats the command writes
    colors,      // auto, always, never
    commands,    // ddat's commands
    shells,      // bash, zsh, fish
};

// Gives an option or operand its completion kind; returns it, so that it can end a chain of
// CLI11 settings.
CLI::Option* completes(CLI::Option* option, Completion kind);

// The completion kind given to the option, or nullopt when none was given.
std::optional<Completion> completion_of(const CLI::Option* option);

// Each command group adds its subcommands to the app (one file per group).
void add_roles_commands(CLI::App& app, CommandRegistry& registry);
void add_level_commands(CLI::App& app, CommandRegistry& registry);
void add_diff_command(CLI::App& app, CommandRegistry& registry);
void add_gap_command(CLI::App& app, CommandRegistry& registry);
void add_skills_commands(CLI::App& app, CommandRegistry& registry);
void add_validate_command(CLI::App& app, CommandRegistry& registry);
void add_import_command(CLI::App& app, CommandRegistry& registry);
void add_export_command(CLI::App& app, CommandRegistry& registry);
void add_framework_commands(CLI::App& app, CommandRegistry& registry);
void add_changes_command(CLI::App& app, CommandRegistry& registry);
void add_match_command(CLI::App& app, CommandRegistry& registry);
void add_path_command(CLI::App& app, CommandRegistry& registry);
void add_team_command(CLI::App& app, CommandRegistry& registry);
void add_progress_command(CLI::App& app, CommandRegistry& registry);
void add_init_command(CLI::App& app, CommandRegistry& registry);
void add_assess_command(CLI::App& app, CommandRegistry& registry);
void add_advert_command(CLI::App& app, CommandRegistry& registry);
void add_completion_commands(CLI::App& app, CommandRegistry& registry);
void add_manual_command(CLI::App& app, CommandRegistry& registry);

// The TAB completion script for bash, zsh or fish.
const char* completion_script(const std::string& shell);

// Adds --format, --color, --no-color, --framework and --release to a command, so they can follow its
// name.
void add_output_options(CLI::App& command, GlobalOptions& options);

// Adds -o/--output FILE to a command: its output goes to FILE instead of standard output (the
// way to write --format xlsx from a terminal).
void add_output_file_option(CLI::App& command, GlobalOptions& options);

// Runs ddat with these arguments, writing the result to out and messages to err; returns the
// exit code. What out holds is dropped when the command fails. Throws what is not the user's
// doing (std::bad_alloc, a bug), for main to report with kExitInternal.
int run(int argc, const char* const* argv, StdoutBuffer& out, std::ostream& err, bool out_is_terminal);

}  // namespace ddat::cli
