// ddat's entry point: runs the command, then writes its output in one piece, so that a failure
// leaves stdout empty and a closed pipe ends quietly.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cli/app.hpp"
#include "ddat/safe_write.hpp"

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

// Ctrl-C, kill or a closed terminal while a file or folder is being written: remove the
// temporary copy, then end as the signal would have ended ddat.
extern "C" void end_on_signal(int signal_number) {
    ddat::remove_pending_writes();
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        std::signal(signal_number, end_on_signal);
    }
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
