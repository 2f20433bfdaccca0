// Build step: checks the framework folder and writes it as a snapshot, which the build then
// compiles into ddat (see cmake/EmbedFramework.cmake).
// usage: ddat_make_snapshot FRAMEWORK_DIR OUTPUT
#include <filesystem>
#include <fstream>
#include <iostream>

#include "ddat/errors.hpp"
#include "ddat/files.hpp"
#include "ddat/framework_loader.hpp"
#include "ddat/snapshot.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: ddat_make_snapshot FRAMEWORK_DIR OUTPUT\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    try {
        std::vector<ddat::SourceFile> sources;
        for (const auto& file : ddat::framework_files(dir.string())) {
            const std::string relative = std::filesystem::relative(file, dir).generic_string();
            sources.push_back({"(built-in)/" + relative, ddat::read_input_file(file, ddat::kMaxFrameworkFileBytes)});
        }
        const ddat::Framework framework = ddat::load_framework_sources(sources);
        std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
        out << ddat::write_snapshot(framework);
        if (!out) {
            std::cerr << "ddat_make_snapshot: cannot write " << argv[2] << '\n';
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
