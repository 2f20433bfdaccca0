// ddat's entry point: runs the command, then writes its output in one piece, so that a failure
// leaves stdout empty and a closed pipe ends quietly.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cli/app.hpp"

namespace {

// Writes all of text to standard output. A reader that went away (a closed pipe) is not an
// error; any other failure is.
bool write_stdout(const std::string& text) {
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EPIPE) {
                return true;
            }
            std::cerr << "ddat: error: cannot write the output: " << std::strerror(errno) << '\n';
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    std::ostringstream out;
    int code = 0;
    try {
        code = ddat::cli::run(argc, argv, out, std::cerr, ::isatty(STDOUT_FILENO) == 1);
    } catch (const std::exception& e) {
        std::cerr << "ddat: error: " << e.what() << '\n';
        return ddat::cli::kExitInput;
    }
    if (!write_stdout(out.str())) {
        return ddat::cli::kExitInput;
    }
    return code;
}
