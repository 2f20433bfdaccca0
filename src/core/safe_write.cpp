#include "ddat/safe_write.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "ddat/text.hpp"

namespace ddat {

namespace fs = std::filesystem;

namespace {

// The temporary path being written, for remove_pending_writes(); one write at a time. Global,
// since a signal handler can reach nothing else.
std::array<char, 4096> g_pending{};      // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
std::atomic<bool> g_has_pending{false};  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

// A path longer than the signal handler can hold is refused before anything is written: cut
// short, the handler would remove another file.
void set_pending(const std::string& path) {
    g_has_pending = false;
    if (path.size() >= g_pending.size()) {
        throw WriteError(path.substr(0, 60) + "...: the path is longer than " + std::to_string(g_pending.size() - 1) +
                         " bytes: choose a shorter one");
    }
    std::memcpy(g_pending.data(), path.data(), path.size());
    g_pending[path.size()] = '\0';
    g_has_pending = true;
}

// Swaps two paths in one step (renameat2 with RENAME_EXCHANGE, Linux 3.15 on most file
// systems). False, with errno, where the kernel or the file system cannot.
bool exchange(const std::string& a, const std::string& b) {
#if defined(SYS_renameat2)
    constexpr unsigned kRenameExchange = 1U << 1U;  // RENAME_EXCHANGE in <linux/fs.h>
    return ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange) == 0;
#else
    errno = ENOSYS;
    return false;
#endif
}

void clear_pending() { g_has_pending = false; }

std::string error_text(int error) { return system_error_text(error); }

void write_all(int fd, const std::string& content, const std::string& path) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw WriteError(path + ": cannot write: " + error_text(errno));
        }
        written += static_cast<std::size_t>(n);
    }
}

// Writes `content` to the open `fd`, with `sync` to the disk too, and closes it, on failure too.
void write_and_close(int fd, const std::string& content, const std::string& shown, bool sync) {
    try {
        write_all(fd, content, shown);
        if (sync && ::fsync(fd) != 0) {
            throw WriteError(shown + ": cannot write: " + error_text(errno));
        }
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) {
        throw WriteError(shown + ": cannot write: " + error_text(errno));
    }
}

// Creates the file `created`; messages name `shown`, the file the user asked for, not a temporary name.
void write_new_file(const std::string& created, const std::string& content, unsigned mode, const std::string& shown) {
    const int fd = ::open(created.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) {
        throw WriteError(shown + ": cannot create: " + error_text(errno));
    }
    write_and_close(fd, content, shown, true);
}

// Writes into what exists at `path` (a device or a pipe), as it is; messages name `shown`. A pipe
// is written only while something reads it: waiting for a reader could wait for ever.
void write_into(const std::string& path, const std::string& content, const std::string& shown) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        throw WriteError(shown + (errno == ENXIO ? ": cannot write: nothing reads from this pipe"
                                                 : ": cannot write: " + error_text(errno)));
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        const int problem = errno;
        ::close(fd);
        throw WriteError(shown + ": cannot write: " + error_text(problem));
    }
    write_and_close(fd, content, shown, false);
}

// The path a chain of symbolic links at `path` ends at (at most 40 of them, as the kernel
// allows), which need not exist; `path` itself when it is no link.
fs::path through_links(const fs::path& path) {
    fs::path at = path;
    std::error_code error;
    for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(at, error)); ++hops) {
        const fs::path next = fs::read_symlink(at, error);
        if (error) {
            break;
        }
        at = next.is_absolute() ? next : at.parent_path() / next;
    }
    return at;
}

std::string temporary_name(const fs::path& target) {
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    return (parent / ("." + target.filename().string() + ".ddat-tmp-" + std::to_string(::getpid()))).string();
}

// Writes `target` through a temporary file beside it and a rename; messages name `path`.
void replace_through_temporary(const std::string& path, const std::string& content, bool replace, unsigned mode,
                               const fs::path& target) {
    std::error_code error;
    if (fs::exists(target, error) && !replace) {
        throw TargetExistsError(path + " exists: choose another name, or add --force to replace it");
    }
    if (fs::is_directory(target, error)) {
        throw WriteError(path + " is a folder");
    }
    const std::string temporary = temporary_name(target);
    fs::remove(temporary, error);
    set_pending(temporary);
    try {
        write_new_file(temporary, content, mode, path);
        fs::rename(temporary, target, error);
        if (error) {
            throw WriteError(path + ": cannot write: " + error.message());
        }
    } catch (...) {
        fs::remove(temporary, error);
        clear_pending();
        throw;
    }
    clear_pending();
}

// Removes name (below the folder dirfd) and, for a folder, everything in it, with system calls
// only: no allocation and no lock, so that it can run in a signal handler that interrupted
// malloc. Folders are read with getdents64 from the start again after each batch, because
// removing entries moves the rest; ddat's temporary folders are two levels deep. True when
// name is gone.
bool remove_tree(int dirfd, const char* name, int depth) noexcept {
    if (::unlinkat(dirfd, name, 0) == 0 || errno == ENOENT) {
        return true;
    }
    const int fd = depth > 16 ? -1 : ::openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    alignas(struct dirent64) char buffer[4096];
    for (;;) {
        const long got = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
        if (got <= 0) {
            break;
        }
        bool removed_any = false;  // when a batch removes nothing, what is left cannot be removed
        for (long offset = 0; offset < got;) {
            // getdents64 fills the buffer with dirent64 records
            const auto* entry = reinterpret_cast<const struct dirent64*>(buffer + offset);  // NOLINT
            offset += entry->d_reclen;
            const char* entry_name = entry->d_name;
            if (std::strcmp(entry_name, ".") == 0 || std::strcmp(entry_name, "..") == 0) {
                continue;
            }
            removed_any = remove_tree(fd, entry_name, depth + 1) || removed_any;
        }
        if (!removed_any || ::lseek(fd, 0, SEEK_SET) != 0) {
            break;
        }
    }
    ::close(fd);
    return ::unlinkat(dirfd, name, AT_REMOVEDIR) == 0;
}

}  // namespace

void remove_pending_writes() noexcept {
    if (g_has_pending) {
        remove_tree(AT_FDCWD, g_pending.data(), 0);
        g_has_pending = false;
    }
}

void write_folder_atomically(const std::string& dir, const std::vector<SourceFile>& files, bool replace) {
    fs::path target(dir);
    if (target.filename().empty()) {
        target = target.parent_path();  // "out/" -> "out"
    }
    std::error_code error;
    const bool exists = fs::exists(target, error);
    if (exists && !fs::is_directory(target, error)) {
        if (!replace) {
            throw TargetExistsError(dir +
                                    " exists and is not a folder: choose another name, or add --force to replace it");
        }
    } else if (exists && !fs::is_empty(target, error) && !replace) {
        throw TargetExistsError(dir + " is not empty: choose another folder, or add --force to replace it");
    }
    const std::string temporary = temporary_name(target);
    fs::remove_all(temporary, error);
    // The first folder on the way to the target that does not exist yet: removed again on failure.
    fs::path first_missing;
    for (fs::path p = fs::absolute(target, error).parent_path(); !p.empty() && !fs::exists(p, error);
         p = p.parent_path()) {
        first_missing = p;
        if (p == p.parent_path()) {
            break;
        }
    }
    set_pending(temporary);
    try {
        if (!fs::create_directories(temporary, error) || error) {
            throw WriteError(temporary + ": cannot create the folder: " + error.message());
        }
        for (const auto& file : files) {
            const fs::path path = fs::path(temporary) / file.name;
            fs::create_directories(path.parent_path(), error);
            if (error) {
                throw WriteError(path.parent_path().string() + ": cannot create the folder: " + error.message());
            }
            write_new_file(path.string(), file.text, 0644, path.string());
        }
        if (exists && exchange(temporary, target.string())) {
            // The new copy is in place and the old one at the temporary name, in one step: a
            // signal before or after it leaves the target whole.
            fs::remove_all(temporary, error);
        } else if (exists) {
            // No exchange here (an old kernel, or a file system without it): two renames. A
            // signal between them leaves the old copy under the hidden name ending "-old".
            const std::string old = temporary + "-old";
            fs::remove_all(old, error);
            fs::rename(target, old, error);
            if (error) {
                throw WriteError(dir + ": cannot replace: " + error.message());
            }
            fs::rename(temporary, target, error);
            if (error) {
                fs::rename(old, target, error);
                throw WriteError(dir + ": cannot replace: " + error.message());
            }
            set_pending(old);  // an interruption from here on leaves no old copy behind
            fs::remove_all(old, error);
        } else {
            fs::rename(temporary, target, error);
            if (error) {
                throw WriteError(dir + ": cannot create: " + error.message());
            }
        }
    } catch (...) {
        fs::remove_all(temporary, error);
        if (!first_missing.empty()) {
            fs::remove_all(first_missing, error);
        }
        clear_pending();
        throw;
    }
    clear_pending();
}

void write_named_file(const std::string& path, const std::string& content, bool replace, unsigned mode) {
    std::error_code error;
    // Replacing a link or a device would lose what the user named.
    const fs::file_status status = fs::status(path, error);
    if (fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status)) {
        write_into(path, content, path);
        return;
    }
    replace_through_temporary(path, content, replace, mode, through_links(path));
}

void write_file_atomically(const std::string& path, const std::string& content, bool replace, unsigned mode) {
    replace_through_temporary(path, content, replace, mode, path);
}

}  // namespace ddat
