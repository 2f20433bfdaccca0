// The I/O floor for reading a team: every file of a folder opened, read whole and closed, one by
// one, with nothing parsed. bench/run.sh compares 'ddat team' over the same folder against it.
// usage: read_only DIR   prints the number of files and bytes read
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: read_only DIR\n", stderr);
        return 2;
    }
    std::size_t files = 0;
    std::size_t bytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bytes += text.size();
        ++files;
    }
    std::printf("%zu files, %zu bytes\n", files, bytes);
    return 0;
}
