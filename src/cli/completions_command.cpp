// ddat completions bash|zsh|fish, and the hidden ddat __complete that the scripts call on TAB.
//
// The scripts are tiny and fixed: on every TAB they ask `ddat __complete -- WORDS...`, which
// walks the same CLI11 definitions the help is made from and the framework in use, so commands,
// options, role levels and skills offered can never drift from what ddat accepts.
#include <algorithm>
#include <memory>

#include "cli/app.hpp"

namespace ddat::cli {

namespace {

// What kind of value an option or positional takes, by its type name.
enum class ValueKind { none, levels, roles, skills, families, files, dirs, frameworks, formats, colors, commands };

ValueKind kind_of(std::string type_name) {
    type_name = type_name.substr(0, type_name.find(':'));  // "FORMAT:{table,json,...}"
    if (type_name == "LEVEL" || type_name == "FROM" || type_name == "TO") {
        return ValueKind::levels;
    }
    if (type_name == "ROLE") {
        return ValueKind::roles;
    }
    if (type_name == "SKILL") {
        return ValueKind::skills;
    }
    if (type_name == "FAMILY") {
        return ValueKind::families;
    }
    if (type_name == "FILE" || type_name == "PATH" || type_name == "ROLE_CSV" || type_name == "SKILL_CSV") {
        return ValueKind::files;
    }
    if (type_name == "OLD" || type_name == "NEW") {
        return ValueKind::frameworks;
    }
    if (type_name == "DIR") {
        return ValueKind::dirs;
    }
    if (type_name == "FORMAT") {
        return ValueKind::formats;
    }
    if (type_name == "WHEN") {
        return ValueKind::colors;
    }
    if (type_name == "COMMAND") {
        return ValueKind::commands;
    }
    return ValueKind::none;
}

std::vector<CLI::App*> visible_subcommands(CLI::App& command) {
    std::vector<CLI::App*> subs;
    for (CLI::App* sub : command.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        subs.push_back(sub);
    }
    return subs;
}

// Prints the completion candidates: a first line "words", "files" or "dirs", then one
// "candidate<TAB>description" line each.
int complete(Session& session, CLI::App& app, const std::vector<std::string>& words) {
    std::ostream& out = session.output().out;
    const std::string current = words.empty() ? std::string() : words.back();
    CLI::App* command = &app;
    const CLI::Option* pending = nullptr;  // an option waiting for its value
    std::size_t positionals = 0;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string& word = words[i];
        if (pending != nullptr) {
            pending = nullptr;
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
        kind = kind_of(pending->get_type_name());
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
                    kind = kind_of(option->get_name(true));
                }
                ++index;
            }
        }
    }
    const auto framework = [&]() -> const Framework* {
        try {
            return &session.framework();
        } catch (const std::exception&) {
            return nullptr;  // a broken framework completes nothing rather than printing errors
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
                for (const auto& role : f->roles) {
                    candidates.emplace_back(role.id, role.name);
                }
            }
            break;
        case ValueKind::skills:
            if (const Framework* f = framework()) {
                for (const auto& skill : f->skills) {
                    candidates.emplace_back(skill.id, skill.name);
                }
            }
            break;
        case ValueKind::families:
            if (const Framework* f = framework()) {
                for (const auto& family : f->families) {
                    candidates.emplace_back(family.id, family.name);
                }
            }
            break;
        case ValueKind::formats:
            for (const auto& name : command->get_name() == "export" ? std::vector<std::string>{"csv"} : kFormatNames) {
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
# Each TAB asks ddat itself, so commands, options, role levels and skills always match the
# ddat and the framework in use.
_ddat() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local IFS=$'\n'
    local -a reply
    reply=($(ddat __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
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
# Each TAB asks ddat itself, so commands, options, role levels and skills always match the
# ddat and the framework in use.
_ddat() {
    local -a reply candidates
    reply=("${(@f)$(ddat __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
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
# Each TAB asks ddat itself, so commands, options, role levels and skills always match the
# ddat and the framework in use.
function __ddat_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l reply (ddat __complete -- $words[2..-1] 2>/dev/null)
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
    completions->add_option("SHELL", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
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
        false);

    auto words = std::make_shared<std::vector<std::string>>();
    CLI::App* hidden = app.add_subcommand("__complete", "");
    hidden->group("");  // not shown in help
    hidden->add_option("WORDS", *words)->allow_extra_args();
    hidden->allow_extras();
    hidden->prefix_command();
    registry.add(hidden, [&app, words, hidden](Session& session) {
        std::vector<std::string> all = *words;
        for (const auto& extra : hidden->remaining()) {
            all.push_back(extra);
        }
        // the "--" that separates the words from __complete's own options
        if (const auto separator = std::find(all.begin(), all.end(), "--"); separator != all.end()) {
            all.erase(separator);
        }
        return complete(session, app, all);
    });
}

}  // namespace ddat::cli
