// Standard output for a command: held while small, so that a command that fails has written
// nothing, and written on in large pieces once it is large, so that memory stays flat.
#pragma once

#include <cstddef>
#include <streambuf>
#include <string>
#include <vector>

namespace ddat::cli {

// A stream buffer over a file descriptor (standard output). What is written is held up to
// held_limit bytes; past that everything held is written and the rest follows as it comes.
class StdoutBuffer : public std::streambuf {
public:
    explicit StdoutBuffer(int fd, std::size_t held_limit = kHeldBytes);

    // Drops what is held and not yet written: the command failed. What was already written
    // (only ever past held_limit) stays written.
    void discard();

    // Writes what is held. Returns 0, or the errno of a failed write other than a closed pipe
    // (EPIPE: the reader went away, which is not an error).
    int finish();

    // True once output has begun to be written before the end.
    [[nodiscard]] bool streaming() const { return streaming_; }

    static constexpr std::size_t kHeldBytes = std::size_t{4} * 1024 * 1024;

protected:
    int_type overflow(int_type c) override;

private:
    static constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

    void take_chunk();
    void pass_on();

    int fd_;
    std::size_t held_limit_;
    std::vector<char> chunk_;
    std::string held_;
    bool streaming_ = false;
    int error_ = 0;
};

}  // namespace ddat::cli
