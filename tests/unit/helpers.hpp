// Small helpers shared by the unit tests.
#pragma once

#include <stdlib.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/analysis/diff.hpp"
#include "ddat/analysis/gap.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/self_assessment.hpp"
#include "ddat/model.hpp"

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
    static const ddat::Framework framework = ddat::load_builtin_framework("2020-01");
    return framework;
}

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// A fresh folder of its own under the system's temporary folder, removed with everything in it
// (permissions restored first) at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ddat-unit-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            FAIL("cannot make a temporary folder");
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add,
                                     ignored);
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::string str() const { return path_.string(); }
    [[nodiscard]] std::string operator/(const std::string& name) const { return (path_ / name).string(); }

    // Writes text to a file below the folder, creating sub-folders, and returns its path.
    std::string write(const std::string& relative, const std::string& text) const {
        const auto file = path_ / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }

private:
    std::filesystem::path path_;
};

// The whole content of a file, as bytes ("" when it cannot be read).
inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The diagnostics of the InputError that read() must throw; empty (and a failed check) if it returns.
// `what` says what went wrong then: "the framework loaded".
template <typename Read>
std::vector<ddat::Diagnostic> input_problems(Read&& read, std::string_view what) {
    try {
        read();
    } catch (const ddat::InputError& error) {
        return error.diagnostics();
    }
    FAIL_CHECK(std::string(what) + ", but an InputError was expected");
    return {};
}

// The diagnostics of loading these files, which must fail; empty (and a failed check) if it loads.
inline std::vector<ddat::Diagnostic> load_problems(const std::vector<ddat::SourceFile>& files) {
    return input_problems([&] { (void)ddat::load_framework_sources(files); }, "the framework loaded");
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

// Checks there is exactly one diagnostic and returns it.
inline ddat::Diagnostic only(const std::vector<ddat::Diagnostic>& diagnostics) {
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.size() == 1);
    return diagnostics.front();
}

// What a diagnostic should say. Only what is given is checked: an empty text or a zero is not.
struct Expected {
    std::string file{};
    int line = 0;
    int column = 0;
    std::string message{};                // the whole message
    std::vector<std::string> contains{};  // parts of the message
    std::vector<std::string> lacks{};     // what the message must not hold, such as a person's values
};

// Checks a diagnostic against what it should say, one check for each thing given.
inline void check_diagnostic(const ddat::Diagnostic& d, const Expected& expected) {
    INFO("the diagnostic: " << ddat::format_diagnostic(d));
    if (!expected.file.empty()) {
        CHECK(d.location.file == expected.file);
    }
    if (expected.line != 0) {
        CHECK(d.location.line == expected.line);
    }
    if (expected.column != 0) {
        CHECK(d.location.column == expected.column);
    }
    if (!expected.message.empty()) {
        CHECK(d.message == expected.message);
    }
    for (const auto& part : expected.contains) {
        INFO("should contain: " << part);
        CHECK(contains(d.message, part));
    }
    for (const auto& part : expected.lacks) {
        INFO("should not contain: " << part);
        CHECK_FALSE(contains(d.message, part));
    }
}

}  // namespace ddat_test
