// The floor for reading a framework: yaml-cpp alone parsing the same files into its own nodes,
// with no checking and no model. bench/run.sh compares ddat's first run against it.
// usage: yaml_parse_only FILE...   prints the milliseconds one parse of all files took
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t nodes = 0;
    for (int i = 1; i < argc; ++i) {
        const YAML::Node root = YAML::LoadFile(argv[i]);
        nodes += root.size();
    }
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    std::printf("%.3f ms (%zu top-level nodes)\n", took.count(), nodes);
    return 0;
}
