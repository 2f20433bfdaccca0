// The errors the core reports, each with enough to tell the user what to fix.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/location.hpp"

namespace ddat {

// One problem found in an input file, at a place in it.
struct Diagnostic {
    SourceLocation location;
    std::string message;
};

// "FILE:LINE:COL: message", leaving out the parts that are unknown.
std::string format_diagnostic(const Diagnostic& diagnostic);

// An input file could not be read, is not valid YAML or breaks the schema. Carries every problem
// found, in file order; what() is the first one.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    InputError(SourceLocation location, std::string message);

    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// What a name on the command line was meant to name.
enum class NameKind { role_level, role, skill, family, release };

// The kind as the user reads it: "role level", "role", "skill", "family" or "release".
std::string_view to_string(NameKind kind);

// A name given on the command line matched nothing: an unknown role, role level or skill.
// Carries the nearest known ids to suggest instead.
class NotFoundError : public std::runtime_error {
public:
    NotFoundError(NameKind kind, std::string name, std::vector<std::string> suggestions);

    [[nodiscard]] NameKind kind() const { return kind_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] const std::vector<std::string>& suggestions() const { return suggestions_; }

private:
    NameKind kind_;
    std::string name_;
    std::vector<std::string> suggestions_;
};

}  // namespace ddat
