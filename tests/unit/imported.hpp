// The whole published framework, imported from the CSV download kept beside the project
// (DDAT_SHARED_DIR/framework-csv), for tests that should hold on any framework copy. A user's
// clone has no such folder: the tests then WARN and pass.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "ddat/load/importer.hpp"
#include "ddat/model.hpp"

namespace ddat_test {

// The imported framework, made once; nullptr when the CSV files are not there.
inline const ddat::Framework* imported() {
    static const std::unique_ptr<ddat::Framework> framework = []() -> std::unique_ptr<ddat::Framework> {
        const std::filesystem::path dir = std::filesystem::path(DDAT_SHARED_DIR) / "framework-csv";
        const auto read = [](const std::filesystem::path& path) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            return text.str();
        };
        if (!std::filesystem::exists(dir / "role-content.csv") ||
            !std::filesystem::exists(dir / "skill-descriptions.csv")) {
            return nullptr;
        }
        return std::make_unique<ddat::Framework>(
            ddat::import_framework_csv(read(dir / "role-content.csv"), "role-content.csv",
                                       read(dir / "skill-descriptions.csv"), "skill-descriptions.csv", {})
                .framework);
    }();
    return framework.get();
}

}  // namespace ddat_test

// Starts a test that needs the imported framework: WARNs and returns when it is not there.
#define DDAT_REQUIRE_IMPORTED()                                                                    \
    do {                                                                                           \
        if (ddat_test::imported() == nullptr) {                                                    \
            WARN("skipped: the framework CSV files are not at " DDAT_SHARED_DIR "/framework-csv"); \
            return;                                                                                \
        }                                                                                          \
    } while (false)
