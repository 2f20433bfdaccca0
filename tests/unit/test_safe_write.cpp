// Writing through a temporary name and a rename: a folder or file is written whole or not at all,
// an existing one is replaced only when asked, and no temporary entry is ever left behind.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ddat/load/framework_loader.hpp"
#include "ddat/safe_write.hpp"
#include "helpers.hpp"

using ddat::SourceFile;
using ddat::TargetExistsError;
using ddat::write_file_atomically;
using ddat::write_folder_atomically;
using ddat::write_named_file;
using ddat::WriteError;
using ddat_test::contains;
using ddat_test::read_text;
using ddat_test::TempDir;

namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// The names of the entries of a folder (not recursive), sorted.
std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Every entry below dir, at any depth, whose name looks like a temporary of safe_write.
std::vector<std::string> temporaries(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (contains(name, "ddat-tmp")) {
            found.push_back(entry.path().string());
        }
    }
    return found;
}

unsigned mode_bits(const std::string& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return static_cast<unsigned>(status.st_mode) & 0777U;
}

const std::vector<SourceFile> kFiles = {
    {"framework.yaml", "framework:\n  title: T\n"},
    {"skills.yaml", "skills: []\n"},
    {"roles/brm.yaml", "roles: []\n"},
};

}  // namespace

TEST_CASE("write_folder_atomically creates the folder with its files", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out";
    write_folder_atomically(out, kFiles, false);
    REQUIRE(fs::is_directory(out));
    CHECK(entries(out) == std::vector<std::string>{"framework.yaml", "roles", "skills.yaml"});
    CHECK(read_text(fs::path(out) / "framework.yaml") == "framework:\n  title: T\n");
    CHECK(read_text(fs::path(out) / "skills.yaml") == "skills: []\n");
    CHECK(read_text(fs::path(out) / "roles" / "brm.yaml") == "roles: []\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out"});
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("write_folder_atomically accepts a folder name ending in a slash", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out/";
    write_folder_atomically(out, kFiles, false);
    CHECK(fs::exists(fs::path(tmp / "out") / "framework.yaml"));
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("write_folder_atomically writes into an existing empty folder", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out";
    fs::create_directory(out);
    write_folder_atomically(out, kFiles, false);
    CHECK(read_text(fs::path(out) / "skills.yaml") == "skills: []\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("write_folder_atomically refuses a non-empty folder without replace and leaves it alone", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out";
    fs::create_directory(out);
    write_text(fs::path(out) / "mine.txt", "my own file\n");
    try {
        write_folder_atomically(out, kFiles, false);
        FAIL("a TargetExistsError was expected");
    } catch (const TargetExistsError& error) {
        CHECK(contains(error.what(), out));
        CHECK(contains(error.what(), "--force"));
    }
    CHECK(entries(out) == std::vector<std::string>{"mine.txt"});
    CHECK(read_text(fs::path(out) / "mine.txt") == "my own file\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("write_folder_atomically refuses a file in the folder's place without replace", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out";
    write_text(out, "a file\n");
    CHECK_THROWS_AS(write_folder_atomically(out, kFiles, false), TargetExistsError);
    CHECK(fs::is_regular_file(out));
    CHECK(read_text(out) == "a file\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("write_folder_atomically replaces a non-empty folder when asked", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out";
    fs::create_directories(fs::path(out) / "old");
    write_text(fs::path(out) / "old" / "stale.yaml", "stale\n");
    write_text(fs::path(out) / "framework.yaml", "old\n");
    write_folder_atomically(out, kFiles, true);
    CHECK(entries(out) == std::vector<std::string>{"framework.yaml", "roles", "skills.yaml"});
    CHECK(read_text(fs::path(out) / "framework.yaml") == "framework:\n  title: T\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out"});
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("write_folder_atomically leaves nothing behind after a write error", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out";
    // "a.yaml" is a file, so "a.yaml/b.yaml" cannot be created
    const std::vector<SourceFile> files = {{"a.yaml", "a: 1\n"}, {"a.yaml/b.yaml", "b: 2\n"}};
    CHECK_THROWS_AS(write_folder_atomically(out, files, false), WriteError);
    CHECK_FALSE(fs::exists(out));
    CHECK(entries(tmp.path()).empty());
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("write_folder_atomically keeps the old folder after a write error while replacing", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "out";
    fs::create_directory(out);
    write_text(fs::path(out) / "mine.txt", "my own file\n");
    const std::vector<SourceFile> files = {{"a.yaml", "a: 1\n"}, {"a.yaml/b.yaml", "b: 2\n"}};
    CHECK_THROWS_AS(write_folder_atomically(out, files, true), WriteError);
    CHECK(entries(out) == std::vector<std::string>{"mine.txt"});
    CHECK(read_text(fs::path(out) / "mine.txt") == "my own file\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out"});
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("write_folder_atomically leaves no parent folder it made behind after a write error", "[safe-write]") {
    // safe_write.hpp: "on any error nothing is left behind but what was there before"
    TempDir tmp;
    const std::string out = tmp / "missing/out";
    const std::vector<SourceFile> files = {{"a.yaml", "a: 1\n"}, {"a.yaml/b.yaml", "b: 2\n"}};
    CHECK_THROWS_AS(write_folder_atomically(out, files, false), WriteError);
    CHECK(entries(tmp.path()).empty());
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("write_folder_atomically reports a parent folder that does not exist", "[safe-write]") {
    TempDir tmp;
    const std::string out = tmp / "missing/out";
    // the folder is made beside the target, so a missing parent is created or reported, never half-done
    try {
        write_folder_atomically(out, kFiles, false);
        CHECK(read_text(fs::path(out) / "skills.yaml") == "skills: []\n");
    } catch (const WriteError&) {
        CHECK_FALSE(fs::exists(out));
    }
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("write_folder_atomically reports a folder it may not write in", "[safe-write]") {
    if (::geteuid() == 0) {
        WARN("permission check skipped: running as root, which may write anywhere");
        return;
    }
    TempDir tmp;
    const fs::path locked = tmp.path() / "locked";
    fs::create_directory(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_AS(write_folder_atomically((locked / "out").string(), kFiles, false), WriteError);
    fs::permissions(locked, fs::perms::owner_all);
    CHECK(entries(locked).empty());
}

TEST_CASE("write_file_atomically writes a new file with the mode asked for", "[safe-write]") {
    TempDir tmp;
    const mode_t old_mask = ::umask(022);
    const std::string path = tmp / "me-report.txt";
    write_file_atomically(path, "private\n", false, 0600);
    CHECK(read_text(path) == "private\n");
    CHECK(mode_bits(path) == 0600U);
    const std::string shared = tmp / "export.csv";
    write_file_atomically(shared, "a,b\r\n", false);
    CHECK(mode_bits(shared) == 0644U);
    ::umask(old_mask);
    CHECK(entries(tmp.path()) == std::vector<std::string>{"export.csv", "me-report.txt"});
}

TEST_CASE("write_file_atomically gives a replaced file the mode asked for", "[safe-write]") {
    TempDir tmp;
    const std::string path = tmp / "me-report.txt";
    write_text(path, "old\n");
    ::chmod(path.c_str(), 0644);
    write_file_atomically(path, "new\n", true, 0600);
    CHECK(read_text(path) == "new\n");
    CHECK(mode_bits(path) == 0600U);
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("write_file_atomically refuses an existing file without replace", "[safe-write]") {
    TempDir tmp;
    const std::string path = tmp / "out.csv";
    write_text(path, "old\n");
    try {
        write_file_atomically(path, "new\n", false);
        FAIL("a TargetExistsError was expected");
    } catch (const TargetExistsError& error) {
        CHECK(contains(error.what(), path));
        CHECK(contains(error.what(), "--force"));
    }
    CHECK(read_text(path) == "old\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("write_file_atomically replaces an existing file when asked", "[safe-write]") {
    TempDir tmp;
    const std::string path = tmp / "out.csv";
    write_text(path, "old\n");
    write_file_atomically(path, "new\n", true);
    CHECK(read_text(path) == "new\n");
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("write_file_atomically refuses a folder in the file's place", "[safe-write]") {
    TempDir tmp;
    const std::string path = tmp / "out.csv";
    fs::create_directory(path);
    CHECK_THROWS(write_file_atomically(path, "new\n", true));
    CHECK(fs::is_directory(path));
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("write_named_file writes through a symbolic link and leaves the link", "[safe-write]") {
    TempDir tmp;
    fs::create_directory(tmp.path() / "reports");
    write_text(tmp.path() / "reports" / "target.html", "old\n");
    fs::create_symlink("reports/target.html", tmp.path() / "link.html");
    write_named_file(tmp / "link.html", "new\n", true, 0600);
    CHECK(fs::is_symlink(fs::symlink_status(tmp.path() / "link.html")));
    CHECK(read_text(tmp.path() / "reports" / "target.html") == "new\n");
    CHECK(temporaries(tmp.path()).empty());
    CHECK(temporaries(tmp.path() / "reports").empty());
    // without replace, the file the link points to is not replaced
    CHECK_THROWS_AS(write_named_file(tmp / "link.html", "newer\n", false), TargetExistsError);
    CHECK(read_text(tmp.path() / "reports" / "target.html") == "new\n");
    // a link to nothing yet: the file is made where it points
    fs::create_symlink("reports/later.html", tmp.path() / "dangling.html");
    write_named_file(tmp / "dangling.html", "made\n", false);
    CHECK(fs::is_symlink(fs::symlink_status(tmp.path() / "dangling.html")));
    CHECK(read_text(tmp.path() / "reports" / "later.html") == "made\n");
}

TEST_CASE("write_named_file writes into a pipe that is read, and leaves it a pipe", "[safe-write]") {
    TempDir tmp;
    const std::string pipe = tmp / "out.fifo";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    // a reader holds the pipe open, so that the writer's open does not wait
    const int reader = ::open(pipe.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    write_named_file(pipe, "through the pipe\n", false, 0600);
    std::array<char, 64> buffer{};
    const ssize_t n = ::read(reader, buffer.data(), buffer.size());
    ::close(reader);
    REQUIRE(n > 0);
    CHECK(std::string(buffer.data(), static_cast<std::size_t>(n)) == "through the pipe\n");
    CHECK(fs::is_fifo(fs::status(pipe)));
    CHECK(entries(tmp.path()) == std::vector<std::string>{"out.fifo"});
}

TEST_CASE("write_named_file refuses a pipe nothing reads, at once", "[safe-write]") {
    TempDir tmp;
    const std::string pipe = tmp / "out.fifo";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    try {
        write_named_file(pipe, "nobody listens\n", true, 0600);
        FAIL("a WriteError was expected");
    } catch (const WriteError& error) {
        CHECK(std::string(error.what()) == pipe + ": cannot write: nothing reads from this pipe");
    }
    CHECK(fs::is_fifo(fs::status(pipe)));
}

TEST_CASE("write_file_atomically replaces a link or a pipe in its place (the cache's files)", "[safe-write]") {
    TempDir tmp;
    write_text(tmp.path() / "elsewhere", "kept\n");
    fs::create_symlink("elsewhere", tmp.path() / "link");
    write_file_atomically(tmp / "link", "new\n", true);
    CHECK_FALSE(fs::is_symlink(fs::symlink_status(tmp.path() / "link")));
    CHECK(read_text(tmp.path() / "link") == "new\n");
    CHECK(read_text(tmp.path() / "elsewhere") == "kept\n");
    const std::string pipe = tmp / "pipe";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    write_file_atomically(pipe, "a file now\n", true);
    CHECK(fs::is_regular_file(fs::symlink_status(pipe)));
}

TEST_CASE("write_file_atomically leaves nothing behind after a write error", "[safe-write]") {
    TempDir tmp;
    write_text(tmp.path() / "plain", "x\n");
    // a path through a regular file cannot be created
    CHECK_THROWS_AS(write_file_atomically(tmp / "plain/out.csv", "new\n", false), WriteError);
    CHECK_THROWS_AS(write_file_atomically(tmp / "missing/out.csv", "new\n", false), WriteError);
    CHECK(entries(tmp.path()) == std::vector<std::string>{"plain"});
    CHECK(temporaries(tmp.path()).empty());
}

TEST_CASE("a path too long to be removed on a signal is refused before anything is written", "[safe-write]") {
    TempDir tmp;
    // 2,100 "./" steps: a path the kernel would take, longer than the handler can hold
    std::string long_path = tmp / "";
    for (int i = 0; i < 2100; ++i) {
        long_path += "./";
    }
    CHECK_THROWS_WITH(write_file_atomically(long_path + "f.yaml", "x\n", false, 0644),
                      Catch::Contains("the path is longer than 4095 bytes"));
    CHECK_THROWS_WITH(write_folder_atomically(long_path + "out", kFiles, false),
                      Catch::Contains("the path is longer than 4095 bytes"));
    CHECK(entries(tmp.path()).empty());
}
