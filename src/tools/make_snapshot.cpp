// Build step: checks one framework release's folder and writes it as a snapshot, which the build
// then compiles into ddat (see cmake/EmbedFramework.cmake).
// usage: ddat_make_snapshot FRAMEWORK_DIR OUTPUT [--release NAME] [--renames FILE]
//   --renames FILE  the skills renamed since the release before, as a rename file of
//                   'ddat changes' (skills: {old-id: new-id}); each new id must be a skill of
//                   this release
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "ddat/analysis/changes.hpp"
#include "ddat/errors.hpp"
#include "ddat/files.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/renames.hpp"
#include "ddat/load/snapshot.hpp"

namespace {

// The problem of a rename to an id the release lacks.
std::string not_a_skill_message(const std::string& id, const std::string& release) {
    std::string message = "'";
    message.append(id).append("' is not a skill of release ").append(release);
    return message;
}

// Where each part of a built-in release was written is never shown (the build checked it), and
// its file names cost a string each at every start: the snapshot leaves them out.
void forget_locations(ddat::FrameworkData& framework) {
    for (auto& family : framework.families) {
        family.location = {};
    }
    for (auto& skill : framework.skills) {
        skill.location = {};
    }
    for (auto& role : framework.roles) {
        role.location = {};
        for (auto& level : role.levels) {
            level.location = {};
            for (auto& at : level.alias_locations) {
                at = {};
            }
            for (auto& requirement : level.requirements) {
                requirement.location = {};
            }
            for (auto& criterion : level.criteria) {
                criterion.location = {};
            }
        }
    }
}

int usage() {
    std::cerr << "usage: ddat_make_snapshot FRAMEWORK_DIR OUTPUT [--release NAME] [--renames FILE]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        return usage();
    }
    const std::filesystem::path dir = argv[1];
    const std::string output = argv[2];
    std::string release;
    std::string renames_file;
    for (int i = 3; i < argc; i += 2) {
        const std::string option = argv[i];
        if (i + 1 >= argc || (option != "--release" && option != "--renames")) {
            return usage();
        }
        (option == "--release" ? release : renames_file) = argv[i + 1];
    }
    try {
        std::vector<ddat::SourceFile> sources;
        for (const auto& file : ddat::framework_files(dir.string())) {
            const std::string relative = std::filesystem::relative(file, dir).generic_string();
            sources.push_back({"(built-in)/" + relative, ddat::read_input_file(file, ddat::kMaxFrameworkFileBytes)});
        }
        ddat::FrameworkData framework = ddat::load_framework_sources(sources).take_data();
        if (!renames_file.empty()) {
            const ddat::Renames renames =
                ddat::load_renames(ddat::read_input_file(renames_file, std::size_t{1024} * 1024), renames_file);
            std::vector<ddat::Diagnostic> problems;
            for (const auto& [old_id, new_id] : renames.skills) {
                if (std::none_of(framework.skills.begin(), framework.skills.end(),
                                 [&](const ddat::Skill& skill) { return skill.id == new_id; })) {
                    problems.push_back({renames.skill_places.at(old_id).second, not_a_skill_message(new_id, release)});
                }
                framework.renamed_skills.push_back({old_id, new_id, release});
            }
            if (!problems.empty()) {
                throw ddat::InputError(std::move(problems));
            }
        }
        forget_locations(framework);
        std::ofstream out(output, std::ios::binary | std::ios::trunc);
        out << ddat::write_snapshot(ddat::finish_framework(std::move(framework)));
        if (!out) {
            std::cerr << "ddat_make_snapshot: cannot write " << output << '\n';
            return 3;
        }
    } catch (const ddat::InputError& error) {
        for (const auto& problem : error.diagnostics()) {
            std::cerr << "framework: error: " << ddat::format_diagnostic(problem) << '\n';
        }
        return 3;
    }
    return 0;
}
