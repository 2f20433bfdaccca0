// ddat completions bash|zsh|fish, and the hidden ddat __complete that the scripts call on TAB.
//
// The scripts are tiny and fixed: on every TAB they ask `ddat __complete --cword N -- WORDS...`
// with every word of the line after "ddat" (N is the one being completed), which walks the same
// CLI11 definitions the help is made from and the framework in use (the one a --framework on the
// line names, wherever it stands), so commands, options, role levels and skills offered can never
// drift from what ddat accepts.
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string_view>

#include "cli/app.hpp"
#include "ddat/load/builtin_framework.hpp"

namespace ddat::cli {

namespace {

using ValueKind = Completion;

// What kind of value an option or operand takes: the kind it was given (see completes()).
ValueKind kind_of(const CLI::Option* option) { return completion_of(option).value_or(ValueKind::none); }

std::vector<CLI::App*> visible_subcommands(CLI::App& command) {
    std::vector<CLI::App*> subs;
    for (CLI::App* sub : command.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        subs.push_back(sub);
    }
    return subs;
}

// A path as the shell would pass it on: quotes and backslashes removed, a leading ~ made the
// home folder. The completion scripts pass words as typed (bash and zsh) or unquoted (fish).
std::string as_shell_would(const std::string& word) {
    std::string path;
    char quote = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        if (quote == '\'') {
            if (c == '\'') {
                quote = 0;
            } else {
                path += c;
            }
        } else if (c == '\\' && i + 1 < word.size() &&
                   (quote == 0 || std::string_view("\"\\$`").find(word[i + 1]) != std::string_view::npos)) {
            path += word[++i];
        } else if (quote == '"') {
            if (c == '"') {
                quote = 0;
            } else {
                path += c;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else {
            path += c;
        }
    }
    if (word == "~" || word.rfind("~/", 0) == 0) {
        if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
            path = home + path.substr(1);
        }
    }
    return path;
}

// The paths that the last --framework PATH or --framework=PATH on the command line may name, the
// word as typed first; none when there is no --framework. The word being completed is not
// looked at: it is still being typed. bash passes "--framework=PATH" as "--framework", "=",
// "PATH".
std::vector<std::string> framework_on_line(const std::vector<std::string>& words, std::size_t current) {
    std::string path;
    bool given = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (i == current) {
            continue;
        }
        if (word == "--") {
            break;  // the options end here
        }
        if (word.rfind("--framework=", 0) == 0) {
            path = word.substr(std::string_view("--framework=").size());
            given = true;
        } else if (word == "--framework") {
            std::size_t value = i + 1;
            if (value < words.size() && words[value] == "=") {
                ++value;
            }
            if (value < words.size() && value != current) {
                path = words[value];
                given = true;
            }
            i = value;
        }
    }
    if (!given || path.empty()) {
        return {};
    }
    std::vector<std::string> paths{path};
    if (const std::string expanded = as_shell_would(path); expanded != path && !expanded.empty()) {
        paths.push_back(expanded);
    }
    return paths;
}

// Prints the completion candidates for words[current] (the words after "ddat"): a first line
// "words", "files" or "dirs", then one "candidate<TAB>description" line each. The words after
// the current one matter only for a --framework among them.
int complete(Session& session, CLI::App& app, const std::vector<std::string>& words, std::size_t current_index) {
    std::ostream& out = session.output().out;
    const std::string current = current_index < words.size() ? words[current_index] : std::string();
    CLI::App* command = &app;
    const CLI::Option* pending = nullptr;  // an option waiting for its value
    std::size_t positionals = 0;
    for (std::size_t i = 0; i < current_index && i < words.size(); ++i) {
        const std::string& word = words[i];
        if (pending != nullptr) {
            if (word != "=") {  // bash passes "--format=json" as "--format", "=", "json"
                pending = nullptr;
            }
            continue;
        }
        if (word.size() > 1 && word[0] == '-') {
            if (word.find('=') != std::string::npos) {
                continue;
            }
            for (const CLI::Option* option : command->get_options()) {
                if (option->check_name(word) && option->get_type_size() != 0) {
                    pending = option;
                }
            }
            continue;
        }
        CLI::App* next = nullptr;
        for (CLI::App* sub : visible_subcommands(*command)) {
            if (sub->get_name() == word) {
                next = sub;
            }
        }
        if (next != nullptr && positionals == 0) {
            command = next;
        } else {
            ++positionals;
        }
    }
    std::vector<std::pair<std::string, std::string>> candidates;
    ValueKind kind = ValueKind::none;
    if (pending != nullptr) {
        kind = kind_of(pending);
    } else if (!current.empty() && current[0] == '-') {
        for (const CLI::Option* option : command->get_options()) {
            for (const auto& name : option->get_lnames()) {
                candidates.emplace_back("--" + name, option->get_description());
            }
        }
    } else {
        if (positionals == 0) {
            for (CLI::App* sub : visible_subcommands(*command)) {
                candidates.emplace_back(sub->get_name(), sub->get_description());
            }
        }
        std::size_t index = 0;
        for (const CLI::Option* option : command->get_options()) {
            if (option->get_positional() && !option->nonpositional()) {
                if (index == positionals || (index < positionals && option->get_items_expected_max() > 1)) {
                    kind = kind_of(option);
                }
                ++index;
            }
        }
    }
    // The framework a --framework on the line names, else the one in use (DDAT_FRAMEWORK and
    // so on); one that cannot be read completes nothing rather than printing errors.
    GlobalOptions line_options = session.options();
    std::ostringstream unused;
    Session line_session(line_options, unused, unused, false);
    const auto framework = [&]() -> const Framework* {
        for (const auto& path : framework_on_line(words, current_index)) {
            line_options.framework_path = path;
            try {
                return &line_session.framework();
            } catch (const std::exception&) {
                continue;  // perhaps the next spelling of the path, else the framework in use
            }
        }
        try {
            return &session.framework();
        } catch (const std::exception&) {
            return nullptr;
        }
    };
    switch (kind) {
        case ValueKind::files: out << "files\n"; return kExitOk;
        case ValueKind::dirs: out << "dirs\n"; return kExitOk;
        case ValueKind::frameworks:
            if (current.empty() || std::string("built-in").rfind(current, 0) == 0) {
                out << "words\nbuilt-in\tthe framework built into ddat\n";
                return kExitOk;
            }
            out << "files\n";
            return kExitOk;
        case ValueKind::levels:
            if (const Framework* f = framework()) {
                for (const RoleLevel* level : f->all_levels()) {
                    for (const auto& alias : level->aliases) {
                        candidates.emplace_back(alias, level->name);
                    }
                    candidates.emplace_back(level->id, level->name);
                }
            }
            break;
        case ValueKind::roles:
            if (const Framework* f = framework()) {
                for (const auto& role : f->roles()) {
                    candidates.emplace_back(role.id, role.name);
                }
            }
            break;
        case ValueKind::skills:
            if (const Framework* f = framework()) {
                for (const auto& skill : f->skills()) {
                    candidates.emplace_back(skill.id, skill.name);
                }
            }
            break;
        case ValueKind::families:
            if (const Framework* f = framework()) {
                for (const auto& family : f->families()) {
                    candidates.emplace_back(family.id, family.name);
                }
            }
            break;
        case ValueKind::formats:
            for (const auto& name : command->get_name() == "export" ? std::vector<std::string>{"csv"}
                                    : command->get_name() == "init" || command->get_name() == "assess"
                                        ? std::vector<std::string>{"yaml"}
                                        : kFormatNames) {
                candidates.emplace_back(name, "");
            }
            break;
        case ValueKind::shells:
            for (const char* name : {"bash", "zsh", "fish"}) {
                candidates.emplace_back(name, "");
            }
            break;
        case ValueKind::colors:
            for (const char* name : {"auto", "always", "never"}) {
                candidates.emplace_back(name, "");
            }
            break;
        case ValueKind::commands:
            for (CLI::App* sub : visible_subcommands(app)) {
                candidates.emplace_back(sub->get_name(), sub->get_description());
            }
            break;
        case ValueKind::releases:
            for (const auto& release : builtin_releases()) {
                candidates.emplace_back(std::string(release.name), "");
            }
            break;
        case ValueKind::none: break;
    }
    out << "words\n";
    for (const auto& [word, description] : candidates) {
        if (word.rfind(current, 0) == 0) {
            out << word << '\t' << description << '\n';
        }
    }
    return kExitOk;
}

constexpr const char* kBash = R"(# bash completion for ddat. Generated by 'ddat completions bash': do not edit.
# Each TAB asks ddat itself, with the whole line (a --framework after the cursor counts too), so
# commands, options, role levels and skills always match the ddat and the framework in use.
_ddat() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local IFS=$'\n'
    local -a reply
    # the ddat that was typed (./build/ddat, ~/bin/ddat), not only the one on PATH
    local ddat=${COMP_WORDS[0]}
    [[ $ddat == "~/"* ]] && ddat=$HOME/${ddat#"~/"}
    reply=($("$ddat" __complete --cword $((COMP_CWORD - 1)) -- "${COMP_WORDS[@]:1}" 2>/dev/null))
    case "${reply[0]}" in
        files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
        dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
        *) COMPREPLY=($(printf '%s\n' "${reply[@]:1}" | cut -f1)) ;;
    esac
}
complete -F _ddat ddat
)";

constexpr const char* kZsh = R"(#compdef ddat
# zsh completion for ddat. Generated by 'ddat completions zsh': do not edit.
# Each TAB asks ddat itself, with the whole line (a --framework after the cursor counts too), so
# commands, options, role levels and skills always match the ddat and the framework in use.
_ddat() {
    local -a reply candidates
    # the ddat that was typed (./build/ddat, ~/bin/ddat), not only the one on PATH
    reply=("${(@f)$(${~words[1]} __complete --cword $((CURRENT - 2)) -- "${(@)words[2,-1]}" 2>/dev/null)}")
    case $reply[1] in
        files) _files ;;
        dirs) _files -/ ;;
        *)
            local line
            for line in "${(@)reply[2,-1]}"; do
                candidates+=("${line%%$'\t'*}:${${line#*$'\t'}//:/\\:}")
            done
            _describe -t values 'ddat' candidates ;;
    esac
}
if [ "$funcstack[1]" = "_ddat" ]; then
    _ddat "$@"
else
    compdef _ddat ddat
fi
)";

constexpr const char* kFish = R"(# fish completion for ddat. Generated by 'ddat completions fish': do not edit.
# Each TAB asks ddat itself, with the whole line (a --framework after the cursor counts too), so
# commands, options, role levels and skills always match the ddat and the framework in use.
function __ddat_complete
    set -l before (commandline -opc)
    # the words after the cursor: those of the whole line past the ones before it, less the
    # word under the cursor
    set -l line (commandline -op)
    set -l after $line[(math (count $before) + 1)..-1]
    set -l token (commandline -t)
    if test -n "$token"
        set -e after[1]
    end
    # the ddat that was typed (./build/ddat, ~/bin/ddat), not only the one on PATH
    set -l ddat (string replace -r '^~/' "$HOME/" -- $before[1])
    set -l reply ($ddat __complete --cword (math (count $before) - 1) -- $before[2..-1] (commandline -ct) $after 2>/dev/null)
    switch "$reply[1]"
        case files
            __fish_complete_path (commandline -ct)
        case dirs
            __fish_complete_directories (commandline -ct)
        case '*'
            printf '%s\n' $reply[2..-1]
    end
end
complete -c ddat -f -a '(__ddat_complete)'
)";

const char* to_string(Completion kind) {
    switch (kind) {
        case Completion::none: return "none";
        case Completion::levels: return "levels";
        case Completion::roles: return "roles";
        case Completion::skills: return "skills";
        case Completion::families: return "families";
        case Completion::releases: return "releases";
        case Completion::files: return "files";
        case Completion::dirs: return "dirs";
        case Completion::frameworks: return "frameworks";
        case Completion::formats: return "formats";
        case Completion::colors: return "colors";
        case Completion::commands: return "commands";
        case Completion::shells: return "shells";
    }
    return "none";
}

// Lists every option and operand that takes a value, command by command, with its completion
// kind; one without a kind is an error (exit 70), so that no option can be left out of completion.
void list_completion_kinds(const CLI::App& command, const std::string& path, std::ostream& out,
                           std::vector<std::string>& missing) {
    for (const CLI::Option* option : command.get_options()) {
        if (option->get_expected_max() == 0) {
            continue;  // a flag
        }
        const std::string name = option->get_name(false, true);
        const auto kind = completion_of(option);
        out << path << '\t' << name << '\t' << (kind ? to_string(*kind) : "MISSING") << '\n';
        if (!kind) {
            missing.push_back(path + " " + name);
        }
    }
    for (const CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
        list_completion_kinds(*sub, path + " " + sub->get_name(), out, missing);
    }
}

}  // namespace

const char* completion_script(const std::string& shell) {
    if (shell == "bash") {
        return kBash;
    }
    if (shell == "zsh") {
        return kZsh;
    }
    return kFish;
}

void add_completion_commands(CLI::App& app, CommandRegistry& registry) {
    auto shell = std::make_shared<std::string>();
    CLI::App* completions = app.add_subcommand("completions", "Print the TAB completion script for a shell");
    CLI::App* hidden = app.add_subcommand("__complete", "");
    hidden->group("");  // not shown in help
    if (!registry.builds(*completions) && !registry.builds(*hidden)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(completions->add_option("SHELL", *shell, "bash, zsh or fish")
                  ->required()
                  ->check(CLI::IsMember({"bash", "zsh", "fish"})),
              Completion::shells);
    completions->footer(
        "Installed packages put these in place already. By hand:\n"
        "  ddat completions bash > ~/.local/share/bash-completion/completions/ddat\n"
        "  ddat completions zsh > ~/.zfunc/_ddat        (with ~/.zfunc in $fpath)\n"
        "  ddat completions fish > ~/.config/fish/completions/ddat.fish");
    registry.add(
        completions,
        [shell](Session& session) {
            session.output().out << completion_script(*shell);
            return static_cast<int>(kExitOk);
        },
        SingleFormat{"", "prints a shell script"});

    // ddat __complete [--cword N] -- WORDS...: the words of the command line after "ddat", and
    // which of them is being completed (0 the first; by default the last).
    auto words = std::make_shared<std::vector<std::string>>();
    auto cword = std::make_shared<std::size_t>(0);
    CLI::Option* cword_option =
        completes(hidden->add_option("--cword", *cword, "Which of WORDS is being completed"), Completion::none);
    completes(hidden->add_option("WORDS", *words)->allow_extra_args(), Completion::none);
    hidden->allow_extras();
    hidden->prefix_command();
    registry.add_hidden(hidden, [&app, words, cword, cword_option, hidden](Session& session) {
        std::vector<std::string> all = *words;
        std::vector<std::string> extras = hidden->remaining();
        // CLI11 keeps the "--" that separates the words from __complete's own options among the
        // extras; a "--" among the words themselves stays
        if (const auto separator = std::find(extras.begin(), extras.end(), "--"); separator != extras.end()) {
            extras.erase(separator);
        }
        all.insert(all.end(), extras.begin(), extras.end());
        const std::size_t current = cword_option->count() > 0 ? *cword : all.empty() ? 0 : all.size() - 1;
        return complete(session, app, all, current);
    });

    // ddat __completion-kinds: every option's completion kind, for the test that none is missing.
    CLI::App* kinds = app.add_subcommand("__completion-kinds", "");
    kinds->group("");
    if (!registry.builds(*kinds)) {
        return;
    }
    registry.add_hidden(kinds, [&app](Session& session) {
        std::vector<std::string> missing;
        list_completion_kinds(app, "ddat", session.output().out, missing);
        for (const auto& option : missing) {
            session.err() << "ddat: error: " << option
                          << " takes a value and has no completion kind: give it one with completes()\n";
        }
        return missing.empty() ? static_cast<int>(kExitOk) : static_cast<int>(kExitInternal);
    });
}

}  // namespace ddat::cli
