// Small helpers shared by the unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "ddat/diff.hpp"
#include "ddat/errors.hpp"
#include "ddat/framework_loader.hpp"
#include "ddat/gap.hpp"
#include "ddat/model.hpp"
#include "ddat/self_assessment.hpp"

// Failure messages show the enums' words rather than numbers.
namespace Catch {
template <>
struct StringMaker<ddat::SkillLevel> {
    static std::string convert(ddat::SkillLevel value) { return std::string(ddat::to_string(value)); }
};
template <>
struct StringMaker<ddat::LevelChange> {
    static std::string convert(ddat::LevelChange value) { return std::string(ddat::to_string(value)); }
};
template <>
struct StringMaker<ddat::GapStatus> {
    static std::string convert(ddat::GapStatus value) { return std::string(ddat::to_string(value)); }
};
template <>
struct StringMaker<ddat::CriterionStatus> {
    static std::string convert(ddat::CriterionStatus value) { return std::string(ddat::to_string(value)); }
};
}  // namespace Catch

namespace ddat_test {

// The built-in framework, loaded once for the whole run.
inline const ddat::Framework& builtin() {
    static const ddat::Framework framework = ddat::load_builtin_framework();
    return framework;
}

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// The diagnostics of loading these files, which must fail; empty (and a failed check) if it loads.
inline std::vector<ddat::Diagnostic> load_problems(const std::vector<ddat::SourceFile>& files) {
    try {
        (void)ddat::load_framework_sources(files);
    } catch (const ddat::InputError& error) {
        return error.diagnostics();
    }
    FAIL_CHECK("the framework loaded, but an InputError was expected");
    return {};
}

// The diagnostics of loading one file named "f.yaml" with this text.
inline std::vector<ddat::Diagnostic> load_problems(const std::string& text) {
    return load_problems({ddat::SourceFile{"f.yaml", text}});
}

// Every diagnostic as "FILE:LINE:COL: message", one a line, for failure messages.
inline std::string describe(const std::vector<ddat::Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        text += ddat::format_diagnostic(d) + "\n";
    }
    return text;
}

}  // namespace ddat_test
