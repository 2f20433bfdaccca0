// Fuzzes the framework loader with one file: load_framework_sources must either return a
// framework or throw InputError, within the fuzzer's time and memory limits. A framework that
// loads must also write out (framework_to_yaml) and read back, as `ddat import` and
// `ddat framework copy` rely on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/write/framework_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<ddat::SourceFile> files = {{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)}};
    ddat::Framework framework;
    try {
        framework = ddat::load_framework_sources(files);
    } catch (const ddat::InputError& error) {
        if (error.diagnostics().empty()) {
            std::abort();  // an error with nothing to tell the user
        }
        return 0;
    }
    // What loads must write out and read back.
    std::vector<ddat::SourceFile> written = ddat::framework_to_yaml(framework);
    try {
        (void)ddat::load_framework_sources(written);
    } catch (const ddat::InputError&) {
        std::abort();
    }
    return 0;
}
