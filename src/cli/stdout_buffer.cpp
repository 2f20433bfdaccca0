#include "cli/stdout_buffer.hpp"

#include <unistd.h>

#include <cerrno>
#include <string_view>

namespace ddat::cli {

namespace {

// Writes all of text to fd: 0 when all was written, else the errno of the failed write.
int write_all(int fd, std::string_view text) {
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
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

}  // namespace

StdoutBuffer::StdoutBuffer(int fd, std::size_t held_limit) : fd_(fd), held_limit_(held_limit), chunk_(kChunkBytes) {
    setp(chunk_.data(), chunk_.data() + chunk_.size());
}

void StdoutBuffer::discard() {
    setp(chunk_.data(), chunk_.data() + chunk_.size());
    held_.clear();
    held_.shrink_to_fit();
}

int StdoutBuffer::finish() {
    take_chunk();
    pass_on();
    return error_ == EPIPE ? 0 : error_;
}

StdoutBuffer::int_type StdoutBuffer::overflow(int_type c) {
    take_chunk();
    if (held_.size() >= held_limit_) {
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

void StdoutBuffer::take_chunk() {
    held_.append(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(chunk_.data(), chunk_.data() + chunk_.size());
}

// After a failed write (or a closed pipe) the rest is dropped.
void StdoutBuffer::pass_on() {
    if (error_ == 0) {
        error_ = write_all(fd_, held_);
    }
    held_.clear();
}

}  // namespace ddat::cli
