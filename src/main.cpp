// ddat's entry point: runs the command and writes its output, held until the command is done
// (or until it is very large), so that a failure leaves stdout empty and a closed pipe ends
// quietly. A failure that is not the user's (memory running out, a bug) ends with exit code 70.
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>

#include "cli/app.hpp"
#include "cli/stdout_buffer.hpp"
#include "ddat/safe_write.hpp"

namespace {

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
    ddat::cli::StdoutBuffer buffer(STDOUT_FILENO);
    int code = 0;
    try {
        code = ddat::cli::run(argc, argv, buffer, std::cerr, ::isatty(STDOUT_FILENO) == 1);
    } catch (const std::bad_alloc&) {
        buffer.discard();
        std::cerr << "ddat: error: out of memory: ddat needs more memory than it may use here (ulimit -v); "
                     "read fewer files at once, or allow more memory\n";
        return ddat::cli::kExitInternal;
    } catch (const std::exception& e) {
        buffer.discard();
        std::cerr << "ddat: internal error: " << e.what()
                  << "\nddat: this is a bug in ddat, not a problem with your input; please report it\n";
        return ddat::cli::kExitInternal;
    }
    if (const int error = buffer.finish(); error != 0) {
        std::cerr << "ddat: error: cannot write the output: " << std::strerror(error) << '\n';
        return ddat::cli::kExitInput;
    }
    return code;
}
