// ddat's entry point: runs the command and writes its output, held until the command is done
// (or until it is very large), so that a failure leaves stdout empty and a closed pipe ends
// quietly.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"
#include "ddat/safe_write.hpp"

namespace {

// Writes all of text to standard output: EPIPE when the reader went away (a closed pipe, not an
// error), another errno when the write failed, 0 when all was written.
int write_all(std::string_view text) {
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

// Standard output for a command. What a command writes is held in memory, so that a command
// that fails has written nothing, up to kHeldBytes; a result larger than that (a team of
// thousands as JSON) is written on as it is made, in large pieces, instead of all being held.
class StdoutBuffer : public std::streambuf {
public:
    StdoutBuffer() : chunk_(kChunkBytes) { setp(chunk_.data(), chunk_.data() + chunk_.size()); }

    // Writes what is held. False when a write failed other than by a closed pipe (reported
    // on stderr).
    bool finish() {
        take_chunk();
        pass_on();
        if (error_ != 0 && error_ != EPIPE) {
            std::cerr << "ddat: error: cannot write the output: " << std::strerror(error_) << '\n';
            return false;
        }
        return true;
    }

protected:
    int_type overflow(int_type c) override {
        take_chunk();
        if (held_.size() >= kHeldBytes) {
            streaming_ = true;
        }
        if (streaming_) {
            pass_on();
        }
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            sputc(traits_type::to_char_type(c));
        }
        return traits_type::not_eof(c);
    }

private:
    static constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;
    static constexpr std::size_t kHeldBytes = std::size_t{4} * 1024 * 1024;

    void take_chunk() {
        held_.append(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(chunk_.data(), chunk_.data() + chunk_.size());
    }

    // After a failed write (or a closed pipe) the rest is dropped.
    void pass_on() {
        if (error_ == 0) {
            error_ = write_all(held_);
        }
        held_.clear();
    }

    std::vector<char> chunk_;
    std::string held_;
    bool streaming_ = false;
    int error_ = 0;
};

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
    StdoutBuffer buffer;
    std::ostream out(&buffer);
    int code = 0;
    try {
        code = ddat::cli::run(argc, argv, out, std::cerr, ::isatty(STDOUT_FILENO) == 1);
    } catch (const std::exception& e) {
        std::cerr << "ddat: error: " << e.what() << '\n';
        return ddat::cli::kExitInput;
    }
    if (!buffer.finish()) {
        return ddat::cli::kExitInput;
    }
    return code;
}
